// The emulator's S3 objects through @aws-sdk/client-s3 (signatures verified): HeadObject's headers as the SDK parses
// them, DeleteObject's 204, ListObjectsV2 paged by MaxKeys and ContinuationToken (resuming after the last key, so a
// deletion between pages skips nothing), StartAfter, and the 301 of a bucket in another Region.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { SimSpaceWeaverClient } from '../../../src/aws/simspaceweaver/client';
import { rejects, START, startTestEmulator, type TestEmulator } from './helpers';

const BUCKET = 'weaver-demo-snapshots-use1';
const DEMO_KEY = 'drills/snapshot/crowd-evacuation-250612-1500-00.zip';

describe('emulator: s3 objects (HeadObject, DeleteObject, ListObjectsV2) with the SDK', () => {
  let emu: TestEmulator;
  let s3: S3Client;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 5 });
    s3 = new S3Client({ ...emu.config(), forcePathStyle: true });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  /** Snapshots of city-traffic under `prefixes`, each written (5 s) before the next. */
  async function snapshots(prefixes: string[]): Promise<void> {
    const weaver = new SimSpaceWeaverClient(emu.config());
    for (const prefix of prefixes) {
      await weaver.createSnapshot({
        Simulation: 'city-traffic',
        Destination: { BucketName: BUCKET, ObjectKeyPrefix: prefix },
      });
      emu.clock.advance(6_000);
    }
  }

  it('heads an object: LastModified, ETag and type; a missing key or bucket is NotFound', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: DEMO_KEY }));
    assert.equal(head.LastModified?.getTime(), Math.floor(START / 1000) * 1000, 'seeded: the load time');
    assert.match(head.ETag ?? '', /^"[0-9a-f]{32}"$/);
    assert.equal(head.ContentType, 'application/zip');
    await rejects(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nope.zip' })), { cls: NotFound, status: 404 });
    await rejects(s3.send(new HeadObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'x' })), { status: 404 });
  });

  it('an object being written does not exist yet: 404 until the snapshot is done', async () => {
    await new SimSpaceWeaverClient(emu.config()).createSnapshot({
      Simulation: 'city-traffic',
      Destination: { BucketName: BUCKET, ObjectKeyPrefix: 'writing' },
    });
    const listed = () => s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'writing/' }));
    assert.equal((await listed()).KeyCount, 0);
    emu.clock.advance(6_000);
    const [written] = (await listed()).Contents ?? [];
    assert.ok(written?.Key && (written.Size ?? 0) > 0);
    assert.ok(await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: written.Key })));
  });

  it('pages ListObjectsV2 by MaxKeys; a deletion between pages skips nothing; StartAfter; bad bucket', async () => {
    await snapshots(['p/a', 'p/b', 'p/c', 'p/d']);
    const first = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'p/', MaxKeys: 2 }));
    assert.equal(first.IsTruncated, true);
    assert.equal(first.KeyCount, 2);
    const firstKeys = (first.Contents ?? []).map((o) => o.Key);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: firstKeys[0] }));
    const second = await s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'p/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    assert.equal(second.IsTruncated, false);
    assert.equal(second.NextContinuationToken, undefined);
    const all = [...firstKeys, ...(second.Contents ?? []).map((o) => o.Key)];
    assert.deepEqual(
      all.map((k) => k?.slice(0, 4)),
      ['p/a/', 'p/b/', 'p/c/', 'p/d/'],
    );
    const rest = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'p/', StartAfter: firstKeys[1] }));
    assert.deepEqual(
      (rest.Contents ?? []).map((o) => o.Key?.slice(0, 4)),
      ['p/c/', 'p/d/'],
    );
    await rejects(s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' })), { cls: NoSuchBucket });
  });

  it('answers 301 with the bucket Region for a bucket of another Region', async () => {
    const west = new S3Client({ ...emu.config('eu-west-1'), forcePathStyle: true });
    const error = await rejects(west.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: DEMO_KEY })), { status: 301 });
    assert.equal(error.name, 'PermanentRedirect');
    assert.ok(await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: DEMO_KEY })), 'not deleted');
  });
});
