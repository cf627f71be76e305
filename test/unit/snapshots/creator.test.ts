import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DBClusterSnapshotAlreadyExistsFault } from '@aws-sdk/client-docdb';
import { SnapshotCreator, requestKey } from '../../../src/snapshots/creator';
import { Tracker } from '../../../src/snapshots/tracker';
import { silentLogger } from '../../../src/log';
import { docdbRules, simSpaceWeaverRules } from '../../../src/validation';
import type { Snapshot, SnapshotInput } from '../../../src/services/service';
import { FakeClock } from '../../support/fakeClock';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

function setup(service: FakeService) {
  const tracker = new Tracker({
    serviceById: () => service,
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock: new FakeClock(),
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  const creator = new SnapshotCreator({ clients: noClients, tracker, log: silentLogger });
  const target = { profile: 'default', region: 'us-east-1', service, resource: resource('orders') };
  return { tracker, creator, target };
}

const valid = { values: { DBClusterSnapshotIdentifier: 'nightly-1' }, tags: [{ key: 'team', value: 'data' }] };

test('valid input: exactly one create call, and the tracker follows the snapshot', async () => {
  const service = fakeService({ id: 'docdb', rules: docdbRules });
  const { creator, tracker, target } = setup(service);
  const outcome = await creator.create(target, valid);
  assert.equal(outcome.kind, 'started');
  assert.equal(service.createCalls.length, 1);
  assert.deepEqual(service.createCalls[0]?.input, valid);
  assert.equal(tracker.running()[0]?.state, 'running');
  assert.equal(tracker.running()[0]?.snapshotId, 'id-nightly-1');
});

test('invalid input never reaches AWS', async () => {
  const service = fakeService({ id: 'docdb', rules: docdbRules });
  const { creator, tracker, target } = setup(service);
  const inputs: SnapshotInput[] = [
    { values: { DBClusterSnapshotIdentifier: '1bad' }, tags: [] },
    { values: { DBClusterSnapshotIdentifier: 'ok' }, tags: [{ key: 'aws:reserved', value: 'x' }] },
    { values: {}, tags: [] },
    { values: { DBClusterSnapshotIdentifier: 'ok', Unknown: 'x' }, tags: [] },
  ];
  for (const input of inputs) {
    const outcome = await creator.create(target, input);
    assert.equal(outcome.kind, 'invalid', JSON.stringify(input));
  }
  assert.equal(service.createCalls.length, 0);
  assert.equal(tracker.operations().length, 0);
});

test('the same resource and name submitted twice while pending: one create call', async () => {
  let release: (s: Snapshot) => void = () => undefined;
  const service = fakeService({
    id: 'docdb',
    rules: docdbRules,
    create: () => new Promise<Snapshot>((resolve) => (release = resolve)),
  });
  const { creator, target } = setup(service);
  const first = creator.create(target, valid);
  // Same name in other letter case: DocumentDB stores it lowercase, so it is the same snapshot.
  const second = await creator.create(target, { ...valid, values: { DBClusterSnapshotIdentifier: 'Nightly-1' } });
  assert.equal(second.kind, 'duplicate');
  release(snapshot('nightly-1', 'creating'));
  assert.equal((await first).kind, 'started');
  const third = await creator.create(target, valid);
  assert.equal(third.kind, 'duplicate', 'still refused while the snapshot is being created');
  assert.equal(service.createCalls.length, 1);
  const other = creator.create(target, { ...valid, values: { DBClusterSnapshotIdentifier: 'nightly-2' } });
  release(snapshot('nightly-2', 'creating'));
  assert.equal((await other).kind, 'started', 'another name is another request');
  assert.equal(service.createCalls.length, 2);
});

test('a refused create yields the mapped message and a failed operation', async () => {
  const service = fakeService({
    id: 'docdb',
    rules: docdbRules,
    create: () => Promise.reject(new DBClusterSnapshotAlreadyExistsFault({ message: 'exists', $metadata: {} })),
  });
  const { creator, tracker, target } = setup(service);
  const outcome = await creator.create(target, valid);
  assert.equal(outcome.kind, 'failed');
  assert.match(outcome.kind === 'failed' ? outcome.message : '', /"nightly-1" already exists/);
  assert.equal(tracker.operations()[0]?.state, 'failed');
  assert.equal(tracker.findRunning(requestKey(target, valid)), undefined, 'a failed request can be sent again');
});

test('SimSpace Weaver operations are named by the file name the tree shows', async () => {
  const written = 's3://b-1/runs/snapshot/MySim-261122-1530-01.zip';
  const service = fakeService({
    id: 'simspaceweaver',
    rules: simSpaceWeaverRules,
    create: async () => snapshot(written, 'creating', { name: 'MySim-261122-1530-01.zip', resourceId: 'MySim' }),
  });
  const { creator, tracker } = setup(service);
  const target = { profile: 'p', region: 'us-west-2', service, resource: resource('MySim') };
  let begun = '';
  await creator.create(target, { values: { BucketName: 'b-1', ObjectKeyPrefix: 'runs' }, tags: [] }, (op) => {
    begun = op.snapshotName;
  });
  assert.match(begun, /^MySim-\d{6}-\d{4}-\d{2}\.zip$/, 'named as the tree will, before AWS answers');
  assert.equal(tracker.operations()[0]?.snapshotName, begun);
  assert.equal(tracker.operations()[0]?.snapshotId, written);
});
