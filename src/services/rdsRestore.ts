// The RDS family's restore (DocumentDB, Neptune Database): RestoreDBClusterFromSnapshot into a new cluster plus,
// when asked, CreateDBInstance for its primary instance. `prepare` reads the defaults (the snapshot, its source
// cluster, the source's primary instance and tags), and `getRestoredStatuses` reads every restored cluster of a
// region with one DescribeDBClusters (db-cluster-id filter) and their instances with one DescribeDBInstances, a page
// each. Each family member configures it (rdsClusters.ts passes its id, label, engine, client and commands).
import type { RdsRestoreRules } from '../validation/rdsRestore';
import { rdsRestoreModelMembers } from '../validation/rdsRestore';
import type { Tag } from '../validation/types';
import { chunks, isErrorNamed } from './common';
import type { ErrorFacts } from './errorText';
import { rdsRestoreForm, type CreateInstanceInput, type RestoreClusterInput } from './rdsRestoreForm';
import { rdsRestoreDefaults, type RdsRestoreSources } from './rdsRestoreDefaults';
import { clusterState, restoredState, type RestoredCluster, type RestoredInstance } from './rdsRestoreStatus';
import { notAvailableReason, type RestoreErrorContext, type RestoreSupport } from './restore';
import type { AwsContext, RestoredRef, SnapshotService, TrackedState } from './service';

/** DescribeDBClusters / DescribeDBInstances: at most 100 records a page. */
const MAX_RECORDS = 100;
/** The most ids one `db-cluster-id` filter carries here (a tick rarely follows more restores in one region). */
const MAX_FILTER_VALUES = 100;

type Filters = Array<{ Name: string; Values: string[] }>;
interface ListInput {
  Filters?: Filters;
  MaxRecords?: number;
  Marker?: string;
}

/** What a family member declares to restore: its restore rules, a class when the source primary is gone, sentences. */
export interface RdsRestoreMember {
  readonly rules: RdsRestoreRules;
  /** The instance class offered when the source cluster's primary instance cannot be read. */
  readonly fallbackInstanceClass: string;
  explainError(facts: ErrorFacts, context: RestoreErrorContext): string | undefined;
}

/** The SDK commands the restore sends (both SDKs' commands fit). */
export interface RdsRestoreCommands {
  readonly DescribeDBClustersCommand: new (input: ListInput & { DBClusterIdentifier?: string }) => object;
  readonly DescribeDBClusterSnapshotsCommand: new (input: { DBClusterSnapshotIdentifier?: string }) => object;
  readonly DescribeDBInstancesCommand: new (input: ListInput & { DBInstanceIdentifier?: string }) => object;
  readonly ListTagsForResourceCommand: new (input: { ResourceName: string }) => object;
  readonly RestoreDBClusterFromSnapshotCommand: new (input: RestoreClusterInput) => object;
  readonly CreateDBInstanceCommand: new (input: CreateInstanceInput) => object;
}

interface Sender {
  send(command: object, options: { abortSignal?: AbortSignal | undefined }): Promise<object>;
}

export interface RdsRestoreConfig {
  readonly label: string;
  readonly engine: string;
  readonly restore: RdsRestoreMember;
  client(ctx: AwsContext): Promise<Sender>;
  commands(): Promise<RdsRestoreCommands>;
}

interface ClusterRead extends RestoredCluster {
  readonly DBClusterArn?: string | undefined;
  readonly EngineVersion?: string | undefined;
  readonly Port?: number | undefined;
  readonly DBSubnetGroup?: string | undefined;
  readonly VpcSecurityGroups?: ReadonlyArray<{ readonly VpcSecurityGroupId?: string | undefined }> | undefined;
  readonly DeletionProtection?: boolean | undefined;
  readonly DBClusterMembers?:
    | ReadonlyArray<{ readonly DBInstanceIdentifier?: string | undefined; readonly IsClusterWriter?: boolean }>
    | undefined;
}
interface InstanceRead extends RestoredInstance {
  readonly DBInstanceClass?: string | undefined;
}
interface ClustersOut {
  readonly DBClusters?: readonly ClusterRead[] | undefined;
  readonly Marker?: string | undefined;
}
interface InstancesOut {
  readonly DBInstances?: readonly InstanceRead[] | undefined;
  readonly Marker?: string | undefined;
}
interface SnapshotsOut {
  readonly DBClusterSnapshots?: ReadonlyArray<{ EngineVersion?: string; Port?: number }> | undefined;
}
interface TagsOut {
  readonly TagList?: ReadonlyArray<{ readonly Key?: string; readonly Value?: string }> | undefined;
}

