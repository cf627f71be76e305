// DocumentDB CreateDBClusterSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models; the wire codes drop the `Fault` suffix). Pure: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import * as l10n from '../l10n';

export function explainDocDbError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'DBClusterSnapshotAlreadyExistsFault':
    case 'DBClusterSnapshotAlreadyExists':
      return l10n.t(
        'A cluster snapshot named "{0}" already exists in {1} (identifiers are unique per account and region). Choose another identifier.',
        c.snapshotName ?? '',
        c.region,
      );
    case 'InvalidDBClusterStateFault':
      return l10n.t(
        'Cluster {0} is not available: a snapshot can only be taken while its status is "available". Wait until it is, then retry.',
        c.resourceName,
      );
    case 'DBClusterNotFoundFault':
      return l10n.t(
        'Cluster {0} was not found in {1}: it may have been deleted. Refresh the tree.',
        c.resourceName,
        c.region,
      );
    case 'SnapshotQuotaExceededFault':
    case 'SnapshotQuotaExceeded':
      return l10n.t(
        'You have reached the DocumentDB quota of manual cluster snapshots in {0}. Delete manual snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.',
        c.region,
      );
    case 'InvalidDBClusterSnapshotStateFault':
      return l10n.t(
        'A cluster snapshot named "{0}" exists in a state that blocks this request (e.g. being deleted). Choose another identifier, or wait and retry.',
        c.snapshotName ?? '',
      );
    default:
      return undefined;
  }
}
