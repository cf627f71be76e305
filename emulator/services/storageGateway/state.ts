/** Storage Gateway's state: each region's gateways and volumes (their snapshots are EBS snapshots, in EC2's state). */
import { percentDone, type Timed } from '../../state/lifecycle';
import { regionSlice } from '../../state/slices';
import { type RegionState } from '../../state/types';

export interface GatewayRecord {
  id: string;
  name: string;
  type: 'CACHED' | 'STORED';
  /** RUNNING or SHUTDOWN; a gateway that is not running cannot take snapshots (GatewayNotConnected). */
  state: 'RUNNING' | 'SHUTDOWN';
  timezone: string;
  softwareVersion: string;
  ec2InstanceId?: string;
  tags: { Key: string; Value: string }[];
  /** The IPv4 addresses of its network interfaces (DescribeGatewayInformation; a volume's iSCSI target is on one). */
  interfaces: string[];
  /** Its local disks (ListLocalDisks); a stored volume takes a whole AVAILABLE one. */
  disks: LocalDiskRecord[];
}

export interface LocalDiskRecord {
  id: string;
  path: string;
  node: string;
  sizeInBytes: number;
  /** What the gateway uses it for; an AVAILABLE disk holding a stored volume is reported as STORED_VOLUME. */
  use: 'AVAILABLE' | 'UPLOAD_BUFFER' | 'CACHE_STORAGE';
}

export interface VolumeRecord {
  id: string;
  gatewayId: string;
  type: 'CACHED' | 'STORED';
  sizeInBytes: number;
  targetName: string;
  status: string;
  createdDate: number;
  tags: { Key: string; Value: string }[];
  /** A volume made by CreateCachediSCSIVolume / CreateStorediSCSIVolume: CREATING, RESTORING, then AVAILABLE. */
  making?: Timed;
  sourceSnapshotId?: string;
  /** A stored volume's local disk. */
  diskId?: string;
  preservedExistingData?: boolean;
  networkInterfaceId?: string;
  /** CreateCachediSCSIVolume's ClientToken and the rest of its request, for idempotent retries. */
  clientToken?: string;
  request?: string;
}

export interface StorageGatewayRegion {
  gateways: GatewayRecord[];
  volumes: VolumeRecord[];
}

export const GIB = 1024 ** 3;

/** The first tenth of a new volume's time it is CREATING; then RESTORING (from a snapshot) until it is AVAILABLE. */
export function volumeStatus(v: VolumeRecord, now: number): string {
  if (!v.making || now >= v.making.readyAt) return v.status;
  if (!v.sourceSnapshotId) return 'CREATING';
  return now < v.making.startedAt + (v.making.readyAt - v.making.startedAt) / 10 ? 'CREATING' : 'RESTORING';
}

/** VolumeProgress while the volume restores (the model: present only while restoring or bootstrapping). */
export function restoreProgress(v: VolumeRecord, now: number): number | undefined {
  return v.making && volumeStatus(v, now) === 'RESTORING' ? percentDone(v.making, now) : undefined;
}

const REGION = regionSlice('storagegateway', (): StorageGatewayRegion => ({ gateways: [], volumes: [] }));

export function storageGatewayIn(state: RegionState): StorageGatewayRegion {
  return state.get(REGION);
}
