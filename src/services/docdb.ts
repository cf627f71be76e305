// Amazon DocumentDB: clusters (engine docdb only; the API shares its back end with RDS and Neptune) and their
// cluster snapshots (DescribeDBClusters, DescribeDBClusterSnapshots, CreateDBClusterSnapshot).
import type { DBCluster, DBClusterSnapshot } from '@aws-sdk/client-docdb';
import { loadSdk } from '../aws/sdkLoader';
import { docdbClient } from './docdbClient';
import { explainDocDbError } from './docdbErrors';
import { docdbRules } from '../validation/index';
import {
  clampPageSize,
  consoleHome,
  details,
  findInPages,
  groupBy,
  isErrorNamed,
  isoDate,
  newestFirst,
  plural,
  requiredValue,
  tagList,
  toDate,
  offeredIn,
} from './common';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
  SnapshotState,
} from './service';

const ID = 'docdb';
const ENGINE = 'docdb';
/** DescribeDBClusters / DescribeDBClusterSnapshots: MaxRecords minimum 20, maximum 100. */
const MIN_RECORDS = 20;
const MAX_RECORDS = 100;

/** DocumentDB regions (commercial, China and GovCloud; the DocumentDB developer guide's region table). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-central-1',
  'sa-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

const snapshotStates: Readonly<Record<string, SnapshotState>> = {
  available: 'available',
  creating: 'creating',
  copying: 'creating',
  deleting: 'deleting',
  failed: 'failed',
  error: 'failed',
};

function toResource(cluster: DBCluster): Resource {
  const id = cluster.DBClusterIdentifier ?? '';
  const status = cluster.Status ?? 'unknown';
  const instances = cluster.DBClusterMembers?.length ?? 0;
  const engine = [cluster.Engine ?? ENGINE, cluster.EngineVersion].filter(Boolean).join(' ');
  const createdAt = toDate(cluster.ClusterCreateTime);
  return {
    service: ID,
    id,
    name: id,
    arn: cluster.DBClusterArn,
    status,
    summary: [engine, plural(instances, 'instance', 'instances')].join(' · '),
    createdAt,
    snapshottable:
      status === 'available'
        ? { ok: true }
        : { ok: false, reason: `cluster is ${status} (a snapshot needs it available)` },
    details: details([
      ['Cluster ID', id],
      ['ARN', cluster.DBClusterArn],
      ['Status', status],
      ['Engine', engine],
      ['Instances', String(instances)],
      ['Endpoint', cluster.Endpoint],
      ['Storage type', cluster.StorageType],
      ['Encrypted', cluster.StorageEncrypted === undefined ? undefined : String(cluster.StorageEncrypted)],
      ['Backup retention (days)', cluster.BackupRetentionPeriod?.toString()],
      ['Created', isoDate(createdAt)],
    ]),
  };
}

function toSnapshot(snapshot: DBClusterSnapshot): Snapshot {
  const id = snapshot.DBClusterSnapshotIdentifier ?? '';
  const status = snapshot.Status ?? 'unknown';
  const createdAt = toDate(snapshot.SnapshotCreateTime);
  return {
    service: ID,
    id,
    name: id,
    resourceId: snapshot.DBClusterIdentifier ?? '',
    arn: snapshot.DBClusterSnapshotArn,
    state: snapshotStates[status] ?? 'unknown',
    status,
    progress: snapshot.PercentProgress,
    createdAt,
    details: details([
      ['Snapshot ID', id],
      ['ARN', snapshot.DBClusterSnapshotArn],
      ['Cluster', snapshot.DBClusterIdentifier],
      ['Status', status],
      ['Type', snapshot.SnapshotType],
      ['Progress', snapshot.PercentProgress === undefined ? undefined : `${snapshot.PercentProgress}%`],
      ['Engine', [snapshot.Engine, snapshot.EngineVersion].filter(Boolean).join(' ')],
      ['Created', isoDate(createdAt)],
    ]),
  };
}

async function client(ctx: AwsContext) {
  return ctx.clients.get(docdbClient, ctx.profile, ctx.region);
}

export const docdbService: SnapshotService = {
  id: ID,
  label: 'DocumentDB',
  resourceNoun: { one: 'cluster', many: 'clusters' },
  icon: 'database',
  createOperation: 'CreateDBClusterSnapshot',
  resourceParameter: 'DBClusterIdentifier',
  rules: docdbRules,
  iamActions: { create: 'rds:CreateDBClusterSnapshot' },
  uniqueName: { field: 'DBClusterSnapshotIdentifier', scope: 'region' },
  explainError: explainDocDbError,
  regions,

  isOfferedIn: offeredIn(regions),

  async listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
    const { DescribeDBClustersCommand } = (await loadSdk()).docdb;
    const out = await (
      await client(ctx)
    ).send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'engine', Values: [ENGINE] }],
        MaxRecords: clampPageSize(page.pageSize, MIN_RECORDS, MAX_RECORDS),
        Marker: page.nextToken,
      }),
      { abortSignal: ctx.signal },
    );
    // The filter asks the service for docdb clusters only; keep the guarantee even if a back end ignores it.
    const clusters = (out.DBClusters ?? []).filter((c) => c.Engine === undefined || c.Engine === ENGINE);
    return { items: clusters.map(toResource), nextToken: out.Marker || undefined };
  },

  async getResource(ctx: AwsContext, id: string): Promise<Resource | undefined> {
    const { DescribeDBClustersCommand } = (await loadSdk()).docdb;
    try {
      const out = await (
        await client(ctx)
      ).send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }), {
        abortSignal: ctx.signal,
      });
      const cluster = out.DBClusters?.find((c) => c.Engine === undefined || c.Engine === ENGINE);
      return cluster ? toResource(cluster) : undefined;
    } catch (error) {
      if (isErrorNamed(error, 'DBClusterNotFoundFault')) return undefined;
      throw error;
    }
  },

  async listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>> {
    const { DescribeDBClusterSnapshotsCommand } = (await loadSdk()).docdb;
    const out = await (
      await client(ctx)
    ).send(
      new DescribeDBClusterSnapshotsCommand({
        DBClusterIdentifier: resource.id,
        MaxRecords: clampPageSize(page.pageSize, MIN_RECORDS, MAX_RECORDS),
        Marker: page.nextToken,
      }),
      { abortSignal: ctx.signal },
    );
    return { items: newestFirst((out.DBClusterSnapshots ?? []).map(toSnapshot)), nextToken: out.Marker || undefined };
  },

  // Without a cluster, DescribeDBClusterSnapshots lists the region's automated and manual snapshots (what it lists
  // per cluster): one page of 100 serves every cluster. Its Filters parameter "is not currently supported".
  batchSnapshots: {
    covers: 'region',
    async list(ctx: AwsContext): Promise<Map<string, Snapshot[]> | undefined> {
      const { DescribeDBClusterSnapshotsCommand } = (await loadSdk()).docdb;
      const out = await (
        await client(ctx)
      ).send(new DescribeDBClusterSnapshotsCommand({ MaxRecords: MAX_RECORDS }), { abortSignal: ctx.signal });
      if (out.Marker) return undefined;
      return groupBy(out.DBClusterSnapshots ?? [], (s) => s.DBClusterIdentifier?.toLowerCase(), toSnapshot);
    },
  },

  async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
    const { CreateDBClusterSnapshotCommand } = (await loadSdk()).docdb;
    // DocumentDB stores identifiers in lowercase; send what it will store so the tracker finds it by that id.
    const identifier = requiredValue(input.values, 'DBClusterSnapshotIdentifier').toLowerCase();
    const out = await (
      await client(ctx)
    ).send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: resource.id,
        DBClusterSnapshotIdentifier: identifier,
        Tags: tagList(input.tags),
      }),
      { abortSignal: ctx.signal },
    );
    if (!out.DBClusterSnapshot) {
      return {
        service: ID,
        id: identifier,
        name: identifier,
        resourceId: resource.id,
        state: 'creating',
        status: 'creating',
        details: details([
          ['Snapshot ID', identifier],
          ['Cluster', resource.id],
        ]),
      };
    }
    return toSnapshot(out.DBClusterSnapshot);
  },

  // One snapshot: DescribeDBClusterSnapshots by its id. Several: the region's manual snapshots (its Filters parameter
  // "is not currently supported"; the manual quota is 100 per region), 100 a page, read only until every wanted one
  // is seen, so a tick costs about one call however many snapshots and clusters are in flight.
  async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
    const { DescribeDBClusterSnapshotsCommand } = (await loadSdk()).docdb;
    const c = await client(ctx);
    const result = new Map<string, Snapshot>();
    // DocumentDB stores identifiers in lowercase: match on that, answer under the ref's own id.
    const refIds = new Map<string, string[]>();
    for (const ref of refs) {
      const key = ref.snapshotId.toLowerCase();
      const ids = refIds.get(key) ?? [];
      if (!ids.includes(ref.snapshotId)) ids.push(ref.snapshotId);
      refIds.set(key, ids);
    }
    const [only, ...others] = refIds.keys();
    if (only === undefined) return result;
    let found: Map<string, DBClusterSnapshot>;
    if (others.length === 0) {
      found = new Map();
      try {
        const out = await c.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: only }), {
          abortSignal: ctx.signal,
        });
        const snapshot = out.DBClusterSnapshots?.[0];
        if (snapshot) found.set(only, snapshot);
      } catch (error) {
        if (!isErrorNamed(error, 'DBClusterSnapshotNotFoundFault')) throw error;
      }
    } else {
      found = await findInPages(
        new Set(refIds.keys()),
        (s: DBClusterSnapshot) => s.DBClusterSnapshotIdentifier?.toLowerCase(),
        async (marker) => {
          const out = await c.send(
            new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'manual', MaxRecords: MAX_RECORDS, Marker: marker }),
            { abortSignal: ctx.signal },
          );
          return { items: out.DBClusterSnapshots, next: out.Marker };
        },
      );
    }
    for (const [key, snapshot] of found) {
      for (const id of refIds.get(key) ?? []) result.set(id, toSnapshot(snapshot));
    }
    return result;
  },

  consoleUrl(region: string, resource: Resource): string {
    return consoleHome(region, 'docdb', `#cluster-details/${encodeURIComponent(resource.id)}`);
  },
};
