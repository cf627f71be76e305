/**
 * DocumentDB's operations (the RDS cluster API): describe clusters and snapshots, create snapshots, tags (restore:
 * ./restore, delete: ./delete).
 */
import { ApiError } from '../../protocols/types';
import { isBusy, isReady, percentDone } from '../../state/lifecycle';
import { pageFor, type PagingStyle } from '../paging';
import { type CallContext, type Handler } from '../types';
import { identifierOrArn } from './rules';
import { type DocDbClusterRecord, type DocDbSnapshotRecord, rdsClustersIn, rdsQuotas } from './state';

export type Filter = { Name: string; Values: string[] };
export type Tag = { Key: string; Value: string };

export const invalid = (message: string) => new ApiError('InvalidParameterValue', 400, message);
export const clusterNotFound = (id: string) =>
  new ApiError('DBClusterNotFoundFault', 404, `DBCluster ${id} not found.`);
export const snapshotNotFound = (id: string) =>
  new ApiError('DBClusterSnapshotNotFoundFault', 404, `DBClusterSnapshot ${id} not found.`);

/** The security group of the emulator's clusters (a valid sg- id: the extension checks restore inputs by shape). */
export const DEFAULT_SECURITY_GROUP = 'sg-0e0e0e0e0e0e0e0e1';

export const zones = (region: string) => [`${region}a`, `${region}b`, `${region}c`];

/**
 * The KMS key an encrypted cluster or snapshot names: its own, else the region's default `aws/rds` key (a fixed key
 * id here; AWS makes one per account and region). Undefined when not encrypted.
 */
export function kmsKeyOf(ctx: CallContext, record: { storageEncrypted: boolean; kmsKeyId?: string }) {
  if (!record.storageEncrypted) return undefined;
  return (
    record.kmsKeyId ?? `arn:aws:kms:${ctx.region}:${ctx.account.accountId}:key/0e0e0e0e-5eed-4d0c-8b00-0000000a0d5e`
  );
}

export function clusterStatus(c: DocDbClusterRecord, now: number): string {
  if (c.readyAt !== undefined && now < c.readyAt) return 'creating';
  return isBusy(c.busyUntil, now) ? 'backing-up' : c.status;
}

export function clusterView(ctx: CallContext, c: DocDbClusterRecord): Record<string, unknown> {
  const members = rdsClustersIn(ctx.state).instances.filter((i) => i.clusterId === c.id);
  const host = `${c.id}.cluster-c0emulator0.${ctx.region}.docdb.amazonaws.com`;
  return {
    AvailabilityZones: zones(ctx.region),
    BackupRetentionPeriod: 1,
    DBClusterIdentifier: c.id,
    DBClusterParameterGroup: `default.${c.engine}${c.engineVersion.split('.')[0]}`,
    DBSubnetGroup: c.subnetGroup ?? 'default',
    Status: clusterStatus(c, ctx.now),
    Endpoint: host,
    ReaderEndpoint: host.replace('.cluster-', '.cluster-ro-'),
    MultiAZ: false,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    Port: c.port,
    MasterUsername: c.masterUsername,
    PreferredBackupWindow: '03:00-03:30',
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    // The first instance is the writer (the emulator does not fail over).
    DBClusterMembers: members.map((i, n) => ({
      DBInstanceIdentifier: i.id,
      IsClusterWriter: n === 0,
      DBClusterParameterGroupStatus: 'in-sync',
      PromotionTier: 1,
    })),
    VpcSecurityGroups: (c.securityGroups ?? [DEFAULT_SECURITY_GROUP]).map((id) => ({
      VpcSecurityGroupId: id,
      Status: 'active',
    })),
    HostedZoneId: 'ZEMULATOR00001',
    StorageEncrypted: c.storageEncrypted,
    KmsKeyId: kmsKeyOf(ctx, c),
    DbClusterResourceId: `cluster-${c.id.toUpperCase().replace(/-/g, '').slice(0, 20)}`,
    DBClusterArn: `arn:aws:rds:${ctx.region}:${ctx.account.accountId}:cluster:${c.id}`,
    ClusterCreateTime: new Date(c.createTime),
    DeletionProtection: c.deletionProtection ?? false,
  };
}

export function snapshotStatus(s: DocDbSnapshotRecord, now: number): string {
  return s.fixedStatus ?? (isReady(s, now) ? 'available' : 'creating');
}

