import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeKey } from '../../../src/snapshots/operationStore';
import { Tracker, type BeginRequest, type TrackerEvent } from '../../../src/snapshots/tracker';
import { silentLogger } from '../../../src/log';
import { docdbRules } from '../../../src/validation';
import type { Snapshot, SnapshotRef } from '../../../src/services/service';
import { FakeClock, settle } from '../../support/fakeClock';
import { fakeService, noClients, snapshot, type FakeService } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

function request(name: string, options: Partial<BeginRequest> = {}): BeginRequest {
  return {
    service: 'docdb',
    profile: 'default',
    region: 'us-east-1',
    resourceId: 'orders',
    resourceName: 'orders',
    snapshotName: name,
    input: { values: { DBClusterSnapshotIdentifier: name }, tags: [] },
    requestKey: `key-${name}`,
    ...options,
  };
}

interface Setup {
  readonly tracker: Tracker;
  readonly clock: FakeClock;
  readonly store: MemoryStore;
  readonly services: FakeService[];
  readonly events: TrackerEvent[];
}

function setup(
  status: (ref: SnapshotRef) => Snapshot | undefined,
  options: { store?: MemoryStore; clock?: FakeClock; maxMisses?: number; serviceIds?: string[] } = {},
): Setup {
  const clock = options.clock ?? new FakeClock();
  const store = options.store ?? new MemoryStore();
  const services = (options.serviceIds ?? ['docdb', 'neptune-graph']).map((id) =>
    fakeService({ id, rules: docdbRules, status }),
  );
  const tracker = new Tracker({
    serviceById: (id) => services.find((s) => s.id === id),
    clients: noClients,
    store,
    log: silentLogger,
    clock,
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
    maxMisses: options.maxMisses,
  });
  const events: TrackerEvent[] = [];
  tracker.onDidChange((e) => events.push(e));
  return { tracker, clock, store, services, events };
}

function start(tracker: Tracker, name: string, options: Partial<BeginRequest> = {}, progress?: number) {
  const op = tracker.begin(request(name, options));
  tracker.accepted(op.id, { id: `snap-${name}`, state: 'creating', status: 'creating', progress });
  return op;
}

test('N snapshots in one region and service cost one status call per tick', async () => {
  const { tracker, clock, services } = setup(() => snapshot('x', 'creating'));
  for (let i = 0; i < 12; i++) start(tracker, `s${i}`);
  await clock.advance(5000);
  const docdb = services[0];
  assert.equal(docdb?.statusCalls.length, 1);
  assert.equal(docdb?.statusCalls[0]?.refs.length, 12);
});

test('status calls grow with regions × services, not with the number of snapshots', async () => {
  const { tracker, clock, services } = setup(() => snapshot('x', 'creating'));
  for (let i = 0; i < 5; i++) start(tracker, `a${i}`);
  for (let i = 0; i < 5; i++) start(tracker, `b${i}`, { region: 'eu-west-1' });
  for (let i = 0; i < 5; i++) start(tracker, `c${i}`, { service: 'neptune-graph' });
  for (let i = 0; i < 5; i++) start(tracker, `d${i}`, { profile: 'prod' });
  await clock.advance(5000);
  const [docdb, neptune] = services;
  assert.equal(docdb?.statusCalls.length, 3, 'default/us-east-1, default/eu-west-1, prod/us-east-1');
  assert.equal(neptune?.statusCalls.length, 1);
  assert.deepEqual(docdb?.statusCalls.map((c) => `${c.ctx.profile}/${c.ctx.region}:${c.refs.length}`).sort(), [
    'default/eu-west-1:5',
    'default/us-east-1:5',
    'prod/us-east-1:5',
  ]);
});

test('polling backs off ×1.5 from the initial interval up to the cap, and starts again with new work', async () => {
  const { tracker, clock } = setup(() => snapshot('x', 'creating'));
  start(tracker, 'one');
  await clock.advance(200_000);
  assert.deepEqual(clock.armed.slice(0, 8), [5000, 7500, 11250, 16875, 25312.5, 30000, 30000, 30000]);
  const before = clock.armed.length;
  start(tracker, 'two');
  assert.equal(clock.armed[before], 5000, 'a new operation brings the next poll back to the initial interval');
});

test('no timer runs when nothing is in flight', async () => {
  const { tracker, clock } = setup((ref) => snapshot(ref.snapshotId, 'available'));
  start(tracker, 'one');
  await clock.advance(5000);
  assert.equal(tracker.running().length, 0);
  assert.equal(clock.timers.size, 0);
});

test('progress and status are followed until available; finished is reported exactly once', async () => {
  let progress = 10;
  let state: Snapshot['state'] = 'creating';
  const { tracker, clock, events } = setup((ref) => snapshot(ref.snapshotId, state, { progress, status: state }));
  const op = start(tracker, 'one');
  await clock.advance(5000);
  assert.equal(tracker.get(op.id)?.progress, 10);
  progress = 60;
  await clock.advance(7500);
  assert.equal(tracker.get(op.id)?.progress, 60);
  assert.equal(tracker.get(op.id)?.state, 'running');
  state = 'available';
  await clock.advance(11250);
  const done = tracker.get(op.id);
  assert.equal(done?.state, 'succeeded');
  assert.equal(done?.progress, 100);
  assert.equal(done?.endedAt, clock.now());
  await clock.advance(100_000);
  assert.equal(events.filter((e) => e.kind === 'finished').length, 1);
});

test('a snapshot the service reports failed ends the operation with a message', async () => {
  const { tracker, clock } = setup((ref) => snapshot(ref.snapshotId, 'failed', { status: 'failed' }));
  const op = start(tracker, 'one');
  await clock.advance(5000);
  assert.equal(tracker.get(op.id)?.state, 'failed');
  assert.match(tracker.get(op.id)?.error ?? '', /failed \(status failed\)/);
});

