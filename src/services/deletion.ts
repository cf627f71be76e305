// The delete seam: what a service declares to delete its snapshots (Neptune Analytics DeleteGraphSnapshot, the RDS
// family's DeleteDBClusterSnapshot, EC2 DeleteSnapshot for Storage Gateway's EBS snapshots, the S3 object of a SimSpace
// Weaver snapshot). The delete UI and the plans' retention ask it and never which service it is; the tracker follows
// a deletion with the service's `getSnapshotStatuses` until the snapshot is gone. Pure types: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { ApiCall } from './forms';
import type { AwsContext, Snapshot, TrackedState } from './resourceTypes';

/** Where the deletion was asked, to name things in an error sentence. */
export type DeleteErrorContext = CreateErrorContext;

export interface DeleteSupport {
  /** The API operation, e.g. DeleteGraphSnapshot (logs, confirmations, errors). */
  readonly operation: string;
  /** The IAM actions the deletion needs, the main one first (named when access is denied). */
  readonly iamActions: readonly string[];
  /**
   * Why this snapshot cannot be deleted here (automated snapshots of the RDS family, one still being created or
   * already being deleted), or undefined.
   */
  refusal(snapshot: Snapshot): string | undefined;
  /** The exact requests the deletion sends, in order (the log and the tests read them). */
  calls(snapshot: Snapshot): readonly ApiCall[];
  /**
   * Sends `calls(snapshot)` in the snapshot's profile and region. Resolves to the snapshot's state as the call answered
   * (e.g. DELETING), or 'gone' when it is gone at once; the tracker then waits until the status read no longer finds
   * it (so `getSnapshotStatuses` must not find a deleted snapshot).
   */
  send(ctx: AwsContext, snapshot: Snapshot): Promise<TrackedState | 'gone'>;
  /** One sentence (what happened, what to do) per modeled error of the delete call; undefined for any other. */
  explainError?(facts: ErrorFacts, context: DeleteErrorContext): string | undefined;
}
