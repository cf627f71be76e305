// The IAM Identity Center facade the tree and the UI use: the sessions of the config file, their sign-in status (from
// the shared token cache), the accounts and roles of a session (the SSO portal, one page per call), credentials of a
// synthetic `sso:` profile (GetRoleCredentials with the cached, refreshed token), the device-flow sign-in and the
// sign-out. Filters and ordering (./accountFilters) are the caller's. No `vscode`: every dependency is passed in.
import { setTimeout as delay } from 'node:timers/promises';
import type { HttpHandler } from '@smithy/protocol-http';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import * as l10n from '../../l10n';
import type { Logger } from '../../log';
import { canRefresh, runDeviceFlow, SignInError, type DeviceCode } from './deviceFlow';
import { errorName, type SsoApis } from './ssoApi';
import { coveredProfiles, discoverSsoSessions, type SsoSessionInfo } from './ssoConfig';
import { signInRejected } from './ssoErrors';
import { createSsoSdkApis, type SsoEndpointKind } from './ssoSdkApis';
import { createTokenKeeper } from './ssoTokens';
import { createTokenCache, parseCacheDate, type TokenCache } from './tokenCache';
import { parseSsoProfileName, ssoProfileName } from './ssoProfiles';

export type { DeviceCode } from './deviceFlow';
export { SignInError } from './deviceFlow';
export type { SsoSessionInfo, SsoSessionProfile } from './ssoConfig';
export { isSsoSignInRequired, SsoSignInRequiredError } from './ssoErrors';

type Env = Readonly<Record<string, string | undefined>>;

export interface SsoAccount {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
}

export interface SsoRole {
  readonly accountId: string;
  readonly name: string;
  /** The role's synthetic profile name (`ssoProfileName`), or the name of the hand-written profile that covers it. */
  readonly profile: string;
}

