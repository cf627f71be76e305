// The RDS family's cluster snapshot service (DocumentDB, Neptune Database share the RDS cluster API): the DB clusters
// of one engine (DescribeDBClusters with the `engine` filter), their cluster snapshots (DescribeDBClusterSnapshots),
// CreateDBClusterSnapshot, status reads and a snapshot's tags (ListTagsForResource), restore (./rdsRestore) and delete
// (./rdsDelete). Each family member configures it with its id, engine, SDK client and commands, regions, rules, error
// sentences and console URL (docdb.ts, neptune.ts).
import * as l10n from '../l10n';
import type { ServiceInputRules, Tag } from '../validation/types';
import {
  clampPageSize,
  findInPages,
  groupBy,
  isErrorNamed,
  newestFirst,
  offeredIn,
  requiredValue,
  tagList,
} from './common';
import type { CreateErrorContext, ErrorFacts } from './errorText';
import {
  requestedClusterSnapshot,
  toClusterResource,
  toClusterSnapshot,
  type RdsCluster,
  type RdsClusterSnapshot,
} from './rdsClusterViews';
import { rdsDelete, type RdsDeleteCommands } from './rdsDelete';
import { rdsCopy, type RdsCopyCommands, type RdsCopyMember } from './rdsCopy';
import { rdsRestore, type RdsRestoreCommands, type RdsRestoreMember } from './rdsRestore';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
} from './service';

/** DescribeDBClusters / DescribeDBClusterSnapshots: MaxRecords minimum 20, maximum 100. */
const MIN_RECORDS = 20;
const MAX_RECORDS = 100;

interface ClustersInput {
  DBClusterIdentifier?: string;
  Filters?: Array<{ Name: string; Values: string[] }>;
  MaxRecords?: number;
  Marker?: string;
}
interface SnapshotsInput {
  DBClusterIdentifier?: string;
  DBClusterSnapshotIdentifier?: string;
  SnapshotType?: string;
  MaxRecords?: number;
  Marker?: string;
}
interface CreateInput {
  DBClusterIdentifier: string;
  DBClusterSnapshotIdentifier: string;
  Tags?: Array<{ Key: string; Value: string }> | undefined;
}
interface TagsOutput {
  readonly TagList?: ReadonlyArray<{ readonly Key?: string; readonly Value?: string }> | undefined;
}
interface ClustersOutput {
  readonly DBClusters?: readonly RdsCluster[] | undefined;
  readonly Marker?: string | undefined;
}
interface SnapshotsOutput {
  readonly DBClusterSnapshots?: readonly RdsClusterSnapshot[] | undefined;
  readonly Marker?: string | undefined;
}
interface CreateOutput {
  readonly DBClusterSnapshot?: RdsClusterSnapshot | undefined;
}

/** A family member's SDK client (DocDBClient, NeptuneClient), as far as this module uses it. */
export interface RdsClient {
  send(command: object, options: { abortSignal?: AbortSignal | undefined }): Promise<object>;
}

/** A family member's SDK commands of the cluster API. */
export interface RdsCommands {
  readonly DescribeDBClustersCommand: new (input: ClustersInput) => object;
  readonly DescribeDBClusterSnapshotsCommand: new (input: SnapshotsInput) => object;
  readonly CreateDBClusterSnapshotCommand: new (input: CreateInput) => object;
  readonly ListTagsForResourceCommand: new (input: { ResourceName: string }) => object;
}

/** What a family member declares; the rest of its SnapshotService is the family's. */
export interface RdsFamilyMember {
  readonly id: string;
  readonly label: string;
  /** The `engine` of its clusters (DescribeDBClusters lists every engine of the shared API unless filtered). */
  readonly engine: string;
  readonly icon: string;
  readonly regions: readonly string[];
  readonly rules: ServiceInputRules;
  explainError(facts: ErrorFacts, context: CreateErrorContext): string | undefined;
  /** Its SDK client for the context's profile and region. */
  client(ctx: AwsContext): Promise<RdsClient>;
  /** Its SDK commands (loaded lazily), the restore's included. */
  commands(): Promise<RdsCommands & RdsRestoreCommands & RdsDeleteCommands & RdsCopyCommands>;
  /** Restore from a cluster snapshot (./rdsRestore): its rules, fallback instance class and error sentences. */
  readonly restore?: RdsRestoreMember;
  /** Copy to another region (./rdsCopy): its identifier and tag rules and error sentences. */
  readonly copy?: RdsCopyMember;
  consoleUrl(region: string, resource: Resource): string;
  /** The console page of a cluster snapshot (any, also a copy whose cluster is elsewhere). */
  snapshotConsoleUrl(region: string, snapshot: Snapshot): string;
}

