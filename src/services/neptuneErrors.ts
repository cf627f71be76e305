// Neptune Database CreateDBClusterSnapshot: one sentence for each of its modeled errors (see the operation's `errors`
// in ../shared/aws-models/neptune; the quota's wire code drops the `Fault` suffix). Pure: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';
import * as l10n from '../l10n';

export function explainNeptuneError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  const snapshot = `"${c.snapshotName ?? ''}"`;
  switch (facts.code) {
    case 'DBClusterSnapshotAlreadyExistsFault':
      return l10n.t(
        'Neptune already has a DB cluster snapshot {0} in {1} (identifiers are unique per account and region, in lowercase). Choose another identifier.',
        snapshot,
        c.region,
      );
    case 'InvalidDBClusterStateFault':
      return l10n.t(
        'Neptune cluster {0} cannot be snapshotted now (it is stopped, being modified or already backing up). Start it or wait until its status is "available", then retry.',
        c.resourceName,
      );
    case 'DBClusterNotFoundFault':
      return l10n.t(
        'Neptune cluster {0} does not exist in {1} any more. Refresh the tree and pick a cluster that does.',
        c.resourceName,
        c.region,
      );
    case 'SnapshotQuotaExceededFault':
    case 'SnapshotQuotaExceeded':
      return l10n.t(
        'This account has as many manual Neptune DB cluster snapshots in {0} as its quota allows. Delete some you no longer need or raise the quota in Service Quotas, then retry.',
        c.region,
      );
    case 'InvalidDBClusterSnapshotStateFault':
      return l10n.t(
        'The snapshot {0} is in a state that refuses this request (for example, it is being deleted). Pick another identifier, or wait a moment and retry.',
        snapshot,
      );
    default:
      return undefined;
  }
}
