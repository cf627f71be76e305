// Storage Gateway: cached and stored iSCSI volumes of every volume gateway, and their snapshots. The volumes are
// listed in `storageGatewayListing`; their snapshots are EBS snapshots, read with EC2 in `storageGatewaySnapshots`.
import { loadSdk } from '../aws/sdkLoader';
import { SOURCE_VOLUME_TAG, storageGatewayCopy } from './storageGatewayCopy';
import { explainStorageGatewayError } from './storageGatewayErrors';
import { storageGatewayDelete } from './storageGatewayDelete';
import { storageGatewayRestore } from './storageGatewayRestore';
import { restoredVolumeStatuses } from './storageGatewayRestoreStatus';
import { storageGatewayRules } from '../validation/index';
import { consoleHome, requiredValue, tagList, offeredIn } from './common';
import type { AwsContext, Resource, Snapshot, SnapshotInput, SnapshotService } from './service';
import { gatewayClient, getVolume, listVolumes, splitVolumeArn } from './storageGatewayListing';
import {
  EC2_FILTER_VALUES,
  batchVolumeSnapshots,
  listVolumeSnapshotCopies,
  listVolumeSnapshots,
  toVolumeSnapshot,
  volumeSnapshotStatuses,
} from './storageGatewaySnapshots';
import * as l10n from '../l10n';

const ID = 'storagegateway';

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

export const storageGatewayService: SnapshotService = {
  id: ID,
  label: 'Storage Gateway',
  resourceNoun: {
    get one(): string {
      return l10n.t('volume');
    },
    get many(): string {
      return l10n.t('volumes');
    },
  },
  icon: 'server',
  createOperation: 'CreateSnapshot',
  resourceParameter: 'VolumeARN',
  rules: storageGatewayRules,
  iamActions: { create: 'storagegateway:CreateSnapshot' },
  explainError: explainStorageGatewayError,
  regions,

  isOfferedIn: offeredIn(regions),

  // One page of volumes across gateways (ListGateways, then ListVolumes per volume gateway).
  listResources: (ctx, page) => listVolumes(ID, ctx, page),

  getResource: (ctx, id) => getVolume(ID, ctx, id),

  listSnapshots: (ctx, resource, page) => listVolumeSnapshots(ID, ctx, resource, page),

  // One DescribeSnapshots with a `volume-id` filter naming every volume asked for.
  batchSnapshots: {
    covers: 'asked',
    maxResources: EC2_FILTER_VALUES,
    list: (ctx, resources) => batchVolumeSnapshots(ID, ctx, resources),
  },

  async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
    const { CreateVolumeSnapshotCommand } = (await loadSdk()).storageGateway;
    const description = requiredValue(input.values, 'SnapshotDescription');
    const tags = tagList(input.tags);
    const out = await (
      await gatewayClient(ctx)
    ).send(
      new CreateVolumeSnapshotCommand({
        VolumeARN: resource.id,
        SnapshotDescription: description,
        Tags: tags,
      }),
      { abortSignal: ctx.signal },
    );
    if (!out.SnapshotId) throw new Error(l10n.t('CreateSnapshot for {0} returned no snapshot id', resource.id));
    return toVolumeSnapshot(
      ID,
      {
        SnapshotId: out.SnapshotId,
        Description: description,
        VolumeId: splitVolumeArn(resource.id)?.volumeId,
        State: 'pending',
        StartTime: new Date(),
        Tags: tags,
      },
      resource.id,
    );
  },

  // One DescribeSnapshots call for every in-flight snapshot of this profile and region.
  getSnapshotStatuses: (ctx, refs) => volumeSnapshotStatuses(ID, ctx, refs),

  // A new cached or stored volume from the EBS snapshot; its state: one Describe*iSCSIVolumes per gateway.
  restore: storageGatewayRestore,
  getRestoredStatuses: (ctx, refs) => restoredVolumeStatuses(ctx, refs),

  // EC2 DeleteSnapshot: gone at once from DescribeSnapshots.
  delete: storageGatewayDelete,

  // EC2 CopySnapshot to another region; the copy is read there by snapshot id (getSnapshotStatuses).
  copy: storageGatewayCopy,
  // The copies made here from another region carry their source volume in a tag.
  listUnattachedSnapshots: (ctx, page) => listVolumeSnapshotCopies(ID, ctx, page, SOURCE_VOLUME_TAG),

  // An EBS snapshot of a volume (also a copy from another region) has its own page in the EC2 console.
  snapshotConsoleUrl(region: string, snapshot: Snapshot): string {
    return consoleHome(region, 'ec2', `#SnapshotDetails:snapshotId=${encodeURIComponent(snapshot.id)}`);
  },

  consoleUrl(region: string, resource: Resource): string {
    // The volume's gateway page (storagegateway/home?region=…#/gateways/<sgw-id>), which lists its volumes: no console
    // URL of a single volume could be confirmed (AWS's guides only say to choose Volumes, then the volume).
    const gatewayId = resource.parent?.id.split('/').pop() ?? splitVolumeArn(resource.id)?.gatewayArn.split('/').pop();
    return consoleHome(
      region,
      'storagegateway',
      gatewayId ? `#/gateways/${encodeURIComponent(gatewayId)}` : '#/volumes',
    );
  },
};
