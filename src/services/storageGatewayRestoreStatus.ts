// The state of Storage Gateway volumes being restored, for the tracker: one ListGateways per region (each gateway's
// type) and one Describe{Cached,Stored}iSCSIVolumes per gateway naming all its volumes being followed (the API
// takes "volumes from the same gateway" only), so a tick costs 1 + gateways calls, whatever the number of restores.
import type { CachediSCSIVolume, GatewayInfo, ListGatewaysOutput } from '@aws-sdk/client-storage-gateway';
import { loadSdk } from '../aws/sdkLoader';
import { chunks, groupBy } from './common';
import type { AwsContext, RestoredRef, SnapshotState, TrackedState } from './service';
import { gatewayClient, splitVolumeArn } from './storageGatewayListing';
import { isInvalidRequest } from './storageGatewayVolumes';

/** How many volume ARNs go in one Describe call. */
const DESCRIBE_BATCH = 100;

/**
 * VolumeStatus words (Storage Gateway User Guide, "Understanding volume statuses"). A new volume is CREATING, then
 * RESTORING (from a snapshot) or BOOTSTRAPPING, possibly PASS THROUGH while another bootstraps, then AVAILABLE.
 */
const volumeStates: Readonly<Record<string, SnapshotState>> = {
  AVAILABLE: 'available',
  CREATING: 'creating',
  RESTORING: 'creating',
  'RESTORING PASS THROUGH': 'creating',
  BOOTSTRAPPING: 'creating',
  'PASS THROUGH': 'creating',
  'UPLOAD BUFFER NOT CONFIGURED': 'creating',
  IRRECOVERABLE: 'failed',
  DELETING: 'deleting',
};

export function volumeState(status: string | undefined): SnapshotState {
  return volumeStates[(status ?? '').toUpperCase()] ?? 'unknown';
}

type Detail = Pick<CachediSCSIVolume, 'VolumeARN' | 'VolumeStatus' | 'VolumeProgress'>;

export function toTrackedVolume(detail: Detail): TrackedState {
  const status = detail.VolumeStatus ?? 'UNKNOWN';
  const progress = detail.VolumeProgress;
  return {
    id: detail.VolumeARN ?? '',
    state: volumeState(status),
    status,
    progress: progress !== undefined && Number.isFinite(progress) ? Math.max(0, Math.min(100, progress)) : undefined,
  };
}

async function gatewayTypes(ctx: AwsContext): Promise<Map<string, GatewayInfo>> {
  const { ListGatewaysCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const found = new Map<string, GatewayInfo>();
  let marker: string | undefined;
  do {
    const page: ListGatewaysOutput = await client.send(new ListGatewaysCommand({ Marker: marker }), {
      abortSignal: ctx.signal,
    });
    for (const g of page.Gateways ?? []) if (g.GatewayARN) found.set(g.GatewayARN, g);
    marker = page.Marker || undefined;
  } while (marker);
  return found;
}

/** One gateway's volumes; a volume that is gone fails the whole call, so then each is read alone. */
async function describeOnGateway(ctx: AwsContext, type: string, arns: readonly string[]): Promise<Detail[]> {
  const { DescribeCachediSCSIVolumesCommand, DescribeStorediSCSIVolumesCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const read = async (batch: string[]): Promise<Detail[]> =>
    type === 'STORED'
      ? ((await client.send(new DescribeStorediSCSIVolumesCommand({ VolumeARNs: batch }), { abortSignal: ctx.signal }))
          .StorediSCSIVolumes ?? [])
      : ((await client.send(new DescribeCachediSCSIVolumesCommand({ VolumeARNs: batch }), { abortSignal: ctx.signal }))
          .CachediSCSIVolumes ?? []);
  const out: Detail[] = [];
  for (const batch of chunks(arns, DESCRIBE_BATCH)) {
    try {
      out.push(...(await read(batch)));
    } catch (error) {
      if (!isInvalidRequest(error, 'VolumeNotFound', 'VolumeIdInvalid')) throw error;
      if (batch.length === 1) continue;
      for (const arn of batch) {
        try {
          out.push(...(await read([arn])));
        } catch (single) {
          if (!isInvalidRequest(single, 'VolumeNotFound', 'VolumeIdInvalid')) throw single;
        }
      }
    }
  }
  return out;
}

/** The state of each followed volume found, keyed by volume ARN; a gone volume or gateway is absent. */
export async function restoredVolumeStatuses(
  ctx: AwsContext,
  refs: readonly RestoredRef[],
): Promise<Map<string, TrackedState>> {
  const result = new Map<string, TrackedState>();
  const byGateway = groupBy(
    refs,
    (r) => splitVolumeArn(r.resourceId)?.gatewayArn,
    (r) => r.resourceId,
  );
  if (byGateway.size === 0) return result;
  const gateways = await gatewayTypes(ctx);
  await Promise.all(
    [...byGateway].map(async ([gatewayArn, arns]) => {
      const gateway = gateways.get(gatewayArn);
      if (!gateway) return; // the gateway is gone, and its volumes with it
      const unique = [...new Set(arns)];
      try {
        for (const detail of await describeOnGateway(ctx, gateway.GatewayType ?? 'CACHED', unique)) {
          if (detail.VolumeARN) result.set(detail.VolumeARN, toTrackedVolume(detail));
        }
      } catch (error) {
        if (!isInvalidRequest(error, 'GatewayNotConnected')) throw error;
        // The gateway cannot be asked now: its volumes are neither gone nor done.
        for (const arn of unique) result.set(arn, { id: arn, state: 'unknown', status: 'GATEWAY NOT CONNECTED' });
      }
    }),
  );
  return result;
}
