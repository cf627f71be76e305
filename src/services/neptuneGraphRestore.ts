// Neptune Analytics restore: RestoreGraphFromSnapshot makes a new graph from a snapshot (its form, with defaults read
// from the source graph by GetGraph; the name checked against ListGraphs on Enter; the one request it sends), and the
// state of graphs being restored (GetGraph for one, ListGraphs pages for several).
import type { GraphSummary } from '@aws-sdk/client-neptune-graph';
import { loadSdk } from '../aws/sdkLoader';
import {
  graphNameLength,
  memoryRange,
  replicaRange,
  RESTORE_OPERATION,
  restoreDefaults,
  restoreModelMembers,
  restoreRequest,
  restoreTagRules,
  validateGraphName,
  validateProvisionedMemory,
  validateReplicaCount,
  validateToggle,
  type RestoreGraphRequest,
  type SourceGraphFacts,
} from '../validation/neptuneGraphRestore';
import { findInPages, isErrorNamed } from './common';
import { neptuneGraphClient } from './neptuneGraphClient';
import { explainNeptuneGraphRestoreError } from './neptuneGraphRestoreErrors';
import { notAvailableReason, type RestoreSupport } from './restore';
import { type FormField, type OperationForm, type FormInput } from './forms';
import type { AwsContext, RestoredRef, Snapshot, SnapshotState, TrackedState } from './service';
import * as l10n from '../l10n';

/** ListGraphs: maxResults 1..100. */
const MAX_RESULTS = 100;

/**
 * GraphStatus as a restore sees it: CREATING (and IMPORTING, STARTING: not serving yet, on the way to AVAILABLE) is
 * still being made; UPDATING, SNAPSHOTTING, RESETTING, STOPPING and STOPPED come only after a graph was made, so
 * they are 'unknown' here (the tracker keeps waiting for AVAILABLE, FAILED or DELETING).
 */
const graphStates: Readonly<Record<string, SnapshotState>> = {
  CREATING: 'creating',
  IMPORTING: 'creating',
  STARTING: 'creating',
  AVAILABLE: 'available',
  FAILED: 'failed',
  DELETING: 'deleting',
};

export function restoredGraphState(status: string): SnapshotState {
  return graphStates[status] ?? 'unknown';
}

async function client(ctx: AwsContext) {
  return ctx.clients.get(neptuneGraphClient, ctx.profile, ctx.region);
}

