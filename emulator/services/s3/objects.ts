/**
 * S3's object operations over the objects other services write (SimSpace Weaver's snapshot .zip files; an object being
 * written does not exist until it is done): HeadObject (200 with the object's headers; 404 without a body for a
 * missing key or bucket), DeleteObject (204, also for a key that does not exist, as S3 answers; 404 NoSuchBucket),
 * ListObjectsV2 (prefix, delimiter, start-after, max-keys, continuation tokens that resume after the last key, url
 * encoding when asked). A bucket of another region answers 301 PermanentRedirect with x-amz-bucket-region, as
 * HeadBucket does. HeadObject's Content-Length is the object's size (the size ListObjectsV2 reports); objects are
 * encrypted with their bucket's default encryption (SSE-S3, or SSE-KMS with the bucket's key).
 */
import { createHash } from 'node:crypto';
import { validateBucketName } from '../../../src/validation/index';
import { ApiError } from '../../protocols/types';
import { type CallContext, type Handler } from '../types';
import { type BucketRecord, bucketsOf, deleteObject, objectAt, objectsIn, type ObjectRecord } from './state';

const MAX_KEYS = 1000;

/** The bucket, when it exists in the request's region (else S3's error for it). */
export function bucketHere(ctx: CallContext, name: string): BucketRecord {
  if (validateBucketName(name).some((i) => i.severity === 'error')) {
    throw new ApiError('InvalidBucketName', 400, 'The specified bucket is not valid.');
  }
  const bucket = bucketsOf(ctx.account).get(name);
  if (!bucket) throw new ApiError('NoSuchBucket', 404, 'The specified bucket does not exist');
  if (bucket.region !== ctx.region) {
    throw new ApiError(
      'PermanentRedirect',
      301,
      'The bucket you are attempting to access must be addressed using the specified endpoint.',
      {},
      { 'x-amz-bucket-region': bucket.region },
    );
  }
  return bucket;
}

const written = (o: ObjectRecord): number => o.writtenAt ?? o.availableAt;
const digest = (o: ObjectRecord): string =>
  createHash('md5')
    .update(`${o.bucket}/${o.key}@${written(o)}`)
    .digest('hex');
/** A made-up but stable size (by bucket and key, the same after a reset reloads the data file): 1–64 MiB. */
const sizeOf = (o: ObjectRecord): number => {
  const hash = createHash('md5').update(`${o.bucket}/${o.key}`).digest('hex');
  return 1_048_576 + (Number.parseInt(hash.slice(0, 8), 16) % 66_060_288);
};

/** S3's `encoding-type=url`: keys URL-encoded, `/` kept, spaces as `+` (botocore decodes with unquote_plus). */
function encoder(input: Record<string, unknown>): (text: string) => string {
  if (input.EncodingType !== 'url') return (text) => text;
  return (text) => encodeURIComponent(text).replace(/%2F/g, '/').replace(/%20/g, '+');
}

interface Token {
  b: string;
  k: string;
}

function nextToken(bucket: string, after: string): string {
  return Buffer.from(JSON.stringify({ b: bucket, k: after } satisfies Token)).toString('base64url');
}

/** The key a token resumes after, or undefined when it is not a token of this bucket. */
function resumeAfter(bucket: string, token: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Token>;
    return parsed.b === bucket && typeof parsed.k === 'string' ? parsed.k : undefined;
  } catch {
    return undefined;
  }
}

/** The listing's entries in key order: objects, and common prefixes (each once) when a delimiter is given. */
function entries(objects: readonly ObjectRecord[], prefix: string, delimiter: string | undefined) {
  const out: Array<{ key: string; object?: ObjectRecord }> = [];
  for (const object of objects) {
    if (!object.key.startsWith(prefix)) continue;
    const at = delimiter ? object.key.indexOf(delimiter, prefix.length) : -1;
    if (at < 0) out.push({ key: object.key, object });
    else {
      const common = object.key.slice(0, at + (delimiter?.length ?? 0));
      if (out.at(-1)?.key !== common) out.push({ key: common });
    }
  }
  return out;
}

export const s3ObjectOperations: Readonly<Record<string, Handler>> = {
  HeadObject(ctx, input) {
    const bucket = bucketHere(ctx, input.Bucket as string);
    const object = objectAt(ctx.account, bucket.name, input.Key as string, ctx.now);
    if (!object) throw new ApiError('NoSuchKey', 404, 'The specified key does not exist.');
    return {
      AcceptRanges: 'bytes',
      // Header timestamps are HTTP dates (the serializer writes the text as it is).
      LastModified: new Date(written(object)).toUTCString(),
      ETag: `"${digest(object)}"`,
      ContentLength: sizeOf(object),
      ContentType: 'application/zip',
      ServerSideEncryption: bucket.kmsKeyId ? 'aws:kms' : 'AES256',
      SSEKMSKeyId: bucket.kmsKeyId,
    };
  },
  DeleteObject(ctx, input) {
    const bucket = bucketHere(ctx, input.Bucket as string);
    const key = input.Key as string;
    if (objectAt(ctx.account, bucket.name, key, ctx.now)) deleteObject(ctx.account, bucket.name, key);
    return {};
  },
  ListObjectsV2(ctx, input) {
    const bucket = bucketHere(ctx, input.Bucket as string);
    const max = (input.MaxKeys as number | undefined) ?? MAX_KEYS;
    if (!Number.isInteger(max) || max < 0) throw new ApiError('InvalidArgument', 400, 'max-keys must be >= 0');
    const prefix = (input.Prefix as string | undefined) ?? '';
    const delimiter = (input.Delimiter as string | undefined) || undefined;
    const token = input.ContinuationToken as string | undefined;
    const after = token === undefined ? (input.StartAfter as string | undefined) : resumeAfter(bucket.name, token);
    if (token !== undefined && after === undefined) {
      throw new ApiError('InvalidArgument', 400, 'The continuation token provided is incorrect');
    }
    const all = entries(objectsIn(ctx.account, bucket.name, ctx.now), prefix, delimiter).filter(
      (e) => after === undefined || Buffer.compare(Buffer.from(e.key), Buffer.from(after)) > 0,
    );
    const page = all.slice(0, Math.min(max, MAX_KEYS));
    const truncated = page.length < all.length;
    const last = page.at(-1);
    const encode = encoder(input);
    const objects = page.flatMap((e) => (e.object ? [e.object] : []));
    const commons = page.filter((e) => !e.object);
    return {
      Name: bucket.name,
      Prefix: encode(prefix),
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      MaxKeys: max,
      KeyCount: page.length,
      IsTruncated: truncated,
      Contents: objects.length
        ? objects.map((o) => ({
            Key: encode(o.key),
            LastModified: new Date(written(o)),
            ETag: `"${digest(o)}"`,
            Size: sizeOf(o),
            StorageClass: 'STANDARD',
          }))
        : undefined,
      CommonPrefixes: commons.length ? commons.map((e) => ({ Prefix: encode(e.key) })) : undefined,
      EncodingType: input.EncodingType,
      ContinuationToken: token,
      NextContinuationToken: truncated && last ? nextToken(bucket.name, last.key) : undefined,
      StartAfter: input.StartAfter === undefined ? undefined : encode(input.StartAfter as string),
    };
  },
};