export interface SsoStatus {
  /** A token is cached that is valid (and the portal has not refused it), or can be refreshed without the user. */
  readonly signedIn: boolean;
  /** When the cached access token expires. */
  readonly expiresAt?: Date;
  /** The cached token can be refreshed (a refresh token and a valid client registration). */
  readonly refreshable: boolean;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export interface IdentityCenter {
  sessions(): Promise<SsoSessionInfo[]>;
  status(session: string): Promise<SsoStatus>;
  /**
   * Refreshes the session's token when less than 15 minutes are left and it can be (e.g. instead of warning that the
   * sign-in expires soon), then says the status. A refresh that fails leaves the token as it is.
   */
  refresh(session: string): Promise<SsoStatus>;
  listAccounts(
    session: string,
    nextToken: string | undefined,
    pageSize: number,
    signal: AbortSignal,
  ): Promise<Page<SsoAccount>>;
  listRoles(
    session: string,
    accountId: string,
    nextToken: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<SsoRole>>;
  /** For an `sso:` profile name, its credentials provider; undefined for any other name. */
  provider(profile: string): AwsCredentialIdentityProvider | undefined;
  /** The device-flow sign-in; rejects with a SignInError. */
  signIn(
    session: string,
    options: { onCode(code: DeviceCode): void; signal: AbortSignal },
  ): Promise<{ expiresAt: Date }>;
  /** Logout (a token the portal no longer knows is fine), then the cache file removed. */
  signOut(session: string): Promise<void>;
  /** Told after a sign-in, a sign-out or a refresh of a session's token. */
  onDidChangeSession(listener: (session: string) => void): { dispose(): void };
  /** Closes the clients' connections. */
  dispose(): void;
}

export interface IdentityCenterDeps {
  readonly env: Env;
  /** The folder that holds `.aws/sso/cache` (the user's home; tests: a temporary folder). */
  readonly homeDir: string;
  readonly now?: () => number;
  /** Waits `ms`, rejecting when the signal aborts (default: a timer). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The `snapshotExplorer.endpoints` override of `sso` / `sso-oidc` (or `*`); undefined: AWS's public endpoint. */
  readonly endpointFor: (kind: SsoEndpointKind, region: string) => Promise<string | undefined>;
  readonly logger: Logger;
  readonly requestHandler?: HttpHandler<object>;
  readonly userAgent?: string;
  /** The portal and OIDC calls (default: the SDK's clients); tests pass fakes. */
  readonly apis?: SsoApis;
  readonly cache?: TokenCache;
}

export function createIdentityCenter(deps: IdentityCenterDeps): IdentityCenter {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const { logger } = deps;
  const cache = deps.cache ?? createTokenCache(deps.homeDir);
  const apis =
    deps.apis ??
    createSsoSdkApis({
      endpointFor: deps.endpointFor,
      logger,
      ...(deps.requestHandler ? { requestHandler: deps.requestHandler } : {}),
      ...(deps.userAgent ? { userAgent: deps.userAgent } : {}),
    });
  const listeners = new Set<(session: string) => void>();
  const changed = (session: string): void => {
    for (const listener of [...listeners]) {
      try {
        listener(session);
      } catch (error) {
        logger.error(error instanceof Error ? error : String(error));
      }
    }
  };
  const tokens = createTokenKeeper({ cache, oidc: apis.oidc, now, logger, refreshed: changed });

  async function sessionNamed(name: string): Promise<SsoSessionInfo> {
    const found = (await discoverSsoSessions(deps.env)).find((session) => session.name === name);
    if (!found) throw new Error(l10n.t('The AWS config file has no IAM Identity Center session {0}.', name));
    return found;
  }

  async function usable(name: string): Promise<SsoSessionInfo> {
    const session = await sessionNamed(name);
    if (session.error !== undefined) throw new Error(session.error);
    return session;
  }

  /**
   * Access tokens the portal refused though the cache says they are valid (revoked, or expired early): their session
   * is not signed in, and they are not sent again. A new sign-in or refresh writes another token.
   */
  const rejected = new Set<string>();

  /** Runs a portal call with the session's token; a token the portal refuses means signing in again. */
  async function withToken<T>(session: SsoSessionInfo, call: (accessToken: string) => Promise<T>): Promise<T> {
    const accessToken = await tokens.accessToken(session);
    if (rejected.has(accessToken)) throw signInRejected(session.name);
    try {
      return await call(accessToken);
    } catch (error) {
      if (errorName(error) !== 'UnauthorizedException') throw error;
      // Told once: the session's node then says it is not signed in (its branches load again, without a call).
      if (!rejected.has(accessToken)) {
        rejected.add(accessToken);
        changed(session.name);
      }
      throw signInRejected(session.name);
    }
  }

  async function roleCredentials(profile: string, parts: { session: string; accountId: string; roleName: string }) {
    const session = await usable(parts.session);
    const portal = await apis.portal(session.region);
    const credentials = await withToken(session, (accessToken) =>
      portal.getRoleCredentials({ accessToken, accountId: parts.accountId, roleName: parts.roleName }),
    );
    logger.debug(`Got credentials of "${profile}" until ${new Date(credentials.expiration).toISOString()}`);
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: new Date(credentials.expiration),
      accountId: parts.accountId,
    };
  }

  async function status(name: string): Promise<SsoStatus> {
    const record = await tokens.record(await sessionNamed(name));
    if (!record || rejected.has(record.accessToken)) return { signedIn: false, refreshable: false };
    const expires = parseCacheDate(record.expiresAt) ?? 0;
    const refreshable = canRefresh(record, now());
    return { signedIn: expires > now() || refreshable, expiresAt: new Date(expires), refreshable };
  }

  return {
    sessions: () => discoverSsoSessions(deps.env),
    status,

    async refresh(name) {
      const session = await sessionNamed(name);
      if (session.error === undefined) await tokens.accessToken(session).catch(() => undefined);
      return status(name);
    },

    async listAccounts(name, nextToken, pageSize, signal) {
      const session = await usable(name);
      const portal = await apis.portal(session.region);
      const page = await withToken(session, (accessToken) =>
        portal.listAccounts({ accessToken, maxResults: pageSize, ...(nextToken ? { nextToken } : {}) }, signal),
      );
      return {
        items: page.accounts.map((account) => ({
          id: account.accountId,
          name: account.accountName ?? account.accountId,
          ...(account.emailAddress ? { email: account.emailAddress } : {}),
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },

    async listRoles(name, accountId, nextToken, signal) {
      const session = await usable(name);
      const portal = await apis.portal(session.region);
      const page = await withToken(session, (accessToken) =>
        portal.listAccountRoles({ accessToken, accountId, ...(nextToken ? { nextToken } : {}) }, signal),
      );
      const covered = coveredProfiles([session]);
      return {
        items: page.roles.map((roleName) => {
          const synthetic = ssoProfileName(session.name, accountId, roleName);
          return { accountId, name: roleName, profile: covered.get(synthetic) ?? synthetic };
        }),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },

    provider(profile) {
      const parts = parseSsoProfileName(profile);
      return parts ? () => roleCredentials(profile, parts) : undefined;
    },

    async signIn(name, options) {
      const session = await sessionNamed(name);
      if (session.error !== undefined) throw new SignInError('failed', session.error);
      const oidc = await apis.oidc(session.region);
      const cached = await cache.read(session.cacheKey);
      const record = await runDeviceFlow({
        session,
        oidc,
        ...(cached ? { cached } : {}),
        onCode: options.onCode,
        signal: options.signal,
        now,
        sleep,
      });
      await cache.write(session.cacheKey, record);
      logger.info(`Signed in to IAM Identity Center session "${session.name}" (until ${record.expiresAt})`);
      changed(session.name);
      return { expiresAt: new Date(parseCacheDate(record.expiresAt) ?? now()) };
    },

    async signOut(name) {
      const session = await sessionNamed(name);
      const record = await tokens.record(session);
      if (record && session.region !== '' && (parseCacheDate(record.expiresAt) ?? 0) > now()) {
        const portal = await apis.portal(session.region);
        try {
          await portal.logout({ accessToken: record.accessToken });
        } catch (error) {
          // The portal no longer knows the token: it is signed out already.
          if (errorName(error) !== 'UnauthorizedException') throw error;
        }
      }
      await cache.remove(session.cacheKey);
      logger.info(`Signed out of IAM Identity Center session "${session.name}"`);
      changed(session.name);
    },

    onDidChangeSession(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },

    dispose: () => apis.dispose(),
  };
}
