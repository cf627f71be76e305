/**
 * DocumentDB's state, which is the RDS family's: each region's DB clusters, their instances and cluster snapshots of every engine
 * (docdb, neptune, aurora-postgresql…, as the shared RDS API lists them), and the account's snapshot and cluster quotas.
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
  /** The KMS key ARN of an encrypted cluster (absent: the region's default `aws/rds` key). */
  kmsKeyId?: string;
  /** Its storage in GiB, which its snapshots report as AllocatedStorage (Neptune's model has it). */
  allocatedStorage?: number;
  tags: { Key: string; Value: string }[];
  /** While a snapshot is being taken the cluster reports `backing-up`. */
  busyUntil?: number;
  /** A restored cluster reports `creating` until then. */
  readyAt?: number;
  deletionProtection?: boolean;
  /** The DB subnet group (default: `default`). */
  subnetGroup?: string;
  /** The VPC security groups (default: the emulator's one). */
  securityGroups?: string[];
}

/** A DB instance of a cluster (CreateDBInstance; the seed gives each seeded cluster a primary). */
export interface DocDbInstanceRecord {
  id: string;
  clusterId: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  createTime: number;
  /** `creating` until then, `available` after. */
  readyAt: number;
  tags: { Key: string; Value: string }[];
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
  /** The KMS key ARN of an encrypted snapshot (absent: the region's default `aws/rds` key). */
  kmsKeyId?: string;
  /** The cluster's storage in GiB when the snapshot was taken (AllocatedStorage). */
  allocatedStorage?: number;
  /** A terminal status from the seed overrides the timed lifecycle. */
  fixedStatus?: string;
  tags: { Key: string; Value: string }[];
}

export interface RdsRegion {
  clusters: DocDbClusterRecord[];
  snapshots: DocDbSnapshotRecord[];
  instances: DocDbInstanceRecord[];
}

export interface RdsQuotas {
  /** Manual cluster snapshots per region (AWS default 100; data file `quotas.docdbManualSnapshots`). */
  manualSnapshots: number;
  /**
   * DB clusters per region, all engines (data file `quotas.rdsClusters`). An emulator limit: AWS's default is 40 per
   * engine family, but the demo's eu-west-1 already holds 200+ bulk clusters for paging, so the default is 250.
   */
  clusters: number;
}

export const DEFAULT_MANUAL_SNAPSHOT_QUOTA = 100;
export const DEFAULT_CLUSTER_QUOTA = 250;

const REGION = regionSlice('docdb', (): RdsRegion => ({ clusters: [], snapshots: [], instances: [] }));
const QUOTAS = accountSlice('docdb', (): RdsQuotas => ({
  manualSnapshots: DEFAULT_MANUAL_SNAPSHOT_QUOTA,
  clusters: DEFAULT_CLUSTER_QUOTA,
}));

export function rdsClustersIn(state: RegionState): RdsRegion {
  return state.get(REGION);
}

export function rdsQuotas(account: AccountState): RdsQuotas {
  return account.shared.get(QUOTAS);
}
