// The RDS family's copy errors (DocumentDB, Neptune Database): one sentence per modeled error of CopyDBClusterSnapshot
// (its `errors` in ../shared/aws-models/{docdb,neptune}; the wire code of SnapshotQuotaExceededFault is
// SnapshotQuotaExceeded, so both spellings are matched) and the InvalidParameterValue a cross-region copy meets
// without a valid pre-signed URL or key. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { CopyErrorContext } from './copy';

/** The family's explainError for copies: `label` names the member (e.g. "DocumentDB"). */
export function rdsCopyErrorExplainer(label: string) {
  return (facts: ErrorFacts, c: CopyErrorContext): string | undefined => {
    const snapshot = `snapshot ${c.snapshotName ?? ''}`.trim();
    switch (facts.code) {
      case 'DBClusterSnapshotAlreadyExistsFault':
        return `A cluster snapshot named ${c.newName} already exists in ${c.destinationRegion} (DocumentDB, Neptune and RDS share snapshot identifiers). Choose another identifier.`;
      case 'DBClusterSnapshotNotFoundFault':
        return `The ${snapshot} no longer exists in ${c.region} (it may have been deleted, or an automated one expired). Refresh the tree and pick another snapshot.`;
      case 'InvalidDBClusterSnapshotStateFault':
        return `The ${snapshot} cannot be copied in its current state (only an available snapshot can). Wait until it is available, then retry.`;
      case 'InvalidDBClusterStateFault':
        return `${label} cannot copy the ${snapshot} while its cluster is in this state. Wait until the cluster is available, then retry.`;
      case 'SnapshotQuotaExceededFault':
      case 'SnapshotQuotaExceeded':
        return `This account has as many manual cluster snapshots in ${c.destinationRegion} as its quota allows. Delete snapshots you no longer need there or ask for a higher quota in Service Quotas, then retry.`;
      case 'KMSKeyNotAccessibleFault':
        return `${label} cannot use the KMS key for the copy in ${c.destinationRegion} (it does not exist there, is disabled, or is not granted to you). Name an enabled key of ${c.destinationRegion} you may use, then retry.`;
      case 'InvalidParameterValue':
      case 'InvalidParameterCombination':
        return `${label} refused the copy to ${c.destinationRegion}: ${sentence(facts.message)} Check the KMS key and the identifier, then retry.`;
      default:
        return undefined;
    }
  };
}
