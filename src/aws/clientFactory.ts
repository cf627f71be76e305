// The client factory: one client per (kind, profile, region), created on first use from the lazily loaded SDK,
// with the endpoint of `endpoints.ts` (refused by the guard when a configured override is missing), adaptive
// retries, the request timeout, the user-agent suffix, a limit on requests in flight per profile and region, and
// one debug log line per client (its endpoint and where it came from) and per call.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from '../log';
import { errorCodeOf, logCall } from './callLog';
import type { AwsClients, ClientKind, ClientTypes } from './clients';
import { createLimiter, LimitedRequestHandler, type Limiter } from './concurrency';
import type { ProfileEndpointReader } from './endpointConfig';
import type { EndpointGuard } from './endpointGuard';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import type { Sdk } from './sdkLoader';
import { loadSdk } from './sdkLoader';

export const DEFAULT_MAX_ATTEMPTS = 3;
/** A connection that takes longer than this to open fails early, within the request timeout. */
const MAX_CONNECTION_TIMEOUT_MS = 10_000;
/**
 * Open connections per host in the shared pool: no cap of its own (Node's default). The limiters already keep each
 * profile and region to `maxConcurrentRequests`; a cap per host would make places queue behind each other where
 * they share a host (every profile's regional endpoint, or one endpoint override for all, such as the emulator).
 */
const MAX_SOCKETS_PER_HOST = Infinity;

export interface ClientFactoryOptions {
  readonly credentials: (profile: string) => AwsCredentialIdentityProvider;
  /**
   * The `snapshotExplorer.endpoints` setting: per client kind (see `ClientKind`) or `*`; undefined (or a throw)
   * when it cannot be read at the moment.
   */
  readonly endpoints: () => Readonly<Record<string, string>> | undefined;
  /** Refuses clients whose configured override is missing (fail closed). Default: none. */
  readonly guard?: EndpointGuard;
  /** The environment's AWS_ENDPOINT_URL variables (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The endpoint settings of a profile in the AWS config file (default: none). */
  readonly profileEndpoints?: ProfileEndpointReader;
  readonly requestTimeoutMs: () => number;
  /**
   * The most requests in flight at once per profile and region (AWS throttles per account and region): branches of
   * other profiles and regions do not queue behind each other, so loading many of them costs about the slowest one.
   */
  readonly maxConcurrentRequests: () => number;
  /** Appended to every request's user agent, e.g. `snapshot-explorer-aws/0.1.0`. */
  readonly userAgent: string;
  readonly logger: Logger;
  readonly maxAttempts?: number;
}

export type ClientFactory = AwsClients & {
  /** Destroys every client (their connections close); the next `get` creates fresh ones. Call on settings changes. */
  clear(): void;
  /** The endpoint a client of that kind for that profile would use now, and its source (validated). */
  endpointFor(kind: ClientKind, profile: string): Promise<ResolvedEndpoint>;
};

/** What every client config shares. */
interface CommonConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
  requestHandler: LimitedRequestHandler;
}

interface Destroyable {
  destroy(): void;
}

/** The SDK clients' middleware stack, reduced to what the logging middleware needs. */
interface Stack {
  add(middleware: unknown, options: { step: 'initialize'; name: string; priority: 'high' }): void;
}

type Constructors = { [K in ClientKind]: (sdk: Sdk, common: CommonConfig, extra: SdkExtra) => ClientTypes[K] };

interface SdkExtra {
  userAgent: string;
  logger: Logger;
  profile: string;
  overridden: boolean;
}

const sdkConfig = (common: CommonConfig, extra: SdkExtra) => ({
  ...common,
  retryMode: 'adaptive',
  customUserAgent: extra.userAgent,
  // endpoints.ts has resolved the AWS config's endpoint_url for the right profile; the SDK's own lookup reads the
  // default profile's (AWS_PROFILE), whatever profile the client is for.
  ignoreConfiguredEndpointUrls: true,
});

const constructors: Constructors = {
  'neptune-graph': (sdk, common, extra) => new sdk.NeptuneGraphClient(sdkConfig(common, extra)),
  storagegateway: (sdk, common, extra) => new sdk.StorageGatewayClient(sdkConfig(common, extra)),
  docdb: (sdk, common, extra) => new sdk.DocDBClient(sdkConfig(common, extra)),
  ec2: (sdk, common, extra) => new sdk.EC2Client(sdkConfig(common, extra)),
  s3: (sdk, common, extra) =>
    new sdk.S3Client({ ...sdkConfig(common, extra), ...(extra.overridden ? { forcePathStyle: true } : {}) }),
  simspaceweaver: (sdk, common, extra) =>
    new sdk.SimSpaceWeaverClient({
      ...common,
      retryStrategy: new sdk.AdaptiveRetryStrategy(async () => common.maxAttempts),
      userAgent: extra.userAgent,
      logger: extra.logger,
      profile: extra.profile,
    }),
};

