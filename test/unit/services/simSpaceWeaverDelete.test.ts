// SimSpace Weaver delete (S3 HeadObject, then DeleteObject of the snapshot's .zip): refusals, the exact requests and
// their order, the sentences for S3's errors, and how the listing and the status read leave out a snapshot whose
// object is gone although DescribeSimulation still names it (one HeadObject, none while a snapshot is written).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Resource, Snapshot, SnapshotRef, SnapshotState } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { snapshotGoneFor } from '../../../src/services/simSpaceWeaverObjects';
import { deleteErrorMessage, errorFacts } from '../../../src/snapshots/errorMessages';
import { fakeAws } from './fakeAws';

const deletion = svc.delete!;
const KEY = 'drills/snapshot/city-250612-1500-00.zip';
const where = { profile: 'dev', region: 'us-east-1', resourceName: 'city', snapshotName: 'city.zip' };
const s3Error = (name: string, status: number, message = 'UnknownError') =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

const snapshot = (state: SnapshotState, status = 'AVAILABLE', id = `s3://snaps/${KEY}`): Snapshot => ({
  service: 'simspaceweaver',
  id,
  name: 'city.zip',
  resourceId: 'city',
  state,
  status,
  details: [],
});

const described = (status: string, key?: string) => ({
  Name: 'city',
  Status: status,
  SnapshotS3Location: key ? { BucketName: 'snaps', ObjectKey: key } : undefined,
  $metadata: {},
});

const ref = (snapshotId: string, requestedAt = 0): SnapshotRef => ({
  service: 'simspaceweaver',
  profile: 'dev',
  region: 'us-east-1',
  resourceId: 'city',
  snapshotId,
  requestedAt,
});

