// Storage Gateway restore: a new cached or stored iSCSI volume from a volume's EBS snapshot, on a gateway of the
// same region. `prepare` reads what the form's defaults need (the snapshot's size, the region's gateways, the
// default stored gateway's disks, the source volume's target name and tags); the form is storageGatewayRestoreForm.
import type { Disk } from '@aws-sdk/client-storage-gateway';
import { loadSdk } from '../aws/sdkLoader';
import { defaultTargetName, snapshotGiB } from '../validation/storageGatewayRestore';
import type { RestoreSupport } from './restore';
import { notAvailableReason } from './restore';
import type { AwsContext, Resource, Snapshot } from './service';
import { gatewayClient, splitVolumeArn } from './storageGatewayListing';
import {
  buildRestoreForm,
  chooseDefaultDisk,
  chooseDefaultGateway,
  type VolumeRequest,
} from './storageGatewayRestoreForm';
import { explainStorageGatewayRestoreError } from './storageGatewayRestoreErrors';
import {
  readGateways,
  readLocalDisks,
  readSnapshot,
  readTargetNames,
  readVolumeTags,
  targetNameOf,
} from './storageGatewayRestoreReads';
import * as l10n from '../l10n';

const tagMembers = ['Tags', 'Tags.member.Key', 'Tags.member.Value'];

/** The source volume's target name from the tree's resource (its details carry the target ARN), else its id. */
function sourceTargetBase(snapshot: Snapshot, source: Resource | undefined): string {
  // The tree's "iSCSI target" detail is the target ARN, or the bare target name when AWS gave no ARN.
  const target = source?.details.find(([label]) => label === 'iSCSI target')?.[1];
  const fromTarget = target?.includes('/target/')
    ? targetNameOf({ VolumeiSCSIAttributes: { TargetARN: target } })
    : target;
  return fromTarget || splitVolumeArn(snapshot.resourceId)?.volumeId || source?.name || '';
}

/** Sends the create call the form built. */
async function sendRequest(
  ctx: AwsContext,
  request: VolumeRequest,
  signal?: AbortSignal,
): Promise<{ VolumeARN?: string }> {
  const { CreateCachediSCSIVolumeCommand, CreateStorediSCSIVolumeCommand } = (await loadSdk()).storageGateway;
  const client = await gatewayClient(ctx);
  const options = { abortSignal: signal ?? ctx.signal };
  return request.operation === 'CreateCachediSCSIVolume'
    ? client.send(new CreateCachediSCSIVolumeCommand(request.input), options)
    : client.send(new CreateStorediSCSIVolumeCommand(request.input), options);
}

export const storageGatewayRestore: RestoreSupport = {
  operation: 'CreateCachediSCSIVolume',
  iamActions: [
    'storagegateway:CreateCachediSCSIVolume',
    'storagegateway:CreateStorediSCSIVolume',
    'storagegateway:AddTagsToResource',
    'ec2:DescribeSnapshots',
    'storagegateway:ListGateways',
    'storagegateway:DescribeGatewayInformation',
    'storagegateway:ListLocalDisks',
    'storagegateway:ListVolumes',
    'storagegateway:DescribeCachediSCSIVolumes',
    'storagegateway:DescribeStorediSCSIVolumes',
    'storagegateway:ListTagsForResource',
  ],
  makes: 'volume',
  modelMembers: {
    CreateCachediSCSIVolume: [
      'GatewayARN',
      'VolumeSizeInBytes',
      'SnapshotId',
      'TargetName',
      'NetworkInterfaceId',
      'ClientToken',
      ...tagMembers,
    ],
    CreateStorediSCSIVolume: [
      'GatewayARN',
      'DiskId',
      'SnapshotId',
      'PreserveExistingData',
      'TargetName',
      'NetworkInterfaceId',
      ...tagMembers,
    ],
  },
  refusal: notAvailableReason,
  explainError: explainStorageGatewayRestoreError,

  async prepare(ctx, snapshot, source) {
    const sourceVolume = splitVolumeArn(snapshot.resourceId);
    const [facts, gateways] = await Promise.all([readSnapshot(ctx, snapshot.id), readGateways(ctx)]);
    if (!facts)
      throw new Error(l10n.t('Snapshot {0} no longer exists in {1}. Refresh the tree.', snapshot.id, ctx.region));
    const minGiB = snapshotGiB(facts.volumeSizeGiB);
    const defaultGateway = chooseDefaultGateway(gateways, sourceVolume?.gatewayArn, minGiB);
    const chosen = gateways.find((g) => g.arn === defaultGateway?.value);
    // One read per gateway's disks while this form lives: the default's now, another's when it is chosen.
    const disks = new Map<string, Promise<readonly Disk[]>>();
    const localDisks = (gatewayArn: string, signal?: AbortSignal): Promise<readonly Disk[]> => {
      let read = disks.get(gatewayArn);
      if (!read) {
        read = readLocalDisks(signal ? { ...ctx, signal } : ctx, gatewayArn);
        read.catch(() => disks.delete(gatewayArn));
        disks.set(gatewayArn, read);
      }
      return read;
    };
    const sourceStillThere = gateways.some((g) => g.arn === sourceVolume?.gatewayArn);
    const [defaultDisk, defaultTags] = await Promise.all([
      chosen?.type === 'STORED' ? localDisks(chosen.arn).then((d) => chooseDefaultDisk(d, minGiB)) : undefined,
      sourceStillThere ? readVolumeTags(ctx, snapshot.resourceId) : [],
    ]);
    const base = sourceTargetBase(snapshot, source);
    return buildRestoreForm(
      {
        snapshotId: snapshot.id,
        minGiB,
        gateways,
        defaultGateway,
        defaultTargetName: {
          value: defaultTargetName(base, snapshot.id),
          source: l10n.t("the source volume's target name and the snapshot id"),
        },
        defaultDisk,
        defaultTags,
      },
      {
        localDisks: (gatewayArn, signal) => localDisks(gatewayArn, signal),
        targetNames: (gateway, signal) => readTargetNames({ ...ctx, signal }, gateway),
        send: (request, signal) => sendRequest(ctx, request, signal),
      },
    );
  },
};
