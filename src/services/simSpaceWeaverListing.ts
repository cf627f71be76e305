// SimSpace Weaver snapshots as Snapshot objects: the latest one DescribeSimulation names, and (the seam
// `listSnapshotsAt`, src/services/service.ts) every one SimSpace Weaver wrote for a simulation under an S3 location,
// listed with S3 ListObjectsV2: the objects `…snapshot/<simulation>-YYMMdd-HHmm-ss.zip` whose keys start with the
// location's key prefix. DescribeSimulation only knows the latest; retention needs the older ones too
// (src/plans/runRetention.ts).
import { s3Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import { clampPageSize, details, isoDate, toDate } from './common';
import type { AwsContext, Page, PageRequest, Resource, Snapshot } from './service';
import { type DescribedSimulation, s3Uri, snapshotKeyTime, type SnapshotObjectFacts } from './simSpaceWeaverSnapshots';
import * as l10n from '../l10n';

const ID = 'simspaceweaver';
/** ListObjectsV2's largest page. */
const MAX_KEYS = 1000;
/** What follows `<simulation>-` in the file name of a snapshot object SimSpace Weaver writes. */
const STAMPED_ZIP = /^\d{6}-\d{4}-\d{2}\.zip$/;

/**
 * The snapshot object `key` in `bucket`, of `simulation`: created at the key's time stamp, else `lastModified`; its
 * size and encryption as far as S3 said (`facts`).
 */
export function objectSnapshot(
  simulation: string,
  bucket: string,
  key: string,
  lastModified?: Date,
  facts: SnapshotObjectFacts = {},
): Snapshot {
  const id = s3Uri(bucket, key);
  const createdAt = snapshotKeyTime(key) ?? lastModified;
  return {
    service: ID,
    id,
    name: key.split('/').pop() || key,
    resourceId: simulation,
    state: 'available',
    status: 'AVAILABLE',
    createdAt,
    details: details([
      [l10n.t('Location'), id],
      [l10n.t('Simulation'), simulation],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
    ...(facts.sizeBytes !== undefined ? { sizeBytes: facts.sizeBytes } : {}),
    ...(facts.encryption ? { encryption: facts.encryption } : {}),
  };
}

/**
 * The simulation's latest snapshot as a Snapshot, or undefined when it has none; with the size and encryption of its
 * object when HeadObject was asked (`snapshotObject`, see ./simSpaceWeaverObjects).
 */
export function latestSnapshot(
  simulation: string,
  described: DescribedSimulation & { readonly snapshotObject?: SnapshotObjectFacts },
): Snapshot | undefined {
  const location = described.SnapshotS3Location;
  if (!location?.BucketName || !location.ObjectKey) return undefined;
  return objectSnapshot(simulation, location.BucketName, location.ObjectKey, undefined, described.snapshotObject);
}

function sizeOf(size: number | undefined): SnapshotObjectFacts {
  return size === undefined ? {} : { sizeBytes: size };
}

/** `s3://bucket` or `s3://bucket/key-prefix` as its bucket and key prefix (possibly empty); undefined otherwise. */
export function parseS3Prefix(location: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/s.exec(location);
  return match ? { bucket: match[1] as string, prefix: match[2] ?? '' } : undefined;
}

/**
 * Whether `key` names a snapshot object SimSpace Weaver writes for `simulation`: in a folder `snapshot/` (at the
 * bucket's top or under a prefix), named `<simulation>-YYMMdd-HHmm-ss.zip`. The whole stamp must follow, so another
 * simulation whose name starts the same (`city` and `city-traffic`) never counts.
 */
export function isSnapshotObjectOf(key: string, simulation: string): boolean {
  const slash = key.lastIndexOf('/');
  const folder = key.slice(0, slash + 1);
  const file = key.slice(slash + 1);
  return (
    (folder === 'snapshot/' || folder.endsWith('/snapshot/')) &&
    file.startsWith(`${simulation}-`) &&
    STAMPED_ZIP.test(file.slice(simulation.length + 1))
  );
}

/**
 * One page of the simulation's snapshot objects whose keys start with the location's key prefix: one S3
 * ListObjectsV2 in the context's region (where a simulation's bucket is). A page may hold none of them and still have
 * a next one. An S3 error (no such bucket, access denied) is thrown.
 */
export async function listSimSpaceWeaverSnapshotsAt(
  ctx: AwsContext,
  resource: Resource,
  location: string,
  page: PageRequest,
): Promise<Page<Snapshot>> {
  const where = parseS3Prefix(location);
  if (!where) throw new Error(l10n.t('{0} is not an S3 location (s3://bucket/prefix).', location));
  const { ListObjectsV2Command } = await loadSdk();
  const client = await ctx.clients.get(s3Client, ctx.profile, ctx.region);
  const out = await client.send(
    new ListObjectsV2Command({
      Bucket: where.bucket,
      Prefix: where.prefix || undefined,
      MaxKeys: clampPageSize(page.pageSize, 1, MAX_KEYS),
      ContinuationToken: page.nextToken,
    }),
    { abortSignal: ctx.signal },
  );
  const items = (out.Contents ?? []).flatMap((o) =>
    o.Key && o.Key.startsWith(where.prefix) && isSnapshotObjectOf(o.Key, resource.id)
      ? [objectSnapshot(resource.id, where.bucket, o.Key, toDate(o.LastModified), sizeOf(o.Size))]
      : [],
  );
  return { items, nextToken: (out.IsTruncated && out.NextContinuationToken) || undefined };
}
