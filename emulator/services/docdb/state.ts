/**
 * DocumentDB's state, which is the RDS family's: each region's DB clusters and cluster snapshots of every engine
 * (docdb, neptune, aurora-postgresql…, as the shared RDS API lists them), and the account's manual-snapshot quota.
 * Another RDS-family service (Neptune) reads the same slice through these accessors.
 */
import { type Timed } from '../../state/lifecycle';
import { accountSlice, regionSlice } from '../../state/slices';
import { type AccountState, type RegionState } from '../../state/types';

export interface DocDbClusterRecord {
  id: string;
  engine: string;
  engineVersion: string;
  status: string;
  createTime: number;
  port: number;
  masterUsername: string;
  storageEncrypted: boolean;
  tags: { Key: string; Value: string }[];
  /** While a snapshot is being taken the cluster reports `backing-up`. */
  busyUntil?: number;
}

export interface DocDbSnapshotRecord extends Timed {
  id: string;
  clusterId: string;
  engine: string;
  engineVersion: string;
  type: 'manual' | 'automated';
  clusterCreateTime: number;
  port: number;
  masterUsername: string;
  storageEncrypted: boolean;
  /** A terminal status from the seed overrides the timed lifecycle. */
  fixedStatus?: string;
  tags: { Key: string; Value: string }[];
}

export interface RdsRegion {
  clusters: DocDbClusterRecord[];
  snapshots: DocDbSnapshotRecord[];
}

export interface RdsQuotas {
  /** Manual cluster snapshots per region (AWS default 100; data file `quotas.docdbManualSnapshots`). */
  manualSnapshots: number;
}

export const DEFAULT_MANUAL_SNAPSHOT_QUOTA = 100;

const REGION = regionSlice('docdb', (): RdsRegion => ({ clusters: [], snapshots: [] }));
const QUOTAS = accountSlice('docdb', (): RdsQuotas => ({ manualSnapshots: DEFAULT_MANUAL_SNAPSHOT_QUOTA }));

export function rdsClustersIn(state: RegionState): RdsRegion {
  return state.get(REGION);
}

export function rdsQuotas(account: AccountState): RdsQuotas {
  return account.shared.get(QUOTAS);
}
