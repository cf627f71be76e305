// The device authorization sign-in of SSO OIDC as a state machine over an injected API, clock and sleep: register a
// client (or reuse the cached registration until it expires, like the AWS CLI), start the device authorization,
// report the code, then poll CreateToken at the given interval (pending: keep polling; slow down: 5 s more; expired
// code, denial, cancellation and other failures end it with a SignInError). Also the refresh of a cached token.
import * as l10n from '../../l10n';
import { errorName, errorText, type OidcApi } from './ssoApi';
import { cliDate, parseCacheDate, type SsoTokenRecord } from './tokenCache';

/** What the user needs to approve the sign-in in a browser. */
export interface DeviceCode {
  readonly userCode: string;
  readonly verificationUri: string;
  /** The verification URI with the code filled in, when the service gives one. */
  readonly verificationUriComplete?: string;
  readonly expiresAt: Date;
}

export type SignInErrorKind = 'expired' | 'denied' | 'cancelled' | 'failed';

/** Why a sign-in ended without a token; `message` is a sentence for the user. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly kind: SignInErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The session a sign-in is for (a subset of ./ssoConfig's SsoSessionInfo). */
export interface SignInTarget {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
  readonly scopes: readonly string[];
  readonly legacy: boolean;
}

export interface DeviceFlowOptions {
  readonly session: SignInTarget;
  readonly oidc: OidcApi;
  /** The session's cached token file, whose client registration is reused while valid. */
  readonly cached?: SsoTokenRecord;
  readonly onCode: (code: DeviceCode) => void;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Waits `ms`; rejects when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly clientName?: string;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** The scope the AWS CLI registers with when an `[sso-session]` names none. */
export const DEFAULT_SCOPES: readonly string[] = ['sso:account:access'];
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_MS = 5_000;
/** A registration is reused only when it outlives a whole sign-in by this much. */
const REGISTRATION_MARGIN_MS = 15 * 60_000;
/** A token is refreshed when less than this is left. */
export const REFRESH_WINDOW_MS = 15 * 60_000;

const cancelled = (): SignInError => new SignInError('cancelled', l10n.t('The sign-in was cancelled.'));
const failed = (error: unknown): SignInError =>
  new SignInError('failed', l10n.t('The sign-in to IAM Identity Center failed: {0}', errorText(error)));

function toSignInError(error: unknown, signal: AbortSignal): SignInError {
  if (error instanceof SignInError) return error;
  if (signal.aborted || errorName(error) === 'AbortError') return cancelled();
  switch (errorName(error)) {
    case 'ExpiredTokenException':
      return new SignInError('expired', l10n.t('The sign-in code expired before it was approved. Sign in again.'));
    case 'AccessDeniedException':
      return new SignInError('denied', l10n.t('The sign-in was denied in the browser.'));
    default:
      return failed(error);
  }
}

interface Registration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly registrationExpiresAt?: string;
}

function reusableRegistration(options: DeviceFlowOptions): Registration | undefined {
  const { cached, session, now } = options;
  if (!cached?.clientId || !cached.clientSecret || cached.region !== session.region) return undefined;
  const until = parseCacheDate(cached.registrationExpiresAt);
  if (until === undefined || until - now() < REGISTRATION_MARGIN_MS) return undefined;
  return {
    clientId: cached.clientId,
    clientSecret: cached.clientSecret,
    ...(cached.registrationExpiresAt ? { registrationExpiresAt: cached.registrationExpiresAt } : {}),
  };
}

async function register(options: DeviceFlowOptions): Promise<Registration> {
  const reused = reusableRegistration(options);
  if (reused) return reused;
  const { session, oidc, signal } = options;
  const scopes = session.scopes.length > 0 ? [...session.scopes] : session.legacy ? [] : [...DEFAULT_SCOPES];
  const registered = await oidc.registerClient(
    {
      clientName: options.clientName ?? 'snapshot-explorer-aws',
      clientType: 'public',
      ...(scopes.length > 0 ? { scopes } : {}),
    },
    signal,
  );
  const expires = registered.clientSecretExpiresAt;
  return {
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    ...(expires ? { registrationExpiresAt: cliDate(expires * 1000) } : {}),
  };
}

/** Signs in through the device authorization flow; resolves to the record to cache, rejects with a SignInError. */
export async function runDeviceFlow(options: DeviceFlowOptions): Promise<SsoTokenRecord> {
  const { session, oidc, signal, now, sleep } = options;
  try {
    if (signal.aborted) throw cancelled();
    const registration = await register(options);
    const started = await oidc.startDeviceAuthorization(
      { clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl },
      signal,
    );
    const deadline = now() + started.expiresIn * 1000;
    options.onCode({
      userCode: started.userCode,
      verificationUri: started.verificationUri,
      ...(started.verificationUriComplete ? { verificationUriComplete: started.verificationUriComplete } : {}),
      expiresAt: new Date(deadline),
    });
    let interval = (started.interval && started.interval > 0 ? started.interval : DEFAULT_INTERVAL_S) * 1000;
    for (;;) {
      if (signal.aborted) throw cancelled();
      if (now() >= deadline) throw toSignInError({ name: 'ExpiredTokenException' }, signal);
      try {
        const token = await oidc.createToken(
          {
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: DEVICE_GRANT,
            deviceCode: started.deviceCode,
          },
          signal,
        );
        return {
          startUrl: session.startUrl,
          region: session.region,
          accessToken: token.accessToken,
          expiresAt: cliDate(now() + token.expiresIn * 1000),
          ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          ...(registration.registrationExpiresAt ? { registrationExpiresAt: registration.registrationExpiresAt } : {}),
        };
      } catch (error) {
        if (signal.aborted) throw cancelled();
        const name = errorName(error);
        if (name === 'SlowDownException') interval += SLOW_DOWN_MS;
        else if (name !== 'AuthorizationPendingException') throw error;
      }
      await sleep(interval, signal);
    }
  } catch (error) {
    throw toSignInError(error, signal);
  }
}

/** True when the record holds what a refresh needs: a refresh token and a registration that has not expired. */
export function canRefresh(record: SsoTokenRecord, now: number): boolean {
  if (!record.refreshToken || !record.clientId || !record.clientSecret) return false;
  const until = parseCacheDate(record.registrationExpiresAt);
  return record.registrationExpiresAt === undefined || (until !== undefined && until > now);
}

/** True when the token should be refreshed before use: less than 15 minutes left and a refresh is possible. */
export function needsRefresh(record: SsoTokenRecord, now: number): boolean {
  const expires = parseCacheDate(record.expiresAt) ?? 0;
  return expires - now < REFRESH_WINDOW_MS && canRefresh(record, now);
}

/** A fresh access token through the refresh token (grant type refresh_token); rejects with the SDK's error. */
export async function refreshToken(
  record: SsoTokenRecord,
  oidc: OidcApi,
  now: () => number,
  signal?: AbortSignal,
): Promise<SsoTokenRecord> {
  if (!record.refreshToken || !record.clientId || !record.clientSecret) {
    throw new Error('The cached token has no refresh token or client registration.');
  }
  const token = await oidc.createToken(
    {
      clientId: record.clientId,
      clientSecret: record.clientSecret,
      grantType: 'refresh_token',
      refreshToken: record.refreshToken,
    },
    signal,
  );
  return {
    ...record,
    accessToken: token.accessToken,
    expiresAt: cliDate(now() + token.expiresIn * 1000),
    refreshToken: token.refreshToken ?? record.refreshToken,
  };
}
