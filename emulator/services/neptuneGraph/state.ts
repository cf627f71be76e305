/** Neptune Analytics' state: each region's graphs and graph snapshots, and the account's graph and snapshot quotas. */
import { type Timed } from '../../state/lifecycle';
import { accountSlice, regionSlice } from '../../state/slices';
import { type AccountState, type RegionState } from '../../state/types';
import { type CallContext } from '../types';

export interface GraphRecord {
  id: string;
  name: string;
  status: string;
  createTime: number;
  provisionedMemory: number;
  publicConnectivity: boolean;
  replicaCount: number;
  deletionProtection: boolean;
  vectorDimension?: number;
  kmsKeyIdentifier?: string;
  tags: Record<string, string>;
  /** While a snapshot is being taken the graph reports SNAPSHOTTING. */
  busyUntil?: number;
  /** A graph being restored reports CREATING until then (RestoreGraphFromSnapshot). */
  readyAt?: number;
  /** The snapshot it was restored from (GetGraph's sourceSnapshotId). */
  sourceSnapshotId?: string;
}

export interface GraphSnapshotRecord extends Timed {
  id: string;
  name: string;
  sourceGraphId: string;
  /** The KMS key ARN it is encrypted with, its graph's (absent: an AWS owned key, `AWS_OWNED_KEY`). */
  kmsKeyIdentifier?: string;
  /** A terminal status from the seed (e.g. FAILED) overrides the timed lifecycle. */
  fixedStatus?: string;
  tags: Record<string, string>;
}

export interface NeptuneGraphRegion {
  graphs: GraphRecord[];
  snapshots: GraphSnapshotRecord[];
}

export interface NeptuneGraphQuotas {
  /** Graph snapshots per region (data file `quotas.neptuneSnapshots`). */
  snapshots: number;
  /** Graphs per region (data file `quotas.neptuneGraphs`): RestoreGraphFromSnapshot refuses a graph beyond it. */
  graphs: number;
}

export const DEFAULT_SNAPSHOT_QUOTA = 500;
/**
 * An emulator limit, not AWS's number: the graphs a region may hold (AWS's is an adjustable Service Quotas value).
 * Above the demo data's largest region (eu-west-1: 206 graphs), so only a data file's `quotas.neptuneGraphs` reaches it.
 */
export const DEFAULT_GRAPH_QUOTA = 500;

const REGION = regionSlice('neptune-graph', (): NeptuneGraphRegion => ({ graphs: [], snapshots: [] }));
const QUOTAS = accountSlice('neptune-graph', (): NeptuneGraphQuotas => ({
  snapshots: DEFAULT_SNAPSHOT_QUOTA,
  graphs: DEFAULT_GRAPH_QUOTA,
}));

export function neptuneGraphIn(state: RegionState): NeptuneGraphRegion {
  return state.get(REGION);
}

export function neptuneGraphQuotas(account: AccountState): NeptuneGraphQuotas {
  return account.shared.get(QUOTAS);
}

/** A new `gs-` id (10 base-36 characters), deterministic after a reset. */
export function newGraphSnapshotId(ctx: CallContext): string {
  const hash = ctx.nextHash('gs-');
  return `gs-${BigInt(`0x${hash.slice(0, 16)}`)
    .toString(36)
    .padStart(10, '0')
    .slice(-10)}`;
}

/** A new `g-` graph id (10 base-36 characters), deterministic after a reset. */
export function newGraphId(ctx: CallContext): string {
  const hash = ctx.nextHash('g-');
  return `g-${BigInt(`0x${hash.slice(0, 16)}`)
    .toString(36)
    .padStart(10, '0')
    .slice(-10)}`;
}
