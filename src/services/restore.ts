// The restore seam: what a service declares to make a new resource from one of its snapshots (a graph, a cluster, a
// volume, a simulation). The restore flow (src/snapshots/restoreFlow.ts) renders the fields by kind and never asks
// which service it is; the service builds the exact requests, sends them and reads the new resource's state (its
// `getRestoredStatuses`). Pure types: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { OperationForm } from './forms';
import type { AwsContext, Resource, Snapshot } from './resourceTypes';
import * as l10n from '../l10n';

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
      return l10n.t(
        'snapshot {0} is still being created ({1}); restore it once it is available',
        snapshot.name,
        snapshot.status,
      );
    case 'deleting':
      return l10n.t('snapshot {0} is being deleted ({1})', snapshot.name, snapshot.status);
    case 'failed':
      return l10n.t('snapshot {0} failed ({1}): there is nothing to restore', snapshot.name, snapshot.status);
    default:
      return l10n.t('snapshot {0} is {1}, not available', snapshot.name, snapshot.status);
  }
}
