/** In-memory state of one emulated AWS account. Times are epoch milliseconds. */

/** Something that takes time: ready (AVAILABLE / completed) once `now >= readyAt`. */
export interface Timed {
  startedAt: number;
  readyAt: number;
}

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
  /** While a snapshot is being taken the graph reports SNAPSHOTTING. */
  busyUntil?: number;
}

export interface GraphSnapshotRecord extends Timed {
  id: string;
  name: string;
  sourceGraphId: string;
  /** A terminal status from the seed (e.g. FAILED) overrides the timed lifecycle. */
  fixedStatus?: string;
  tags: Record<string, string>;
}

export interface GatewayRecord {
  id: string;
  name: string;
  type: 'CACHED' | 'STORED';
  /** RUNNING or SHUTDOWN; a gateway that is not running cannot take snapshots (GatewayNotConnected). */
  state: 'RUNNING' | 'SHUTDOWN';
  timezone: string;
  softwareVersion: string;
  ec2InstanceId?: string;
}

export interface VolumeRecord {
  id: string;
  gatewayId: string;
  type: 'CACHED' | 'STORED';
  sizeInBytes: number;
  targetName: string;
  status: string;
  createdDate: number;
}

export interface EbsSnapshotRecord extends Timed {
  id: string;
  volumeId: string;
  description: string;
  volumeSize: number;
  encrypted: boolean;
  fixedState?: string;
  tags: { Key: string; Value: string }[];
}

export interface DocDbClusterRecord {
  id: string;
  engine: string;
  engineVersion: string;
  status: string;
  createTime: number;
  port: number;
  masterUsername: string;
  storageEncrypted: boolean;
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
  fixedStatus?: string;
  tags: { Key: string; Value: string }[];
}

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

export interface BucketRecord {
  name: string;
  region: string;
  createTime: number;
}

export interface RegionState {
  graphs: GraphRecord[];
  graphSnapshots: GraphSnapshotRecord[];
  gateways: GatewayRecord[];
  volumes: VolumeRecord[];
  ebsSnapshots: EbsSnapshotRecord[];
  docdbClusters: DocDbClusterRecord[];
  docdbSnapshots: DocDbSnapshotRecord[];
  simulations: SimulationRecord[];
}

export interface Quotas {
  /** Manual DocumentDB cluster snapshots per region (AWS default 100). */
  docdbManualSnapshots: number;
  /** Neptune Analytics snapshots per region. */
  neptuneSnapshots: number;
}

export interface AccountState {
  accountId: string;
  regions: Map<string, RegionState>;
  /** S3 bucket names are global; each bucket lives in one region. */
  buckets: Map<string, BucketRecord>;
  quotas: Quotas;
}

export function emptyRegion(): RegionState {
  return {
    graphs: [],
    graphSnapshots: [],
    gateways: [],
    volumes: [],
    ebsSnapshots: [],
    docdbClusters: [],
    docdbSnapshots: [],
    simulations: [],
  };
}

/** The region's state, created empty on first use (every region exists; most are empty). */
export function regionState(account: AccountState, region: string): RegionState {
  let state = account.regions.get(region);
  if (!state) {
    state = emptyRegion();
    account.regions.set(region, state);
  }
  return state;
}
