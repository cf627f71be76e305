/**
 * The seam between the shared core and each emulated service: what a service module declares (`EmulatedService`,
 * listed one per line in registry.ts) and what its operation handlers are given (`CallContext`).
 */
import { type IssuedCredentials } from '../identity/issued';
import { type OrgAccount } from '../identity/organization';
import { type CallerIdentity } from '../identity/types';
import { type ServiceModel } from '../model/types';
import { type ValidationIssue } from '../model/validate';
import { type ApiError, type Protocol, type WireRequest } from '../protocols/types';
import { type ServiceData } from '../state/seed';
import { type SliceStore } from '../state/slices';
import { type AccountState, type RegionState } from '../state/types';

/** Everything an operation handler may use: no globals. Services read their slices with their own accessors. */
export interface CallContext {
  region: string;
  account: AccountState;
  state: RegionState;
  /** The request's time (epoch ms); all lifecycle states are derived from it. */
  now: number;
  /** How long a new snapshot takes (ms). */
  snapshotMs: number;
  /** How long a restored resource (graph, cluster, instance, volume, simulation) takes to become available (ms). */
  restoreMs: number;
  /** A fresh sha256 hex digest of `kind` and a call counter, deterministic after a reset: services make ids from it. */
  nextHash(kind: string): string;
  /** Who calls; undefined for an operation its model marks `authtype: none` (called without SigV4). */
  caller?: CallerIdentity;
  /** The request's headers (lower-case names). */
  headers: WireRequest['headers'];
  /** The emulator's temporary credentials: a service that hands some out issues them here. */
  issued: IssuedCredentials;
  /** The demo organisation (its accounts and their roles). */
  organization: readonly OrgAccount[];
  /** Emulator-wide state that belongs to no account (e.g. SSO's registered clients and tokens); emptied by reset. */
  directory: SliceStore<'account'>;
  /** `http://<the request's Host header>`, for URLs the emulator hands out. */
  baseUrl: string;
}

export type Handler = (ctx: CallContext, input: Record<string, unknown>) => Record<string, unknown>;

/** The errors a service answers with for failures outside its operations' own logic. */
export interface ServiceErrors {
  validation(issues: readonly ValidationIssue[], operation: string): ApiError;
  missingAuth(): ApiError;
  malformedAuth(reason: string): ApiError;
  unknownKey(): ApiError;
  badSignature(): ApiError;
  throttling(): ApiError;
  internal(): ApiError;
  /** Temporary credentials that have expired; default: authErrors.ts `expiredTokenError` of the service's protocol. */
  expiredToken?(): ApiError;
}

/**
 * How the core finds the service of a request. A signed request names a signing name in its credential scope; an
 * unsigned (or garbled) one only has its protocol's request shape. Among the services that fit, the first whose
 * `claims` is true wins, else the one without `claims` (the fallback), else the first.
 */
export interface RoutingHint {
  /** The SigV4 signing name in the credential scope (its model's `signingName`, e.g. `rds` for a whole family). */
  signingName: string;
  /**
   * Tells this service's requests apart from those of services that look alike: the same signing name (e.g. by the
   * SDK's user agent or an operation only its model defines), or the same request shape when unsigned (e.g. a path).
   */
  claims?(request: WireRequest, model: ServiceModel): boolean;
}

/** A service's wire behaviour, built from its model. */
export interface ServiceApi {
  protocol: Protocol;
  /** false for a service whose SigV4 signer does not double-encode the path. */
  uriEscapePath: boolean;
  operations: Readonly<Record<string, Handler>>;
  errors: ServiceErrors;
  /** Rules the service enforces beyond the model (documented identifier and tag rules). Throws ApiError. */
  extraValidation?(operation: string, input: Record<string, unknown>): void;
}

/** Everything about one emulated service; its module exports one, and registry.ts lists it. */
export interface EmulatedService {
  /** The service id: call log, fault filters, health. */
  id: string;
  /** Its botocore model: `<aws-models>/<modelFolder>/service-2.json`. */
  modelFolder: string;
  routing: RoutingHint;
  /** Its part of the data file (its state slices' seed and bulk data) and of the health summary. */
  data?: ServiceData;
  build(model: ServiceModel): ServiceApi;
}

/** A registered service with its model loaded and its wire behaviour built: what the core routes requests to. */
export interface ServiceDefinition extends EmulatedService, ServiceApi {
  model: ServiceModel;
}
