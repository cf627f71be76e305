// The client factory's contract: a client spec per service (its kind, its SDK service id, how to build its client
// from the lazily loaded SDK) and one cached client per (spec kind, profile, region). Nothing here loads the SDK: its
// types are erased at build, and specs receive the loaded SDK from the factory.
import type { AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import type { Logger } from '../log';
import type { LimitedRequestHandler } from './concurrency';
import type { Sdk } from './sdkLoader';

/** What names a client's service to the endpoint settings. */
export interface ClientService {
  /**
   * The service's key in the `snapshotExplorer.endpoints` setting and its name in log lines: the service id (the
   * service modules' `id`) or, for the helper services, the SDK's endpoint prefix, e.g. `docdb`, `ec2`.
   */
  readonly kind: string;
  /**
   * The SDK service id (the models' `metadata.serviceId`, e.g. `DocDB`): it names the service in
   * `AWS_ENDPOINT_URL_<SERVICE>` and in the `[services]` sections of the AWS config file.
   */
  readonly serviceId: string;
}

/** What the factory gives a spec to build a client with. */
export interface ClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  /** The endpoint override; absent: AWS's public endpoint. */
  readonly endpoint?: string;
  readonly maxAttempts: number;
  /** The retry policy (./retryPolicy), shared by every client of the profile and region. */
  readonly retryStrategy: RetryStrategyV2;
  /** The shared connection pool, behind the limit of requests in flight per profile and region. */
  readonly requestHandler: LimitedRequestHandler;
  /** Appended to every request's user agent. */
  readonly userAgent: string;
  readonly logger: Logger;
  readonly profile: string;
  /** Whether `endpoint` is set (S3 then addresses buckets by path, as emulators and VPC endpoints expect). */
  readonly overridden: boolean;
}

/** How to build the client of one service; the service module declares it (helper services: src/aws/helperClients). */
export interface ClientSpec<C extends object> extends ClientService {
  create(sdk: Sdk, config: ClientConfig): C;
}

export interface AwsClients {
  /** The client of that spec for a profile and region, created on first use (loading the SDK lazily). */
  get<C extends object>(spec: ClientSpec<C>, profile: string, region: string): Promise<C>;
}

/**
 * The config of an SDK v3 client: the retry policy of its profile and region (standard mode, see ./retryPolicy), the
 * user agent, and the endpoint `endpoints.ts` resolved.
 */
export function sdkClientConfig(config: ClientConfig) {
  return {
    region: config.region,
    credentials: config.credentials,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    maxAttempts: config.maxAttempts,
    requestHandler: config.requestHandler,
    retryStrategy: config.retryStrategy,
    customUserAgent: config.userAgent,
    // endpoints.ts has resolved the AWS config's endpoint_url for the right profile; the SDK's own lookup reads the
    // default profile's (AWS_PROFILE), whatever profile the client is for.
    ignoreConfiguredEndpointUrls: true,
  };
}