export function snapshotView(ctx: CallContext, s: DocDbSnapshotRecord): Record<string, unknown> {
  return {
    AvailabilityZones: zones(ctx.region),
    DBClusterSnapshotIdentifier: s.id,
    DBClusterIdentifier: s.clusterId,
    SnapshotCreateTime: new Date(s.startedAt),
    Engine: s.engine,
    EngineVersion: s.engineVersion,
    Status: snapshotStatus(s, ctx.now),
    Port: s.port,
    VpcId: 'vpc-0emulator0000001',
    ClusterCreateTime: new Date(s.clusterCreateTime),
    MasterUsername: s.masterUsername,
    SnapshotType: s.type,
    PercentProgress: s.fixedStatus && s.fixedStatus !== 'deleting' ? 0 : percentDone(s, ctx.now),
    StorageEncrypted: s.storageEncrypted,
    KmsKeyId: kmsKeyOf(ctx, s),
    // Only Neptune's model has it (the serializer writes modelled members only).
    AllocatedStorage: s.allocatedStorage,
    DBClusterSnapshotArn: `arn:aws:rds:${ctx.region}:${ctx.account.accountId}:cluster-snapshot:${s.id}`,
  };
}

/** Applies RDS-style filters (AND across filters, OR across a filter's values). */
export function applyFilters<T>(
  items: readonly T[],
  filters: Filter[] | undefined,
  fields: Record<string, (item: T) => string>,
): T[] {
  let out = [...items];
  for (const f of filters ?? []) {
    const field = fields[f.Name];
    if (!field)
      throw invalid(`Unrecognized filter name: ${f.Name}. Supported filters: ${Object.keys(fields).join(', ')}.`);
    out = out.filter((item) => f.Values.includes(field(item)));
  }
  return out;
}

/**
 * The cluster or cluster snapshot a ListTagsForResource ARN names, with the model's errors: DBClusterNotFoundFault
 * for a cluster, DBSnapshotNotFound for a snapshot (the model lists no cluster-snapshot error for this call),
 * DBInstanceNotFound for an instance.
 */
function taggedResource(ctx: CallContext, arn: string): { tags: Tag[] } {
  const match = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(cluster|cluster-snapshot|db|snapshot):(.+)$/.exec(arn);
  if (!match) throw invalid('The specified resource name does not match an RDS resource in this region.');
  const [, region, account, kind, name] = match as unknown as [string, string, string, string, string];
  const here = region === ctx.region && account === ctx.account.accountId;
  const id = name.toLowerCase();
  const { clusters, snapshots } = rdsClustersIn(ctx.state);
  if (kind === 'cluster') {
    const cluster = here ? clusters.find((c) => c.id === id) : undefined;
    if (!cluster) throw clusterNotFound(id);
    return cluster;
  }
  const snapshot = here && kind === 'cluster-snapshot' ? snapshots.find((s) => s.id === id) : undefined;
  if (snapshot) return snapshot;
  const instance = here && kind === 'db' ? rdsClustersIn(ctx.state).instances.find((i) => i.id === id) : undefined;
  if (instance) return instance;
  if (kind === 'db') throw new ApiError('DBInstanceNotFound', 404, `DBInstance ${id} not found.`);
  throw new ApiError('DBSnapshotNotFound', 404, `DBSnapshot ${id} not found.`);
}

export const PAGING: PagingStyle = {
  token: 'Marker',
  size: 'MaxRecords',
  defaultSize: 100,
  invalidToken: () => invalid('The marker is not valid for this request.'),
};

