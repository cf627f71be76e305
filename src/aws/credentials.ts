// One credential provider per profile, built lazily from @aws-sdk/credential-providers (fromIni with the file
// paths passed explicitly and its inner STS / SSO clients on the profile's configured endpoints, see ./innerClients;
// fromEnv for `@env`), resolved on first use, cached until shortly before expiry, and shared: concurrent first calls
// wait for one resolution (one MFA prompt, one SSO token read).
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from '../log';
import {
  configuredEndpoints,
  innerClientOptions,
  planProfile,
  sdkStsCalls,
  type EndpointResolver,
} from './innerClients';
import { configFilePath, credentialsFilePath } from './paths';
import { ENVIRONMENT_PROFILE } from './profiles';
import { describeError } from './redact';
import { mergeProfileFiles } from './roleChain';
import { loadSdk } from './sdkLoader';

type Env = Readonly<Record<string, string | undefined>>;

/** Refresh this long before `expiration`, like the SDK's own identity cache. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/** Builds the underlying provider of a profile (resolved by the source on a cache miss or near expiry). */
export type ProviderFactory = (profile: string) => Promise<AwsCredentialIdentityProvider>;

/** What the default provider factory (the SDK's fromIni / fromEnv) needs. */
export interface DefaultProviderOptions {
  readonly env: Env;
  /** Asks the user for the current code of an MFA device (e.g. in an input box); a throw cancels the resolution. */
  readonly mfaCodeProvider?: (serialArn: string) => Promise<string>;
  readonly logger: Logger;
  /**
   * The endpoint of a service's client for a profile, as the service clients get it: pass the client factory's
   * `endpointFor`. Default: AWS_ENDPOINT_URL_<SERVICE> and the profile's config only (no extension setting).
   */
  readonly endpoints?: EndpointResolver;
  /** The request timeout of the inner STS clients (default: the SDK's). */
  readonly requestTimeoutMs?: () => number;
}

interface CacheOptions {
  readonly logger: Logger;
  /** The clock (ms since epoch); tests pass their own. */
  readonly now?: () => number;
  readonly refreshMarginMs?: number;
}

export interface CredentialSourceOptions extends DefaultProviderOptions, CacheOptions {
  /**
   * Builds the underlying provider of a profile. Default: `defaultProviderFactory` of these options; a factory of
   * one's own may serve some names itself and hand the others to it.
   */
  readonly createProvider?: ProviderFactory;
}

export interface CredentialSource {
  /** The provider of a profile: every provider of one profile shares its cache and its pending resolution. */
  provider(profile: string): AwsCredentialIdentityProvider;
  /** Drops cached credentials of one profile, or of all: the next use resolves afresh (re-reading the files). */
  forget(profile?: string): void;
}

interface Entry {
  base?: Promise<AwsCredentialIdentityProvider>;
  identity?: AwsCredentialIdentity;
  pending?: Promise<AwsCredentialIdentity>;
}

/**
 * The SDK's providers: fromEnv for `@env`, else fromIni. Each resolution reads the files again (it only happens on a
 * cache miss or near expiry) and decides the endpoints of fromIni's inner clients afresh (./innerClients).
 */
export function defaultProviderFactory(options: DefaultProviderOptions): ProviderFactory {
  return async (profile) => {
    const sdk = await loadSdk();
    if (profile === ENVIRONMENT_PROFILE) return sdk.fromEnv();
    const files = { filepath: credentialsFilePath(options.env), configFilepath: configFilePath(options.env) };
    const sts = sdkStsCalls(sdk, options);
    const endpoints = options.endpoints ?? configuredEndpoints(options.env);
    return async (properties) => {
      const { configFile, credentialsFile } = await loadSharedConfigFiles({ ...files, ignoreCache: true });
      const plan = await planProfile(profile, mergeProfileFiles(configFile, credentialsFile), endpoints);
      return sdk.fromIni({
        profile,
        ...files,
        ignoreCache: true,
        ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
        ...innerClientOptions(plan, sts, options.logger),
      })(properties);
    };
  };
}

export function createCredentialSource(options: CredentialSourceOptions): CredentialSource {
  const entries = new Map<string, Entry>();
  const createProvider = options.createProvider ?? defaultProviderFactory(options);
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const { logger } = options;

  const isFresh = (identity: AwsCredentialIdentity): boolean =>
    identity.expiration === undefined || identity.expiration.getTime() - margin > now();

  async function resolve(profile: string, entry: Entry, properties: Record<string, unknown> | undefined) {
    logger.debug(`Resolving credentials of profile "${profile}"`);
    try {
      entry.base ??= createProvider(profile);
      const identity = await (await entry.base)(properties);
      entry.identity = identity;
      const until = identity.expiration ? `valid until ${identity.expiration.toISOString()}` : 'no expiry';
      logger.debug(`Credentials of profile "${profile}" resolved (${until})`);
      return identity;
    } catch (error) {
      entry.base = undefined;
      logger.debug(`Credentials of profile "${profile}" could not be resolved: ${describeError(error)}`);
      throw error;
    }
  }

  function credentialsOf(profile: string, properties?: Record<string, unknown>): Promise<AwsCredentialIdentity> {
    let entry = entries.get(profile);
    if (!entry) {
      entry = {};
      entries.set(profile, entry);
    }
    const forceRefresh = properties?.forceRefresh === true;
    if (!forceRefresh && entry.identity && isFresh(entry.identity)) return Promise.resolve(entry.identity);
    const current = entry;
    // After forget(), a late result lands in the dropped entry only.
    current.pending ??= resolve(profile, current, properties).finally(() => {
      current.pending = undefined;
    });
    return current.pending;
  }

  return {
    provider: (profile) => (properties) => credentialsOf(profile, properties),
    forget: (profile) => {
      if (profile === undefined) entries.clear();
      else entries.delete(profile);
    },
  };
}
