/**
 * Storage Gateway's new volumes: CreateCachediSCSIVolume and CreateStorediSCSIVolume (from an EBS snapshot of the
 * region's EC2 state, or empty), and ListLocalDisks, whose AVAILABLE disks a stored volume takes. A new volume is
 * listed at once and goes CREATING → RESTORING (VolumeProgress rising) → AVAILABLE over `ctx.restoreMs`. A cached
 * volume's ClientToken makes a retried request return the volume the first one made. The size and disk rules come
 * from src/validation/storageGatewayRestore, which the restore form applies too.
 */
import { isReady } from '../../state/lifecycle';
import {
  cachedSizeProblem,
  GIB,
  snapshotGiB,
  storedDiskSizeProblem,
} from '../../../src/validation/storageGatewayRestore';
import { type EbsSnapshotRecord, ebsSnapshotsIn } from '../ec2/state';
import { type CallContext, type Handler } from '../types';
import { findGateway, gatewayArn, gatewayError, targetArn, volumeArn } from './lookup';
import { type GatewayRecord, type LocalDiskRecord, storageGatewayIn, type VolumeRecord } from './state';

type Tag = { Key: string; Value: string };

/** How a disk is used now: its own use, or STORED_VOLUME when a stored volume lives on it. */
function allocation(ctx: CallContext, gateway: GatewayRecord, disk: LocalDiskRecord) {
  if (disk.use !== 'AVAILABLE') return { type: disk.use };
  const volume = storageGatewayIn(ctx.state).volumes.find((v) => v.gatewayId === gateway.id && v.diskId === disk.id);
  return volume
    ? { type: 'STORED_VOLUME', resource: `${targetArn(ctx, volume)}::1::${ctx.region}-${volume.id}` }
    : { type: 'AVAILABLE' };
}

/** The gateway, when it is of `type` and connected. */
function usable(gateway: GatewayRecord, type?: GatewayRecord['type']): GatewayRecord {
  if (type && gateway.type !== type) {
    throw gatewayError(
      'InvalidGateway',
      `This operation is only supported in the ${type === 'CACHED' ? 'cached' : 'stored'} volume gateway type; ${gateway.id} is ${gateway.type}.`,
    );
  }
  if (gateway.state !== 'RUNNING')
    throw gatewayError('GatewayNotConnected', `The gateway ${gateway.id} is not connected.`);
  return gateway;
}

/** The completed snapshot to restore, or undefined for an empty volume. */
function sourceSnapshot(ctx: CallContext, id: unknown): EbsSnapshotRecord | undefined {
  if (id === undefined) return undefined;
  const snapshot = ebsSnapshotsIn(ctx.state).find((s) => s.id === id);
  if (!snapshot || snapshot.fixedState) {
    const why = snapshot ? `is in state ${snapshot.fixedState}` : `does not exist in ${ctx.region}`;
    throw gatewayError('SnapshotIdInvalid', `The snapshot ${String(id)} ${why}.`);
  }
  if (!isReady(snapshot, ctx.now)) throw gatewayError('SnapshotInProgress', `The snapshot ${snapshot.id} is pending.`);
  return snapshot;
}

function checkTargetAndInterface(ctx: CallContext, gateway: GatewayRecord, input: Record<string, unknown>): void {
  const name = input.TargetName as string;
  if (storageGatewayIn(ctx.state).volumes.some((v) => v.gatewayId === gateway.id && v.targetName === name)) {
    throw gatewayError('TargetAlreadyExists', `The target name ${name} is already used on the gateway ${gateway.id}.`);
  }
  const ip = input.NetworkInterfaceId as string;
  if (!gateway.interfaces.includes(ip)) {
    throw gatewayError('InvalidParameters', `NetworkInterfaceId ${ip} is not a network interface of ${gateway.id}.`);
  }
}

