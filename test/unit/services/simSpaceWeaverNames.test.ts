// One name for a SimSpace Weaver snapshot everywhere: the file name of the object the service (and the emulator)
// writes, as the tree lists it, is the name the create path gives the operation (Snapshot Activity, the notification)
// and the one the confirmation's location promises, with the time stamp as a pattern until AWS takes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { isSnapshotObjectOf, objectSnapshot } from '../../../src/services/simSpaceWeaverListing';
import { simSpaceWeaverSnapshotKey } from '../../../src/validation';
import { fakeAws } from './fakeAws';

const destination = simSpaceWeaverService.destination!;
const values = { BucketName: 'weaver-demo', ObjectKeyPrefix: 'runs/e2e' };
// 999 ms into the second: the stamp cuts to the second (as the emulator's key does), it does not round up.
const takenAt = new Date(Date.UTC(2026, 10, 22, 15, 30, 59, 999));

test('the operation, the tree and the written object share one name: the object file name, cut to the second', () => {
  const key = simSpaceWeaverSnapshotKey(values.ObjectKeyPrefix, 'city-traffic', takenAt); // what the emulator writes
  assert.equal(key, 'runs/e2e/snapshot/city-traffic-261122-1530-59.zip');
  const listed = objectSnapshot('city-traffic', values.BucketName, key);
  assert.equal(destination.name(values, 'city-traffic', takenAt), 'city-traffic-261122-1530-59.zip');
  assert.equal(listed.name, destination.name(values, 'city-traffic', takenAt));
  assert.equal(destination.location(values, 'city-traffic', takenAt), listed.id);
});

test('the confirmation promises the pattern of the key the service writes, never a time AWS has not stamped', () => {
  const promised = destination.location(values, 'city-traffic');
  assert.equal(promised, 's3://weaver-demo/runs/e2e/snapshot/city-traffic-YYMMdd-HHmm-ss.zip');
  assert.match(destination.stampNote ?? '', /^YYMMdd-HHmm-ss: the UTC time/);
  const pattern = new RegExp(
    `^${promised.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('YYMMdd-HHmm-ss', '\\d{6}-\\d{4}-\\d{2}')}$`,
  );
  for (const at of [takenAt, new Date(Date.UTC(2030, 0, 1, 0, 0, 0)), new Date()]) {
    const written = destination.location(values, 'city-traffic', at);
    assert.match(written, pattern);
    assert.ok(isSnapshotObjectOf(written.replace('s3://weaver-demo/', ''), 'city-traffic'), 'the listing knows it');
  }
});

test('while it is written, the status read names the object AWS stamped, a second after the one expected', async () => {
  const requestedAt = Date.UTC(2024, 2, 5, 14, 22, 9, 900);
  const expectedKey = simSpaceWeaverSnapshotKey('p', 'city', new Date(requestedAt));
  const writtenKey = simSpaceWeaverSnapshotKey('p', 'city', new Date(requestedAt + 200)); // the next second
  assert.notEqual(writtenKey, expectedKey);
  const { ctx } = fakeAws({
    describeSimulation: () => ({
      Name: 'city',
      Status: 'SNAPSHOT_IN_PROGRESS',
      SnapshotS3Location: { BucketName: 'snaps', ObjectKey: writtenKey },
      $metadata: {},
    }),
  });
  const expected = `s3://snaps/${expectedKey}`;
  const ref = {
    service: 'simspaceweaver',
    profile: 'dev',
    region: 'us-east-1',
    resourceId: 'city',
    snapshotId: expected,
    requestedAt,
  };
  const status = (await simSpaceWeaverService.getSnapshotStatuses(ctx, [ref])).get(expected);
  assert.equal(status?.state, 'creating');
  assert.equal(status?.id, `s3://snaps/${writtenKey}`);
  assert.equal(status?.name, 'city-240305-1422-10.zip');
});
