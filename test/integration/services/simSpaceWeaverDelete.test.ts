// SimSpace Weaver delete against the emulator through the real client factory and @aws-sdk/client-s3: the demo
// snapshot of crowd-evacuation (its .zip seeded in the bucket) deleted with S3 HeadObject then DeleteObject is gone
// (HeadObject 404) while DescribeSimulation still names it, and the listing, getResource, listSnapshots and the status
// read no longer show it; the listing's cost (one HeadObject per simulation that names a snapshot); the errors S3
// answers arrive as themselves and are explained.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DeleteObjectCommand, HeadObjectCommand, NotFound, S3Client } from '@aws-sdk/client-s3';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';
import type { AwsContext, Resource, Snapshot, SnapshotRef } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { deleteErrorMessage, errorFacts } from '../../../src/snapshots/errorMessages';
import { type EmulatorHarness, operations, startHarness } from './emulatorContext';

const BUCKET = 'weaver-demo-snapshots-use1';
const KEY = 'drills/snapshot/crowd-evacuation-250612-1500-00.zip';
const DEMO = `s3://${BUCKET}/${KEY}`;
const deletion = svc.delete!;
const where = { profile: 'demo', region: 'us-east-1', resourceName: 'crowd-evacuation', snapshotName: 'drill.zip' };

async function latestOf(ctx: AwsContext, simulation: string): Promise<Snapshot> {
  const resource = (await svc.getResource(ctx, simulation)) as Resource;
  const [snapshot] = (await svc.listSnapshots(ctx, resource, {})).items;
  assert.ok(snapshot, simulation);
  return snapshot;
}

const refOf = (snapshot: Snapshot, requestedAt = 0): SnapshotRef => ({
  service: svc.id,
  profile: 'demo',
  region: 'us-east-1',
  resourceId: snapshot.resourceId,
  snapshotId: snapshot.id,
  requestedAt,
});

/** The error `call` failed with, asserted to carry `code` and HTTP `status`. */
async function failure(call: Promise<unknown>, code: string, status: number): Promise<unknown> {
  const error = await call.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  const facts = errorFacts(error);
  assert.equal(facts.code, code, facts.message);
  assert.equal(facts.httpStatus, status);
  return error;
}

