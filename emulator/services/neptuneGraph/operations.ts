/**
 * Neptune Analytics' operations: graphs and graph snapshots, with their states, conflicts, paging and tags (restore:
 * ./restore, delete: ./delete).
 */
import { ApiError } from '../../protocols/types';
import { isBusy, isReady } from '../../state/lifecycle';
import { neptuneGraphRules } from '../../../src/validation/index';
import { pageFor, type PagingStyle } from '../paging';
import { firstTagProblem, fromTagMap } from '../tagChecks';
import { type CallContext, type Handler } from '../types';
import {
  type GraphRecord,
  type GraphSnapshotRecord,
  neptuneGraphIn,
  neptuneGraphQuotas,
  newGraphSnapshotId,
} from './state';

export const validation = (message: string, reason = 'BAD_REQUEST') =>
  new ApiError('ValidationException', 400, message, { reason });
const notFound = (message: string) => new ApiError('ResourceNotFoundException', 404, message);
export const conflict = (message: string) =>
  new ApiError('ConflictException', 409, message, { reason: 'CONCURRENT_MODIFICATION' });

const graphArn = (ctx: CallContext, id: string) =>
  `arn:aws:neptune-graph:${ctx.region}:${ctx.account.accountId}:graph/${id}`;
const snapshotArn = (ctx: CallContext, id: string) =>
  `arn:aws:neptune-graph:${ctx.region}:${ctx.account.accountId}:graph-snapshot/${id}`;

function graphStatus(graph: GraphRecord, now: number): string {
  if (graph.readyAt !== undefined && now < graph.readyAt) return 'CREATING';
  return isBusy(graph.busyUntil, now) ? 'SNAPSHOTTING' : graph.status;
}

function graphSummary(ctx: CallContext, g: GraphRecord): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    arn: graphArn(ctx, g.id),
    status: graphStatus(g, ctx.now),
    provisionedMemory: g.provisionedMemory,
    publicConnectivity: g.publicConnectivity,
    endpoint: `${g.id}.${ctx.region}.neptune-graph.amazonaws.com`,
    replicaCount: g.replicaCount,
    kmsKeyIdentifier: g.kmsKeyIdentifier ?? 'AWS_OWNED_KEY',
    deletionProtection: g.deletionProtection,
  };
}

/** GetGraph's answer (RestoreGraphFromSnapshot's has the same members). */
export function graphDetail(ctx: CallContext, g: GraphRecord): Record<string, unknown> {
  return {
    ...graphSummary(ctx, g),
    createTime: new Date(g.createTime),
    vectorSearchConfiguration: g.vectorDimension ? { dimension: g.vectorDimension } : undefined,
    sourceSnapshotId: g.sourceSnapshotId,
    buildNumber: '1.0.0.0',
  };
}

export function snapshotView(ctx: CallContext, s: GraphSnapshotRecord): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    arn: snapshotArn(ctx, s.id),
    sourceGraphId: s.sourceGraphId,
    snapshotCreateTime: new Date(s.startedAt),
    status: s.fixedStatus ?? (isReady(s, ctx.now) ? 'AVAILABLE' : 'CREATING'),
    kmsKeyIdentifier: s.kmsKeyIdentifier ?? 'AWS_OWNED_KEY',
  };
}

function findGraph(ctx: CallContext, id: string): GraphRecord {
  const graph = neptuneGraphIn(ctx.state).graphs.find((g) => g.id === id);
  if (!graph) throw notFound(`Graph ${id} not found`);
  return graph;
}

export function findSnapshot(ctx: CallContext, id: string): GraphSnapshotRecord {
  const snapshot = neptuneGraphIn(ctx.state).snapshots.find((s) => s.id === id);
  if (!snapshot) throw notFound(`Snapshot ${id} not found`);
  return snapshot;
}

