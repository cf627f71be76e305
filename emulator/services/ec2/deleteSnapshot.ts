/**
 * EC2 DeleteSnapshot: the EBS snapshot is gone at once (DescribeSnapshots no longer lists it). Errors as EC2 answers
 * them (400 unless noted): InvalidSnapshotID.Malformed for an id that is not snap-…; InvalidSnapshot.NotFound for one
 * that does not exist (or was already deleted); InvalidSnapshot.InUse while a Storage Gateway volume is being made
 * from it (CreateCachediSCSIVolume / CreateStorediSCSIVolume: CREATING or RESTORING); DryRunOperation (412) for a
 * DryRun that would succeed. The model names no output: the answer is the request id.
 */
import { ApiError } from '../../protocols/types';
import { isReady } from '../../state/lifecycle';
import { storageGatewayIn } from '../storageGateway/state';
import { type Handler } from '../types';
import { ebsSnapshotsIn } from './state';

export const SNAPSHOT_ID = /^snap-[0-9a-f]{8}([0-9a-f]{9})?$/;

export const deleteSnapshot: Handler = (ctx, input) => {
  const id = input.SnapshotId as string;
  if (!SNAPSHOT_ID.test(id)) {
    throw new ApiError('InvalidSnapshotID.Malformed', 400, `Invalid id: "${id}" (expecting "snap-...")`);
  }
  const snapshots = ebsSnapshotsIn(ctx.state);
  const index = snapshots.findIndex((s) => s.id === id);
  if (index < 0) throw new ApiError('InvalidSnapshot.NotFound', 400, `The snapshot '${id}' does not exist.`);
  const user = storageGatewayIn(ctx.state).volumes.find(
    (v) => v.sourceSnapshotId === id && v.making !== undefined && !isReady(v.making, ctx.now),
  );
  if (user) {
    throw new ApiError(
      'InvalidSnapshot.InUse',
      400,
      `The snapshot ${id} is currently in use by ${user.id} (a Storage Gateway volume being restored from it).`,
    );
  }
  if (input.DryRun === true) {
    throw new ApiError('DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.');
  }
  snapshots.splice(index, 1);
  return {};
};
