import { type ServiceModel } from '../model/types';
import { type ValidationIssue } from '../model/validate';
import { type ApiError, type Protocol } from '../protocols/types';
import { type AccountState, type RegionState } from '../state/types';
import { type ServiceId } from '../model/load';

/** Everything an operation handler may use: no globals. */
export interface CallContext {
  region: string;
  account: AccountState;
  state: RegionState;
  /** The request's time (epoch ms); all lifecycle states are derived from it. */
  now: number;
  /** How long a new snapshot takes (ms). */
  snapshotMs: number;
  /** Deterministic id source (`gs-…`, `snap-…`). */
  newId(kind: string): string;
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
}

export interface ServiceDefinition {
  id: ServiceId;
  /** The SigV4 signing name in the credential scope (`rds` for DocumentDB). */
  signingName: string;
  model: ServiceModel;
  protocol: Protocol;
  /** false for S3, whose signer does not double-encode the path. */
  uriEscapePath: boolean;
  operations: Record<string, Handler>;
  errors: ServiceErrors;
  /** Rules the service enforces beyond the model (DocumentDB identifiers and tags). Throws ApiError. */
  extraValidation?(operation: string, input: Record<string, unknown>): void;
}
