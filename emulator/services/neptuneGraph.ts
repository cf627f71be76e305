import { type ServiceModel } from '../model/types';
import { summarizeIssues } from '../model/validate';
import { ApiError } from '../protocols/types';
import { restJsonProtocol } from '../protocols/restJson';
import { isBusy, isReady } from '../state/lifecycle';
import { type GraphRecord, type GraphSnapshotRecord } from '../state/types';
import { jsonAuthErrors } from './authErrors';
import { pageOf } from './paging';
import { type CallContext, type ServiceDefinition } from './types';

const DEFAULT_PAGE = 100; // undocumented default; the model's maximum

const validation = (message: string, reason = 'BAD_REQUEST') =>
  new ApiError('ValidationException', 400, message, { reason });
const notFound = (message: string) => new ApiError('ResourceNotFoundException', 404, message);
const conflict = (message: string) =>
  new ApiError('ConflictException', 409, message, { reason: 'CONCURRENT_MODIFICATION' });

const graphArn = (ctx: CallContext, id: string) =>
  `arn:aws:neptune-graph:${ctx.region}:${ctx.account.accountId}:graph/${id}`;
const snapshotArn = (ctx: CallContext, id: string) =>
  `arn:aws:neptune-graph:${ctx.region}:${ctx.account.accountId}:graph-snapshot/${id}`;

function graphStatus(graph: GraphRecord, now: number): string {
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

function snapshotView(ctx: CallContext, s: GraphSnapshotRecord): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    arn: snapshotArn(ctx, s.id),
    sourceGraphId: s.sourceGraphId,
    snapshotCreateTime: new Date(s.startedAt),
    status: s.fixedStatus ?? (isReady(s, ctx.now) ? 'AVAILABLE' : 'CREATING'),
  };
}

function findGraph(ctx: CallContext, id: string): GraphRecord {
  const graph = ctx.state.graphs.find((g) => g.id === id);
  if (!graph) throw notFound(`Graph ${id} not found`);
  return graph;
}

function findSnapshot(ctx: CallContext, id: string): GraphSnapshotRecord {
  const snapshot = ctx.state.graphSnapshots.find((s) => s.id === id);
  if (!snapshot) throw notFound(`Snapshot ${id} not found`);
  return snapshot;
}

function paged<T>(items: readonly T[], input: Record<string, unknown>, scope: string): { items: T[]; next?: string } {
  const page = pageOf(
    items,
    input.nextToken as string | undefined,
    (input.maxResults as number | undefined) ?? DEFAULT_PAGE,
    scope,
  );
  if (!page) throw validation('Invalid pagination token', 'ILLEGAL_ARGUMENT');
  return page;
}

export function neptuneGraphService(model: ServiceModel): ServiceDefinition {
  return {
    id: 'neptune-graph',
    signingName: 'neptune-graph',
    model,
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: {
      ...jsonAuthErrors(403),
      validation: (issues) => validation(summarizeIssues(issues), 'CONSTRAINT_VIOLATION'),
      throttling: () => new ApiError('ThrottlingException', 429, 'Rate exceeded'),
      internal: () => new ApiError('InternalServerException', 500, 'Internal server error'),
    },
    operations: {
      ListGraphs(ctx, input) {
        const page = paged(ctx.state.graphs, input, 'graphs');
        return { graphs: page.items.map((g) => graphSummary(ctx, g)), nextToken: page.next };
      },
      GetGraph(ctx, input) {
        const g = findGraph(ctx, input.graphIdentifier as string);
        return {
          ...graphSummary(ctx, g),
          createTime: new Date(g.createTime),
          vectorSearchConfiguration: g.vectorDimension ? { dimension: g.vectorDimension } : undefined,
          buildNumber: '1.0.0.0',
        };
      },
      ListGraphSnapshots(ctx, input) {
        const graphId = input.graphIdentifier as string | undefined;
        let snapshots = ctx.state.graphSnapshots;
        if (graphId !== undefined) {
          snapshots = snapshots.filter((s) => s.sourceGraphId === graphId);
          if (snapshots.length === 0) findGraph(ctx, graphId);
        }
        const page = paged(snapshots, input, `snapshots:${graphId ?? ''}`);
        return { graphSnapshots: page.items.map((s) => snapshotView(ctx, s)), nextToken: page.next };
      },
      GetGraphSnapshot(ctx, input) {
        return snapshotView(ctx, findSnapshot(ctx, input.snapshotIdentifier as string));
      },
      CreateGraphSnapshot(ctx, input) {
        const graph = findGraph(ctx, input.graphIdentifier as string);
        const name = input.snapshotName as string;
        if (ctx.state.graphSnapshots.some((s) => s.name === name)) {
          throw conflict(`A snapshot with name ${name} already exists`);
        }
        const status = graphStatus(graph, ctx.now);
        if (status !== 'AVAILABLE') {
          throw conflict(
            `Graph ${graph.id} is in ${status} state. A snapshot can only be created when the graph is AVAILABLE.`,
          );
        }
        if (ctx.state.graphSnapshots.length >= ctx.account.quotas.neptuneSnapshots) {
          throw new ApiError(
            'ServiceQuotaExceededException',
            402,
            'Snapshot quota exceeded for this account and region',
            {
              resourceType: 'graph-snapshot',
              serviceCode: 'neptune-graph',
            },
          );
        }
        const snapshot: GraphSnapshotRecord = {
          id: ctx.newId('gs-'),
          name,
          sourceGraphId: graph.id,
          startedAt: ctx.now,
          readyAt: ctx.now + ctx.snapshotMs,
          tags: (input.tags as Record<string, string> | undefined) ?? {},
        };
        ctx.state.graphSnapshots.push(snapshot);
        if (ctx.snapshotMs > 0) graph.busyUntil = snapshot.readyAt;
        return snapshotView(ctx, snapshot);
      },
      DeleteGraphSnapshot(ctx, input) {
        const snapshot = findSnapshot(ctx, input.snapshotIdentifier as string);
        const view = snapshotView(ctx, snapshot);
        if (view.status === 'CREATING')
          throw conflict(`Snapshot ${snapshot.id} is being created and cannot be deleted`);
        ctx.state.graphSnapshots.splice(ctx.state.graphSnapshots.indexOf(snapshot), 1);
        return { ...view, status: 'DELETING' };
      },
    },
  };
}
