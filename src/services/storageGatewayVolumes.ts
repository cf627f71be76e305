// Storage Gateway volume details: the gateway's state, the cached/stored volume descriptions, and the Resource shape.
import type { CachediSCSIVolume, GatewayInfo, StorediSCSIVolume, VolumeInfo } from '@aws-sdk/client-storage-gateway';
import type { DescribeGatewayInformationOutput } from '@aws-sdk/client-storage-gateway';
import { loadSdk } from '../aws/sdkLoader';
import { chunks, details, formatBytes, isErrorNamed, isoDate, toDate } from './common';
import type { AwsContext, Resource } from './service';
import { storageGatewayClient } from './storageGatewayClient';
import * as l10n from '../l10n';

/** How many volume ARNs we put in one Describe{Cached,Stored}iSCSIVolumes call. */
const DESCRIBE_BATCH = 100;

export interface GatewayStatus {
  readonly arn: string;
  readonly name: string;
  /** GatewayState from DescribeGatewayInformation (RUNNING, SHUTDOWN…), or NOT_CONNECTED. */
  readonly state: string;
  /** CACHED or STORED for volume gateways. */
  readonly type?: string;
  readonly online: boolean;
}

type VolumeDetail = CachediSCSIVolume | StorediSCSIVolume;

/** An InvalidGatewayRequestException carrying one of these Storage Gateway error codes. */
export function isInvalidRequest(error: unknown, ...codes: string[]): boolean {
  if (!isErrorNamed(error, 'InvalidGatewayRequestException')) return false;
  const code = (error as { error?: { errorCode?: string } }).error?.errorCode;
  return code !== undefined && codes.includes(code);
}

/** The gateway's name and state (DescribeGatewayInformation); a gateway that is not connected counts as offline. */
export async function gatewayStatus(
  describe: () => Promise<DescribeGatewayInformationOutput>,
  listed: GatewayInfo,
): Promise<GatewayStatus> {
  const arn = listed.GatewayARN ?? '';
  const fallbackName = listed.GatewayName || listed.GatewayId || arn.split('/').pop() || arn;
  try {
    const info = await describe();
    const state = info.GatewayState ?? 'UNKNOWN';
    return {
      arn: info.GatewayARN ?? arn,
      name: info.GatewayName || fallbackName,
      state,
      type: info.GatewayType ?? listed.GatewayType,
      online: state === 'RUNNING',
    };
  } catch (error) {
    if (!isInvalidRequest(error, 'GatewayNotConnected')) throw error;
    return { arn, name: fallbackName, state: 'NOT_CONNECTED', type: listed.GatewayType, online: false };
  }
}

/** cached or stored, from the volume's type ("CACHED iSCSI") or else its gateway's type. */
function volumeKind(volume: VolumeInfo | VolumeDetail | undefined, gateway: GatewayStatus): 'cached' | 'stored' {
  const type = (volume?.VolumeType ?? gateway.type ?? '').toUpperCase();
  return type.includes('STORED') ? 'stored' : 'cached';
}

/** Describes the volumes of one online gateway, in batches per kind; keyed by volume ARN. */
export async function describeVolumes(
  ctx: AwsContext,
  volumes: readonly VolumeInfo[],
  gateway: GatewayStatus,
): Promise<Map<string, VolumeDetail>> {
  const { DescribeCachediSCSIVolumesCommand, DescribeStorediSCSIVolumesCommand } = (await loadSdk()).storageGateway;
  const client = await ctx.clients.get(storageGatewayClient, ctx.profile, ctx.region);
  const result = new Map<string, VolumeDetail>();
  const arnsOf = (kind: 'cached' | 'stored') =>
    volumes.filter((v) => volumeKind(v, gateway) === kind && v.VolumeARN).map((v) => v.VolumeARN as string);
  for (const batch of chunks(arnsOf('cached'), DESCRIBE_BATCH)) {
    const out = await client.send(new DescribeCachediSCSIVolumesCommand({ VolumeARNs: batch }), {
      abortSignal: ctx.signal,
    });
    for (const v of out.CachediSCSIVolumes ?? []) if (v.VolumeARN) result.set(v.VolumeARN, v);
  }
  for (const batch of chunks(arnsOf('stored'), DESCRIBE_BATCH)) {
    const out = await client.send(new DescribeStorediSCSIVolumesCommand({ VolumeARNs: batch }), {
      abortSignal: ctx.signal,
    });
    for (const v of out.StorediSCSIVolumes ?? []) if (v.VolumeARN) result.set(v.VolumeARN, v);
  }
  return result;
}

export function toVolumeResource(
  service: string,
  volume: VolumeInfo,
  detail: VolumeDetail | undefined,
  gateway: GatewayStatus,
): Resource {
  const arn = volume.VolumeARN ?? detail?.VolumeARN ?? '';
  const volumeId = detail?.VolumeId ?? volume.VolumeId ?? arn.split('/').pop() ?? arn;
  const kind = volumeKind(detail ?? volume, gateway);
  const size = formatBytes(detail?.VolumeSizeInBytes ?? volume.VolumeSizeInBytes);
  const status = detail?.VolumeStatus ?? 'UNKNOWN';
  const createdAt = toDate(detail?.CreatedDate);
  const snapshottable: Resource['snapshottable'] = !gateway.online
    ? { ok: false, reason: l10n.t('gateway is offline') }
    : status === 'AVAILABLE'
      ? { ok: true }
      : { ok: false, reason: l10n.t('volume is {0} (a snapshot needs it available)', status.toLowerCase()) };
  return {
    service,
    id: arn,
    displayId: volumeId,
    name: volumeId,
    arn,
    status,
    summary: [size, kind, gateway.online ? undefined : l10n.t('gateway offline')].filter(Boolean).join(' · '),
    createdAt,
    snapshottable,
    parent: { id: gateway.arn, name: gateway.name },
    details: details([
      [l10n.t('Volume ID'), volumeId],
      ['ARN', arn],
      // The gateway itself is the tooltip's Gateway row (from `parent`).
      [l10n.t('Gateway state'), gateway.state],
      [l10n.t('Type'), detail?.VolumeType ?? volume.VolumeType ?? kind],
      [l10n.t('Size'), size],
      [l10n.t('Used'), formatBytes(detail?.VolumeUsedInBytes)],
      [l10n.t('Status'), status],
      [l10n.t('Attachment'), detail?.VolumeAttachmentStatus ?? volume.VolumeAttachmentStatus],
      [l10n.t('Progress'), detail?.VolumeProgress === undefined ? undefined : `${detail.VolumeProgress}%`],
      [l10n.t('iSCSI target'), detail?.VolumeiSCSIAttributes?.TargetARN ?? detail?.TargetName],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
  };
}
