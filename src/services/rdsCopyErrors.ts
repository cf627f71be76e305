// The RDS family's copy errors (DocumentDB, Neptune Database): one sentence per modeled error of CopyDBClusterSnapshot
// (its `errors` in ../shared/aws-models/{docdb,neptune}; the wire code of SnapshotQuotaExceededFault is
// SnapshotQuotaExceeded, so both spellings are matched) and the InvalidParameterValue a cross-region copy meets
// without a valid pre-signed URL or key. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { CopyErrorContext } from './copy';
import * as l10n from '../l10n';

/** The family's explainError for copies: `label` names the member (e.g. "DocumentDB"). */
export function rdsCopyErrorExplainer(label: string) {
  return (facts: ErrorFacts, c: CopyErrorContext): string | undefined => {
    const snapshot = l10n.t('snapshot {0}', c.snapshotName ?? '').trim();
    switch (facts.code) {
      case 'DBClusterSnapshotAlreadyExistsFault':
        return l10n.t(
          'A cluster snapshot named {0} already exists in {1} (DocumentDB, Neptune and RDS share snapshot identifiers). Choose another identifier.',
          c.newName,
          c.destinationRegion,
        );
      case 'DBClusterSnapshotNotFoundFault':
        return l10n.t(
          'The {0} no longer exists in {1} (it may have been deleted, or an automated one expired). Refresh the tree and pick another snapshot.',
          snapshot,
          c.region,
        );
      case 'InvalidDBClusterSnapshotStateFault':
        return l10n.t(
          'The {0} cannot be copied in its current state (only an available snapshot can). Wait until it is available, then retry.',
          snapshot,
        );
      case 'InvalidDBClusterStateFault':
        return l10n.t(
          '{0} cannot copy the {1} while its cluster is in this state. Wait until the cluster is available, then retry.',
          label,
          snapshot,
        );
      case 'SnapshotQuotaExceededFault':
      case 'SnapshotQuotaExceeded':
        return l10n.t(
          'This account has as many manual cluster snapshots in {0} as its quota allows. Delete snapshots you no longer need there or ask for a higher quota in Service Quotas, then retry.',
          c.destinationRegion,
        );
      case 'KMSKeyNotAccessibleFault':
        return l10n.t(
          '{0} cannot use the KMS key for the copy in {1} (it does not exist there, is disabled, or is not granted to you). Name an enabled key of {2} you may use, then retry.',
          label,
          c.destinationRegion,
          c.destinationRegion,
        );
      case 'InvalidParameterValue':
      case 'InvalidParameterCombination':
        return l10n.t(
          '{0} refused the copy to {1}: {2} Check the KMS key and the identifier, then retry.',
          label,
          c.destinationRegion,
          sentence(facts.message),
        );
      default:
        return undefined;
    }
  };
}
