// Neptune Analytics: graphs and their snapshots (ListGraphs, GetGraph, ListGraphSnapshots, CreateGraphSnapshot,
// GetGraphSnapshot, ListTagsForResource), restore (./neptuneGraphRestore) and delete (./neptuneGraphDelete).
import type { GraphSnapshotSummary, GraphSummary } from '@aws-sdk/client-neptune-graph';
import { loadSdk } from '../aws/sdkLoader';
import { neptuneGraphClient } from './neptuneGraphClient';
import { neptuneGraphDelete } from './neptuneGraphDelete';
import { explainNeptuneGraphError } from './neptuneGraphErrors';
import { neptuneGraphRestore, neptuneGraphRestoredStatuses } from './neptuneGraphRestore';
import { neptuneGraphRules } from '../validation/index';
import type { Tag } from '../validation/types';
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
import * as l10n from '../l10n';

const ID = 'neptune-graph';
/** ListGraphs / ListGraphSnapshots: maxResults 1..100. */
const MAX_RESULTS = 100;

/** Neptune Analytics regions (Neptune Analytics user guide, "Limits for Neptune Analytics"). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'ap-south-1',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

const snapshotStates: Readonly<Record<string, SnapshotState>> = {
  CREATING: 'creating',
  AVAILABLE: 'available',
  DELETING: 'deleting',
  FAILED: 'failed',
};

/** GetGraph's output has the same members as a summary, plus a few more we do not show. */
type GraphLike = GraphSummary & { createTime?: Date; statusReason?: string };

