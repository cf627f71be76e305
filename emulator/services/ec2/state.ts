/** EC2's state: the EBS snapshots of each region (Storage Gateway's CreateSnapshot adds to them too). */
import { type Timed } from '../../state/lifecycle';
import { regionSlice } from '../../state/slices';
import { type RegionState } from '../../state/types';
import { type CallContext } from '../types';

export interface EbsSnapshotRecord extends Timed {
  id: string;
  volumeId: string;
  description: string;
  volumeSize: number;
  encrypted: boolean;
  /** The KMS key ARN of an encrypted snapshot (absent: the region's default `aws/ebs` key). */
  kmsKeyId?: string;
  /** A terminal state from the seed (e.g. error) overrides the timed lifecycle. */
  fixedState?: string;
  tags: { Key: string; Value: string }[];
}

const EBS_SNAPSHOTS = regionSlice('ec2', (): EbsSnapshotRecord[] => []);

export function ebsSnapshotsIn(state: RegionState): EbsSnapshotRecord[] {
  return state.get(EBS_SNAPSHOTS);
}

/** A new `snap-` id (17 hex digits), deterministic after a reset. */
export function newEbsSnapshotId(ctx: CallContext): string {
  return `snap-${ctx.nextHash('snap-').slice(0, 17)}`;
}
