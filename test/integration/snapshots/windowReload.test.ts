// A window reload while snapshots are in flight: two "activations" of registerSnapshots (the real services against
// the emulator, through the recording fake of `vscode`) sharing one memory Memento as globalState. The first window
// closes with an operation in flight; the second resumes it: no create call is sent again, none is lost, and exactly
// one notification reports its end, also when it ended while no window was open, or when the window closed before
// AWS answered the call.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallRecord } from '../../../emulator';
import { services } from '../../../src/services/registry';
import type { ResourceTarget } from '../../../src/services/service';
import type { Operation } from '../../../src/snapshots/operation';
import { storeKey } from '../../../src/snapshots/operationStore';
import { MemoryStore } from '../../support/memoryStore';
import { snapshotsAgainstEmulator, type SnapshotsWindow } from '../../support/snapshotsEmulator';

const emulator = snapshotsAgainstEmulator({ snapshotSeconds: 2, maxPollSeconds: 0.4, maxAttempts: 1 });
const { rec } = emulator;

beforeEach(() => emulator.reset());

/** One activation of the snapshot part of the extension on `globalState`. */
const openWindow = (globalState: MemoryStore): Promise<SnapshotsWindow> => emulator.open({ globalState });

async function graphTarget(): Promise<ResourceTarget> {
  const service = services.find((s) => s.id === 'neptune-graph');
  assert.ok(service);
  const page = await service.listResources({ profile: 'demo', region: 'us-east-1', clients: emulator.clients }, {});
  const resource = page.items.find((r) => r.name === 'customer-graph');
  assert.ok(resource);
  return { profile: 'demo', region: 'us-east-1', service, resource };
}

async function createCalls(): Promise<CallRecord[]> {
  return (await emulator.calls()).filter((c) => c.operation === 'CreateGraphSnapshot');
}

const waitFor = (what: string, predicate: () => boolean) => emulator.waitFor(what, predicate, 15_000);

const saved = (store: MemoryStore, id: string) => store.get<Operation[]>(storeKey)?.find((op) => op.id === id);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startInFirstWindow(store: MemoryStore, name: string): Promise<Operation> {
  const first = await openWindow(store);
  const outcome = await first.api.createAndTrack(await graphTarget(), { values: { snapshotName: name }, tags: [] });
  assert.equal(outcome.kind, 'started');
  const op = outcome.kind === 'started' ? outcome.operation : assert.fail();
  assert.equal(op.state, 'running');
  first.close();
  assert.equal(saved(store, op.id)?.state, 'running', 'the closing window left the operation saved');
  return op;
}

test('a snapshot in flight when the window reloads is resumed: one create call, one notification', async () => {
  const store = new MemoryStore();
  const op = await startInFirstWindow(store, 'reload-resumed');
  await pause(300); // the closed window polls no more and says nothing
  assert.equal(rec.notifications.length, 0);

  const second = await openWindow(store);
  assert.deepEqual(
    second.api.tracker.running().map((o) => o.id),
    [op.id],
    'the new window follows it',
  );
  await waitFor('the notification', () => rec.notifications.length > 0);
  assert.equal(second.api.tracker.get(op.id)?.state, 'succeeded');
  await pause(800); // more poll intervals: still one notification
  assert.equal(rec.notifications.length, 1);
  assert.equal(rec.notifications[0]?.level, 'info');
  assert.match(rec.notifications[0]?.message ?? '', /snapshot reload-resumed of customer-graph is available\.$/);
  assert.equal((await createCalls()).length, 1, 'the create call was not sent again');
  second.close();
});

test('a snapshot that became available while no window was open ends with one notification in the next one', async () => {
  const store = new MemoryStore();
  const op = await startInFirstWindow(store, 'reload-finished');
  await pause(2_500); // the emulator finishes the snapshot meanwhile
  const second = await openWindow(store);
  await waitFor('the notification', () => rec.notifications.length > 0);
  await pause(800);
  assert.equal(rec.notifications.length, 1);
  assert.match(rec.notifications[0]?.message ?? '', /snapshot reload-finished of customer-graph is available\.$/);
  assert.equal(second.api.tracker.get(op.id)?.state, 'succeeded');
  assert.equal(saved(store, op.id)?.state, 'succeeded');
  assert.equal((await createCalls()).length, 1);

  // A third window: the ended operation is history, not reported again.
  second.close();
  rec.notifications.length = 0;
  const third = await openWindow(store);
  await pause(500);
  assert.equal(rec.notifications.length, 0);
  assert.equal(third.api.tracker.get(op.id)?.state, 'succeeded');
  third.close();
});

test('a window closed before AWS answered the create call: the next one says so once and sends nothing', async () => {
  const store = new MemoryStore();
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: 1_000, operations: ['CreateGraphSnapshot'] }),
  });
  const first = await openWindow(store);
  const late = first.api.createAndTrack(await graphTarget(), {
    values: { snapshotName: 'reload-unanswered' },
    tags: [],
  });
  const requested = () => store.get<Operation[]>(storeKey)?.find((op) => op.snapshotName === 'reload-unanswered');
  await waitFor('the request to be saved', () => requested()?.state === 'requested');
  first.close();

  const second = await openWindow(store);
  await waitFor('the notification', () => rec.notifications.length > 0);
  assert.equal(rec.notifications[0]?.level, 'error');
  assert.match(rec.notifications[0]?.message ?? '', /window closed before AWS answered the create call/);
  await late; // the old window's answer comes in after it closed: it changes nothing saved
  await pause(600);
  assert.equal(rec.notifications.length, 1);
  assert.equal(requested()?.state, 'failed');
  assert.equal((await createCalls()).length, 1, 'only the first window sent the call');
  second.close();
});
