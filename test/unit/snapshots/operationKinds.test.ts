import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOperation } from '../../../src/snapshots/operation';
import { Tracker, type BeginRequest } from '../../../src/snapshots/tracker';
import { silentLogger } from '../../../src/log';
import { docdbRules } from '../../../src/validation';
import type { RestoredRef, Snapshot, SnapshotRef, TrackedState } from '../../../src/services/service';
import { FakeClock } from '../../support/fakeClock';
import { fakeService, noClients, snapshot } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

function request(options: Partial<BeginRequest>): BeginRequest {
  return {
    service: 'docdb',
    profile: 'default',
    region: 'us-east-1',
    resourceId: 'orders',
    resourceName: 'orders',
    snapshotName: 'nightly',
    snapshotId: 'nightly',
    input: { values: {}, tags: [] },
    requestKey: `key-${Math.random()}`,
    ...options,
  };
}

function setup(status: (ref: SnapshotRef) => Snapshot | undefined) {
  const clock = new FakeClock();
  const service = fakeService({ id: 'docdb', rules: docdbRules, status });
  const restoredCalls: { region: string; refs: readonly RestoredRef[] }[] = [];
  let restored = new Map<string, TrackedState>();
  service.getRestoredStatuses = (ctx, refs) => {
    restoredCalls.push({ region: ctx.region, refs });
    return Promise.resolve(new Map([...restored].filter(([id]) => refs.some((r) => r.resourceId === id))));
  };
  const tracker = new Tracker({
    serviceById: (id) => (id === 'docdb' ? service : undefined),
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock,
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
    maxMisses: 3,
  });
  const setRestored = (entries: [string, TrackedState['state']][]) => {
    restored = new Map(entries.map(([id, state]) => [id, { id, state, status: state }]));
  };
  return { tracker, clock, service, restoredCalls, setRestored };
}

test('a delete ends when AWS stops listing the snapshot, not after misses', async () => {
  let listed = true;
  const { tracker, clock } = setup((ref) => (listed ? snapshot(ref.snapshotId, 'deleting') : undefined));
  const op = tracker.begin(request({ kind: 'delete' }));
  tracker.accepted(op.id, { id: 'nightly', state: 'deleting', status: 'DELETING' });
  await clock.advance(5000);
  assert.equal(tracker.get(op.id)?.state, 'running');
  assert.equal(tracker.get(op.id)?.status, 'deleting');
  listed = false;
  await clock.advance(7500);
  assert.equal(tracker.get(op.id)?.state, 'succeeded');
});

test('a delete the call finished at once ends without polling', () => {
  const { tracker, clock } = setup(() => undefined);
  const op = tracker.begin(request({ kind: 'delete' }));
  tracker.accepted(op.id, 'gone');
  assert.equal(tracker.get(op.id)?.state, 'succeeded');
  assert.equal(clock.timers.size, 0);
});

test('a create still reads a deleting snapshot as a failure', async () => {
  const { tracker, clock } = setup(() => snapshot('x', 'deleting', { status: 'deleting' }));
  const op = tracker.begin(request({ snapshotId: undefined }));
  tracker.accepted(op.id, { id: 'x', state: 'creating', status: 'creating' });
  await clock.advance(5000);
  assert.equal(tracker.get(op.id)?.state, 'failed');
  assert.match(tracker.get(op.id)?.error ?? '', /being deleted/);
});

test('restores in one place share one resource status call and record the new id', async () => {
  const { tracker, clock, service, restoredCalls, setRestored } = setup(() => undefined);
  const a = tracker.begin(request({ kind: 'restore', target: { name: 'orders-a' } }));
  const b = tracker.begin(request({ kind: 'restore', target: { name: 'orders-b' } }));
  tracker.accepted(a.id, { id: 'orders-a', state: 'creating', status: 'creating' });
  tracker.accepted(b.id, { id: 'orders-b', state: 'creating', status: 'creating' });
  assert.equal(tracker.get(a.id)?.target?.id, 'orders-a');
  assert.equal(tracker.get(a.id)?.snapshotId, 'nightly', 'the source snapshot stays recorded');
  setRestored([
    ['orders-a', 'creating'],
    ['orders-b', 'available'],
  ]);
  await clock.advance(5000);
  assert.equal(restoredCalls.length, 1);
  assert.deepEqual(restoredCalls[0]?.refs.map((r) => r.resourceId).sort(), ['orders-a', 'orders-b']);
  assert.equal(service.statusCalls.length, 0, 'no snapshot status call for restores');
  assert.equal(tracker.get(a.id)?.state, 'running');
  assert.equal(tracker.get(b.id)?.state, 'succeeded');
});

test('a restored resource AWS never lists is reported after the allowed misses', async () => {
  const { tracker, clock } = setup(() => undefined);
  const op = tracker.begin(request({ kind: 'restore', target: { name: 'ghost' } }));
  tracker.accepted(op.id, { id: 'ghost', state: 'creating', status: 'creating' });
  await clock.advance(5000 + 7500 + 11250);
  assert.equal(tracker.get(op.id)?.state, 'failed');
  assert.match(tracker.get(op.id)?.error ?? '', /restored resource/);
});

test('a copy is followed in its destination region under the id AWS gave the copy', async () => {
  const { tracker, clock, service } = setup((ref) => snapshot(ref.snapshotId, 'available'));
  const op = tracker.begin(request({ kind: 'copy', target: { name: 'nightly-dr', region: 'eu-west-1' } }));
  tracker.accepted(op.id, { id: 'nightly-dr', state: 'creating', status: 'copying', progress: 0 });
  await clock.advance(5000);
  assert.equal(service.statusCalls.length, 1);
  assert.equal(service.statusCalls[0]?.ctx.region, 'eu-west-1');
  assert.deepEqual(
    service.statusCalls[0]?.refs.map((r) => r.snapshotId),
    ['nightly-dr'],
  );
  assert.equal(tracker.get(op.id)?.state, 'succeeded');
});

test('operations persisted by earlier versions read back as creates with the new state names', () => {
  const base = { ...request({}), id: 'x', startedAt: 1 };
  const { kind: _kind, ...legacy } = { ...base, kind: undefined };
  assert.equal(_kind, undefined);
  assert.deepEqual(
    [parseOperation({ ...legacy, state: 'creating' }), parseOperation({ ...legacy, state: 'available' })].map((o) => [
      o?.kind,
      o?.state,
    ]),
    [
      ['create', 'running'],
      ['create', 'succeeded'],
    ],
  );
  assert.equal(parseOperation({ ...base, kind: 'restore', state: 'running' }), undefined, 'a restore needs a target');
  assert.equal(parseOperation({ ...base, kind: 'shred', state: 'running' }), undefined);
});
