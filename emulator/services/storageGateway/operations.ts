/**
 * Storage Gateway's operations: gateways, their cached and stored volumes, their tags, and volume snapshots (EBS);
 * the create-volume calls and ListLocalDisks are in volumeCreate.ts.
 */
import { isReady, percentDone } from '../../state/lifecycle';
import { type EbsSnapshotRecord, ebsSnapshotsIn, newEbsSnapshotId } from '../ec2/state';
import { storageGatewayRules } from '../../../src/validation/index';
import { pageFor, type PagingStyle } from '../paging';
import { firstTagProblem, fromTagList } from '../tagChecks';
import { type CallContext, type Handler } from '../types';
import { GIB, type GatewayRecord, restoreProgress, storageGatewayIn, type VolumeRecord, volumeStatus } from './state';
import { findGateway, findVolume, gatewayArn, gatewayError, targetArn, volumeArn } from './lookup';
import { volumeCreateOperations } from './volumeCreate';

export { gatewayError } from './lookup';

type Tag = { Key: string; Value: string };

const volumeType = (v: VolumeRecord) => (v.type === 'CACHED' ? 'CACHED iSCSI' : 'STORED iSCSI');

function pendingSnapshot(ctx: CallContext, v: VolumeRecord): EbsSnapshotRecord | undefined {
  return ebsSnapshotsIn(ctx.state).find((s) => s.volumeId === v.id && !s.fixedState && !isReady(s, ctx.now));
}

function volumeView(ctx: CallContext, v: VolumeRecord, gateway: GatewayRecord | undefined): Record<string, unknown> {
  const pending = pendingSnapshot(ctx, v);
  return {
    VolumeARN: volumeArn(ctx, v),
    VolumeId: v.id,
    VolumeType: volumeType(v),
    VolumeStatus: volumeStatus(v, ctx.now),
    VolumeAttachmentStatus: 'ATTACHED',
    VolumeSizeInBytes: v.sizeInBytes,
    VolumeProgress: restoreProgress(v, ctx.now) ?? (pending ? percentDone(pending, ctx.now) : undefined),
    SourceSnapshotId: v.sourceSnapshotId,
    VolumeiSCSIAttributes: {
      TargetARN: targetArn(ctx, v),
      NetworkInterfaceId: v.networkInterfaceId ?? gateway?.interfaces[0] ?? '10.0.0.10',
      NetworkInterfacePort: 3260,
      LunNumber: 1, // the model's PositiveIntObject: LUNs are numbered from 1
      ChapEnabled: false,
    },
    CreatedDate: new Date(v.createdDate),
    VolumeUsedInBytes: Math.floor(v.sizeInBytes * 0.4),
    TargetName: v.targetName,
    ...(v.type === 'STORED' ? { VolumeDiskId: v.diskId, PreservedExistingData: v.preservedExistingData ?? false } : {}),
  };
}

/** The gateway or volume an ARN names (their ARNs are the ones this emulator serves). */
function taggedResource(ctx: CallContext, arn: string): GatewayRecord | VolumeRecord {
  return /\/volume\//.test(arn) ? findVolume(ctx, arn) : findGateway(ctx, arn);
}

/** Calls whose Tags document "up to 50 tags" with the same characters (CreateSnapshot's and the create-volume calls'). */
const TAGGED_CALLS = new Set(['CreateSnapshot', 'CreateCachediSCSIVolume', 'CreateStorediSCSIVolume']);

/** The tag rules from src/validation: the model's TagKey/TagValue and the documented "up to 50 tags". */
export function checkSnapshotTags(operation: string, input: Record<string, unknown>): void {
  if (!TAGGED_CALLS.has(operation)) return;
  const problem = firstTagProblem(storageGatewayRules.tags!, fromTagList(input.Tags as Tag[] | undefined));
  if (problem) throw gatewayError('InvalidParameters', problem);
}

const PAGING: PagingStyle = {
  token: 'Marker',
  size: 'Limit',
  defaultSize: 100, // undocumented default
  invalidToken: () => gatewayError('InvalidParameters', 'The marker is not valid.'),
};

function describeVolumes(ctx: CallContext, arns: string[], type: 'CACHED' | 'STORED'): Record<string, unknown>[] {
  return arns.map((arn) => {
    const volume = findVolume(ctx, arn);
    if (volume.type !== type) {
      throw gatewayError(
        'InvalidParameters',
        `The volume ${arn} is not a ${type === 'CACHED' ? 'cached' : 'stored'} volume.`,
      );
    }
    return volumeView(
      ctx,
      volume,
      storageGatewayIn(ctx.state).gateways.find((g) => g.id === volume.gatewayId),
    );
  });
}

