// DocumentDB CreateDBClusterSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models; the wire codes drop the `Fault` suffix). Pure: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';

export function explainDocDbError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'DBClusterSnapshotAlreadyExistsFault':
    case 'DBClusterSnapshotAlreadyExists':
      return `A cluster snapshot named "${c.snapshotName ?? ''}" already exists in ${c.region} (identifiers are unique per account and region). Choose another identifier.`;
    case 'InvalidDBClusterStateFault':
      return `Cluster ${c.resourceName} is not available: a snapshot can only be taken while its status is "available". Wait until it is, then retry.`;
    case 'DBClusterNotFoundFault':
      return `Cluster ${c.resourceName} was not found in ${c.region}: it may have been deleted. Refresh the tree.`;
    case 'SnapshotQuotaExceededFault':
    case 'SnapshotQuotaExceeded':
      return `You have reached the DocumentDB quota of manual cluster snapshots in ${c.region}. Delete manual snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.`;
    case 'InvalidDBClusterSnapshotStateFault':
      return `A cluster snapshot named "${c.snapshotName ?? ''}" exists in a state that blocks this request (e.g. being deleted). Choose another identifier, or wait and retry.`;
    default:
      return undefined;
  }
}
