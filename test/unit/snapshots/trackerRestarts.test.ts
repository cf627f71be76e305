// The tracker across restarts, with a fake clock and service: polling goes on through connection errors (an endpoint
// restarting) and ends once when the endpoint answers again; a subject lost with the endpoint's state ends with a
// sentence that says so; a delete undone by a restart does not run for ever; a disposed tracker (a window closing)
// writes nothing more, and every change is in the store at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log';
import type { Snapshot, SnapshotRef } from '../../../src/services/service';
import { storeKey } from '../../../src/snapshots/operationStore';
import { Tracker, type BeginRequest, type TrackerEvent } from '../../../src/snapshots/tracker';
import { docdbRules } from '../../../src/validation';
import { FakeClock } from '../../support/fakeClock';
import { fakeService, noClients, snapshot } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

function request(options: Partial<BeginRequest> = {}): BeginRequest {
  return {
    service: 'docdb',
    profile: 'default',
    region: 'us-east-1',
    resourceId: 'orders',
    resourceName: 'orders',
    snapshotName: 'nightly',
    input: { values: {}, tags: [] },
    requestKey: `key-${Math.random()}`,
    ...options,
  };
}

/** `answer` returns the snapshot, undefined (not listed), or 'down' (the connection is refused). */
function setup(answer: (ref: SnapshotRef) => Snapshot | undefined | 'down', store = new MemoryStore()) {
  const clock = new FakeClock();
  const service = fakeService({ id: 'docdb', rules: docdbRules });
  service.getSnapshotStatuses = async (_ctx, refs) => {
    const found = new Map<string, Snapshot>();
    for (const ref of refs) {
      const s = answer(ref);
      if (s === 'down') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
      if (s) found.set(ref.snapshotId, s);
    }
    return found;
  };
  const tracker = new Tracker({
    serviceById: (id) => (id === 'docdb' ? service : undefined),
    clients: noClients,
    store,
    log: silentLogger,
    clock,
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
    maxMisses: 3,
  });
  const events: TrackerEvent[] = [];
  tracker.onDidChange((e) => events.push(e));
  const finished = () => events.filter((e) => e.kind === 'finished');
  return { tracker, clock, store, finished };
}

test('a create polls on through refused connections and ends once when the endpoint answers again', async () => {
  let state: 'down' | 'creating' | 'available' = 'creating';
  const { tracker, clock, finished } = setup((ref) => (state === 'down' ? 'down' : snapshot(ref.snapshotId, state)));
  const op = tracker.begin(request());
  tracker.accepted(op.id, { id: 'nightly', state: 'creating', status: 'creating' });
  state = 'down';
  for (let i = 0; i < 20; i++) await clock.advance(30_000); // far more polls than maxMisses
  assert.equal(tracker.get(op.id)?.state, 'running', 'connection errors are not misses');
  assert.match(tracker.get(op.id)?.pollError ?? '', /ECONNREFUSED/);
  assert.equal(clock.timers.size, 1, 'the next poll is armed');
  state = 'available';
  await clock.advance(30_000);
  assert.equal(tracker.get(op.id)?.state, 'succeeded');
  assert.equal(tracker.get(op.id)?.pollError, undefined);
  assert.equal(finished().length, 1);
  await clock.advance(120_000);
  assert.equal(finished().length, 1, 'ended once');
  assert.equal(clock.timers.size, 0, 'nothing left to poll');
});

test('a create whose snapshot is gone after an outage (endpoint restarted without its state) fails and says so', async () => {
  let down = true;
  const { tracker, clock, finished } = setup(() => (down ? 'down' : undefined));
  const op = tracker.begin(request());
  tracker.accepted(op.id, { id: 'nightly', state: 'creating', status: 'creating' });
  await clock.advance(5_000);
  down = false;
  for (let i = 0; i < 3; i++) await clock.advance(30_000);
  const ended = tracker.get(op.id);
  assert.equal(ended?.state, 'failed');
  assert.match(ended?.error ?? '', /stopped answering for a while.*no longer lists this snapshot.*restarted/);
  assert.equal(finished().length, 1);
});

test('a create whose snapshot is missing without an outage keeps the plain sentence', async () => {
  const { tracker, clock } = setup(() => undefined);
  const op = tracker.begin(request());
  tracker.accepted(op.id, { id: 'nightly', state: 'creating', status: 'creating' });
  for (let i = 0; i < 3; i++) await clock.advance(30_000);
  assert.equal(
    tracker.get(op.id)?.error,
    'AWS no longer lists this snapshot: it may have been deleted. Look for it in the tree.',
  );
});

test('a delete whose snapshot is listed as available again (undone by a restart) fails instead of running for ever', async () => {
  let answer: 'down' | 'deleting' | 'available' = 'deleting';
  const { tracker, clock, finished } = setup((ref) => (answer === 'down' ? 'down' : snapshot(ref.snapshotId, answer)));
  const op = tracker.begin(request({ kind: 'delete', snapshotId: 'nightly' }));
  tracker.accepted(op.id, { id: 'nightly', state: 'deleting', status: 'deleting' });
  await clock.advance(5_000);
  assert.equal(tracker.get(op.id)?.state, 'running');
  answer = 'down';
  await clock.advance(30_000);
  answer = 'available';
  await clock.advance(30_000);
  await clock.advance(30_000);
  assert.equal(tracker.get(op.id)?.state, 'running', 'a list lagging behind the call is given a few polls');
  await clock.advance(30_000);
  assert.equal(tracker.get(op.id)?.state, 'failed');
  assert.match(tracker.get(op.id)?.error ?? '', /lists this snapshot as available: the delete did not take effect/);
  assert.equal(finished().length, 1);
});

test('a delete listed as available for a poll or two, then deleting, goes on', async () => {
  let answer: 'deleting' | 'available' = 'available';
  const { tracker, clock } = setup((ref) => snapshot(ref.snapshotId, answer));
  const op = tracker.begin(request({ kind: 'delete', snapshotId: 'nightly' }));
  tracker.accepted(op.id, { id: 'nightly', state: 'available', status: 'available' });
  await clock.advance(5_000);
  await clock.advance(7_500);
  answer = 'deleting';
  for (let i = 0; i < 5; i++) await clock.advance(30_000);
  assert.equal(tracker.get(op.id)?.state, 'running');
});

test('every change is in the store at once, and a disposed tracker (a closing window) writes no more', async () => {
  const { tracker, store } = setup(() => undefined);
  const op = tracker.begin(request());
  // No await: a window may close right after the call was sent.
  const saved = () => (store.get<Array<{ id: string; state: string }>>(storeKey) ?? []).find((o) => o.id === op.id);
  assert.equal(saved()?.state, 'requested');
  tracker.accepted(op.id, { id: 'nightly', state: 'creating', status: 'creating' });
  assert.equal(saved()?.state, 'running');
  tracker.dispose();
  const writes = store.writes;
  tracker.failed(op.id, 'late answer of the old window');
  await tracker.flush();
  assert.equal(store.writes, writes);
  assert.equal(saved()?.state, 'running', 'the next window resumes it');
});
