// Storage Gateway: cached and stored iSCSI volumes of every volume gateway, and their snapshots. Volume snapshots
// are EBS snapshots, so they are listed and tracked with EC2 DescribeSnapshots (as Storage Gateway's docs say).
import type { DescribeSnapshotsResult, Snapshot as Ec2Snapshot } from '@aws-sdk/client-ec2';
import type {
  DescribeGatewayInformationOutput,
  GatewayInfo,
  ListGatewaysOutput,
  ListVolumesOutput,
  VolumeInfo,
} from '@aws-sdk/client-storage-gateway';
import { loadSdk } from '../aws/sdkLoader';
import { storageGatewayRules } from '../validation/index';
import {
  chunks,
  clampPageSize,
  consoleHome,
  details,
  groupBy,
  isoDate,
  newestFirst,
  requiredValue,
  tagList,
  toDate,
  offeredIn,
} from './common';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
  SnapshotState,
} from './service';
import { decodeVolumeCursor, encodeVolumeCursor, type VolumeCursor } from './storageGatewayCursor';
import {
  describeVolumes,
  gatewayStatus,
  isInvalidRequest,
  type GatewayStatus,
  toVolumeResource,
} from './storageGatewayVolumes';

const ID = 'storagegateway';
/** EC2 DescribeSnapshots accepts 5–1000 results per page. */
const EC2_MIN_RESULTS = 5;
const EC2_MAX_RESULTS = 1000;
/** The most values we put in one EC2 filter. */
const FILTER_VALUES = 200;

/** Storage Gateway is offered in every commercial region, China and GovCloud (AWS endpoints table). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'sa-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

const ebsStates: Readonly<Record<string, SnapshotState>> = {
  pending: 'creating',
  completed: 'available',
  error: 'failed',
};

/** Only volume gateways have volumes (ListVolumes is "only supported in the cached volume and stored volume gateway types"). */
function isVolumeGateway(gateway: GatewayInfo): boolean {
  return gateway.GatewayType === undefined || gateway.GatewayType === 'CACHED' || gateway.GatewayType === 'STORED';
}

/** arn:aws:storagegateway:region:account:gateway/sgw-x/volume/vol-y → the gateway ARN and the volume id. */
export function splitVolumeArn(volumeArn: string): { gatewayArn: string; volumeId: string } | undefined {
  const match = /^(arn:[^:]+:storagegateway:[^:]*:[^:]*:gateway\/[^/]+)\/volume\/(vol-[^/]+)$/.exec(volumeArn);
  return match ? { gatewayArn: match[1] as string, volumeId: match[2] as string } : undefined;
}

function toSnapshot(snapshot: Ec2Snapshot, volumeArn: string): Snapshot {
  const id = snapshot.SnapshotId ?? '';
  const status = snapshot.State ?? 'unknown';
  const progress = snapshot.Progress ? Number.parseFloat(snapshot.Progress) : undefined;
  const createdAt = toDate(snapshot.StartTime);
  return {
    service: ID,
    id,
    name: snapshot.Description || id,
    resourceId: volumeArn,
    state: ebsStates[status] ?? 'unknown',
    status,
    progress: progress !== undefined && Number.isFinite(progress) ? progress : undefined,
    createdAt,
    details: details([
      ['Snapshot ID', id],
      ['Description', snapshot.Description],
      ['Volume', snapshot.VolumeId],
      ['State', status],
      ['State message', snapshot.StateMessage],
      ['Progress', snapshot.Progress],
      ['Size', snapshot.VolumeSize === undefined ? undefined : `${snapshot.VolumeSize} GiB`],
      ['Encrypted', snapshot.Encrypted === undefined ? undefined : String(snapshot.Encrypted)],
      ['Started', isoDate(createdAt)],
    ]),
  };
}

async function sgw(ctx: AwsContext) {
  return ctx.clients.get('storageGateway', ctx.profile, ctx.region);
}

async function ec2(ctx: AwsContext) {
  return ctx.clients.get('ec2', ctx.profile, ctx.region);
}

async function describeGateway(ctx: AwsContext, gatewayArn: string): Promise<DescribeGatewayInformationOutput> {
  const { DescribeGatewayInformationCommand } = await loadSdk();
  return (await sgw(ctx)).send(new DescribeGatewayInformationCommand({ GatewayARN: gatewayArn }), {
    abortSignal: ctx.signal,
  });
}

