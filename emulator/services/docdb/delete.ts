/**
 * The RDS family's DeleteDBClusterSnapshot (DocumentDB and Neptune share it): manual snapshots only. It answers the
 * snapshot as it was when the deletion began (the API reference's sample answers `available`), then the snapshot is
 * listed as `deleting` for the snapshot time and is gone (at once when that time is 0). Its modeled errors:
 * DBClusterSnapshotNotFoundFault (404) for an unknown snapshot, InvalidDBClusterSnapshotStateFault (400) for an
 * automated one ("Only manual snapshots may be deleted.") or one being created or deleted (available and failed
 * snapshots can be deleted). Every operation of the family first removes the snapshots whose deletion ended
 * (`clusterSnapshotDeletions.sweeping`, in ./rdsApi).
 */
import { ApiError } from '../../protocols/types';
import { deletions } from '../deletions';
import { type CallContext } from '../types';
import { snapshotNotFound, snapshotStatus, snapshotView } from './operations';
import { identifierOrArn } from './rules';
import { type DocDbSnapshotRecord, rdsClustersIn } from './state';

export const clusterSnapshotDeletions = deletions<DocDbSnapshotRecord>(
  'docdb.deletions',
  (state) => rdsClustersIn(state).snapshots,
);

const invalidState = (message: string) => new ApiError('InvalidDBClusterSnapshotStateFault', 400, message);

/** The states a cluster snapshot can be deleted in. */
const DELETABLE = new Set(['available', 'failed']);

export function deleteClusterSnapshot(ctx: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const id = identifierOrArn(
    'DBClusterSnapshotIdentifier',
    input.DBClusterSnapshotIdentifier as string,
    'cluster-snapshot',
  );
  const snapshot = rdsClustersIn(ctx.state).snapshots.find((s) => s.id === id);
  if (!snapshot) throw snapshotNotFound(id);
  if (snapshot.type !== 'manual') throw invalidState('Only manual snapshots may be deleted.');
  const status = snapshotStatus(snapshot, ctx.now);
  if (!DELETABLE.has(status)) {
    throw invalidState(`DBClusterSnapshot ${id} is in ${status} state and cannot be deleted.`);
  }
  const answer = snapshotView(ctx, snapshot);
  snapshot.fixedStatus = 'deleting';
  clusterSnapshotDeletions.begin(ctx, snapshot, ctx.snapshotMs);
  clusterSnapshotDeletions.sweep(ctx);
  return { DBClusterSnapshot: answer };
}