export function rdsRestore(config: RdsRestoreConfig): Pick<SnapshotService, 'restore' | 'getRestoredStatuses'> {
  const { label, engine } = config;
  /** Sends one command: each answers with its operation's output (the SDK's type, erased by Sender). */
  const call = async <T>(ctx: AwsContext, command: object, signal = ctx.signal): Promise<T> =>
    (await (await config.client(ctx)).send(command, { abortSignal: signal })) as T;
  /** A read that answers undefined when AWS says the thing does not exist. */
  const orMissing = async <T>(read: Promise<T>, ...notFound: string[]): Promise<T | undefined> => {
    try {
      return await read;
    } catch (error) {
      if (isErrorNamed(error, ...notFound)) return undefined;
      throw error;
    }
  };
  const clusterNotFound = ['DBClusterNotFoundFault'];
  const instanceNotFound = ['DBInstanceNotFoundFault', 'DBInstanceNotFound'];

  /** Every page of a listing of the ids, chunked to the filter's size. */
  async function listAll<T>(
    ids: readonly string[],
    page: (values: string[], marker?: string) => Promise<{ items?: readonly T[]; marker?: string }>,
  ) {
    const items: T[] = [];
    for (const values of chunks(ids, MAX_FILTER_VALUES)) {
      let marker: string | undefined;
      do {
        const out = await page(values, marker);
        items.push(...(out.items ?? []));
        marker = out.marker || undefined;
      } while (marker);
    }
    return items;
  }

  const restore: RestoreSupport = {
    operation: 'RestoreDBClusterFromSnapshot',
    iamActions: ['rds:RestoreDBClusterFromSnapshot', 'rds:CreateDBInstance', 'rds:AddTagsToResource'],
    makes: 'cluster',
    modelMembers: rdsRestoreModelMembers,
    refusal: notAvailableReason,
    explainError: config.restore.explainError,

    async prepare(ctx, snapshot) {
      const c = await config.commands();
      const [snap, cluster] = await Promise.all([
        orMissing(
          call<SnapshotsOut>(
            ctx,
            new c.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: snapshot.id }),
          ),
          'DBClusterSnapshotNotFoundFault',
        ),
        snapshot.resourceId
          ? orMissing(
              call<ClustersOut>(ctx, new c.DescribeDBClustersCommand({ DBClusterIdentifier: snapshot.resourceId })),
              ...clusterNotFound,
            )
          : undefined,
      ]);
      const source = cluster?.DBClusters?.[0];
      const writer = source?.DBClusterMembers?.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;
      const [primary, tags] = await Promise.all([
        writer
          ? orMissing(
              call<InstancesOut>(ctx, new c.DescribeDBInstancesCommand({ DBInstanceIdentifier: writer })),
              ...instanceNotFound,
            )
          : undefined,
        // The source's tags are only a prefill: a failed read leaves the tags empty rather than the form unusable.
        source?.DBClusterArn
          ? call<TagsOut>(ctx, new c.ListTagsForResourceCommand({ ResourceName: source.DBClusterArn })).catch(
              () => undefined,
            )
          : undefined,
      ]);
      const sources: RdsRestoreSources = {
        snapshotId: snapshot.id,
        sourceClusterId: snapshot.resourceId,
        snapshot: snap?.DBClusterSnapshots?.[0],
        cluster: source,
        primaryClass: primary?.DBInstances?.[0]?.DBInstanceClass,
        tags: tags?.TagList?.map((t): Tag => ({ key: t.Key ?? '', value: t.Value ?? '' })),
      };
      const defaults = rdsRestoreDefaults(sources, config.restore.fallbackInstanceClass, new Date());
      return rdsRestoreForm({
        label,
        engine,
        snapshotId: snapshot.id,
        rules: config.restore.rules,
        defaults,
        defaultTags: sources.tags?.filter((t) => !/^(aws|rds):/i.test(t.key)),
        clusterExists: async (id, signal) =>
          (await orMissing(
            call<ClustersOut>(ctx, new c.DescribeDBClustersCommand({ DBClusterIdentifier: id }), signal),
            ...clusterNotFound,
          )) !== undefined,
        instanceExists: async (id, signal) =>
          (await orMissing(
            call<InstancesOut>(ctx, new c.DescribeDBInstancesCommand({ DBInstanceIdentifier: id }), signal),
            ...instanceNotFound,
          )) !== undefined,
        restoreCluster: async (input, signal) =>
          (await call<{ DBCluster?: RestoredCluster }>(ctx, new c.RestoreDBClusterFromSnapshotCommand(input), signal))
            .DBCluster,
        createInstance: async (input) => {
          await call<object>(ctx, new c.CreateDBInstanceCommand(input), undefined);
        },
      });
    },
  };

  async function getRestoredStatuses(
    ctx: AwsContext,
    refs: readonly RestoredRef[],
  ): Promise<Map<string, TrackedState>> {
    const result = new Map<string, TrackedState>();
    // The family stores identifiers in lowercase: match on that, answer under the ref's own id.
    const refIds = new Map<string, string[]>();
    for (const ref of refs) {
      const key = ref.resourceId.toLowerCase();
      refIds.set(key, [...new Set([...(refIds.get(key) ?? []), ref.resourceId])]);
    }
    if (refIds.size === 0) return result;
    const c = await config.commands();
    const clusters = await listAll<ClusterRead>([...refIds.keys()], async (values, marker) => {
      const input = { Filters: [{ Name: 'db-cluster-id', Values: values }], MaxRecords: MAX_RECORDS, Marker: marker };
      const out = await call<ClustersOut>(ctx, new c.DescribeDBClustersCommand(input));
      return { items: out.DBClusters, marker: out.Marker };
    });
    // Instances matter only once their cluster is available (until then the cluster's own state is the answer).
    const ready = clusters
      .filter((cl) => clusterState(cl.Status ?? '') === 'available')
      .map((cl) => (cl.DBClusterIdentifier ?? '').toLowerCase());
    const instances = await listAll<InstanceRead>(ready, async (values, marker) => {
      const input = { Filters: [{ Name: 'db-cluster-id', Values: values }], MaxRecords: MAX_RECORDS, Marker: marker };
      const out = await call<InstancesOut>(ctx, new c.DescribeDBInstancesCommand(input));
      return { items: out.DBInstances, marker: out.Marker };
    });
    for (const cluster of clusters) {
      const key = (cluster.DBClusterIdentifier ?? '').toLowerCase();
      const own = instances.filter((i) => (i.DBClusterIdentifier ?? '').toLowerCase() === key);
      const state = restoredState(cluster, own);
      for (const refId of refIds.get(key) ?? []) result.set(refId, { ...state, id: refId });
    }
    return result;
  }

  return { restore, getRestoredStatuses };
}