export const storageGatewayService: SnapshotService = {
  id: ID,
  label: 'Storage Gateway',
  resourceNoun: { one: 'volume', many: 'volumes' },
  icon: 'server',
  createOperation: 'CreateSnapshot',
  rules: storageGatewayRules,
  regions,

  isOfferedIn: offeredIn(regions),

  // One page of volumes across gateways: ListGateways, then ListVolumes per volume gateway until the page is full.
  // The next token is opaque: the gateway page marker, the gateway's index in it, and its ListVolumes marker.
  async listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
    const { ListGatewaysCommand, ListVolumesCommand } = await loadSdk();
    const client = await sgw(ctx);
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
          enriched.set(arn, toVolumeResource(ID, volume, described.get(arn), status));
        }
      }),
    );
    for (const { volume } of found) items.push(enriched.get(volume.VolumeARN as string) as Resource);
    return { items, nextToken: cursor ? encodeVolumeCursor(cursor) : undefined };
  },

  async getResource(ctx: AwsContext, id: string): Promise<Resource | undefined> {
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
    if (!status.online) return toVolumeResource(ID, volume, undefined, status);
    try {
      const described = await describeVolumes(ctx, [volume], status);
      const detail = described.get(id);
      return detail ? toVolumeResource(ID, volume, detail, status) : undefined;
    } catch (error) {
      if (isInvalidRequest(error, 'VolumeNotFound')) return undefined;
      throw error;
    }
  },

  async listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>> {
    const { DescribeSnapshotsCommand } = await loadSdk();
    const volumeId = splitVolumeArn(resource.id)?.volumeId;
    if (!volumeId) throw new Error(`Not a Storage Gateway volume ARN: ${resource.id}`);
    const out = await (
      await ec2(ctx)
    ).send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'volume-id', Values: [volumeId] }],
        MaxResults: clampPageSize(page.pageSize, EC2_MIN_RESULTS, EC2_MAX_RESULTS, 100),
        NextToken: page.nextToken,
      }),
      { abortSignal: ctx.signal },
    );
    return {
      items: newestFirst((out.Snapshots ?? []).map((s) => toSnapshot(s, resource.id))),
      nextToken: out.NextToken || undefined,
    };
  },

  // One DescribeSnapshots with a `volume-id` filter naming every volume asked for.
  batchSnapshots: {
    covers: 'asked',
    maxResources: FILTER_VALUES,
    async list(ctx: AwsContext, resources: readonly Resource[]): Promise<Map<string, Snapshot[]> | undefined> {
      const { DescribeSnapshotsCommand } = await loadSdk();
      const arnOf = new Map<string, string>();
      for (const r of resources) {
        const volumeId = splitVolumeArn(r.id)?.volumeId;
        if (volumeId) arnOf.set(volumeId, r.id);
      }
      if (arnOf.size === 0) return new Map();
      const out = await (
        await ec2(ctx)
      ).send(
        new DescribeSnapshotsCommand({
          OwnerIds: ['self'],
          Filters: [{ Name: 'volume-id', Values: [...arnOf.keys()] }],
          MaxResults: EC2_MAX_RESULTS,
        }),
        { abortSignal: ctx.signal },
      );
      if (out.NextToken) return undefined;
      return groupBy(
        out.Snapshots ?? [],
        (s) => (s.VolumeId === undefined ? undefined : arnOf.get(s.VolumeId)),
        toSnapshot,
      );
    },
  },

  async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
    const { CreateVolumeSnapshotCommand } = await loadSdk();
    const description = requiredValue(input.values, 'SnapshotDescription');
    const out = await (
      await sgw(ctx)
    ).send(
      new CreateVolumeSnapshotCommand({
        VolumeARN: resource.id,
        SnapshotDescription: description,
        Tags: tagList(input.tags),
      }),
      { abortSignal: ctx.signal },
    );
    if (!out.SnapshotId) throw new Error(`CreateSnapshot for ${resource.id} returned no snapshot id`);
    return toSnapshot(
      {
        SnapshotId: out.SnapshotId,
        Description: description,
        VolumeId: splitVolumeArn(resource.id)?.volumeId,
        State: 'pending',
        StartTime: new Date(),
      },
      resource.id,
    );
  },

  // One DescribeSnapshots call for every in-flight snapshot of this profile and region (a `snapshot-id` filter, which
  // unlike SnapshotIds does not fail the whole call when one snapshot no longer exists).
  async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
    const { DescribeSnapshotsCommand } = await loadSdk();
    const client = await ec2(ctx);
    const volumeOf = new Map(refs.map((r) => [r.snapshotId, r.resourceId]));
    const result = new Map<string, Snapshot>();
    for (const ids of chunks([...volumeOf.keys()], FILTER_VALUES)) {
      let token: string | undefined;
      do {
        const out: DescribeSnapshotsResult = await client.send(
          new DescribeSnapshotsCommand({
            OwnerIds: ['self'],
            Filters: [{ Name: 'snapshot-id', Values: ids }],
            MaxResults: EC2_MAX_RESULTS,
            NextToken: token,
          }),
          { abortSignal: ctx.signal },
        );
        for (const s of out.Snapshots ?? []) {
          const volumeArn = s.SnapshotId === undefined ? undefined : volumeOf.get(s.SnapshotId);
          if (volumeArn !== undefined) result.set(s.SnapshotId as string, toSnapshot(s, volumeArn));
        }
        token = out.NextToken || undefined;
      } while (token);
    }
    return result;
  },

  consoleUrl(region: string, resource: Resource): string {
    // The volume's gateway page lists its volumes.
    const gatewayId = resource.parent?.id.split('/').pop() ?? splitVolumeArn(resource.id)?.gatewayArn.split('/').pop();
    return consoleHome(
      region,
      'storagegateway',
      gatewayId ? `#/gateways/${encodeURIComponent(gatewayId)}` : '#/volumes',
    );
  },
};
