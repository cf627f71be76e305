// SimSpace Weaver snapshot objects in S3. DescribeSimulation keeps naming a simulation's latest snapshot location after
// its .zip is deleted from the bucket, so the listing (listResources' knownSnapshots, getResource, listSnapshots) and
// getSnapshotStatuses read a described simulation through `withSnapshotObject`: one S3 HeadObject of the object it
// names (not while a snapshot is being written), and a gone object leaves the simulation without a latest snapshot;
// the same HeadObject tells its size and encryption.
import { s3Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import type { AwsContext, SnapshotRef } from './service';
import {
  type DescribedSimulation,
  objectFacts,
  parseS3Uri,
  s3Uri,
  snapshotKeyTime,
  type SnapshotObjectFacts,
} from './simSpaceWeaverSnapshots';

/** How far the snapshot's own time stamp may lie before the request time (clock skew), as the status read allows. */
const CLOCK_SKEW_MS = 30_000;

/** A described simulation whose latest snapshot location was checked against S3. */
export interface CheckedSimulation extends DescribedSimulation {
  /** The location (s3://bucket/key) DescribeSimulation still names although S3 no longer has its object. */
  readonly goneSnapshot?: string;
  /** What HeadObject said of the object SnapshotS3Location names (its size, its encryption). */
  readonly snapshotObject?: SnapshotObjectFacts;
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** S3 answered that the object (or its bucket) does not exist: 404, whatever the SDK names it. */
export function isObjectNotFound(error: unknown): boolean {
  const name = field(error, 'name');
  const status = field(field(error, '$metadata'), 'httpStatusCode');
  return status === 404 || name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket';
}

/**
 * Whether the object exists (one HeadObject in the context's region, where a simulation's bucket is): false on a
 * 404; undefined when S3 did not say (access denied — without s3:ListBucket S3 answers 403 even for a missing object
 * —, a redirect, throttling, the network): then the caller keeps what SimSpace Weaver says. A cancelled call throws.
 */
export async function objectExists(ctx: AwsContext, bucket: string, key: string): Promise<boolean | undefined> {
  const head = await headObject(ctx, bucket, key);
  return head === undefined || head === false ? head : true;
}

/** Like `objectExists`, with what HeadObject said of an object that exists (its size and encryption). */
export async function headObject(
  ctx: AwsContext,
  bucket: string,
  key: string,
): Promise<SnapshotObjectFacts | false | undefined> {
  try {
    const { HeadObjectCommand } = await loadSdk();
    const client = await ctx.clients.get(s3Client, ctx.profile, ctx.region);
    const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal });
    return objectFacts(out);
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    return isObjectNotFound(error) ? false : undefined;
  }
}

/**
 * The simulation as described, without its SnapshotS3Location when S3 no longer has that object (`goneSnapshot`
 * names it then). A simulation with no location, or SNAPSHOT_IN_PROGRESS (the location names the object being
 * written), costs no call.
 */
export async function withSnapshotObject<T extends DescribedSimulation>(
  ctx: AwsContext,
  described: T,
): Promise<T & CheckedSimulation> {
  const location = described.SnapshotS3Location;
  if (!location?.BucketName || !location.ObjectKey || described.Status === 'SNAPSHOT_IN_PROGRESS') return described;
  const head = await headObject(ctx, location.BucketName, location.ObjectKey);
  if (head === undefined) return described;
  if (head !== false) return { ...described, snapshotObject: head };
  return { ...described, SnapshotS3Location: undefined, goneSnapshot: s3Uri(location.BucketName, location.ObjectKey) };
}

/**
 * Whether the status read's `ref` stands for the snapshot whose object is gone: the same location, or (a snapshot
 * recognised by its time, as getSnapshotStatuses does) one in the expected bucket written after the request. Such a
 * ref is not found: it was deleted.
 */
export function snapshotGoneFor(simulation: CheckedSimulation, ref: SnapshotRef): boolean {
  const gone = simulation.goneSnapshot;
  if (gone === undefined) return false;
  if (gone === ref.snapshotId) return true;
  const location = parseS3Uri(gone);
  const written = location ? snapshotKeyTime(location.key) : undefined;
  return (
    written !== undefined &&
    parseS3Uri(ref.snapshotId)?.bucket === location?.bucket &&
    written.getTime() >= Math.floor(ref.requestedAt / 1000) * 1000 - CLOCK_SKEW_MS
  );
}
