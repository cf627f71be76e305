/** Storage Gateway's state: each region's gateways and volumes (their snapshots are EBS snapshots, in EC2's state). */
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
}

export interface StorageGatewayRegion {
  gateways: GatewayRecord[];
  volumes: VolumeRecord[];
}

export const GIB = 1024 ** 3;

const REGION = regionSlice('storagegateway', (): StorageGatewayRegion => ({ gateways: [], volumes: [] }));

export function storageGatewayIn(state: RegionState): StorageGatewayRegion {
  return state.get(REGION);
}
