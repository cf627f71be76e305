// The copy seam: what a service declares to copy a snapshot to another region where AWS has a copy API (the RDS
// family's CopyDBClusterSnapshot, EC2 CopySnapshot for Storage Gateway's EBS snapshots). The copy is made by a client
// of the destination region (the SDK signs the source region's pre-signed URL from `SourceRegion`); the tracker reads
// it there with the service's `getSnapshotStatuses`. Pure types: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { OperationForm } from './forms';
import type { AwsContext, Resource, Snapshot } from './resourceTypes';
import { notAvailableReason } from './restore';

/** Where the copy was asked, to name things in an error sentence. */
export interface CopyErrorContext extends CreateErrorContext {
  readonly destinationRegion: string;
  /** The copy's name or identifier. */
  readonly newName: string;
}

export interface CopySupport {
  /** The API operation, e.g. CopyDBClusterSnapshot. */
  readonly operation: string;
  /** The IAM actions the copy needs, the main one first. */
  readonly iamActions: readonly string[];
  /**
   * Members of the copy operation's input whose model constraints the rules read (generated into
   * modelConstraints.ts under `<operation>:<member path>`).
   */
  readonly modelMembers?: Readonly<Record<string, readonly string[]>>;
  /** Why this snapshot cannot be copied now (e.g. not available), or undefined. */
  refusal(snapshot: Snapshot): string | undefined;
  /**
   * Reads what the defaults need and returns the form: the copy's name, a KMS key of the destination region when the
   * snapshot is encrypted, copying tags, a description. `ctx` is the SOURCE region's; `destination` the region the
   * copy is made in. The form's `send` returns the copy as the destination region answered (its id is what the
   * tracker reads there).
   */
  prepare(
    ctx: AwsContext,
    snapshot: Snapshot,
    source: Resource | undefined,
    destination: string,
  ): Promise<OperationForm>;
  /** One sentence (what happened, what to do) per modeled error of the copy call; undefined for any other. */
  explainError?(facts: ErrorFacts, context: CopyErrorContext): string | undefined;
}

/** The generic refusal, worded for a copy: only an available snapshot can be copied. */
export function copyRefusal(snapshot: Snapshot): string | undefined {
  return notAvailableReason(snapshot)?.replace('restore it once', 'copy it once');
}
