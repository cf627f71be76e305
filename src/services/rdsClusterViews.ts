// The RDS family's cluster API shapes (DocumentDB, Neptune Database): the members of its DB clusters and cluster
// snapshots that the family's service module reads, and how they become a Resource and a Snapshot. Pure: no SDK.
import { details, isoDate, plural, toDate } from './common';
import type { Resource, Snapshot, SnapshotState } from './service';
import * as l10n from '../l10n';

/** What a DB cluster of the RDS cluster API carries, as far as the tree shows it (both SDKs' DBCluster fit). */
export interface RdsCluster {
  readonly DBClusterIdentifier?: string | undefined;
  readonly DBClusterArn?: string | undefined;
  readonly Status?: string | undefined;
  readonly Engine?: string | undefined;
  readonly EngineVersion?: string | undefined;
  readonly DBClusterMembers?: readonly unknown[] | undefined;
  readonly ClusterCreateTime?: Date | undefined;
  readonly Endpoint?: string | undefined;
  readonly StorageType?: string | undefined;
  readonly StorageEncrypted?: boolean | undefined;
  readonly BackupRetentionPeriod?: number | undefined;
}

/** What a DB cluster snapshot carries, as far as the tree shows it (both SDKs' DBClusterSnapshot fit). */
export interface RdsClusterSnapshot {
  readonly DBClusterSnapshotIdentifier?: string | undefined;
  readonly DBClusterIdentifier?: string | undefined;
  readonly DBClusterSnapshotArn?: string | undefined;
  readonly Status?: string | undefined;
  readonly SnapshotType?: string | undefined;
  readonly PercentProgress?: number | undefined;
  readonly Engine?: string | undefined;
  readonly EngineVersion?: string | undefined;
  readonly SnapshotCreateTime?: Date | undefined;
  /** Neptune's model has it (GiB); DocumentDB's does not. */
  readonly AllocatedStorage?: number | undefined;
  readonly StorageEncrypted?: boolean | undefined;
  readonly KmsKeyId?: string | undefined;
}

const GIB = 1024 ** 3;

/** StorageEncrypted and KmsKeyId as a snapshot's encryption; undefined when the answer says neither. */
function clusterSnapshotEncryption(snapshot: RdsClusterSnapshot): Snapshot['encryption'] {
  if (snapshot.StorageEncrypted === false) return { encrypted: false };
  if (snapshot.StorageEncrypted === true || snapshot.KmsKeyId) {
    return snapshot.KmsKeyId ? { encrypted: true, kmsKey: snapshot.KmsKeyId } : { encrypted: true };
  }
  return undefined;
}

const snapshotStates: Readonly<Record<string, SnapshotState>> = {
  available: 'available',
  creating: 'creating',
  copying: 'creating',
  deleting: 'deleting',
  failed: 'failed',
  error: 'failed',
};

/** A cluster as the tree shows it; `service` and `engine` are the family member's (its id, its engine name). */
export function toClusterResource(service: string, engineName: string, cluster: RdsCluster): Resource {
  const id = cluster.DBClusterIdentifier ?? '';
  const status = cluster.Status ?? 'unknown';
  const instances = cluster.DBClusterMembers?.length ?? 0;
  const engine = [cluster.Engine ?? engineName, cluster.EngineVersion].filter(Boolean).join(' ');
  const createdAt = toDate(cluster.ClusterCreateTime);
  return {
    service,
    id,
    name: id,
    arn: cluster.DBClusterArn,
    status,
    summary: [engine, plural(instances, l10n.t('1 instance'), l10n.t('{0} instances', instances))].join(' · '),
    createdAt,
    snapshottable:
      status === 'available'
        ? { ok: true }
        : { ok: false, reason: l10n.t('cluster is {0} (a snapshot needs it available)', status) },
    details: details([
      [l10n.t('Cluster ID'), id],
      ['ARN', cluster.DBClusterArn],
      [l10n.t('Status'), status],
      [l10n.t('Engine'), engine],
      [l10n.t('Instances'), String(instances)],
      [l10n.t('Endpoint'), cluster.Endpoint],
      [l10n.t('Storage type'), cluster.StorageType],
      [l10n.t('Encrypted'), cluster.StorageEncrypted === undefined ? undefined : String(cluster.StorageEncrypted)],
      [l10n.t('Backup retention (days)'), cluster.BackupRetentionPeriod?.toString()],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
  };
}

/** A cluster snapshot as the tree and the tracker see it, with its progress from `PercentProgress`. */
export function toClusterSnapshot(service: string, snapshot: RdsClusterSnapshot): Snapshot {
  const id = snapshot.DBClusterSnapshotIdentifier ?? '';
  const status = snapshot.Status ?? 'unknown';
  const createdAt = toDate(snapshot.SnapshotCreateTime);
  const encryption = clusterSnapshotEncryption(snapshot);
  return {
    service,
    id,
    name: id,
    resourceId: snapshot.DBClusterIdentifier ?? '',
    arn: snapshot.DBClusterSnapshotArn,
    state: snapshotStates[status] ?? 'unknown',
    status,
    progress: snapshot.PercentProgress,
    createdAt,
    details: details([
      [l10n.t('Snapshot ID'), id],
      ['ARN', snapshot.DBClusterSnapshotArn],
      [l10n.t('Cluster'), snapshot.DBClusterIdentifier],
      [l10n.t('Status'), status],
      [l10n.t('Type'), snapshot.SnapshotType],
      [l10n.t('Progress'), snapshot.PercentProgress === undefined ? undefined : `${snapshot.PercentProgress}%`],
      [l10n.t('Engine'), [snapshot.Engine, snapshot.EngineVersion].filter(Boolean).join(' ')],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
    ...(snapshot.SnapshotType ? { kind: snapshot.SnapshotType } : {}),
    // 0 (what clusters whose storage grows as needed may report) says nothing of its size.
    ...(snapshot.AllocatedStorage ? { sizeBytes: snapshot.AllocatedStorage * GIB } : {}),
    ...(encryption ? { encryption } : {}),
  };
}

/** What CreateDBClusterSnapshot is taken to have started when its answer holds no snapshot. */
export function requestedClusterSnapshot(service: string, identifier: string, clusterId: string): Snapshot {
  return {
    service,
    id: identifier,
    name: identifier,
    resourceId: clusterId,
    state: 'creating',
    status: 'creating',
    details: details([
      [l10n.t('Snapshot ID'), identifier],
      [l10n.t('Cluster'), clusterId],
    ]),
  };
}
