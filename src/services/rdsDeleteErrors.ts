// The RDS family's delete errors (DocumentDB, Neptune Database): one sentence per modeled error of
// DeleteDBClusterSnapshot (InvalidDBClusterSnapshotStateFault, DBClusterSnapshotNotFoundFault in
// ../shared/aws-models/{docdb,neptune}; the wire codes without the `Fault` suffix are matched too). Pure: no `vscode`,
// no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { DeleteErrorContext } from './deletion';

/** The family's explainError for deletions: `label` names the member (e.g. "DocumentDB"). */
export function rdsDeleteErrorExplainer(label: string) {
  return (facts: ErrorFacts, c: DeleteErrorContext): string | undefined => {
    const snapshot = c.snapshotName ? `Cluster snapshot ${c.snapshotName}` : 'The cluster snapshot';
    switch (facts.code) {
      case 'DBClusterSnapshotNotFoundFault':
      case 'DBClusterSnapshotNotFound':
        return `${snapshot} was not found in ${c.region}: it is already deleted (or an automated one expired). Refresh the tree.`;
      case 'InvalidDBClusterSnapshotStateFault':
      case 'InvalidDBClusterSnapshotState':
        if (/manual/i.test(facts.message)) {
          return `${label} deletes only manual snapshots: ${sentence(facts.message)} An automated snapshot is deleted by AWS when the cluster's backup retention period ends, or with the cluster.`;
        }
        return `${snapshot} cannot be deleted in its current state: ${sentence(facts.message)} Wait until it is available (not being created, copied or deleted), refresh the tree and retry.`;
      default:
        return undefined;
    }
  };
}