/** GetGraph of the snapshot's source graph; undefined when it is gone (or the snapshot names none). */
async function sourceGraph(ctx: AwsContext, graphId: string): Promise<SourceGraphFacts | undefined> {
  if (!graphId) return undefined;
  const { GetGraphCommand } = (await loadSdk()).neptuneGraph;
  try {
    return await (
      await client(ctx)
    ).send(new GetGraphCommand({ graphIdentifier: graphId }), { abortSignal: ctx.signal });
  } catch (error) {
    if (isErrorNamed(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

/** The region's graph of that name, read page by page (stops at the first page that holds it). */
async function graphNamed(ctx: AwsContext, name: string, signal: AbortSignal): Promise<GraphSummary | undefined> {
  const { ListGraphsCommand } = (await loadSdk()).neptuneGraph;
  const c = await client(ctx);
  const found = await findInPages(
    new Set([name]),
    (g: GraphSummary) => g.name,
    async (token) => {
      const out = await c.send(new ListGraphsCommand({ nextToken: token, maxResults: MAX_RESULTS }), {
        abortSignal: signal,
      });
      return { items: out.graphs, next: out.nextToken };
    },
  );
  return found.get(name);
}

function fields(ctx: AwsContext, snapshot: Snapshot, source: SourceGraphFacts | undefined): FormField[] {
  const defaults = restoreDefaults(source, snapshot.name, new Date());
  return [
    {
      key: 'graphName',
      kind: 'text',
      label: l10n.t('Graph name'),
      prompt: l10n.t(
        "{0}–{1} lowercase letters, digits and single hyphens; starts with a letter, not with 'g-'; no trailing hyphen; unique in {2}",
        graphNameLength.min,
        graphNameLength.max,
        ctx.region,
      ),
      placeholder: 'e.g. customer-graph-restored',
      required: true,
      defaultValue: defaults.graphName,
      validate: (value) => validateGraphName(value),
      async accept(value, signal) {
        const taken = await graphNamed(ctx, value, signal);
        if (!taken) return undefined;
        return l10n.t(
          'A graph named "{0}" already exists in {1} ({2}, {3}): pick another name.',
          value,
          ctx.region,
          taken.id ?? '?',
          taken.status ?? 'status unknown',
        );
      },
    },
    {
      key: 'provisionedMemory',
      kind: 'number',
      label: l10n.t('Provisioned memory (m-NCUs)'),
      prompt: l10n.t(
        'Memory-optimized Neptune Capacity Units, a whole number from {0} to {1}; empty: AWS sizes the graph',
        memoryRange.min,
        memoryRange.max,
      ),
      placeholder: 'e.g. 128',
      required: false,
      defaultValue: defaults.provisionedMemory,
      validate: (value) => validateProvisionedMemory(value),
    },
    {
      key: 'replicaCount',
      kind: 'number',
      label: l10n.t('Replicas'),
      prompt: l10n.t(
        "Replicas in other Availability Zones, {0}–{1}; each is charged like the graph's m-NCUs",
        replicaRange.min,
        replicaRange.max,
      ),
      placeholder: 'e.g. 1',
      required: false,
      defaultValue: defaults.replicaCount,
      validate: (value) => validateReplicaCount(value),
    },
    {
      key: 'publicConnectivity',
      kind: 'toggle',
      label: l10n.t('Public connectivity'),
      prompt: l10n.t('Reachable over the internet? (access is always IAM authenticated)'),
      placeholder: l10n.t('Yes or No'),
      required: false,
      defaultValue: defaults.publicConnectivity,
      validate: (value) => validateToggle(value, l10n.t('Public connectivity')),
    },
    {
      key: 'deletionProtection',
      kind: 'toggle',
      label: l10n.t('Deletion protection'),
      prompt: l10n.t('Protect the new graph from deletion? (it cannot be deleted while this is on)'),
      placeholder: l10n.t('Yes or No'),
      required: false,
      defaultValue: defaults.deletionProtection,
      validate: (value) => validateToggle(value, l10n.t('Deletion protection')),
    },
  ];
}

/** The one request of a restore, typed for the SDK. */
interface GraphRestoreCall {
  readonly operation: typeof RESTORE_OPERATION;
  readonly input: RestoreGraphRequest;
}

function form(ctx: AwsContext, snapshot: Snapshot, source: SourceGraphFacts | undefined): OperationForm {
  const calls = (input: FormInput): [GraphRestoreCall] => [
    { operation: RESTORE_OPERATION, input: restoreRequest(snapshot.id, input.values, input.tags) },
  ];
  return {
    fields: fields(ctx, snapshot, source),
    tags: restoreTagRules,
    nameField: 'graphName',
    calls,
    async send(input, signal) {
      // Built by calls(): what the last step showed is what is sent.
      const [call] = calls(input);
      const { RestoreGraphFromSnapshotCommand } = (await loadSdk()).neptuneGraph;
      const out = await (
        await client(ctx)
      ).send(new RestoreGraphFromSnapshotCommand({ ...call.input }), { abortSignal: signal ?? ctx.signal });
      const status = out.status ?? 'CREATING';
      return { id: out.id ?? '', name: out.name || call.input.graphName, state: restoredGraphState(status), status };
    },
  };
}

export const neptuneGraphRestore: RestoreSupport = {
  operation: RESTORE_OPERATION,
  // The user guide's IAM actions page: RestoreGraphFromSnapshot needs neptune-graph:TagResource too (for the tags);
  // the form reads the source graph (GetGraph) and the region's graph names (ListGraphs), the tracker GetGraph.
  iamActions: [
    'neptune-graph:RestoreGraphFromSnapshot',
    'neptune-graph:TagResource',
    'neptune-graph:GetGraph',
    'neptune-graph:ListGraphs',
  ],
  makes: 'graph',
  modelMembers: { [RESTORE_OPERATION]: restoreModelMembers },
  refusal: notAvailableReason,
  async prepare(ctx, snapshot) {
    return form(ctx, snapshot, await sourceGraph(ctx, snapshot.resourceId));
  },
  explainError: explainNeptuneGraphRestoreError,
};

function tracked(graph: GraphSummary, id: string): TrackedState {
  const status = graph.status ?? 'UNKNOWN';
  return { id, state: restoredGraphState(status), status };
}

/**
 * The graphs being restored in one profile and region: GetGraph for one; for several, ListGraphs pages read only
 * until every one is seen, so a poll costs about one call per region however many restores are in flight.
 */
export async function neptuneGraphRestoredStatuses(
  ctx: AwsContext,
  refs: readonly RestoredRef[],
): Promise<Map<string, TrackedState>> {
  const result = new Map<string, TrackedState>();
  const ids = new Set(refs.map((r) => r.resourceId));
  const [only, ...others] = ids;
  if (only === undefined) return result;
  if (others.length === 0) {
    const { GetGraphCommand } = (await loadSdk()).neptuneGraph;
    try {
      const out = await (
        await client(ctx)
      ).send(new GetGraphCommand({ graphIdentifier: only }), { abortSignal: ctx.signal });
      result.set(only, tracked(out, only));
    } catch (error) {
      if (!isErrorNamed(error, 'ResourceNotFoundException')) throw error;
    }
    return result;
  }
  const { ListGraphsCommand } = (await loadSdk()).neptuneGraph;
  const c = await client(ctx);
  const found = await findInPages(
    ids,
    (g: GraphSummary) => g.id,
    async (token) => {
      const out = await c.send(new ListGraphsCommand({ nextToken: token, maxResults: MAX_RESULTS }), {
        abortSignal: ctx.signal,
      });
      return { items: out.graphs, next: out.nextToken };
    },
  );
  for (const [id, graph] of found) result.set(id, tracked(graph, id));
  return result;
}
