// The sentence shown when a create call fails: the service's own sentence for its modeled errors (its
// `explainError`), else one for what every service can hit (access denied, throttling, credentials, network), else
// the code and AWS's message. Pure: no `vscode` import.
import type { CopyErrorContext, CopySupport } from '../services/copy';
import type { DeleteSupport } from '../services/deletion';
import type { RestoreErrorContext, RestoreSupport } from '../services/restore';
import type { SnapshotService } from '../services/service';
import { sentence, type CreateErrorContext, type ErrorFacts } from '../services/errorText';
import * as l10n from '../l10n';

export type { CreateErrorContext, ErrorFacts } from '../services/errorText';

/** The part of a service the explanations use (a SnapshotService fits). */
export type ErrorService = Pick<SnapshotService, 'id' | 'label' | 'createOperation' | 'iamActions' | 'explainError'>;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the code, message and extra members of an error, whatever client threw it. */
export function errorFacts(error: unknown): ErrorFacts {
  const e = record(error);
  const meta = record(e.$metadata);
  const gateway = record(e.error);
  const name = str(e.name) === 'Error' ? undefined : str(e.name);
  const rawCode = name ?? str(e.code) ?? str(e.Code) ?? str(e.__type) ?? 'Error';
  // awsJson error types may arrive as "namespace#Code" or "Code:url".
  const code = rawCode.replace(/^.*#/, '').replace(/:.*$/, '');
  const message = str(e.message) ?? str(e.Message) ?? (error instanceof Error ? error.message : String(error));
  return {
    code,
    message,
    httpStatus: typeof meta.httpStatusCode === 'number' ? meta.httpStatusCode : undefined,
    attempts: typeof meta.attempts === 'number' ? meta.attempts : undefined,
    quotaCode: str(e.quotaCode),
    serviceCode: str(e.serviceCode),
    gatewayErrorCode: str(gateway.errorCode),
    reason: str(e.reason),
  };
}

const throttlingCodes = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);
const accessDeniedCodes = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'NotAuthorized',
]);
const credentialCodes = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'AuthFailure',
  'TokenRefreshRequired',
]);
const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError']);

/** The call that failed: its API operation and the IAM action it needs. */
interface FailedCall {
  readonly operation: string;
  readonly action: string;
}

function common(facts: ErrorFacts, service: ErrorService, call: FailedCall, c: CreateErrorContext): string | undefined {
  const { operation, action } = call;
  if (accessDeniedCodes.has(facts.code) || (facts.httpStatus === 403 && !credentialCodes.has(facts.code))) {
    // AWS's message usually names the refused action ("… is not authorized to perform: rds:CreateDBInstance …").
    const named = /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(facts.message)?.[1];
    const actions = named ?? action;
    const permission = actions.includes(',') ? l10n.t('those IAM permissions') : l10n.t('that IAM permission');
    return l10n.t(
      'Access denied: profile {0} may not call {1}. Ask your administrator for {2} (on this resource), then retry.',
      c.profile,
      actions,
      permission,
    );
  }
  if (throttlingCodes.has(facts.code) || facts.httpStatus === 429) {
    const tries = facts.attempts && facts.attempts > 1 ? l10n.t(' even after {0} attempts', facts.attempts) : '';
    return l10n.t('AWS throttled the {0} request{1}. Wait a minute, then retry.', operation, tries);
  }
  if (credentialCodes.has(facts.code)) {
    return l10n.t(
      'The credentials of profile {0} were rejected or have expired ({1}). Refresh them (e.g. aws sso login --profile {2}), then retry.',
      c.profile,
      facts.code,
      c.profile,
    );
  }
  if (networkCodes.has(facts.code)) {
    return l10n.t(
      'Could not reach {0} in {1} ({2}). Check your network or the endpoint setting, then retry.',
      service.label,
      c.region,
      facts.code,
    );
  }
  return undefined;
}

/** The sentence to show when a create call fails. */
export function createErrorMessage(error: unknown, service: ErrorService, c: CreateErrorContext): string {
  const facts = errorFacts(error);
  const call = {
    operation: service.createOperation,
    action: service.iamActions?.create ?? `${service.id}:${service.createOperation}`,
  };
  const specific = service.explainError?.(facts, c) ?? common(facts, service, call, c);
  if (specific) return specific;
  return l10n.t('{0} failed ({1}): {2}', service.createOperation, facts.code, sentence(facts.message));
}

/**
 * The sentence to show when a restore fails: the restore's own sentence for its modeled errors, else the common
 * ones (access denied names the restore's IAM actions), else the code and AWS's message.
 */
export function restoreErrorMessage(
  error: unknown,
  service: ErrorService,
  restore: RestoreSupport,
  c: RestoreErrorContext,
): string {
  const facts = errorFacts(error);
  const call = { operation: restore.operation, action: restore.iamActions.join(', ') || restore.operation };
  const specific = restore.explainError?.(facts, c) ?? common(facts, service, call, c);
  if (specific) return specific;
  return l10n.t('{0} failed ({1}): {2}', restore.operation, facts.code, sentence(facts.message));
}

/** The sentence to show when a delete call fails (the service's sentence for its modeled errors first). */
export function deleteErrorMessage(
  error: unknown,
  service: ErrorService,
  deletion: DeleteSupport,
  c: CreateErrorContext,
): string {
  const facts = errorFacts(error);
  const call = { operation: deletion.operation, action: deletion.iamActions.join(', ') || deletion.operation };
  const specific = deletion.explainError?.(facts, c) ?? common(facts, service, call, c);
  if (specific) return specific;
  return l10n.t('{0} failed ({1}): {2}', deletion.operation, facts.code, sentence(facts.message));
}

/** The sentence to show when a copy call fails. */
export function copyErrorMessage(
  error: unknown,
  service: ErrorService,
  copy: CopySupport,
  c: CopyErrorContext,
): string {
  const facts = errorFacts(error);
  const call = { operation: copy.operation, action: copy.iamActions.join(', ') || copy.operation };
  const specific = copy.explainError?.(facts, c) ?? common(facts, service, call, c);
  if (specific) return specific;
  return l10n.t('{0} failed ({1}): {2}', copy.operation, facts.code, sentence(facts.message));
}