describe('SimSpace Weaver delete', () => {
  it('refuses a snapshot being written, being deleted, failed, or not an S3 object', () => {
    assert.match(deletion.refusal(snapshot('creating', 'SNAPSHOT_IN_PROGRESS')) ?? '', /still being written/);
    assert.match(deletion.refusal(snapshot('deleting', 'DELETING')) ?? '', /already being deleted/);
    assert.match(deletion.refusal(snapshot('failed', 'STOPPED')) ?? '', /nothing to delete/);
    assert.match(deletion.refusal(snapshot('available', 'AVAILABLE', 'city.zip')) ?? '', /not an S3 object/);
    assert.match(deletion.refusal(snapshot('available', 'AVAILABLE', 's3://snaps/')) ?? '', /not an S3 object/);
    assert.equal(deletion.refusal(snapshot('available')), undefined);
    assert.deepEqual(deletion.iamActions, ['s3:DeleteObject', 's3:GetObject']);
  });

  it('sends exactly calls(): HeadObject, then DeleteObject of the bucket and key, to S3 in the region', async () => {
    const target = snapshot('available', 'AVAILABLE', 's3://snaps/a b/snapshot/city-250612-1500-00.zip');
    const input = { Bucket: 'snaps', Key: 'a b/snapshot/city-250612-1500-00.zip' };
    assert.deepEqual(deletion.calls(target), [
      { operation: 'HeadObject', input },
      { operation: 'DeleteObject', input },
    ]);
    assert.deepEqual(deletion.calls(snapshot('available', 'AVAILABLE', 'nope')), []);
    const { ctx, calls } = fakeAws({ HeadObjectCommand: () => ({}), DeleteObjectCommand: () => ({}) });
    assert.equal(await deletion.send(ctx, target), 'gone');
    assert.deepEqual(
      calls.map((c) => [c.kind, c.region, c.name, c.input]),
      [
        ['s3', 'us-east-1', 'HeadObjectCommand', input],
        ['s3', 'us-east-1', 'DeleteObjectCommand', input],
      ],
    );
    assert.ok(calls.every((c) => c.abortSignal === ctx.signal));
  });

  it('sends no DeleteObject when HeadObject finds no object; explains every error S3 answers', async () => {
    const { ctx, named } = fakeAws({
      HeadObjectCommand: () => {
        throw s3Error('NotFound', 404);
      },
    });
    const error = await deletion.send(ctx, snapshot('available')).catch((e: unknown) => e);
    assert.equal(named('DeleteObjectCommand').length, 0);
    const explain = (e: unknown) => deletion.explainError!(errorFacts(e), where) ?? '';
    assert.match(explain(error), /^The snapshot object city\.zip is gone from its bucket: it was already deleted/);
    assert.match(explain(s3Error('NoSuchKey', 404)), /already deleted/);
    assert.match(explain(s3Error('NoSuchBucket', 404)), /bucket of the snapshot city\.zip no longer exists/);
    assert.match(explain(s3Error('AccessDenied', 403)), /s3:GetObject and s3:DeleteObject .* s3:ListBucket/);
    assert.match(explain(s3Error('Unknown', 403)), /^Access denied: profile dev/, 'a HEAD 403 has no code');
    assert.match(explain(s3Error('Unknown', 301)), /not in us-east-1/, 'a HEAD 301 neither');
    assert.match(explain(s3Error('PermanentRedirect', 301)), /not in us-east-1/);
    assert.equal(explain(s3Error('SignatureDoesNotMatch', 403)), '', 'left to the common credential sentence');
    assert.match(
      deleteErrorMessage(s3Error('SignatureDoesNotMatch', 403), svc, deletion, where),
      /credentials of profile dev were rejected/,
    );
    assert.equal(explain(s3Error('InternalError', 500)), '');
  });

  it('lists a simulation without its latest snapshot once S3 answers 404 for the object', async () => {
    const { ctx, named } = fakeAws({
      describeSimulation: () => described('STARTED', KEY),
      HeadObjectCommand: () => {
        throw s3Error('NotFound', 404);
      },
    });
    const city = (await svc.getResource(ctx, 'city')) as Resource;
    assert.deepEqual(city.knownSnapshots, []);
    assert.ok(!city.details.some(([label]) => label === 'Latest snapshot'));
    assert.deepEqual((await svc.listSnapshots(ctx, city, {})).items, []);
    assert.deepEqual(named('HeadObjectCommand')[0]?.input, { Bucket: 'snaps', Key: KEY });
    assert.equal((await svc.getSnapshotStatuses(ctx, [ref(`s3://snaps/${KEY}`)])).size, 0);
  });

  it('keeps what DescribeSimulation says when S3 cannot tell (403), and checks nothing while writing', async () => {
    const denied = fakeAws({
      describeSimulation: () => described('STARTED', KEY),
      HeadObjectCommand: () => {
        throw s3Error('Unknown', 403);
      },
    });
    const city = (await svc.getResource(denied.ctx, 'city')) as Resource;
    assert.equal(city.knownSnapshots?.[0]?.id, `s3://snaps/${KEY}`);
    const found = fakeAws({ describeSimulation: () => described('STARTED', KEY), HeadObjectCommand: () => ({}) });
    assert.equal((await svc.getResource(found.ctx, 'city'))?.knownSnapshots?.length, 1);
    const writing = fakeAws({ describeSimulation: () => described('SNAPSHOT_IN_PROGRESS', KEY) });
    await svc.getResource(writing.ctx, 'city');
    const none = fakeAws({ describeSimulation: () => described('STARTED') });
    await svc.getResource(none.ctx, 'city');
    assert.equal(writing.named('HeadObjectCommand').length + none.named('HeadObjectCommand').length, 0);
  });

  it('a cancelled check throws instead of guessing', async () => {
    const controller = new AbortController();
    const { ctx } = fakeAws(
      {
        describeSimulation: () => described('STARTED', KEY),
        HeadObjectCommand: () => {
          controller.abort();
          throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        },
      },
      { signal: controller.signal },
    );
    await assert.rejects(svc.getResource(ctx, 'city'), /aborted/);
  });

  it('a status ref is gone for the deleted location, or for the snapshot recognised by its time', () => {
    const gone = { goneSnapshot: `s3://snaps/${KEY}` };
    const requested = Date.UTC(2025, 5, 12, 15, 0, 0);
    assert.equal(snapshotGoneFor(gone, ref(`s3://snaps/${KEY}`)), true);
    assert.equal(snapshotGoneFor(gone, ref('s3://snaps/drills/snapshot/city-250612-1500-01.zip', requested)), true);
    assert.equal(snapshotGoneFor(gone, ref('s3://other/drills/snapshot/city-250612-1500-01.zip', requested)), false);
    assert.equal(snapshotGoneFor(gone, ref('s3://snaps/x.zip', requested + 3_600_000)), false, 'asked for later');
    assert.equal(snapshotGoneFor({}, ref(`s3://snaps/${KEY}`)), false);
  });
});
