// The tracker's inputs and events: what it is built from (TrackerDeps), what starts following an operation
// (BeginRequest) and what it tells its listeners (TrackerEvent). Imported through ./tracker by its callers.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { SnapshotInput, SnapshotService } from '../services/service';
import type { Operation, OperationKind, OperationTarget } from './operation';
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

export interface BeginRequest {
  /** Default: create. */
  readonly kind?: OperationKind;
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly snapshotName: string;
  /** Known from the start for every kind but create. */
  readonly snapshotId?: string;
  readonly target?: OperationTarget;
  readonly input: SnapshotInput;
  readonly requestKey: string;
  /** Operations confirmed together share it (see Operation.batch). */
  readonly batch?: string;
  /** See Operation.silent. */
  readonly silent?: boolean;
}