describe('SimSpace Weaver delete against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  const s3 = () =>
    new S3Client({ region: 'us-east-1', endpoint: h.url, forcePathStyle: true, credentials: DEMO_CREDENTIALS[0]! });

  it('deletes the demo snapshot object: HeadObject, DeleteObject, then gone everywhere the service looks', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await latestOf(ctx, 'crowd-evacuation');
    assert.equal(snapshot.id, DEMO);
    assert.equal(deletion.refusal(snapshot), undefined);
    const request = { Bucket: BUCKET, Key: KEY };
    assert.deepEqual(deletion.calls(snapshot), [
      { operation: 'HeadObject', input: request },
      { operation: 'DeleteObject', input: request },
    ]);
    assert.ok(await s3().send(new HeadObjectCommand(request)), 'the seeded object is there');
    const from = (await h.calls()).length;
    assert.equal(await deletion.send(ctx, snapshot), 'gone');
    assert.deepEqual(await operations(h, from), ['HeadObject', 'DeleteObject']);

    await assert.rejects(s3().send(new HeadObjectCommand(request)), NotFound);
    // AWS keeps naming the location; the service checks the object.
    const described = await (
      await ctx.clients.get(simSpaceWeaverClient, 'demo', 'us-east-1')
    ).describeSimulation({ Simulation: 'crowd-evacuation' });
    assert.deepEqual(described.SnapshotS3Location, { BucketName: BUCKET, ObjectKey: KEY });
    const listed = (await svc.listResources(ctx, {})).items.find((s) => s.id === 'crowd-evacuation');
    assert.deepEqual(listed?.knownSnapshots, []);
    const resource = (await svc.getResource(ctx, 'crowd-evacuation')) as Resource;
    assert.deepEqual(resource.knownSnapshots, []);
    assert.deepEqual((await svc.listSnapshots(ctx, resource, {})).items, []);
    assert.equal((await svc.getSnapshotStatuses(ctx, [refOf(snapshot)])).size, 0, 'the status read finds nothing');

    const again = await failure(deletion.send(ctx, snapshot), 'NotFound', 404);
    assert.match(deleteErrorMessage(again, svc, deletion, where), /is gone from its bucket: it was already deleted/);
  });

  it('costs one HeadObject per listed simulation that names a snapshot (none for the others)', async () => {
    const ctx = h.ctx('us-east-1');
    const from = (await h.calls()).length;
    const simulations = (await svc.listResources(ctx, {})).items;
    const listing = await operations(h, from);
    const named = simulations.filter((s) => s.knownSnapshots?.length).length;
    assert.equal(named, 1, 'crowd-evacuation');
    assert.deepEqual(listing.sort(), ['DescribeSimulation', 'DescribeSimulation', 'HeadObject', 'ListSimulations']);
    const bulk = (await h.calls()).length;
    const west = (await svc.listResources(h.ctx('eu-west-1'), { pageSize: 100 })).items;
    const ops = await operations(h, bulk);
    assert.equal(ops.filter((op) => op === 'HeadObject').length, west.filter((s) => s.knownSnapshots?.length).length);
  });

  it('a snapshot taken, then deleted: the create status read no longer finds it, and the simulation still runs', async () => {
    const ctx = h.ctx('us-east-1');
    const city = (await svc.getResource(ctx, 'city-traffic')) as Resource;
    const requestedAt = Date.now();
    const made = await svc.createSnapshot(ctx, city, {
      values: { BucketName: BUCKET, ObjectKeyPrefix: 'it-delete' },
      tags: [],
    });
    const taken = await latestOf(ctx, 'city-traffic');
    assert.equal((await svc.getSnapshotStatuses(ctx, [refOf(made, requestedAt)])).get(made.id)?.state, 'available');
    assert.equal(await deletion.send(ctx, taken), 'gone');
    assert.equal((await svc.getSnapshotStatuses(ctx, [refOf(made, requestedAt)])).size, 0);
    const refs = [refOf(made, requestedAt), refOf({ ...taken, resourceId: 'crowd-evacuation', id: DEMO })];
    const both = await svc.getSnapshotStatuses(ctx, refs);
    assert.deepEqual([...both.keys()], [DEMO], 'several simulations: the deleted one only is left out');
    assert.equal((await svc.getResource(ctx, 'city-traffic'))?.status, 'STARTED');
  });

  it('answers the errors S3 does: a missing bucket, a bucket of another Region; each explained', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await latestOf(ctx, 'crowd-evacuation');
    const elsewhere = { ...snapshot, id: 's3://no-such-bucket-here/x/snapshot/a-250101-0000-00.zip' };
    const missing = await failure(deletion.send(ctx, elsewhere), 'NotFound', 404);
    assert.match(deleteErrorMessage(missing, svc, deletion, where), /already deleted/);
    await failure(s3().send(new DeleteObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'x' })), 'NoSuchBucket', 404);
    const other = { ...snapshot, id: 's3://weaver-demo-snapshots-euw1/x/snapshot/a-250101-0000-00.zip' };
    const moved = await deletion.send(ctx, other).then(
      () => assert.fail('expected a redirect'),
      (e: unknown) => e,
    );
    assert.equal(errorFacts(moved).httpStatus, 301);
    assert.match(deleteErrorMessage(moved, svc, deletion, where), /not in us-east-1/);
    // DeleteObject of a key that does not exist succeeds, as S3's does (the HeadObject first is what tells).
    assert.ok(await s3().send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'never/written.zip' })));
    assert.ok(await s3().send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY })), 'the demo object is untouched');
  });
});