/** The graph or graph snapshot an ARN of this account and region names; ResourceNotFoundException when none. */
function taggedResource(ctx: CallContext, arn: string): { tags: Record<string, string> } {
  const match = /^arn:aws[a-z-]*:neptune-graph:([a-z0-9-]+):(\d{12}):(graph|graph-snapshot)\/([a-z0-9-]+)$/.exec(arn);
  if (!match) throw validation(`Invalid resource ARN: ${arn}`, 'ILLEGAL_ARGUMENT');
  const [, region, account, kind, id] = match as unknown as [string, string, string, string, string];
  const here = region === ctx.region && account === ctx.account.accountId;
  const { graphs, snapshots } = neptuneGraphIn(ctx.state);
  const found = here
    ? kind === 'graph'
      ? graphs.find((g) => g.id === id)
      : snapshots.find((s) => s.id === id)
    : undefined;
  if (!found) throw notFound(`Resource ${arn} not found`);
  return found;
}

/** The API reference's tag rules beyond the model (the key pattern `(?!aws:)…`), from src/validation. */
export function checkSnapshotTags(operation: string, input: Record<string, unknown>): void {
  if (operation !== 'CreateGraphSnapshot') return;
  const tags = fromTagMap(input.tags as Record<string, string> | undefined);
  const problem = firstTagProblem(neptuneGraphRules.tags!, tags);
  if (problem) throw validation(problem, 'CONSTRAINT_VIOLATION');
}

const PAGING: PagingStyle = {
  token: 'nextToken',
  size: 'maxResults',
  defaultSize: 100, // undocumented default; the model's maximum
  invalidToken: () => validation('Invalid pagination token', 'ILLEGAL_ARGUMENT'),
};

export const neptuneGraphOperations: Readonly<Record<string, Handler>> = {
  ListGraphs(ctx, input) {
    const page = pageFor(neptuneGraphIn(ctx.state).graphs, input, 'graphs', PAGING);
    return { graphs: page.items.map((g) => graphSummary(ctx, g)), nextToken: page.next };
  },
  GetGraph(ctx, input) {
    return graphDetail(ctx, findGraph(ctx, input.graphIdentifier as string));
  },
  ListGraphSnapshots(ctx, input) {
    const graphId = input.graphIdentifier as string | undefined;
    let snapshots = neptuneGraphIn(ctx.state).snapshots;
    if (graphId !== undefined) {
      snapshots = snapshots.filter((s) => s.sourceGraphId === graphId);
      if (snapshots.length === 0) findGraph(ctx, graphId);
    }
    const page = pageFor(snapshots, input, `snapshots:${graphId ?? ''}`, PAGING);
    return { graphSnapshots: page.items.map((s) => snapshotView(ctx, s)), nextToken: page.next };
  },
  GetGraphSnapshot(ctx, input) {
    return snapshotView(ctx, findSnapshot(ctx, input.snapshotIdentifier as string));
  },
  CreateGraphSnapshot(ctx, input) {
    const { snapshots } = neptuneGraphIn(ctx.state);
    const graph = findGraph(ctx, input.graphIdentifier as string);
    const name = input.snapshotName as string;
    if (snapshots.some((s) => s.name === name)) {
      throw conflict(`A snapshot with name ${name} already exists`);
    }
    const status = graphStatus(graph, ctx.now);
    if (status !== 'AVAILABLE') {
      throw conflict(
        `Graph ${graph.id} is in ${status} state. A snapshot can only be created when the graph is AVAILABLE.`,
      );
    }
    if (snapshots.length >= neptuneGraphQuotas(ctx.account).snapshots) {
      throw new ApiError('ServiceQuotaExceededException', 402, 'Snapshot quota exceeded for this account and region', {
        resourceType: 'graph-snapshot',
        serviceCode: 'neptune-graph',
      });
    }
    const snapshot: GraphSnapshotRecord = {
      id: newGraphSnapshotId(ctx),
      name,
      sourceGraphId: graph.id,
      kmsKeyIdentifier: graph.kmsKeyIdentifier,
      startedAt: ctx.now,
      readyAt: ctx.now + ctx.snapshotMs,
      tags: (input.tags as Record<string, string> | undefined) ?? {},
    };
    snapshots.push(snapshot);
    if (ctx.snapshotMs > 0) graph.busyUntil = snapshot.readyAt;
    return snapshotView(ctx, snapshot);
  },
  ListTagsForResource(ctx, input) {
    return { tags: { ...taggedResource(ctx, input.resourceArn as string).tags } };
  },
};
