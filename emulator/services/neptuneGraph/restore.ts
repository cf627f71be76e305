/**
 * Neptune Analytics' RestoreGraphFromSnapshot: a new graph, CREATING for the restore time then AVAILABLE, listed by
 * ListGraphs and GetGraph at once; its modeled errors (ResourceNotFoundException, ConflictException,
 * ServiceQuotaExceededException, ValidationException from the extension's own rules).
 */
import { ApiError } from '../../protocols/types';
import { firstTagProblem, fromTagMap } from '../tagChecks';
import { type CallContext } from '../types';
import { restoreTagRules, validateGraphName } from '../../../src/validation/neptuneGraphRestore';
import { conflict, findSnapshot, graphDetail, snapshotView, validation } from './operations';
import { type GraphRecord, neptuneGraphIn, neptuneGraphQuotas, newGraphId } from './state';

/**
 * What a restore leaves out takes the source graph's value while it exists, else the API's default (replicaCount 1,
 * publicConnectivity false, deletionProtection true, as src/validation/neptuneGraphRestore's apiDefaults); AWS sizes
 * the memory from the snapshot, which the emulator does not keep: 128 m-NCUs, the demo graphs' usual size.
 */
const FALLBACK_MEMORY = 128;

/** The rules the model cannot state (the graph name's wording, the tag key's `(?!aws:)`), from src/validation. */
export function checkRestoreInput(operation: string, input: Record<string, unknown>): void {
  if (operation !== 'RestoreGraphFromSnapshot') return;
  const nameError = validateGraphName(String(input.graphName ?? '')).find((i) => i.severity === 'error');
  if (nameError) throw validation(`Invalid graphName: ${nameError.message}`, 'CONSTRAINT_VIOLATION');
  const problem = firstTagProblem(restoreTagRules, fromTagMap(input.tags as Record<string, string> | undefined));
  if (problem) throw validation(problem, 'CONSTRAINT_VIOLATION');
}

export function restoreGraphFromSnapshot(ctx: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const { graphs } = neptuneGraphIn(ctx.state);
  const snapshot = findSnapshot(ctx, input.snapshotIdentifier as string);
  const name = input.graphName as string;
  const taken = graphs.find((g) => g.name === name);
  if (taken) throw conflict(`A graph with name ${name} already exists (${taken.id})`);
  const status = snapshotView(ctx, snapshot).status as string;
  if (status !== 'AVAILABLE') {
    throw conflict(
      `Snapshot ${snapshot.id} is in ${status} state. A graph can only be restored from an AVAILABLE snapshot.`,
    );
  }
  const quota = neptuneGraphQuotas(ctx.account).graphs;
  if (graphs.length >= quota) {
    throw new ApiError(
      'ServiceQuotaExceededException',
      402,
      `Graph quota of ${quota} exceeded for this account and region`,
      {
        resourceType: 'graph',
        serviceCode: 'neptune-graph',
      },
    );
  }
  const source = graphs.find((g) => g.id === snapshot.sourceGraphId);
  const graph: GraphRecord = {
    id: newGraphId(ctx),
    name,
    status: 'AVAILABLE',
    createTime: ctx.now,
    provisionedMemory: (input.provisionedMemory as number | undefined) ?? source?.provisionedMemory ?? FALLBACK_MEMORY,
    publicConnectivity: (input.publicConnectivity as boolean | undefined) ?? source?.publicConnectivity ?? false,
    replicaCount: (input.replicaCount as number | undefined) ?? source?.replicaCount ?? 1,
    deletionProtection: (input.deletionProtection as boolean | undefined) ?? source?.deletionProtection ?? true,
    vectorDimension: source?.vectorDimension,
    kmsKeyIdentifier: source?.kmsKeyIdentifier,
    tags: { ...((input.tags as Record<string, string> | undefined) ?? {}) },
    readyAt: ctx.now + ctx.restoreMs,
    sourceSnapshotId: snapshot.id,
  };
  graphs.push(graph);
  return graphDetail(ctx, graph);
}
