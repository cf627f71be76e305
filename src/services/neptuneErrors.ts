// Neptune Database CreateDBClusterSnapshot: one sentence for each of its modeled errors (see the operation's `errors`
// in ../shared/aws-models/neptune; the quota's wire code drops the `Fault` suffix). Pure: no `vscode`, no SDK.
import type { CreateErrorContext, ErrorFacts } from './errorText';

export function explainNeptuneError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  const snapshot = `"${c.snapshotName ?? ''}"`;
  switch (facts.code) {
    case 'DBClusterSnapshotAlreadyExistsFault':
      return `Neptune already has a DB cluster snapshot ${snapshot} in ${c.region} (identifiers are unique per account and region, in lowercase). Choose another identifier.`;
    case 'InvalidDBClusterStateFault':
      return `Neptune cluster ${c.resourceName} cannot be snapshotted now (it is stopped, being modified or already backing up). Start it or wait until its status is "available", then retry.`;
    case 'DBClusterNotFoundFault':
      return `Neptune cluster ${c.resourceName} does not exist in ${c.region} any more. Refresh the tree and pick a cluster that does.`;
    case 'SnapshotQuotaExceededFault':
    case 'SnapshotQuotaExceeded':
      return `This account has as many manual Neptune DB cluster snapshots in ${c.region} as its quota allows. Delete some you no longer need or raise the quota in Service Quotas, then retry.`;
    case 'InvalidDBClusterSnapshotStateFault':
      return `The snapshot ${snapshot} is in a state that refuses this request (for example, it is being deleted). Pick another identifier, or wait a moment and retry.`;
    default:
      return undefined;
  }
}
