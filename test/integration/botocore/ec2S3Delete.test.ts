// The delete calls of Storage Gateway's and SimSpace Weaver's snapshots through Python botocore with the seed's models,
// signatures verified: EC2 DeleteSnapshot (gone from DescribeSnapshots; NotFound, Malformed, DryRunOperation, and
// InUse while a Storage Gateway volume is restored from it), S3 HeadObject (200 with its headers, 404 without a body),
// DeleteObject (204, idempotent; NoSuchBucket) and ListObjectsV2 (prefix, delimiter, the model's paginator, a bad
// continuation token); shapes checked against the model.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type BotoCall } from './harness';
import { describeBotocore, everyItemOnce, ok, refused } from './suite';

const BUCKET = 'weaver-demo-snapshots-use1';
const DEMO_KEY = 'drills/snapshot/crowd-evacuation-250612-1500-00.zip';
const office = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B';
const deleteSnapshot = (SnapshotId: string, extra: Record<string, unknown> = {}): BotoCall => ({
  service: 'ec2',
  operation: 'DeleteSnapshot',
  params: { SnapshotId, ...extra },
});
const object = (operation: string, Key: string, Bucket = BUCKET): BotoCall => ({
  service: 's3',
  operation,
  params: { Bucket, Key },
});

describeBotocore('botocore: ec2 DeleteSnapshot, s3 HeadObject, DeleteObject and ListObjectsV2', (ctx) => {
  it('ec2: deletes a snapshot (gone from DescribeSnapshots) and answers its errors with their statuses', async () => {
    const [dryRun, deleted, described, again, malformed] = await ctx().boto.run([
      deleteSnapshot('snap-0a1b2c3d4e5f60001', { DryRun: true }),
      deleteSnapshot('snap-0a1b2c3d4e5f60001'),
      { service: 'ec2', operation: 'DescribeSnapshots', params: { SnapshotIds: ['snap-0a1b2c3d4e5f60001'] } },
      deleteSnapshot('snap-0a1b2c3d4e5f60001'),
      deleteSnapshot('snap-xyz'),
    ]);
    refused(dryRun, 'DryRunOperation', 412, /DryRun flag is set/);
    ok(deleted, 'ec2', 'DeleteSnapshot');
    refused(described, 'InvalidSnapshot.NotFound', 400);
    refused(again, 'InvalidSnapshot.NotFound', 400, /snap-0a1b2c3d4e5f60001/);
    refused(malformed, 'InvalidSnapshotID.Malformed', 400);
  });

  it('ec2: InvalidSnapshot.InUse while a Storage Gateway volume is restored from the snapshot, then deletes it', async () => {
    const restore = await ctx().boto.call({
      service: 'storagegateway',
      operation: 'CreateCachediSCSIVolume',
      params: {
        GatewayARN: office,
        VolumeSizeInBytes: 500 * 1024 ** 3,
        SnapshotId: 'snap-0a1b2c3d4e5f60002',
        TargetName: 'restoring',
        NetworkInterfaceId: '10.0.0.10',
        ClientToken: 'botocore-delete-in-use',
      },
    });
    ok(restore, 'storagegateway', 'CreateCachediSCSIVolume');
    const inUse = await ctx().boto.call(deleteSnapshot('snap-0a1b2c3d4e5f60002'));
    refused(inUse, 'InvalidSnapshot.InUse', 400, /in use by vol-/);
    ctx().emulator.clock.advance(10_000);
    ok(await ctx().boto.call(deleteSnapshot('snap-0a1b2c3d4e5f60002')), 'ec2', 'DeleteSnapshot');
  });

  it('s3: heads an object (200, its headers) and a missing one (404 without a body); deletes with 204, twice', async () => {
    const [head, missing, noBucket, deleted, again, after] = await ctx().boto.run([
      object('HeadObject', DEMO_KEY),
      object('HeadObject', 'drills/none.zip'),
      object('HeadObject', DEMO_KEY, 'no-such-bucket-here'),
      object('DeleteObject', DEMO_KEY),
      object('DeleteObject', DEMO_KEY),
      object('HeadObject', DEMO_KEY),
    ]);
    const headers = ok(head, 's3', 'HeadObject');
    assert.match(String(headers.ETag), /^"[0-9a-f]{32}"$/);
    assert.equal(headers.ContentType, 'application/zip');
    assert.ok(!Number.isNaN(Date.parse(String(headers.LastModified))), 'LastModified is an HTTP date botocore parses');
    refused(missing, '404', 404); // a HEAD error has no body: botocore names it by its status
    refused(noBucket, '404', 404);
    ok(deleted, 's3', 'DeleteObject', 204);
    ok(again, 's3', 'DeleteObject', 204); // S3 answers 204 for a key that does not exist
    refused(after, '404', 404);
    refused(await ctx().boto.call(object('DeleteObject', 'x', 'no-such-bucket-here')), 'NoSuchBucket', 404);
  });

  it('s3: lists objects by prefix and delimiter, pages them with the model paginator, refuses a bad token', async () => {
    // Three more snapshots of city-traffic in the bucket (each written once the 5 s snapshot is done).
    for (const prefix of ['paging/a', 'paging/b', 'paging/c']) {
      const created = await ctx().boto.call({
        service: 'simspaceweaver',
        operation: 'CreateSnapshot',
        params: { Simulation: 'city-traffic', Destination: { BucketName: BUCKET, ObjectKeyPrefix: prefix } },
      });
      ok(created, 'simspaceweaver', 'CreateSnapshot');
      ctx().emulator.clock.advance(6_000);
    }
    const list = (params: Record<string, unknown>): BotoCall => ({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: BUCKET, ...params },
    });
    const [byPrefix, grouped, paged, badToken, noBucket] = await ctx().boto.run([
      list({ Prefix: 'drills/' }),
      list({ Delimiter: '/' }),
      { ...list({ Prefix: 'paging/' }), paginate: true, pageSize: 2 },
      list({ ContinuationToken: 'not-a-token' }),
      { service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'no-such-bucket-here' } },
    ]);
    const drills = ok(byPrefix, 's3', 'ListObjectsV2');
    assert.deepEqual(
      (drills.Contents as { Key: string }[]).map((o) => o.Key),
      [DEMO_KEY],
    );
    assert.equal(drills.KeyCount, 1);
    assert.equal(drills.IsTruncated, false);
    const top = ok(grouped, 's3', 'ListObjectsV2');
    assert.deepEqual(
      (top.CommonPrefixes as { Prefix: string }[]).map((p) => p.Prefix),
      ['drills/', 'paging/'],
    );
    assert.equal(top.Contents, undefined);
    ok(paged, 's3', 'ListObjectsV2');
    assert.equal(paged?.pages?.length, 2);
    const keys = everyItemOnce(paged!, 'Contents', 'Key');
    assert.equal(keys.length, 3);
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(
      keys.every((k) => /^paging\/[abc]\/snapshot\/city-traffic-\d{6}-\d{4}-\d{2}\.zip$/.test(k)),
      keys.join(),
    );
    refused(badToken, 'InvalidArgument', 400, /continuation token/);
    refused(noBucket, 'NoSuchBucket', 404);
  });
});
