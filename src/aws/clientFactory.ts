// The client factory: one client per (spec kind, profile, region), built on first use by the service's client spec
// (./clients) from the lazily loaded SDK, with the endpoint of `endpoints.ts` (refused by the guard when a configured
// override is missing), the shared connection pool, the request timeout, a limit on requests in flight and one retry
// policy (./retryPolicy: its quota) per profile and region, and one debug log line per client (its endpoint and where
// it came from) and per call.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Logger } from '../log';
import { errorCodeOf, logCall } from './callLog';
import type { AwsClients, ClientConfig, ClientService, ClientSpec } from './clients';
import { createLimiter, LimitedRequestHandler, type Limiter } from './concurrency';
import type { ProfileEndpointReader } from './endpointConfig';
import { PlaceRetryStrategy, type RetryPolicyOptions } from './retryPolicy';
import type { EndpointGuard } from './endpointGuard';
import { clientEndpointLine, resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import type { Sdk } from './sdkLoader';
import { loadSdk } from './sdkLoader';

/**
 * Attempts per call, the first included. Only throttles and transient failures (5xx, a reset connection) are retried,
 * within the place's retry quota (./retryPolicy): 5 rather than the SDK's 3, so that one unlucky call of a page of
 * several calls (a gateway's volumes, a region's simulations) does not throw the whole page away at 30 % throttling.
 */
export const DEFAULT_MAX_ATTEMPTS = 5;
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
   * The `snapshotExplorer.endpoints` setting: per client kind (see `ClientService`) or `*`; undefined (or a throw)
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
  /** The retry policy's backoffs and quota (tests; default: ./retryPolicy's). */
  readonly retry?: Omit<RetryPolicyOptions, 'maxAttempts'>;
}

export type ClientFactory = AwsClients & {
  /** Destroys every client (their connections close); the next `get` creates fresh ones. Call on settings changes. */
  clear(): void;
  /** The endpoint a client of that service for that profile would use now, and its source (validated). */
  endpointFor(service: ClientService, profile: string): Promise<ResolvedEndpoint>;
};

interface Destroyable {
  destroy(): void;
}

/** The SDK clients' middleware stack, reduced to what the logging middleware needs. */
interface Stack {
  add(middleware: unknown, options: { step: 'initialize'; name: string; priority: 'high' }): void;
}

/** Logs one line per SDK call: service, operation, profile, region, status, duration, attempts. */
function addCallLogging(
  client: { middlewareStack: Stack },
  service: string,
  profile: string,
  region: string,
  logger: Logger,
) {
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
  const clients = new Map<string, unknown>();
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
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  /** What the clients of one profile and region share: AWS throttles per account and region. */
  const places = new Map<string, { readonly limiter: Limiter; readonly retry: PlaceRetryStrategy }>();
  const placeFor = (profile: string, region: string) => {
    const key = `${profile}\u0000${region}`;
    let place = places.get(key);
    if (!place) {
      place = {
        limiter: createLimiter(options.maxConcurrentRequests),
        retry: new PlaceRetryStrategy({ ...options.retry, maxAttempts: () => maxAttempts }),
      };
      places.set(key, place);
    }
    return place;
  };

  const readSetting = (): Readonly<Record<string, string>> | undefined => {
    try {
      return options.endpoints();
    } catch {
      return undefined;
    }
  };

  async function endpointFor(service: ClientService, profile: string): Promise<ResolvedEndpoint> {
    const setting = readSetting();
    options.guard?.check(service.kind, setting);
    const profileConfig = (await options.profileEndpoints?.(profile)) ?? {};
    // The guard let an unreadable setting through only when no override was ever configured for this kind.
    return resolveEndpoint(service, { setting: setting ?? {}, env: options.env ?? {}, profile, profileConfig });
  }

  function create<C extends object>(
    sdk: Sdk,
    spec: ClientSpec<C>,
    profile: string,
    region: string,
    resolved: ResolvedEndpoint,
  ): C {
    const endpoint = resolved.url;
    const place = placeFor(profile, region);
    const config: ClientConfig = {
      region,
      credentials: options.credentials(profile),
      ...(endpoint !== undefined ? { endpoint } : {}),
      maxAttempts,
      retryStrategy: place.retry,
      requestHandler: new LimitedRequestHandler(sharedHandler(sdk), place.limiter, true),
      userAgent: options.userAgent,
      logger: options.logger,
      profile,
      overridden: !!endpoint,
    };
    const client = spec.create(sdk, config);
    if (typeof client === 'object' && client !== null && 'middlewareStack' in client) {
      addCallLogging(client as { middlewareStack: Stack }, spec.kind, profile, region, options.logger);
    }
    options.logger.debug(clientEndpointLine(spec.kind, profile, region, resolved));
    return client;
  }

  /** Bumped by clear(): a client resolved before a clear is not kept (it was built from the old settings). */
  let generation = 0;
  const pending = new Map<string, Promise<unknown>>();
  async function build<C extends object>(spec: ClientSpec<C>, profile: string, region: string): Promise<C> {
    const started = generation;
    const [sdk, resolved] = await Promise.all([loadSdk(), endpointFor(spec, profile)]);
    if (started !== generation) return build(spec, profile, region);
    return create(sdk, spec, profile, region, resolved);
  }

  return {
    async get<C extends object>(spec: ClientSpec<C>, profile: string, region: string): Promise<C> {
      // Keyed by kind: one spec per kind (the cache holds the client that kind's spec built).
      const key = `${spec.kind}\u0000${profile}\u0000${region}`;
      const cached = clients.get(key);
      if (cached) return cached as C;
      // Concurrent first calls share one creation; a failed one is not kept, so the next call tries again.
      let creation = pending.get(key);
      if (!creation) {
        const started = generation;
        creation = build(spec, profile, region).then(
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
      return (await creation) as C;
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