export const docDbOperations: Readonly<Record<string, Handler>> = {
  DescribeDBClusters(ctx, input) {
    let clusters = applyFilters(rdsClustersIn(ctx.state).clusters, input.Filters as Filter[] | undefined, {
      engine: (c) => c.engine,
      'db-cluster-id': (c) => c.id,
    });
    if (input.DBClusterIdentifier !== undefined) {
      const id = identifierOrArn('DBClusterIdentifier', input.DBClusterIdentifier as string, 'cluster');
      clusters = clusters.filter((c) => c.id === id);
      if (clusters.length === 0) throw clusterNotFound(id);
    }
    const result = pageFor(clusters, input, `clusters:${JSON.stringify(input.Filters ?? [])}`, PAGING);
    return { DBClusters: result.items.map((c) => clusterView(ctx, c)), Marker: result.next };
  },
  DescribeDBClusterSnapshots(ctx, input) {
    if (input.DBClusterIdentifier !== undefined && input.DBClusterSnapshotIdentifier !== undefined) {
      throw new ApiError(
        'InvalidParameterCombination',
        400,
        'DBClusterIdentifier and DBClusterSnapshotIdentifier cannot both be specified.',
      );
    }
    const type = input.SnapshotType as string | undefined;
    if (type !== undefined && !['automated', 'manual', 'shared', 'public'].includes(type)) {
      throw invalid(`Invalid value ${type} for SnapshotType. Must be one of: automated, manual, shared, public`);
    }
    let snapshots = applyFilters(rdsClustersIn(ctx.state).snapshots, input.Filters as Filter[] | undefined, {
      engine: (s) => s.engine,
      'db-cluster-id': (s) => s.clusterId,
      'db-cluster-snapshot-id': (s) => s.id,
      'snapshot-type': (s) => s.type,
    });
    if (type !== undefined) snapshots = snapshots.filter((s) => s.type === type);
    if (input.DBClusterIdentifier !== undefined) {
      const id = identifierOrArn('DBClusterIdentifier', input.DBClusterIdentifier as string, 'cluster');
      snapshots = snapshots.filter((s) => s.clusterId === id);
    }
    if (input.DBClusterSnapshotIdentifier !== undefined) {
      const id = identifierOrArn(
        'DBClusterSnapshotIdentifier',
        input.DBClusterSnapshotIdentifier as string,
        'cluster-snapshot',
      );
      snapshots = snapshots.filter((s) => s.id === id);
      if (snapshots.length === 0) throw snapshotNotFound(id);
    }
    const scope = `snapshots:${String(input.DBClusterIdentifier ?? '')}:${type ?? ''}:${JSON.stringify(input.Filters ?? [])}`;
    const result = pageFor(snapshots, input, scope, PAGING);
    return { DBClusterSnapshots: result.items.map((s) => snapshotView(ctx, s)), Marker: result.next };
  },
  ListTagsForResource(ctx, input) {
    return { TagList: [...taggedResource(ctx, input.ResourceName as string).tags] };
  },
  CreateDBClusterSnapshot(ctx, input) {
    const id = (input.DBClusterSnapshotIdentifier as string).toLowerCase();
    const clusterId = (input.DBClusterIdentifier as string).toLowerCase();
    const { clusters, snapshots } = rdsClustersIn(ctx.state);
    const cluster = clusters.find((c) => c.id === clusterId);
    if (!cluster) throw clusterNotFound(clusterId);
    if (snapshots.some((s) => s.id === id)) {
      throw new ApiError(
        'DBClusterSnapshotAlreadyExistsFault',
        400,
        `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
      );
    }
    const status = clusterStatus(cluster, ctx.now);
    if (status !== 'available') {
      throw new ApiError(
        'InvalidDBClusterStateFault',
        400,
        `DBCluster ${clusterId} is in ${status} state; a snapshot can only be created when it is available.`,
      );
    }
    const manual = snapshots.filter((s) => s.type === 'manual').length;
    const quota = rdsQuotas(ctx.account).manualSnapshots;
    if (manual >= quota) {
      throw new ApiError('SnapshotQuotaExceeded', 400, `Cannot create more than ${quota} manual snapshots`);
    }
    const snapshot: DocDbSnapshotRecord = {
      id,
      clusterId,
      engine: cluster.engine,
      engineVersion: cluster.engineVersion,
      type: 'manual',
      clusterCreateTime: cluster.createTime,
      port: cluster.port,
      masterUsername: cluster.masterUsername,
      storageEncrypted: cluster.storageEncrypted,
      kmsKeyId: cluster.kmsKeyId,
      allocatedStorage: cluster.allocatedStorage,
      startedAt: ctx.now,
      readyAt: ctx.now + ctx.snapshotMs,
      tags: (input.Tags as Tag[] | undefined) ?? [],
    };
    snapshots.push(snapshot);
    if (ctx.snapshotMs > 0) cluster.busyUntil = snapshot.readyAt;
    return { DBClusterSnapshot: snapshotView(ctx, snapshot) };
  },
};