function toResource(graph: GraphLike): Resource {
  const status = graph.status ?? 'UNKNOWN';
  const memory = graph.provisionedMemory !== undefined ? l10n.t('{0} m-NCU', graph.provisionedMemory) : undefined;
  const replicas =
    graph.replicaCount !== undefined
      ? plural(graph.replicaCount, l10n.t('1 replica'), l10n.t('{0} replicas', graph.replicaCount))
      : undefined;
  const createdAt = toDate(graph.createTime);
  const id = graph.id ?? '';
  return {
    service: ID,
    id,
    name: graph.name || id,
    arn: graph.arn,
    status,
    summary: [memory, replicas].filter(Boolean).join(' · '),
    createdAt,
    snapshottable:
      status === 'AVAILABLE'
        ? { ok: true }
        : {
            ok: false,
            reason:
              status === 'SNAPSHOTTING'
                ? l10n.t('a snapshot of this graph is already in progress')
                : l10n.t('graph is {0} (a snapshot needs it available)', status.toLowerCase()),
          },
    details: details([
      [l10n.t('Graph ID'), id],
      ['ARN', graph.arn],
      [l10n.t('Status'), status],
      [l10n.t('Status reason'), graph.statusReason],
      [l10n.t('Provisioned memory'), memory],
      [l10n.t('Replicas'), graph.replicaCount?.toString()],
      [
        l10n.t('Public connectivity'),
        graph.publicConnectivity === undefined ? undefined : String(graph.publicConnectivity),
      ],
      [
        l10n.t('Deletion protection'),
        graph.deletionProtection === undefined ? undefined : String(graph.deletionProtection),
      ],
      [l10n.t('Endpoint'), graph.endpoint],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
  };
}

function toSnapshot(snapshot: GraphSnapshotSummary, fallbackGraphId: string): Snapshot {
  const status = snapshot.status ?? 'UNKNOWN';
  const createdAt = toDate(snapshot.snapshotCreateTime);
  const id = snapshot.id ?? '';
  return {
    service: ID,
    id,
    name: snapshot.name || id,
    resourceId: snapshot.sourceGraphId ?? fallbackGraphId,
    arn: snapshot.arn,
    state: snapshotStates[status] ?? 'unknown',
    status,
    createdAt,
    details: details([
      [l10n.t('Snapshot ID'), id],
      ['ARN', snapshot.arn],
      [l10n.t('Source graph'), snapshot.sourceGraphId],
      [l10n.t('Status'), status],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
    ...(snapshot.kmsKeyIdentifier ? { encryption: graphSnapshotEncryption(snapshot.kmsKeyIdentifier) } : {}),
  };
}

/**
 * A graph snapshot's kmsKeyIdentifier as its encryption: Neptune Analytics encrypts every graph and snapshot at rest,
 * with the customer managed KMS key it names, or an AWS owned key (`AWS_OWNED_KEY`). The model has no snapshot size.
 */
export function graphSnapshotEncryption(kmsKeyIdentifier: string): Snapshot['encryption'] {
  return kmsKeyIdentifier === 'AWS_OWNED_KEY'
    ? { encrypted: true, managedKey: 'aws-owned' }
    : { encrypted: true, kmsKey: kmsKeyIdentifier };
}

async function client(ctx: AwsContext) {
  return ctx.clients.get(neptuneGraphClient, ctx.profile, ctx.region);
}

export const neptuneGraphService: SnapshotService = {
  id: ID,
  label: 'Neptune Analytics',
  resourceNoun: {
    get one(): string {
      return l10n.t('graph');
    },
    get many(): string {
      return l10n.t('graphs');
    },
  },
  icon: 'type-hierarchy',
  createOperation: 'CreateGraphSnapshot',
  resourceParameter: 'graphIdentifier',
  rules: neptuneGraphRules,
  iamActions: { create: 'neptune-graph:CreateGraphSnapshot' },
  uniqueName: { field: 'snapshotName', scope: 'resource' },
  explainError: explainNeptuneGraphError,
  regions,

  isOfferedIn: offeredIn(regions),

  async listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
    const { ListGraphsCommand } = (await loadSdk()).neptuneGraph;
    const out = await (
      await client(ctx)
    ).send(
      new ListGraphsCommand({ nextToken: page.nextToken, maxResults: clampPageSize(page.pageSize, 1, MAX_RESULTS) }),
      {
        abortSignal: ctx.signal,
      },
    );
    return { items: (out.graphs ?? []).map(toResource), nextToken: out.nextToken || undefined };
  },

  async getResource(ctx: AwsContext, id: string): Promise<Resource | undefined> {
    const { GetGraphCommand } = (await loadSdk()).neptuneGraph;
    try {
      const out = await (
        await client(ctx)
      ).send(new GetGraphCommand({ graphIdentifier: id }), {
        abortSignal: ctx.signal,
      });
      return toResource(out);
    } catch (error) {
      if (isErrorNamed(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  },

  async listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>> {
    const { ListGraphSnapshotsCommand } = (await loadSdk()).neptuneGraph;
    const out = await (
      await client(ctx)
    ).send(
      new ListGraphSnapshotsCommand({
        graphIdentifier: resource.id,
        nextToken: page.nextToken,
        maxResults: clampPageSize(page.pageSize, 1, MAX_RESULTS),
      }),
      { abortSignal: ctx.signal },
    );
    const items = (out.graphSnapshots ?? []).map((s) => toSnapshot(s, resource.id));
    return { items: newestFirst(items), nextToken: out.nextToken || undefined };
  },

  // ListGraphSnapshots without a graph lists the region's snapshots: one page of 100 serves every graph.
  batchSnapshots: {
    covers: 'region',
    async list(ctx: AwsContext): Promise<Map<string, Snapshot[]> | undefined> {
      const { ListGraphSnapshotsCommand } = (await loadSdk()).neptuneGraph;
      const out = await (
        await client(ctx)
      ).send(new ListGraphSnapshotsCommand({ maxResults: MAX_RESULTS }), { abortSignal: ctx.signal });
      if (out.nextToken) return undefined;
      return groupBy(out.graphSnapshots ?? [], (s) => s.sourceGraphId, toSnapshot);
    },
  },

  // GraphSnapshotSummary carries no tags: ListTagsForResource on the snapshot's ARN.
  async snapshotTags(ctx: AwsContext, snapshot: Snapshot): Promise<readonly Tag[]> {
    if (!snapshot.arn) return [];
    const { ListTagsForResourceCommand } = (await loadSdk()).neptuneGraph;
    const out = await (
      await client(ctx)
    ).send(new ListTagsForResourceCommand({ resourceArn: snapshot.arn }), { abortSignal: ctx.signal });
    return Object.entries(out.tags ?? {}).map(([key, value]) => ({ key, value }));
  },

  async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
    const { CreateGraphSnapshotCommand } = (await loadSdk()).neptuneGraph;
    const tags = input.tags.length ? Object.fromEntries(input.tags.map((t) => [t.key, t.value])) : undefined;
    const out = await (
      await client(ctx)
    ).send(
      new CreateGraphSnapshotCommand({
        graphIdentifier: resource.id,
        snapshotName: requiredValue(input.values, 'snapshotName'),
        tags,
      }),
      { abortSignal: ctx.signal },
    );
    return toSnapshot(out, resource.id);
  },

  // One snapshot: GetGraphSnapshot. Several: ListGraphSnapshots without a graph lists the region's snapshots, 100 a
  // page, read only until every wanted one is seen, so a tick costs about one call however many are in flight.
  async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
    const result = new Map<string, Snapshot>();
    const graphOf = new Map(refs.map((r) => [r.snapshotId, r.resourceId]));
    const [only, ...others] = graphOf.keys();
    if (only === undefined) return result;
    if (others.length === 0) {
      const { GetGraphSnapshotCommand } = (await loadSdk()).neptuneGraph;
      try {
        const out = await (
          await client(ctx)
        ).send(new GetGraphSnapshotCommand({ snapshotIdentifier: only }), { abortSignal: ctx.signal });
        result.set(only, toSnapshot(out, graphOf.get(only) ?? ''));
      } catch (error) {
        if (!isErrorNamed(error, 'ResourceNotFoundException')) throw error;
      }
      return result;
    }
    const { ListGraphSnapshotsCommand } = (await loadSdk()).neptuneGraph;
    const c = await client(ctx);
    const found = await findInPages(
      new Set(graphOf.keys()),
      (s: GraphSnapshotSummary) => s.id,
      async (token) => {
        const out = await c.send(new ListGraphSnapshotsCommand({ nextToken: token, maxResults: MAX_RESULTS }), {
          abortSignal: ctx.signal,
        });
        return { items: out.graphSnapshots, next: out.nextToken };
      },
    );
    for (const [id, snapshot] of found) result.set(id, toSnapshot(snapshot, graphOf.get(id) ?? ''));
    return result;
  },

  restore: neptuneGraphRestore,
  getRestoredStatuses: neptuneGraphRestoredStatuses,
  delete: neptuneGraphDelete,

  // The Neptune console's Analytics → Graphs list (neptune/home?region=…#analytics-graphs:). Neither AWS's
  // documentation (which says to choose the graph, or Analytics → Snapshots, in the navigation pane) nor any console
  // URL found names a per-graph or per-snapshot page, nor the Snapshots list's fragment: the graphs list is the most
  // specific page that could be confirmed, for graphs and their snapshots alike.
  consoleUrl(region: string, _resource: Resource): string {
    return consoleHome(region, 'neptune', '#analytics-graphs:');
  },
  snapshotConsoleUrl(region: string, _snapshot: Snapshot, _resource: Resource): string {
    return consoleHome(region, 'neptune', '#analytics-graphs:');
  },
};
