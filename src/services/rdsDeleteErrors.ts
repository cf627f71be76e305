// The RDS family's delete errors (DocumentDB, Neptune Database): one sentence per modeled error of
// DeleteDBClusterSnapshot (InvalidDBClusterSnapshotStateFault, DBClusterSnapshotNotFoundFault in
// ../shared/aws-models/{docdb,neptune}; the wire codes without the `Fault` suffix are matched too). Pure: no `vscode`,
// no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { DeleteErrorContext } from './deletion';
import * as l10n from '../l10n';

/** The family's explainError for deletions: `label` names the member (e.g. "DocumentDB"). */
export function rdsDeleteErrorExplainer(label: string) {
  return (facts: ErrorFacts, c: DeleteErrorContext): string | undefined => {
    const snapshot = c.snapshotName ? l10n.t('Cluster snapshot {0}', c.snapshotName) : l10n.t('The cluster snapshot');
    switch (facts.code) {
      case 'DBClusterSnapshotNotFoundFault':
      case 'DBClusterSnapshotNotFound':
        return l10n.t(
          '{0} was not found in {1}: it is already deleted (or an automated one expired). Refresh the tree.',
          snapshot,
          c.region,
        );
      case 'InvalidDBClusterSnapshotStateFault':
      case 'InvalidDBClusterSnapshotState':
        if (/manual/i.test(facts.message)) {
          return l10n.t(
            "{0} deletes only manual snapshots: {1} An automated snapshot is deleted by AWS when the cluster's backup retention period ends, or with the cluster.",
            label,
            sentence(facts.message),
          );
        }
        return l10n.t(
          '{0} cannot be deleted in its current state: {1} Wait until it is available (not being created, copied or deleted), refresh the tree and retry.',
          snapshot,
          sentence(facts.message),
        );
      default:
        return undefined;
    }
  };
}
