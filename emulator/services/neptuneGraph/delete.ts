/**
 * Neptune Analytics' DeleteGraphSnapshot: the snapshot answers DELETING and is listed so (GetGraphSnapshot,
 * ListGraphSnapshots) for the snapshot time, then is gone (at once when that time is 0). Its modeled errors:
 * ResourceNotFoundException (404) for an unknown snapshot, ConflictException (409) for one still CREATING, already
 * DELETING or being restored from. Every operation of the service first removes the snapshots whose deletion ended
 * (`graphSnapshotDeletions.sweeping`, in ./index).
 */
import { deletions } from '../deletions';
import { type CallContext } from '../types';
import { conflict, findSnapshot, snapshotView } from './operations';
import { type GraphSnapshotRecord, neptuneGraphIn } from './state';

export const graphSnapshotDeletions = deletions<GraphSnapshotRecord>(
  'neptune-graph.deletions',
  (state) => neptuneGraphIn(state).snapshots,
);

export function deleteGraphSnapshot(ctx: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const snapshot = findSnapshot(ctx, input.snapshotIdentifier as string);
  const status = snapshotView(ctx, snapshot).status as string;
  if (status === 'CREATING' || status === 'DELETING') {
    throw conflict(`Snapshot ${snapshot.id} is in ${status} state and cannot be deleted.`);
  }
  const restoring = neptuneGraphIn(ctx.state).graphs.find(
    (g) => g.sourceSnapshotId === snapshot.id && g.readyAt !== undefined && ctx.now < g.readyAt,
  );
  if (restoring) {
    throw conflict(`Snapshot ${snapshot.id} is in use: graph ${restoring.id} is being restored from it.`);
  }
  snapshot.fixedStatus = 'DELETING';
  graphSnapshotDeletions.begin(ctx, snapshot, ctx.snapshotMs);
  const answer = snapshotView(ctx, snapshot);
  graphSnapshotDeletions.sweep(ctx);
  return answer;
}