/** Logs one line per SDK call: service, operation, profile, region, status, duration, attempts. */
function addCallLogging(
  client: { middlewareStack: Stack },
  kind: ClientKind,
  profile: string,
  region: string,
  logger: Logger,
) {
  const service = kind;
  client.middlewareStack.add(
    (
      next: (args: unknown) => Promise<{ output: { $metadata?: { httpStatusCode?: number; attempts?: number } } }>,
      context: { commandName?: string },
    ) =>
      async (args: unknown) => {
        const started = Date.now();
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        try {
          const result = await next(args);
          const meta = result.output.$metadata ?? {};
          logCall(logger, {
            service,
            operation,
            profile,
            region,
            durationMs: Date.now() - started,
            ...(meta.httpStatusCode !== undefined ? { httpStatus: meta.httpStatusCode } : {}),
            ...(meta.attempts !== undefined ? { attempts: meta.attempts } : {}),
          });
          return result;
        } catch (error) {
          const meta = (error as { $metadata?: { httpStatusCode?: number; attempts?: number } }).$metadata ?? {};
          logCall(logger, {
            service,
            operation,
            profile,
            region,
            durationMs: Date.now() - started,
            errorCode: errorCodeOf(error),
            ...(meta.httpStatusCode !== undefined ? { httpStatus: meta.httpStatusCode } : {}),
            ...(meta.attempts !== undefined ? { attempts: meta.attempts } : {}),
          });
          throw error;
        }
      },
    { step: 'initialize', name: 'snapshotExplorerCallLog', priority: 'high' },
  );
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const clients = new Map<string, ClientTypes[ClientKind]>();
  /**
   * One HTTP handler, so one pool of keep-alive connections, for every client: the tree makes a few calls per client
   * (profile × region × service), so per-client pools would open a new connection for nearly every call, and the
   * profiles of one region talk to the same hosts. Created with the first client, destroyed by `clear()`.
   */
  let shared: InstanceType<Sdk['NodeHttpHandler']> | undefined;
  const sharedHandler = (sdk: Sdk): InstanceType<Sdk['NodeHttpHandler']> => {
    if (shared) return shared;
    const requestTimeout = options.requestTimeoutMs();
    const agent = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST };
    shared = new sdk.NodeHttpHandler({
      requestTimeout,
      // Without this, an exceeded requestTimeout only logs a warning and the request hangs on.
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(requestTimeout, MAX_CONNECTION_TIMEOUT_MS),
      httpAgent: agent,
      httpsAgent: agent,
    });
    return shared;
  };
  const limiters = new Map<string, Limiter>();
  const limiterFor = (profile: string, region: string): Limiter => {
    const key = `${profile}\u0000${region}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = createLimiter(options.maxConcurrentRequests);
      limiters.set(key, limiter);
    }
    return limiter;
  };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  const readSetting = (): Readonly<Record<string, string>> | undefined => {
    try {
      return options.endpoints();
    } catch {
      return undefined;
    }
  };

  async function endpointFor(kind: ClientKind, profile: string): Promise<ResolvedEndpoint> {
    const setting = readSetting();
    options.guard?.check(kind, setting);
    const profileConfig = (await options.profileEndpoints?.(profile)) ?? {};
    // The guard let an unreadable setting through only when no override was ever configured for this kind.
    return resolveEndpoint(kind, { setting: setting ?? {}, env: options.env ?? {}, profile, profileConfig });
  }

  function create<K extends ClientKind>(
    sdk: Sdk,
    kind: K,
    profile: string,
    region: string,
    resolved: ResolvedEndpoint,
  ): ClientTypes[K] {
    const endpoint = resolved.url;
    const common: CommonConfig = {
      region,
      credentials: options.credentials(profile),
      ...(endpoint !== undefined ? { endpoint } : {}),
      maxAttempts,
      requestHandler: new LimitedRequestHandler(sharedHandler(sdk), limiterFor(profile, region), true),
    };
    const extra: SdkExtra = { userAgent: options.userAgent, logger: options.logger, profile, overridden: !!endpoint };
    const client = constructors[kind](sdk, common, extra);
    if ('middlewareStack' in client) {
      addCallLogging(client as unknown as { middlewareStack: Stack }, kind, profile, region, options.logger);
    }
    options.logger.debug(
      `Created ${kind} client for profile "${profile}" in ${region}: ` +
        (endpoint ? `endpoint ${endpoint} (${resolved.source})` : `${resolved.source} (no override)`),
    );
    return client;
  }

  /** Bumped by clear(): a client resolved before a clear is not kept (it was built from the old settings). */
  let generation = 0;
  const pending = new Map<string, Promise<ClientTypes[ClientKind]>>();
  async function build<K extends ClientKind>(kind: K, profile: string, region: string): Promise<ClientTypes[K]> {
    const started = generation;
    const [sdk, resolved] = await Promise.all([loadSdk(), endpointFor(kind, profile)]);
    if (started !== generation) return build(kind, profile, region);
    return create(sdk, kind, profile, region, resolved);
  }

  return {
    async get<K extends ClientKind>(kind: K, profile: string, region: string): Promise<ClientTypes[K]> {
      const key = `${kind}\u0000${profile}\u0000${region}`;
      const cached = clients.get(key);
      if (cached) return cached as ClientTypes[K];
      // Concurrent first calls share one creation; a failed one is not kept, so the next call tries again.
      let creation = pending.get(key);
      if (!creation) {
        const started = generation;
        creation = build(kind, profile, region).then(
          (client) => {
            if (pending.get(key) === creation) pending.delete(key);
            if (started === generation) clients.set(key, client);
            return client;
          },
          (error: unknown) => {
            if (pending.get(key) === creation) pending.delete(key);
            throw error;
          },
        );
        pending.set(key, creation);
      }
      return (await creation) as ClientTypes[K];
    },
    clear() {
      generation += 1;
      pending.clear();
      for (const client of clients.values()) (client as Destroyable).destroy();
      clients.clear();
      shared?.destroy();
      shared = undefined;
    },
    endpointFor,
  };
}