/** Sends one call of the cluster API: each command answers with its operation's output. */
async function call<T>(ctx: AwsContext, client: RdsClient, command: object): Promise<T> {
  // The SDK's typed output of that command; RdsClient erases it to keep one client type for the family.
  return (await client.send(command, { abortSignal: ctx.signal })) as T;
}

export function rdsClusterService(member: RdsFamilyMember): SnapshotService {
  const { id, engine } = member;
  const ofEngine = (c: RdsCluster) => c.Engine === undefined || c.Engine === engine;
  const toResource = (c: RdsCluster) => toClusterResource(id, engine, c);
  const toSnapshot = (s: RdsClusterSnapshot) => toClusterSnapshot(id, s);
  const describeSnapshots = async (ctx: AwsContext, input: SnapshotsInput): Promise<SnapshotsOutput> => {
    const { DescribeDBClusterSnapshotsCommand } = await member.commands();
    return call(ctx, await member.client(ctx), new DescribeDBClusterSnapshotsCommand(input));
  };
  return {
    id,
    label: member.label,
    resourceNoun: {
      get one(): string {
        return l10n.t('cluster');
      },
      get many(): string {
        return l10n.t('clusters');
      },
    },
    icon: member.icon,
    createOperation: 'CreateDBClusterSnapshot',
    resourceParameter: 'DBClusterIdentifier',
    rules: member.rules,
    iamActions: { create: 'rds:CreateDBClusterSnapshot' },
    uniqueName: { field: 'DBClusterSnapshotIdentifier', scope: 'region' },
    explainError: member.explainError,
    regions: member.regions,

    isOfferedIn: offeredIn(member.regions),

    async listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
      const { DescribeDBClustersCommand } = await member.commands();
      const input = {
        Filters: [{ Name: 'engine', Values: [engine] }],
        MaxRecords: clampPageSize(page.pageSize, MIN_RECORDS, MAX_RECORDS),
        Marker: page.nextToken,
      };
      const out = await call<ClustersOutput>(ctx, await member.client(ctx), new DescribeDBClustersCommand(input));
      // The filter asks for this engine's clusters only; keep the guarantee even if a back end ignores it.
      return { items: (out.DBClusters ?? []).filter(ofEngine).map(toResource), nextToken: out.Marker || undefined };
    },

    async getResource(ctx: AwsContext, clusterId: string): Promise<Resource | undefined> {
      const { DescribeDBClustersCommand } = await member.commands();
      try {
        const command = new DescribeDBClustersCommand({ DBClusterIdentifier: clusterId });
        const out = await call<ClustersOutput>(ctx, await member.client(ctx), command);
        const cluster = out.DBClusters?.find(ofEngine);
        return cluster ? toResource(cluster) : undefined;
      } catch (error) {
        if (isErrorNamed(error, 'DBClusterNotFoundFault')) return undefined;
        throw error;
      }
    },

    async listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>> {
      const out = await describeSnapshots(ctx, {
        DBClusterIdentifier: resource.id,
        MaxRecords: clampPageSize(page.pageSize, MIN_RECORDS, MAX_RECORDS),
        Marker: page.nextToken,
      });
      return { items: newestFirst((out.DBClusterSnapshots ?? []).map(toSnapshot)), nextToken: out.Marker || undefined };
    },

    // This engine's snapshots whose cluster is not in the region (copies from another region, snapshots of deleted
    // clusters): a page of the region's snapshots minus those of the region's clusters (read whole, one page or two).
    async listUnattachedSnapshots(ctx: AwsContext, page: PageRequest): Promise<Page<Snapshot>> {
      const { DescribeDBClustersCommand } = await member.commands();
      const clusters = new Set<string>();
      let marker: string | undefined;
      do {
        const input = { Filters: [{ Name: 'engine', Values: [engine] }], MaxRecords: MAX_RECORDS, Marker: marker };
        const out = await call<ClustersOutput>(ctx, await member.client(ctx), new DescribeDBClustersCommand(input));
        for (const c of out.DBClusters ?? []) clusters.add((c.DBClusterIdentifier ?? '').toLowerCase());
        marker = out.Marker || undefined;
      } while (marker);
      const out = await describeSnapshots(ctx, {
        MaxRecords: clampPageSize(page.pageSize, MIN_RECORDS, MAX_RECORDS),
        Marker: page.nextToken,
      });
      const elsewhere = (out.DBClusterSnapshots ?? []).filter(
        (s) =>
          (s.Engine === undefined || s.Engine === engine) && !clusters.has((s.DBClusterIdentifier ?? '').toLowerCase()),
      );
      return { items: newestFirst(elsewhere.map(toSnapshot)), nextToken: out.Marker || undefined };
    },

    // Without a cluster, DescribeDBClusterSnapshots lists the region's automated and manual snapshots (what it lists
    // per cluster): one page of 100 serves every cluster. Its Filters parameter "is not currently supported".
    batchSnapshots: {
      covers: 'region',
      async list(ctx: AwsContext): Promise<Map<string, Snapshot[]> | undefined> {
        const out = await describeSnapshots(ctx, { MaxRecords: MAX_RECORDS });
        if (out.Marker) return undefined;
        return groupBy(out.DBClusterSnapshots ?? [], (s) => s.DBClusterIdentifier?.toLowerCase(), toSnapshot);
      },
    },

    // DBClusterSnapshot carries no TagList in these models: ListTagsForResource on the snapshot's ARN.
    async snapshotTags(ctx: AwsContext, snapshot: Snapshot): Promise<readonly Tag[]> {
      if (!snapshot.arn) return [];
      const { ListTagsForResourceCommand } = await member.commands();
      const command = new ListTagsForResourceCommand({ ResourceName: snapshot.arn });
      const out = await call<TagsOutput>(ctx, await member.client(ctx), command);
      return (out.TagList ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
    },

    async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
      const { CreateDBClusterSnapshotCommand } = await member.commands();
      // The family stores identifiers in lowercase; send what it will store so the tracker finds it by that id.
      const identifier = requiredValue(input.values, 'DBClusterSnapshotIdentifier').toLowerCase();
      const command = new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: resource.id,
        DBClusterSnapshotIdentifier: identifier,
        Tags: tagList(input.tags),
      });
      const out = await call<CreateOutput>(ctx, await member.client(ctx), command);
      if (!out.DBClusterSnapshot) return requestedClusterSnapshot(id, identifier, resource.id);
      return toSnapshot(out.DBClusterSnapshot);
    },

    // One snapshot: DescribeDBClusterSnapshots by its id. Several: the region's manual snapshots (its Filters
    // parameter "is not currently supported"; the manual quota is 100 per region), 100 a page, read only until every
    // wanted one is seen, so a tick costs about one call however many snapshots and clusters are in flight.
    async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
      const result = new Map<string, Snapshot>();
      // The family stores identifiers in lowercase: match on that, answer under the ref's own id.
      const refIds = new Map<string, string[]>();
      for (const ref of refs) {
        const key = ref.snapshotId.toLowerCase();
        const ids = refIds.get(key) ?? [];
        if (!ids.includes(ref.snapshotId)) ids.push(ref.snapshotId);
        refIds.set(key, ids);
      }
      const [only, ...others] = refIds.keys();
      if (only === undefined) return result;
      let found: Map<string, RdsClusterSnapshot>;
      if (others.length === 0) {
        found = new Map();
        try {
          const out = await describeSnapshots(ctx, { DBClusterSnapshotIdentifier: only });
          const snapshot = out.DBClusterSnapshots?.[0];
          if (snapshot) found.set(only, snapshot);
        } catch (error) {
          if (!isErrorNamed(error, 'DBClusterSnapshotNotFoundFault')) throw error;
        }
      } else {
        found = await findInPages(
          new Set(refIds.keys()),
          (s: RdsClusterSnapshot) => s.DBClusterSnapshotIdentifier?.toLowerCase(),
          async (marker) => {
            const out = await describeSnapshots(ctx, {
              SnapshotType: 'manual',
              MaxRecords: MAX_RECORDS,
              Marker: marker,
            });
            return { items: out.DBClusterSnapshots, next: out.Marker };
          },
        );
      }
      for (const [key, snapshot] of found) {
        for (const refId of refIds.get(key) ?? []) result.set(refId, toSnapshot(snapshot));
      }
      return result;
    },

    delete: rdsDelete(member),
    consoleUrl: member.consoleUrl,
    snapshotConsoleUrl: (region, snapshot) => member.snapshotConsoleUrl(region, snapshot),
    ...(member.restore ? rdsRestore({ ...member, restore: member.restore }) : {}),
    ...(member.copy ? { copy: rdsCopy({ ...member, copy: member.copy }) } : {}),
  };
}
