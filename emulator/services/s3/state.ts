/**
 * S3's state: the account's buckets and the objects other services write to them (SimSpace Weaver's snapshot .zip
 * files). Bucket names are global, so the slices are account-wide; each bucket has a region.
 */
import { accountSlice } from '../../state/slices';
import { type AccountState } from '../../state/types';

export interface BucketRecord {
  name: string;
  region: string;
  createTime: number;
  /** The KMS key of its default encryption (SSE-KMS); absent: Amazon S3 managed keys (SSE-S3), S3's default. */
  kmsKeyId?: string;
}

/** An object some service wrote; it can be read from `availableAt` on (a snapshot is written while it is taken). */
export interface ObjectRecord {
  bucket: string;
  key: string;
  writtenBy: string;
  availableAt: number;
  /** When it was written, for LastModified (default: `availableAt`); seeded objects take the data file's load time. */
  writtenAt?: number;
}

const BUCKETS = accountSlice('s3', () => new Map<string, BucketRecord>());
const OBJECTS = accountSlice('s3.objects', () => new Map<string, ObjectRecord>());

/** Every bucket of the account by name (other services read it too: SimSpace Weaver's snapshot destinations). */
export function bucketsOf(account: AccountState): Map<string, BucketRecord> {
  return account.shared.get(BUCKETS);
}

const objectId = (bucket: string, key: string): string => `${bucket}/${key}`;

/** Records an object in a bucket (replacing one with the same key). */
export function putObject(account: AccountState, object: ObjectRecord): void {
  account.shared.get(OBJECTS).set(objectId(object.bucket, object.key), object);
}

/** The object at `bucket`/`key` once it is available at `now`, else undefined. */
export function objectAt(account: AccountState, bucket: string, key: string, now: number): ObjectRecord | undefined {
  const object = account.shared.get(OBJECTS).get(objectId(bucket, key));
  return object && now >= object.availableAt ? object : undefined;
}

/** Removes the object at `bucket`/`key`; false when there was none. */
export function deleteObject(account: AccountState, bucket: string, key: string): boolean {
  return account.shared.get(OBJECTS).delete(objectId(bucket, key));
}

/** The objects of `bucket` available at `now`, in key order (S3 lists keys in UTF-8 binary order). */
export function objectsIn(account: AccountState, bucket: string, now: number): ObjectRecord[] {
  return [...account.shared.get(OBJECTS).values()]
    .filter((o) => o.bucket === bucket && now >= o.availableAt)
    .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
}
