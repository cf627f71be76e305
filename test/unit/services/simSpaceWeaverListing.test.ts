// SimSpace Weaver's listing by location (listSnapshotsAt: S3 ListObjectsV2 under the location's key prefix): the exact
// request, paging, which objects count as the simulation's snapshots, and that each is shaped like the latest snapshot
// the service lists from DescribeSimulation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Resource } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { isSnapshotObjectOf, parseS3Prefix } from '../../../src/services/simSpaceWeaverListing';
import { fakeAws } from './fakeAws';

const resource = { id: 'city', name: 'city', service: 'simspaceweaver' } as Resource;
const modified = new Date('2026-01-02T03:04:05.000Z');
const object = (Key: string) => ({ Key, LastModified: modified, Size: 1, ETag: '"e"' });

function listAt(location: string, contents: Array<{ Key?: string; LastModified?: Date }>, more?: string) {
  const aws = fakeAws({
    ListObjectsV2Command: () => ({
      Contents: contents,
      IsTruncated: more !== undefined,
      NextContinuationToken: more,
      $metadata: {},
    }),
  });
  const listing = svc.listSnapshotsAt;
  assert.ok(listing, 'SimSpace Weaver lists snapshots by location');
  return {
    ...aws,
    page: (pageSize?: number, nextToken?: string) => listing(aws.ctx, resource, location, { pageSize, nextToken }),
  };
}

describe('SimSpace Weaver listing by location', () => {
  it('sends one ListObjectsV2 to S3 in the region with the bucket, key prefix, page size and token', async () => {
    const { calls, ctx, page } = listAt('s3://snaps/nightly/snapshot/city-', [], 'next-2');
    const result = await page(5000, 'tok-1');
    assert.deepEqual(
      calls.map((c) => [c.kind, c.region, c.name, c.input]),
      [
        [
          's3',
          'us-east-1',
          'ListObjectsV2Command',
          { Bucket: 'snaps', Prefix: 'nightly/snapshot/city-', MaxKeys: 1000, ContinuationToken: 'tok-1' },
        ],
      ],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.deepEqual(result, { items: [], nextToken: 'next-2' }, 'an empty page may still have a next one');
    const bare = listAt('s3://snaps', []);
    assert.deepEqual(await bare.page(), { items: [], nextToken: undefined });
    assert.deepEqual(bare.calls[0]?.input, { Bucket: 'snaps', MaxKeys: 1000 }, 'no prefix: the whole bucket');
  });

  it('keeps only the simulation’s stamped .zip objects in a snapshot/ folder', async () => {
    const keys = [
      'nightly/snapshot/city-250101-0000-00.zip',
      'nightly/snapshot/city-250101-0000-01.zip',
      'nightly/snapshot/city-traffic-250101-0000-02.zip', // another simulation whose name starts the same
      'nightly/snapshot/city-250101-0000-03.zip.tmp',
      'nightly/snapshot/city-250101-0000-04.json',
      'nightly/snapshots/city-250101-0000-05.zip', // not the folder SimSpace Weaver writes to
      'nightly/snapshot/old/city-250101-0000-06.zip',
      'nightly/snapshot/town-250101-0000-07.zip',
      'nightly/snapshot/city-latest.zip',
      'nightly2/snapshot/city-250101-0000-08.zip', // another prefix
    ];
    const { page } = listAt('s3://snaps/nightly/', [...keys.map(object), { LastModified: modified }]);
    assert.deepEqual(
      (await page()).items.map((s) => s.name),
      ['city-250101-0000-00.zip', 'city-250101-0000-01.zip'],
    );
  });

  it('makes each object a snapshot shaped like the latest one DescribeSimulation names', async () => {
    const key = 'p/snapshot/city-240305-1422-09.zip';
    const { page } = listAt('s3://snaps/p', [object(key)]);
    const [listed] = (await page()).items;
    assert.deepEqual(listed, {
      service: 'simspaceweaver',
      id: `s3://snaps/${key}`,
      name: 'city-240305-1422-09.zip',
      resourceId: 'city',
      state: 'available',
      status: 'AVAILABLE',
      createdAt: new Date('2024-03-05T14:22:09.000Z'),
      details: [
        ['Location', `s3://snaps/${key}`],
        ['Simulation', 'city'],
        ['Created', '2024-03-05T14:22:09.000Z'],
      ],
      sizeBytes: 1,
    });
    const latest = fakeAws({
      describeSimulation: () => ({
        Name: 'city',
        Status: 'STARTED',
        SnapshotS3Location: { BucketName: 'snaps', ObjectKey: key },
      }),
      HeadObjectCommand: () => ({ ContentLength: 1, ServerSideEncryption: 'AES256' }),
    });
    // HeadObject also says how the latest one is encrypted (ListObjectsV2 does not).
    assert.deepEqual((await svc.listSnapshots(latest.ctx, resource, {})).items, [
      { ...listed, encryption: { encrypted: true, managedKey: 's3' } },
    ]);
  });

  it('takes the time from S3’s LastModified when the key’s stamp is not a time', async () => {
    const { page } = listAt('s3://snaps/p/', [object('p/snapshot/city-251399-2500-00.zip')]);
    assert.equal((await page()).items[0]?.createdAt?.toISOString(), modified.toISOString());
  });

  it('refuses a location that is not s3://, without a call', async () => {
    const { calls, page } = listAt('https://snaps/p', []);
    await assert.rejects(page(), /not an S3 location/);
    assert.equal(calls.length, 0);
  });

  it('parses locations and recognises snapshot keys at the bucket’s top too', () => {
    assert.deepEqual(parseS3Prefix('s3://b'), { bucket: 'b', prefix: '' });
    assert.deepEqual(parseS3Prefix('s3://b/'), { bucket: 'b', prefix: '' });
    assert.deepEqual(parseS3Prefix('s3://b/a/snapshot/x-'), { bucket: 'b', prefix: 'a/snapshot/x-' });
    assert.equal(parseS3Prefix('s3:///a'), undefined);
    assert.equal(isSnapshotObjectOf('snapshot/city-250101-0000-00.zip', 'city'), true);
    assert.equal(isSnapshotObjectOf('xsnapshot/city-250101-0000-00.zip', 'city'), false);
    assert.equal(isSnapshotObjectOf('city-250101-0000-00.zip', 'city'), false);
  });
});