export const storageGatewayOperations: Readonly<Record<string, Handler>> = {
  ListGateways(ctx, input) {
    const result = pageFor(storageGatewayIn(ctx.state).gateways, input, 'gateways', PAGING);
    return {
      Gateways: result.items.map((g) => ({
        GatewayId: g.id,
        GatewayARN: gatewayArn(ctx, g.id),
        GatewayType: g.type,
        GatewayOperationalState: g.state === 'RUNNING' ? 'ACTIVE' : 'SHUTDOWN',
        GatewayName: g.name,
        Ec2InstanceId: g.ec2InstanceId,
        Ec2InstanceRegion: g.ec2InstanceId ? ctx.region : undefined,
        HostEnvironment: g.ec2InstanceId ? 'EC2' : 'VMWARE',
        SoftwareVersion: g.softwareVersion,
      })),
      Marker: result.next,
    };
  },
  ListVolumes(ctx, input) {
    const gateway = input.GatewayARN === undefined ? undefined : findGateway(ctx, input.GatewayARN as string);
    const { volumes: all } = storageGatewayIn(ctx.state);
    const volumes = gateway ? all.filter((v) => v.gatewayId === gateway.id) : all;
    const result = pageFor(volumes, input, `volumes:${gateway?.id ?? ''}`, PAGING);
    return {
      GatewayARN: gateway ? gatewayArn(ctx, gateway.id) : undefined,
      Marker: result.next,
      VolumeInfos: result.items.map((v) => ({
        VolumeARN: volumeArn(ctx, v),
        VolumeId: v.id,
        GatewayARN: gatewayArn(ctx, v.gatewayId),
        GatewayId: v.gatewayId,
        VolumeType: volumeType(v),
        VolumeSizeInBytes: v.sizeInBytes,
        VolumeAttachmentStatus: 'ATTACHED',
      })),
    };
  },
  DescribeGatewayInformation(ctx, input) {
    const g = findGateway(ctx, input.GatewayARN as string);
    return {
      GatewayARN: gatewayArn(ctx, g.id),
      GatewayId: g.id,
      GatewayName: g.name,
      GatewayTimezone: g.timezone,
      GatewayState: g.state,
      GatewayNetworkInterfaces: g.interfaces.map((ip) => ({ Ipv4Address: ip })),
      GatewayType: g.type,
      Ec2InstanceId: g.ec2InstanceId,
      Ec2InstanceRegion: g.ec2InstanceId ? ctx.region : undefined,
      Tags: g.tags,
      HostEnvironment: g.ec2InstanceId ? 'EC2' : 'VMWARE',
      EndpointType: 'STANDARD',
      SoftwareVersion: g.softwareVersion,
    };
  },
  DescribeCachediSCSIVolumes: (ctx, input) => ({
    CachediSCSIVolumes: describeVolumes(ctx, input.VolumeARNs as string[], 'CACHED'),
  }),
  DescribeStorediSCSIVolumes: (ctx, input) => ({
    StorediSCSIVolumes: describeVolumes(ctx, input.VolumeARNs as string[], 'STORED'),
  }),
  ListTagsForResource(ctx, input) {
    const arn = input.ResourceARN as string;
    const result = pageFor(taggedResource(ctx, arn).tags, input, `tags:${arn}`, PAGING);
    return { ResourceARN: arn, Tags: result.items, Marker: result.next };
  },
  CreateSnapshot(ctx, input) {
    const volume = findVolume(ctx, input.VolumeARN as string);
    const gateway = storageGatewayIn(ctx.state).gateways.find((g) => g.id === volume.gatewayId);
    if (!gateway || gateway.state !== 'RUNNING') {
      throw gatewayError('GatewayNotConnected', `The gateway ${volume.gatewayId} is not connected.`);
    }
    if (volume.making && volumeStatus(volume, ctx.now) !== 'AVAILABLE') {
      throw gatewayError(
        'VolumeNotReady',
        `The volume ${volume.id} is ${volumeStatus(volume, ctx.now)}, not AVAILABLE.`,
      );
    }
    if (pendingSnapshot(ctx, volume)) {
      throw gatewayError('SnapshotInProgress', `A snapshot of volume ${volume.id} is already in progress.`);
    }
    const snapshot: EbsSnapshotRecord = {
      id: newEbsSnapshotId(ctx),
      volumeId: volume.id,
      description: input.SnapshotDescription as string,
      volumeSize: Math.ceil(volume.sizeInBytes / GIB),
      encrypted: false,
      startedAt: ctx.now,
      readyAt: ctx.now + ctx.snapshotMs,
      tags: (input.Tags as Tag[] | undefined) ?? [],
    };
    ebsSnapshotsIn(ctx.state).push(snapshot);
    return { VolumeARN: volumeArn(ctx, volume), SnapshotId: snapshot.id };
  },
  ...volumeCreateOperations,
};
