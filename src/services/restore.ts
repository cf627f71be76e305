// The restore seam: what a service declares to make a new resource from one of its snapshots (a graph, a cluster, a
// volume, a simulation). The restore flow (src/snapshots/restoreFlow.ts) renders the fields by kind and never asks
// which service it is; the service builds the exact requests, sends them and reads the new resource's state (its
// `getRestoredStatuses`). Pure types: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { OperationForm } from './forms';
import type { AwsContext, Resource, Snapshot } from './resourceTypes';

/** Where the restore was asked, to name things in an error sentence. */
export interface RestoreErrorContext extends CreateErrorContext {
  /** The new resource's name. */
  readonly newName: string;
}

export interface RestoreSupport {
  /** The main API operation, e.g. RestoreGraphFromSnapshot (logs, titles, errors). */
  readonly operation: string;
  /** The IAM actions the restore needs, the main one first (named when access is denied). */
  readonly iamActions: readonly string[];
  /** The resource the restore makes, singular (e.g. graph, cluster, volume, simulation). */
  readonly makes: string;
  /**
   * Members of the restore operations' inputs whose model constraints the rules read, by operation (the build
   * generates them into modelConstraints.ts under `<operation>:<member path>`).
   */
  readonly modelMembers?: Readonly<Record<string, readonly string[]>>;
  /** Why this snapshot cannot be restored now (e.g. not available, automated and gone), or undefined. */
  refusal?(snapshot: Snapshot): string | undefined;
  /**
   * Reads what the defaults need (the source resource when it still exists, gateways, subnet groups) and returns the
   * form. `source` is the snapshot's resource when the caller has it.
   */
  prepare(ctx: AwsContext, snapshot: Snapshot, source: Resource | undefined): Promise<OperationForm>;
  /** One sentence (what happened, what to do) per modeled error of the restore calls; undefined for any other. */
  explainError?(facts: ErrorFacts, context: RestoreErrorContext): string | undefined;
}

/** The generic refusal: only an available snapshot can be restored. */
export function notAvailableReason(snapshot: Snapshot): string | undefined {
  switch (snapshot.state) {
    case 'available':
      return undefined;
    case 'creating':
      return `snapshot ${snapshot.name} is still being created (${snapshot.status}); restore it once it is available`;
    case 'deleting':
      return `snapshot ${snapshot.name} is being deleted (${snapshot.status})`;
    case 'failed':
      return `snapshot ${snapshot.name} failed (${snapshot.status}): there is nothing to restore`;
    default:
      return `snapshot ${snapshot.name} is ${snapshot.status}, not available`;
  }
}
