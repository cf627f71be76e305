// The tracker's inputs and events: what it is built from (TrackerDeps), what starts following an operation
// (BeginRequest) and what it tells its listeners (TrackerEvent). Imported through ./tracker by its callers.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { SnapshotService } from '../services/service';
import type { Operation, OperationKind } from './operation';
import type { StateStore } from './operationStore';
import type { Clock, PollingSettings } from './pollScheduler';

export interface TrackerDeps {
  serviceById(id: string): SnapshotService | undefined;
  readonly clients: AwsClients;
  readonly store: StateStore;
  readonly log: Logger;
  readonly clock?: Clock;
  polling(): PollingSettings;
  newId?(): string;
  /** Consecutive polls that do not find a snapshot before it is reported gone (default 10). */
  readonly maxMisses?: number;
  /** Finished operations kept in the history (default 100). */
  readonly maxHistory?: number;
}

export type TrackerEvent =
  | { readonly kind: 'added' | 'changed' | 'removed'; readonly operation: Operation }
  /** Exactly once per operation, when it ends (available, failed or cancelled). */
  | { readonly kind: 'finished'; readonly operation: Operation };

/** What starts following an operation: its fields as the Operation will hold them (the kind defaults to create). */
export type BeginRequest = Pick<
  Operation,
  | 'service'
  | 'profile'
  | 'region'
  | 'resourceId'
  | 'resourceName'
  | 'snapshotName'
  | 'snapshotId'
  | 'target'
  | 'input'
  | 'requestKey'
  | 'batch'
  | 'silent'
> & { readonly kind?: OperationKind };
