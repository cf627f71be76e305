// The AWS reads behind a Storage Gateway restore form: the snapshot's size (EC2 DescribeSnapshots), the region's
// gateways with their type, state and network interfaces (ListGateways + DescribeGatewayInformation), a gateway's
// local disks (ListLocalDisks), the target names taken on a gateway (ListVolumes + Describe*iSCSIVolumes) and the
// source volume's tags (ListTagsForResource).
import type {
  Disk,
  GatewayInfo,
  ListGatewaysOutput,
  ListVolumesOutput,
  VolumeInfo,
} from '@aws-sdk/client-storage-gateway';
import { ec2Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import type { Tag } from '../validation/types';
import type { AwsContext } from './service';
import { gatewayClient } from './storageGatewayListing';
import { describeVolumes, gatewayStatus } from './storageGatewayVolumes';

/** A gateway of the region as the restore form offers it. */
export interface RestoreGateway {
  readonly arn: string;
  readonly name: string;
  /** CACHED, STORED, or another gateway type (FILE_S3, VTL, …), which takes no iSCSI volume. */
  readonly type?: string;
  /** GatewayState (RUNNING, SHUTDOWN…), or NOT_CONNECTED. */
  readonly state: string;
  readonly online: boolean;
  /** The IPv4 addresses of its network interfaces, in DescribeGatewayInformation's order. */
  readonly interfaces: readonly string[];
}

/** The snapshot as EC2 describes it now. */
export interface SnapshotFacts {
  readonly id: string;
  /** EBS VolumeSize: the size of the volume it was taken of, GiB. */
  readonly volumeSizeGiB?: number;
  readonly state?: string;
}

const isVolumeType = (type: string | undefined) => type === 'CACHED' || type === 'STORED';

/** The snapshot by id (a `snapshot-id` filter, which answers empty rather than failing when it is gone). */
export async function readSnapshot(ctx: AwsContext, snapshotId: string): Promise<SnapshotFacts | undefined> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const client = await ctx.clients.get(ec2Client, ctx.profile, ctx.region);
  const out = await client.send(
    new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'snapshot-id', Values: [snapshotId] }] }),
    { abortSignal: ctx.signal },
  );
  const found = (out.Snapshots ?? []).find((s) => s.SnapshotId === snapshotId);
  return found ? { id: snapshotId, volumeSizeGiB: found.VolumeSize, state: found.State } : undefined;
}

/** Every gateway of the region; volume gateways described (type, state, interfaces) in parallel. */
export async function readGateways(ctx: AwsContext): Promise<RestoreGateway[]> {
  const { ListGatewaysCommand, DescribeGatewayInformationCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const listed: GatewayInfo[] = [];
  let marker: string | undefined;
  do {
    const page: ListGatewaysOutput = await client.send(new ListGatewaysCommand({ Marker: marker }), {
      abortSignal: ctx.signal,
    });
    listed.push(...(page.Gateways ?? []).filter((g) => g.GatewayARN));
    marker = page.Marker || undefined;
  } while (marker);
  return Promise.all(
    listed.map(async (g): Promise<RestoreGateway> => {
      const arn = g.GatewayARN as string;
      const name = g.GatewayName || g.GatewayId || arn.split('/').pop() || arn;
      if (!isVolumeType(g.GatewayType)) {
        return {
          arn,
          name,
          type: g.GatewayType,
          state: g.GatewayOperationalState ?? 'UNKNOWN',
          online: false,
          interfaces: [],
        };
      }
      let interfaces: string[] = [];
      const status = await gatewayStatus(async () => {
        const info = await client.send(new DescribeGatewayInformationCommand({ GatewayARN: arn }), {
          abortSignal: ctx.signal,
        });
        interfaces = (info.GatewayNetworkInterfaces ?? []).flatMap((n) => (n.Ipv4Address ? [n.Ipv4Address] : []));
        return info;
      }, g);
      return { arn, name: status.name, type: status.type, state: status.state, online: status.online, interfaces };
    }),
  );
}

/** A gateway's local disks (ListLocalDisks). */
export async function readLocalDisks(ctx: AwsContext, gatewayArn: string): Promise<Disk[]> {
  const { ListLocalDisksCommand } = (await loadSdk()).storageGateway;
  const out = await (
    await gatewayClient(ctx)
  ).send(new ListLocalDisksCommand({ GatewayARN: gatewayArn }), { abortSignal: ctx.signal });
  return out.Disks ?? [];
}

/** The iSCSI target name of a volume: its TargetName, else the part of its target ARN after `amazon:`. */
export function targetNameOf(detail: { TargetName?: string; VolumeiSCSIAttributes?: { TargetARN?: string } }) {
  return detail.TargetName ?? /\/target\/iqn\.[^:]+:(.+)$/.exec(detail.VolumeiSCSIAttributes?.TargetARN ?? '')?.[1];
}

/** The target names of a gateway's volumes (ListVolumes pages, then Describe*iSCSIVolumes in batches). */
export async function readTargetNames(ctx: AwsContext, gateway: RestoreGateway): Promise<Set<string>> {
  const { ListVolumesCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const volumes: VolumeInfo[] = [];
  let marker: string | undefined;
  do {
    const page: ListVolumesOutput = await client.send(
      new ListVolumesCommand({ GatewayARN: gateway.arn, Marker: marker }),
      { abortSignal: ctx.signal },
    );
    volumes.push(...(page.VolumeInfos ?? []));
    marker = page.Marker || undefined;
  } while (marker);
  const described = await describeVolumes(ctx, volumes, { ...gateway, type: gateway.type });
  return new Set([...described.values()].flatMap((d) => targetNameOf(d) ?? []));
}

/** A volume's tags (first page: a volume has at most 50), or [] when it is gone or cannot be read (only defaults). */
export async function readVolumeTags(ctx: AwsContext, volumeArn: string): Promise<Tag[]> {
  const { ListTagsForResourceCommand } = (await loadSdk()).storageGateway;
  try {
    const out = await (
      await gatewayClient(ctx)
    ).send(new ListTagsForResourceCommand({ ResourceARN: volumeArn }), { abortSignal: ctx.signal });
    return (out.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    return [];
  }
}
