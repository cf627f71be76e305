/** SimSpace Weaver's state: each region's simulations (snapshots go to S3 buckets, which S3's state holds). */
import { regionSlice } from '../../state/slices';
import { type RegionState } from '../../state/types';

export interface SimulationRecord {
  name: string;
  status: string;
  targetStatus: string;
  createTime: number;
  description?: string;
  maximumDuration: string;
  executionId: string;
  roleArn: string;
  schemaBucket: string;
  schemaKey: string;
  snapshotBucket?: string;
  snapshotKey?: string;
  /** While a snapshot is being taken the simulation reports SNAPSHOT_IN_PROGRESS. */
  busyUntil?: number;
}

const SIMULATIONS = regionSlice('simspaceweaver', (): SimulationRecord[] => []);

export function simulationsIn(state: RegionState): SimulationRecord[] {
  return state.get(SIMULATIONS);
}
