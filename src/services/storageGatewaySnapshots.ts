// Storage Gateway's snapshot reads. Volume snapshots are EBS snapshots, so they are listed and tracked with EC2
// DescribeSnapshots (as Storage Gateway's docs say): a volume's page, many volumes' at once, and in-flight states.
import type { DescribeSnapshotsResult, Snapshot as Ec2Snapshot } from '@aws-sdk/client-ec2';
import { ec2Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import { chunks, clampPageSize, details, groupBy, isoDate, newestFirst, toDate } from './common';
import type { AwsContext, Page, PageRequest, Resource, Snapshot, SnapshotRef, SnapshotState } from './service';
import { splitVolumeArn } from './storageGatewayListing';
import * as l10n from '../l10n';

/** EC2 DescribeSnapshots accepts 5–1000 results per page. */
const EC2_MIN_RESULTS = 5;
const EC2_MAX_RESULTS = 1000;
/** The most values we put in one EC2 filter. */
export const EC2_FILTER_VALUES = 200;

const ebsStates: Readonly<Record<string, SnapshotState>> = {
  pending: 'creating',
  completed: 'available',
  error: 'failed',
};

/** An EBS snapshot of a volume as the service's Snapshot. */
export function toVolumeSnapshot(service: string, snapshot: Ec2Snapshot, volumeArn: string): Snapshot {
  const id = snapshot.SnapshotId ?? '';
  const status = snapshot.State ?? 'unknown';
  const progress = snapshot.Progress ? Number.parseFloat(snapshot.Progress) : undefined;
  const createdAt = toDate(snapshot.StartTime);
  const encryption = ebsEncryption(snapshot);
  return {
    service,
    id,
    name: snapshot.Description || id,
    resourceId: volumeArn,
    state: ebsStates[status] ?? 'unknown',
    status,
    progress: progress !== undefined && Number.isFinite(progress) ? progress : undefined,
    createdAt,
    details: details([
      [l10n.t('Snapshot ID'), id],
      [l10n.t('Description'), snapshot.Description],
      [l10n.t('Volume'), snapshot.VolumeId],
      [l10n.t('State'), status],
      [l10n.t('State message'), snapshot.StateMessage],
      [l10n.t('Progress'), snapshot.Progress],
      [l10n.t('Started'), isoDate(createdAt)],
    ]),
    // DescribeSnapshots returns every tag of the snapshot (the Tags Storage Gateway's CreateSnapshot set).
    tags: (snapshot.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    // VolumeSize: the size of the volume it was taken of, in GiB.
    ...(snapshot.VolumeSize !== undefined ? { sizeBytes: snapshot.VolumeSize * GIB } : {}),
    ...(encryption ? { encryption } : {}),
    // Descriptions repeat (a nightly snapshot's is the same every night): the row shows the id too.
    ...(snapshot.Description && id ? { rowId: id } : {}),
  };
}

const GIB = 1024 ** 3;

/** Encrypted and KmsKeyId as the snapshot's encryption; undefined when the answer says neither. */
function ebsEncryption(snapshot: Ec2Snapshot): Snapshot['encryption'] {
  if (snapshot.Encrypted === false) return { encrypted: false };
  if (snapshot.Encrypted !== true) return undefined;
  return snapshot.KmsKeyId ? { encrypted: true, kmsKey: snapshot.KmsKeyId } : { encrypted: true };
}

async function ec2(ctx: AwsContext) {
  return ctx.clients.get(ec2Client, ctx.profile, ctx.region);
}

/** One page of a volume's snapshots (a `volume-id` filter). */
export async function listVolumeSnapshots(
  service: string,
  ctx: AwsContext,
  resource: Resource,
  page: PageRequest,
): Promise<Page<Snapshot>> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const volumeId = splitVolumeArn(resource.id)?.volumeId;
  if (!volumeId) throw new Error(l10n.t('Not a Storage Gateway volume ARN: {0}', resource.id));
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
    items: newestFirst((out.Snapshots ?? []).map((s) => toVolumeSnapshot(service, s, resource.id))),
    nextToken: out.NextToken || undefined,
  };
}

/**
 * Many volumes' snapshots in one DescribeSnapshots with a `volume-id` filter naming every volume asked for (at most
 * EC2_FILTER_VALUES); keyed by volume ARN. Undefined when they do not fit one page.
 */
export async function batchVolumeSnapshots(
  service: string,
  ctx: AwsContext,
  resources: readonly Resource[],
): Promise<Map<string, Snapshot[]> | undefined> {
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
    (s, volumeArn) => toVolumeSnapshot(service, s, volumeArn),
  );
}

/**
 * One DescribeSnapshots call for every in-flight snapshot of a profile and region (a `snapshot-id` filter, which
 * unlike SnapshotIds does not fail the whole call when one snapshot no longer exists); keyed by snapshot id.
 */
export async function volumeSnapshotStatuses(
  service: string,
  ctx: AwsContext,
  refs: readonly SnapshotRef[],
): Promise<Map<string, Snapshot>> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const client = await ec2(ctx);
  const volumeOf = new Map(refs.map((r) => [r.snapshotId, r.resourceId]));
  const result = new Map<string, Snapshot>();
  for (const ids of chunks([...volumeOf.keys()], EC2_FILTER_VALUES)) {
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
        if (volumeArn !== undefined) result.set(s.SnapshotId as string, toVolumeSnapshot(service, s, volumeArn));
      }
      token = out.NextToken || undefined;
    } while (token);
  }
  return result;
}

/**
 * The region's copies of Storage Gateway snapshots from another region: EBS snapshots carrying `tag` (the source
 * volume's ARN, which the copy keeps: a copy's own VolumeId is arbitrary), a page at a time.
 */
export async function listVolumeSnapshotCopies(
  service: string,
  ctx: AwsContext,
  page: PageRequest,
  tag: string,
): Promise<Page<Snapshot>> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const out = await (
    await ec2(ctx)
  ).send(
    new DescribeSnapshotsCommand({
      OwnerIds: ['self'],
      Filters: [{ Name: 'tag-key', Values: [tag] }],
      MaxResults: clampPageSize(page.pageSize, EC2_MIN_RESULTS, EC2_MAX_RESULTS, 100),
      NextToken: page.nextToken,
    }),
    { abortSignal: ctx.signal },
  );
  const volumeOf = (s: Ec2Snapshot) => s.Tags?.find((t) => t.Key === tag)?.Value ?? '';
  return {
    items: newestFirst((out.Snapshots ?? []).map((s) => toVolumeSnapshot(service, s, volumeOf(s)))),
    nextToken: out.NextToken || undefined,
  };
}