test('a snapshot AWS stops listing is reported gone after the allowed misses', async () => {
  const { tracker, clock } = setup(() => undefined, { maxMisses: 3 });
  const op = start(tracker, 'one');
  await clock.advance(5000 + 7500);
  assert.equal(tracker.get(op.id)?.state, 'running');
  await clock.advance(11250);
  assert.equal(tracker.get(op.id)?.state, 'failed');
  assert.match(tracker.get(op.id)?.error ?? '', /no longer lists/);
});

test('a failing status call keeps the operation running and says why', async () => {
  const { tracker, clock, services } = setup(() => snapshot('x', 'creating'));
  const docdb = services[0];
  assert.ok(docdb);
  docdb.getSnapshotStatuses = () => Promise.reject(new Error('socket hang up'));
  const op = start(tracker, 'one');
  await clock.advance(5000 + 7500);
  assert.equal(tracker.get(op.id)?.state, 'running');
  assert.equal(tracker.get(op.id)?.pollError, 'socket hang up');
  assert.equal(clock.timers.size, 1, 'it keeps polling');
});

test('cancel stops waiting for that operation only, and is reported once', async () => {
  const { tracker, clock, services, events } = setup(() => snapshot('x', 'creating'));
  const a = start(tracker, 'a');
  const b = start(tracker, 'b');
  tracker.cancel(a.id);
  assert.equal(tracker.cancel(a.id), undefined, 'a second cancel does nothing');
  await clock.advance(5000);
  assert.equal(tracker.get(a.id)?.state, 'cancelled');
  assert.deepEqual(
    services[0]?.statusCalls[0]?.refs.map((r) => r.snapshotId),
    ['snap-b'],
  );
  assert.equal(events.filter((e) => e.kind === 'finished' && e.operation.id === a.id).length, 1);
  assert.equal(tracker.get(b.id)?.state, 'running');
});

test('operations are persisted and resumed after a reload', async () => {
  const store = new MemoryStore();
  const first = setup((ref) => snapshot(ref.snapshotId, 'creating', { progress: 20 }), { store });
  const op = start(first.tracker, 'survivor');
  const lost = first.tracker.begin(request('lost'));
  await first.clock.advance(5000);
  await first.tracker.flush();
  first.tracker.dispose();
  assert.equal((store.get<unknown[]>(storeKey) ?? []).length, 2);

  // A new window: same store, new tracker.
  const second = setup((ref) => snapshot(ref.snapshotId, 'available'), { store });
  assert.equal(second.tracker.get(op.id)?.state, 'running');
  assert.equal(second.tracker.get(op.id)?.progress, 20);
  second.tracker.resume();
  assert.equal(
    second.tracker.get(lost.id)?.state,
    'failed',
    'a create call cut off by the reload is reported, not polled',
  );
  assert.match(second.tracker.get(lost.id)?.error ?? '', /window closed/);
  await second.clock.advance(5000);
  assert.equal(second.tracker.get(op.id)?.state, 'succeeded');
  assert.deepEqual(
    second.services[0]?.statusCalls[0]?.refs.map((r) => r.snapshotId),
    ['snap-survivor'],
  );
  await second.tracker.flush();
  const third = setup(() => undefined, { store });
  third.tracker.resume();
  await settle();
  assert.equal(
    third.events.filter((e) => e.kind === 'finished').length,
    0,
    'finished operations are not reported again',
  );
});

test('malformed persisted entries are dropped', () => {
  const store = new MemoryStore();
  store.data.set(storeKey, [{ id: 1 }, 'junk', null, { ...request('ok'), id: 'x', startedAt: 1, state: 'available' }]);
  const { tracker } = setup(() => undefined, { store });
  assert.deepEqual(
    tracker.operations().map((o) => o.id),
    ['x'],
  );
});

test('clear finished keeps running operations', async () => {
  const { tracker, clock } = setup((ref) =>
    ref.snapshotId === 'snap-done' ? snapshot('d', 'available') : snapshot('r', 'creating'),
  );
  start(tracker, 'done');
  const running = start(tracker, 'running');
  await clock.advance(5000);
  tracker.clearFinished();
  assert.deepEqual(
    tracker.operations().map((o) => o.id),
    [running.id],
  );
});

test('a running request key is found, a finished one is not', () => {
  const { tracker } = setup(() => undefined);
  const op = tracker.begin(request('x'));
  assert.equal(tracker.findRunning('key-x')?.id, op.id);
  tracker.failed(op.id, 'no');
  assert.equal(tracker.findRunning('key-x'), undefined);
});

test('the resources in progress use the tree key profile|region|service|resource', () => {
  const { tracker } = setup(() => undefined);
  start(tracker, 'x');
  assert.deepEqual([...tracker.resourcesInProgress()], ['default|us-east-1|docdb|orders']);
});

test('a create found under another id than AWS first gave takes that id and its name (a stamped object)', async () => {
  // SimSpace Weaver stamps the object with the second it took the snapshot: one later than the request's here.
  const written = { name: 'sim-261122-1530-01.zip', id: 's3://b/snapshot/sim-261122-1530-01.zip' };
  const { tracker, clock } = setup(() => snapshot(written.id, 'available', { name: written.name }));
  const op = tracker.begin(request('sim-261122-1530-00.zip'));
  tracker.accepted(op.id, { id: 's3://b/snapshot/sim-261122-1530-00.zip', state: 'creating', status: 'creating' });
  await clock.advance(5000);
  const done = tracker.get(op.id);
  assert.equal(done?.state, 'succeeded');
  assert.equal(done?.snapshotId, written.id);
  assert.equal(done?.snapshotName, written.name);
});
