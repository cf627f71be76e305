// Storage Gateway's gateway→volume listing: pages of volumes across every volume gateway (ListGateways, then
// ListVolumes per gateway), each enriched with its gateway's state and its volume details; and one volume by ARN.
import type {
  DescribeGatewayInformationOutput,
  GatewayInfo,
  ListGatewaysOutput,
  ListVolumesOutput,
  VolumeInfo,
} from '@aws-sdk/client-storage-gateway';
import { loadSdk } from '../aws/sdkLoader';
import { clampPageSize } from './common';
import { storageGatewayClient } from './storageGatewayClient';
import type { AwsContext, Page, PageRequest, Resource } from './service';
import { decodeVolumeCursor, encodeVolumeCursor, type VolumeCursor } from './storageGatewayCursor';
import {
  describeVolumes,
  gatewayStatus,
  isInvalidRequest,
  type GatewayStatus,
  toVolumeResource,
} from './storageGatewayVolumes';

/** Only volume gateways have volumes (ListVolumes is "only supported in the cached volume and stored volume gateway types"). */
function isVolumeGateway(gateway: GatewayInfo): boolean {
  return gateway.GatewayType === undefined || gateway.GatewayType === 'CACHED' || gateway.GatewayType === 'STORED';
}

/** arn:aws:storagegateway:region:account:gateway/sgw-x/volume/vol-y → the gateway ARN and the volume id. */
export function splitVolumeArn(volumeArn: string): { gatewayArn: string; volumeId: string } | undefined {
  const match = /^(arn:[^:]+:storagegateway:[^:]*:[^:]*:gateway\/[^/]+)\/volume\/(vol-[^/]+)$/.exec(volumeArn);
  return match ? { gatewayArn: match[1] as string, volumeId: match[2] as string } : undefined;
}

export async function gatewayClient(ctx: AwsContext) {
  return ctx.clients.get(storageGatewayClient, ctx.profile, ctx.region);
}

async function describeGateway(ctx: AwsContext, gatewayArn: string): Promise<DescribeGatewayInformationOutput> {
  const { DescribeGatewayInformationCommand } = (await loadSdk()).storageGateway;
  return (await gatewayClient(ctx)).send(new DescribeGatewayInformationCommand({ GatewayARN: gatewayArn }), {
    abortSignal: ctx.signal,
  });
}

/**
 * One page of volumes across gateways: ListGateways, then ListVolumes per volume gateway until the page is full.
 * The next token is opaque: the gateway page marker, the gateway's index in it, and its ListVolumes marker.
 */
export async function listVolumes(service: string, ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
  const { ListGatewaysCommand, ListVolumesCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const limit = clampPageSize(page.pageSize, 1, 100);
  let cursor: VolumeCursor | undefined = decodeVolumeCursor(page.nextToken);
  const listGateways = (marker: string | undefined): Promise<ListGatewaysOutput> =>
    client.send(new ListGatewaysCommand({ Marker: marker }), { abortSignal: ctx.signal });

  const found: Array<{ gateway: GatewayInfo; volume: VolumeInfo }> = [];
  // Each gateway's state is read (DescribeGatewayInformation) while its volumes are listed, not after.
  const statuses = new Map<string, Promise<GatewayStatus>>();
  const statusOf = (gateway: GatewayInfo): Promise<GatewayStatus> => {
    const arn = gateway.GatewayARN as string;
    let status = statuses.get(arn);
    if (!status) {
      status = gatewayStatus(() => describeGateway(ctx, arn), gateway);
      // Awaited below; until then (or if ListVolumes fails first) a rejection is not unhandled.
      status.catch(() => undefined);
      statuses.set(arn, status);
    }
    return status;
  };
  let gatewayPage = await listGateways(cursor.gatewayMarker);
  for (;;) {
    const gateways = gatewayPage.Gateways ?? [];
    if (cursor.index >= gateways.length) {
      if (!gatewayPage.Marker) {
        cursor = undefined;
        break;
      }
      cursor = { gatewayMarker: gatewayPage.Marker, index: 0 };
      gatewayPage = await listGateways(cursor.gatewayMarker);
      continue;
    }
    if (found.length >= limit) break;
    const gateway = gateways[cursor.index] as GatewayInfo;
    if (!gateway.GatewayARN || !isVolumeGateway(gateway)) {
      cursor = { gatewayMarker: cursor.gatewayMarker, index: cursor.index + 1 };
      continue;
    }
    void statusOf(gateway);
    const out: ListVolumesOutput = await client.send(
      new ListVolumesCommand({
        GatewayARN: gateway.GatewayARN,
        Marker: cursor.volumeMarker,
        Limit: limit - found.length,
      }),
      { abortSignal: ctx.signal },
    );
    for (const volume of out.VolumeInfos ?? []) if (volume.VolumeARN) found.push({ gateway, volume });
    cursor = out.Marker
      ? { ...cursor, volumeMarker: out.Marker }
      : { gatewayMarker: cursor.gatewayMarker, index: cursor.index + 1 };
  }

  // Enrich per gateway: its state and name, then the volumes' details in batches.
  const items: Resource[] = [];
  const byGateway = new Map<string, { gateway: GatewayInfo; volumes: VolumeInfo[] }>();
  for (const { gateway, volume } of found) {
    const arn = gateway.GatewayARN as string;
    const entry = byGateway.get(arn) ?? { gateway, volumes: [] };
    entry.volumes.push(volume);
    byGateway.set(arn, entry);
  }
  const enriched = new Map<string, Resource>();
  await Promise.all(
    [...byGateway.values()].map(async ({ gateway, volumes }) => {
      const status = await statusOf(gateway);
      const described = status.online ? await describeVolumes(ctx, volumes, status) : new Map();
      for (const volume of volumes) {
        const arn = volume.VolumeARN as string;
        enriched.set(arn, toVolumeResource(service, volume, described.get(arn), status));
      }
    }),
  );
  for (const { volume } of found) items.push(enriched.get(volume.VolumeARN as string) as Resource);
  return { items, nextToken: cursor ? encodeVolumeCursor(cursor) : undefined };
}

/** One volume by ARN; undefined when it or its gateway no longer exists. */
export async function getVolume(service: string, ctx: AwsContext, id: string): Promise<Resource | undefined> {
  const parts = splitVolumeArn(id);
  if (!parts) return undefined;
  let status: GatewayStatus;
  try {
    status = await gatewayStatus(() => describeGateway(ctx, parts.gatewayArn), { GatewayARN: parts.gatewayArn });
  } catch (error) {
    if (isInvalidRequest(error, 'GatewayNotFound')) return undefined;
    throw error;
  }
  const volume: VolumeInfo = { VolumeARN: id, VolumeId: parts.volumeId, GatewayARN: parts.gatewayArn };
  if (!status.online) return toVolumeResource(service, volume, undefined, status);
  try {
    const described = await describeVolumes(ctx, [volume], status);
    const detail = described.get(id);
    return detail ? toVolumeResource(service, volume, detail, status) : undefined;
  } catch (error) {
    if (isInvalidRequest(error, 'VolumeNotFound')) return undefined;
    throw error;
  }
}
