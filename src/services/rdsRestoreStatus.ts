// The RDS family's restored clusters (DocumentDB, Neptune Database): their cluster and instance status words as
// states, and a restored cluster's state with its instances (available only when the cluster and every instance of
// it are). Pure: no SDK.
import type { SnapshotState, TrackedState } from './service';
import * as l10n from '../l10n';

/** The status words of a DB cluster that pass on their own (the cluster is being made or changed). */
const clusterBusy = new Set([
  'creating',
  'backing-up',
  'modifying',
  'migrating',
  'preparing-data-migration',
  'maintenance',
  'renaming',
  'resetting-master-credentials',
  'starting',
  'upgrading',
  'failing-over',
  'rebooting',
  'promoting',
  'configuring-iam-database-auth',
  'update-iam-db-auth',
]);
/** The status words of a DB instance that pass on their own. */
const instanceBusy = new Set([
  'creating',
  'backing-up',
  'configuring-enhanced-monitoring',
  'configuring-iam-database-auth',
  'configuring-log-exports',
  'converting-to-vpc',
  'maintenance',
  'modifying',
  'moving-to-vpc',
  'rebooting',
  'renaming',
  'resetting-master-credentials',
  'starting',
  'upgrading',
  'storage-optimization',
]);
/** Words that mean the resource will not become available without someone acting. */
const broken = new Set([
  'failed',
  'inaccessible-encryption-credentials',
  'inaccessible-encryption-credentials-recoverable',
  'migration-failed',
  'restore-error',
  'storage-full',
]);

function stateOf(status: string, busy: ReadonlySet<string>): SnapshotState {
  if (status === 'available') return 'available';
  if (status === 'deleting') return 'deleting';
  if (busy.has(status)) return 'creating';
  if (broken.has(status) || status.startsWith('incompatible-')) return 'failed';
  return 'unknown';
}

/** A DB cluster's status word as a state (its own, without its instances). */
export const clusterState = (status: string): SnapshotState => stateOf(status, clusterBusy);
/** A DB instance's status word as a state. */
export const instanceState = (status: string): SnapshotState => stateOf(status, instanceBusy);

/** What a restored cluster's state is read from (both SDKs' DBCluster fit). */
export interface RestoredCluster {
  readonly DBClusterIdentifier?: string | undefined;
  readonly Status?: string | undefined;
  readonly DBClusterMembers?: ReadonlyArray<{ readonly DBInstanceIdentifier?: string | undefined }> | undefined;
}

/** What an instance's state is read from (both SDKs' DBInstance fit). */
export interface RestoredInstance {
  readonly DBInstanceIdentifier?: string | undefined;
  readonly DBInstanceStatus?: string | undefined;
  readonly DBClusterIdentifier?: string | undefined;
}

const stateRank: Readonly<Record<SnapshotState, number>> = {
  failed: 0,
  deleting: 1,
  unknown: 2,
  creating: 3,
  available: 4,
};

/**
 * A restored cluster's state: the cluster's own until it is available, then its least ready instance's (a member
 * listed by the cluster but not yet by DescribeDBInstances counts as creating). `instances`: those of this cluster.
 */
export function restoredState(cluster: RestoredCluster, instances: readonly RestoredInstance[]): TrackedState {
  const id = (cluster.DBClusterIdentifier ?? '').toLowerCase();
  const status = cluster.Status ?? 'unknown';
  const own = clusterState(status);
  if (own !== 'available') return { id, state: own, status };
  const byId = new Map(instances.map((i) => [(i.DBInstanceIdentifier ?? '').toLowerCase(), i]));
  for (const member of cluster.DBClusterMembers ?? []) {
    const memberId = (member.DBInstanceIdentifier ?? '').toLowerCase();
    if (memberId && !byId.has(memberId)) byId.set(memberId, { DBInstanceIdentifier: memberId });
  }
  let worst: TrackedState = { id, state: 'available', status };
  for (const [instanceId, instance] of byId) {
    const word = instance.DBInstanceStatus ?? 'creating';
    const state = instanceState(word);
    if (stateRank[state] < stateRank[worst.state])
      worst = { id, state, status: l10n.t('instance {0} {1}', instanceId, word) };
  }
  return worst;
}
