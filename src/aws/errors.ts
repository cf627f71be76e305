// Turns whatever an AWS call threw (SDK service errors, credential provider errors, Node socket errors,
// aborts) into one of a few kinds the UI knows how to handle, and says how to re-authenticate a profile.
import type { ProfileInfo } from './profiles';
import {
  CONFLICT_CODES,
  EXPIRED_CODES,
  INVALID_CODES,
  NETWORK_CODES,
  NOT_FOUND_CODES,
  QUOTA_CODES,
  THROTTLED_CODES,
  VALIDATION_CODES,
} from './errorCodes';
import { redactSecrets } from './redact';
import * as l10n from '../l10n';

export type AwsErrorKind =
  | 'credentials-expired'
  | 'credentials-missing'
  | 'credentials-invalid'
  | 'access-denied'
  | 'network'
  | 'throttled'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'quota'
  | 'cancelled'
  | 'other';

export interface AwsErrorInfo {
  readonly kind: AwsErrorKind;
  /** The service's error code (e.g. `ThrottlingException`) or the Node error code (e.g. `ECONNREFUSED`). */
  readonly code?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** The error's own message, with any secret masked. */
  readonly message: string;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; extendedRequestId?: unknown };
  $response?: { statusCode?: unknown };
  cause?: unknown;
}

function asObject(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The most specific code: a Node error code (also on the cause), else a service code, else the error's name. */
function codeOf(error: ErrorLike, depth = 0): string | undefined {
  const nodeCode = str(error.code);
  if (nodeCode) return nodeCode;
  const name = str(error.name);
  if (depth < 5 && error.cause !== undefined) {
    const causeCode = codeOf(asObject(error.cause), depth + 1);
    if (causeCode && (!name || name === 'Error')) return causeCode;
    if (causeCode && NETWORK_CODES.has(causeCode)) return causeCode;
  }
  return str(error.Code) ?? (name && name !== 'Error' ? name : undefined);
}

function kindOf(code: string | undefined, status: number | undefined, error: ErrorLike): AwsErrorKind {
  const message = str(error.message) ?? '';
  const name = str(error.name) ?? '';
  if (name === 'AbortError' || code === 'AbortError' || code === 'ABORT_ERR') return 'cancelled';
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if (/expired|refresh|sso login|sso session|session token|UnauthorizedException/i.test(message)) {
      return 'credentials-expired';
    }
    if (
      /could not (load|resolve) credentials|could not be found|was not found|unable to find|not found in|multi-factor/i.test(
        message,
      )
    ) {
      return 'credentials-missing';
    }
    return 'credentials-invalid';
  }
  if (code === undefined) {
    return status === 403 ? 'access-denied' : status === 404 ? 'not-found' : status === 429 ? 'throttled' : 'other';
  }
  if (EXPIRED_CODES.has(code) || /expired/i.test(code)) return 'credentials-expired';
  if (INVALID_CODES.has(code)) return 'credentials-invalid';
  if (code.startsWith('AccessDenied') || code === 'UnauthorizedOperation' || code === 'Forbidden') {
    return 'access-denied';
  }
  if (THROTTLED_CODES.has(code) || status === 429) return 'throttled';
  if (NETWORK_CODES.has(code)) return 'network';
  if (QUOTA_CODES.test(code)) return 'quota';
  if (NOT_FOUND_CODES.test(code)) return 'not-found';
  if (CONFLICT_CODES.test(code)) return 'conflict';
  if (VALIDATION_CODES.has(code) || /^Invalid|Malformed/.test(code)) return 'validation';
  if (status === 403) return 'access-denied';
  if (status === 404) return 'not-found';
  return 'other';
}

export function classifyAwsError(error: unknown): AwsErrorInfo {
  const e = asObject(error);
  const code = codeOf(e);
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const httpStatus = typeof status === 'number' ? status : undefined;
  const requestId = str(e.$metadata?.requestId);
  const rawMessage = str(e.message) ?? (typeof error === 'string' ? error : code) ?? l10n.t('Unknown error');
  return {
    kind: kindOf(code, httpStatus, e),
    ...(code ? { code } : {}),
    ...(requestId ? { requestId } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    message: redactSecrets(rawMessage),
  };
}

export interface ReauthenticateAdvice {
  /** A command to run in a terminal, when one fixes it. */
  readonly command?: string;
  readonly message: string;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * How to get fresh credentials for a profile. Pass every discovered profile to follow a role's
 * source_profile chain to the profile that actually needs re-authenticating.
 */
export function reauthenticateAdvice(profile: ProfileInfo, all: readonly ProfileInfo[] = []): ReauthenticateAdvice {
  const name = profile.name;
  switch (profile.kind) {
    case 'sso':
      return {
        command: `aws sso login --profile ${shellQuote(name)}`,
        message: l10n.t(
          'The SSO session of profile "{0}" has expired or is not signed in. Sign in again with the AWS CLI.',
          name,
        ),
      };
    case 'env':
      return {
        message: l10n.t(
          'The environment credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) are expired or invalid. Set fresh ones in the environment VS Code starts from, then restart VS Code.',
        ),
      };
    case 'static':
      return {
        command: `aws configure --profile ${shellQuote(name)}`,
        message: l10n.t(
          'The access keys of profile "{0}" are invalid or expired. Enter current keys with the AWS CLI or edit the credentials file.',
          name,
        ),
      };
    case 'assume-role': {
      const source = all.find((p) => p.name === profile.sourceProfile && p.name !== name);
      if (source) {
        const inner = reauthenticateAdvice(
          source,
          all.filter((p) => p.name !== name),
        );
        return {
          ...inner,
          message: l10n.t(
            'Profile "{0}" assumes its role with the credentials of profile "{1}". {2}',
            name,
            source.name,
            inner.message,
          ),
        };
      }
      const role = profile.roleArn ? ` ${profile.roleArn}` : '';
      return {
        message: l10n.t(
          'Profile "{0}" could not assume its role{1}. Check the credentials of its source and the role\'s trust policy.',
          name,
          role,
        ),
      };
    }
    case 'process':
      return {
        message: l10n.t(
          'The credential_process of profile "{0}" returned expired or invalid credentials. Refresh the tool it runs (for example, sign in again), then retry.',
          name,
        ),
      };
    case 'web-identity':
      return {
        message: l10n.t(
          'The web identity token file of profile "{0}" holds an expired or invalid token. Its issuer must write a fresh one.',
          name,
        ),
      };
    default:
      return {
        message: l10n.t(
          'Profile "{0}" has no usable credentials. Check it in the AWS config and credentials files.',
          name,
        ),
      };
  }
}