function newVolume(
  ctx: CallContext,
  gateway: GatewayRecord,
  input: Record<string, unknown>,
  fields: Pick<VolumeRecord, 'sizeInBytes' | 'diskId' | 'preservedExistingData' | 'clientToken' | 'request'>,
): Record<string, unknown> {
  const volume: VolumeRecord = {
    id: `vol-${ctx.nextHash('vol-').slice(0, 8).toUpperCase()}`,
    gatewayId: gateway.id,
    type: gateway.type,
    targetName: input.TargetName as string,
    status: 'AVAILABLE',
    createdDate: ctx.now,
    tags: (input.Tags as Tag[] | undefined) ?? [],
    making: { startedAt: ctx.now, readyAt: ctx.now + ctx.restoreMs },
    sourceSnapshotId: input.SnapshotId as string | undefined,
    networkInterfaceId: input.NetworkInterfaceId as string,
    ...fields,
  };
  storageGatewayIn(ctx.state).volumes.push(volume);
  return created(ctx, volume);
}

const created = (ctx: CallContext, v: VolumeRecord) => ({
  VolumeARN: volumeArn(ctx, v),
  TargetARN: targetArn(ctx, v),
  ...(v.type === 'STORED' ? { VolumeSizeInBytes: v.sizeInBytes } : {}),
});

/** A request without its ClientToken, keys sorted: two retries of one request compare equal. */
function requestKey(input: Record<string, unknown>): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'ClientToken'));
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

export const volumeCreateOperations: Readonly<Record<string, Handler>> = {
  ListLocalDisks(ctx, input) {
    const gateway = usable(findGateway(ctx, input.GatewayARN as string));
    return {
      GatewayARN: gatewayArn(ctx, gateway.id),
      Disks: gateway.disks.map((d) => {
        const used = allocation(ctx, gateway, d);
        return {
          DiskId: d.id,
          DiskPath: d.path,
          DiskNode: d.node,
          DiskStatus: 'present',
          DiskSizeInBytes: d.sizeInBytes,
          DiskAllocationType: used.type,
          DiskAllocationResource: used.resource,
          DiskAttributeList: [],
        };
      }),
    };
  },
  CreateCachediSCSIVolume(ctx, input) {
    const gateway = findGateway(ctx, input.GatewayARN as string);
    const token = input.ClientToken as string;
    const request = requestKey(input);
    const earlier = storageGatewayIn(ctx.state).volumes.find((v) => v.clientToken === token);
    if (earlier) {
      if (earlier.request === request) return created(ctx, earlier);
      throw gatewayError(
        'InvalidParameters',
        `The client token ${token} was used for a request with other parameters; an idempotent retry must repeat them.`,
      );
    }
    usable(gateway, 'CACHED');
    const snapshot = sourceSnapshot(ctx, input.SnapshotId);
    const bytes = input.VolumeSizeInBytes as number;
    const problem = cachedSizeProblem(bytes, snapshot ? snapshotGiB(snapshot.volumeSize) : 1);
    if (problem) throw gatewayError('InvalidParameters', problem);
    checkTargetAndInterface(ctx, gateway, input);
    return newVolume(ctx, gateway, input, { sizeInBytes: bytes, clientToken: token, request });
  },
  CreateStorediSCSIVolume(ctx, input) {
    const gateway = usable(findGateway(ctx, input.GatewayARN as string), 'STORED');
    const disk = gateway.disks.find((d) => d.id === input.DiskId);
    if (!disk)
      throw gatewayError('DiskDoesNotExist', `The disk ${String(input.DiskId)} is not a disk of ${gateway.id}.`);
    const used = allocation(ctx, gateway, disk);
    if (used.type !== 'AVAILABLE') {
      throw gatewayError('DiskAlreadyAllocated', `The disk ${disk.id} is already allocated (${used.type}).`);
    }
    const snapshot = sourceSnapshot(ctx, input.SnapshotId);
    const problem = storedDiskSizeProblem(disk.sizeInBytes, snapshot ? snapshotGiB(snapshot.volumeSize) : 1);
    if (problem) throw gatewayError(problem.code, `The volume cannot be made on ${disk.id}: ${problem.message}.`);
    checkTargetAndInterface(ctx, gateway, input);
    return newVolume(ctx, gateway, input, {
      sizeInBytes: Math.floor(disk.sizeInBytes / GIB) * GIB,
      diskId: disk.id,
      preservedExistingData: input.PreserveExistingData === true,
    });
  },
};
