// The usable access token of a session: read from the shared cache file on every use (the AWS CLI may have signed in
// or out meanwhile), refreshed with the refresh token when less than 15 minutes are left (one refresh at a time per
// session, the result written back to the cache), else a SsoSignInRequiredError saying why there is none.
import type { Logger } from '../../log';
import { describeError } from '../redact';
import { needsRefresh, refreshToken } from './deviceFlow';
import type { OidcApi } from './ssoApi';
import type { SsoSessionInfo } from './ssoConfig';
import { notSignedIn, signInExpired } from './ssoErrors';
import { parseCacheDate, type SsoTokenRecord, type TokenCache } from './tokenCache';

export interface TokenKeeperDeps {
  readonly cache: TokenCache;
  readonly oidc: (region: string) => Promise<OidcApi>;
  readonly now: () => number;
  readonly logger: Logger;
  /** Told after a refresh wrote a new token. */
  readonly refreshed: (session: string) => void;
}

export interface TokenKeeper {
  /** The session's cached record when it belongs to the session's portal (a start URL changed since: none). */
  record(session: SsoSessionInfo): Promise<SsoTokenRecord | undefined>;
  /** A usable access token, refreshed first when due; rejects with a SsoSignInRequiredError when there is none. */
  accessToken(session: SsoSessionInfo): Promise<string>;
}

export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const { cache, logger } = deps;
  const refreshing = new Map<string, Promise<SsoTokenRecord>>();

  async function record(session: SsoSessionInfo): Promise<SsoTokenRecord | undefined> {
    const found = await cache.read(session.cacheKey);
    if (found && found.startUrl !== '' && found.startUrl !== session.startUrl) return undefined;
    return found;
  }

  function refresh(session: SsoSessionInfo, current: SsoTokenRecord): Promise<SsoTokenRecord> {
    let pending = refreshing.get(session.cacheKey);
    if (!pending) {
      pending = (async () => {
        const oidc = await deps.oidc(session.region);
        const next = await refreshToken(current, oidc, deps.now);
        await cache.write(session.cacheKey, next);
        logger.info(`Refreshed the IAM Identity Center token of session "${session.name}" (until ${next.expiresAt})`);
        deps.refreshed(session.name);
        return next;
      })().finally(() => refreshing.delete(session.cacheKey));
      refreshing.set(session.cacheKey, pending);
    }
    return pending;
  }

  async function accessToken(session: SsoSessionInfo): Promise<string> {
    const current = await record(session);
    if (!current) throw notSignedIn(session.name);
    const expires = parseCacheDate(current.expiresAt) ?? 0;
    if (needsRefresh(current, deps.now())) {
      try {
        return (await refresh(session, current)).accessToken;
      } catch (error) {
        logger.warn(
          `The IAM Identity Center token of session "${session.name}" could not be refreshed: ${describeError(error)}`,
        );
      }
    }
    if (expires <= deps.now()) throw signInExpired(session.name, expires);
    return current.accessToken;
  }

  return { record, accessToken };
}
