// A plan run through the real create path and tracker: every entry is in Snapshot Activity (the tracker's
// operations), failed ones included with their reason (resource not found or not available, AWS refused, input
// refused, run cancelled), all in one batch of silent operations; and the notifications show none of them (the
// run's summary is its one notification).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { silentLogger } from '../../../src/log';
import { runPlan, type PlanRunEntry } from '../../../src/plans/run';
import { planActivity } from '../../../src/plans/runActivity';
import type { ResourceTarget } from '../../../src/services/service';
import { SnapshotCreator } from '../../../src/snapshots/creator';
import { Tracker } from '../../../src/snapshots/tracker';
import { docdbRules } from '../../../src/validation';
import { FakeClock } from '../../support/fakeClock';
import { fakeService, noClients, resource, snapshot } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());

const service = fakeService({
  id: 'docdb',
  rules: docdbRules,
  resources: [resource('orders'), resource('busy', { status: 'modifying' })],
  create: async (_r, input) => {
    const name = input.values.DBClusterSnapshotIdentifier ?? '';
    if (name === 'refused-by-aws') throw Object.assign(new Error('Quota exceeded'), { name: 'SnapshotQuotaExceeded' });
    return snapshot(name, 'creating');
  },
});

const entry = (index: number, resourceId: string, name: string): PlanRunEntry => ({
  index,
  line: 4 + index,
  service: 'docdb',
  profile: 'demo',
  region: 'us-east-1',
  resource: resourceId,
  input: { values: { DBClusterSnapshotIdentifier: name }, tags: [] },
});

function setup() {
  const tracker = new Tracker({
    serviceById: (id) => (id === 'docdb' ? service : undefined),
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock: new FakeClock(),
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  const creator = new SnapshotCreator({ clients: noClients, tracker, log: silentLogger });
  const activity = planActivity({
    tracker,
    services: [service],
    createAndTrack: (target, input, tracking) => creator.create(target, input, undefined, tracking),
  });
  const resolve = async (e: PlanRunEntry): Promise<ResourceTarget> => {
    const found = service.resources.find((r) => r.id === e.resource);
    if (!found) throw new Error(`No cluster ${e.resource} in profile demo, us-east-1.`);
    if (found.status === 'modifying') throw new Error('The cluster busy is modifying (a snapshot needs it available)');
    return { profile: e.profile, region: e.region, service, resource: found };
  };
  return { tracker, activity, resolve };
}

test('every entry of a run is in Snapshot Activity, failed ones with their reason, in one silent batch', async () => {
  const { tracker, activity, resolve } = setup();
  const report = await runPlan(
    [
      entry(0, 'orders', 'orders-plan'),
      entry(1, 'ghost', 'ghost-plan'),
      entry(2, 'busy', 'busy-plan'),
      entry(3, 'orders', 'refused-by-aws'),
      entry(4, 'orders', 'Bad_Name!'),
    ],
    { concurrency: 1, resolve, runId: 'run-1', ...activity },
  );
  assert.deepEqual(
    report.entries.map((r) => r.outcome),
    ['created', 'failed', 'failed', 'failed', 'failed'],
  );
  const ops = tracker.operations();
  assert.equal(ops.length, 5, 'one operation per entry, none twice');
  assert.ok(
    ops.every((op) => op.batch === 'run-1' && op.silent === true),
    'one batch, silent',
  );
  const byName = new Map(ops.map((op) => [op.snapshotName, op]));
  assert.equal(byName.get('orders-plan')?.state, 'running');
  assert.equal(byName.get('ghost-plan')?.state, 'failed');
  assert.equal(byName.get('ghost-plan')?.error, 'No cluster ghost in profile demo, us-east-1.');
  assert.equal(byName.get('ghost-plan')?.resourceName, 'ghost');
  assert.equal(byName.get('busy-plan')?.error, 'The cluster busy is modifying (a snapshot needs it available)');
  assert.equal(byName.get('refused-by-aws')?.state, 'failed');
  assert.match(byName.get('refused-by-aws')?.error ?? '', /./);
  // Refused before sending (the service's rules): recorded by the runner, with the rule's sentence.
  assert.equal(byName.get('bad_name!')?.state, 'failed');
  assert.match(byName.get('bad_name!')?.error ?? '', /can contain only letters, digits and hyphens/);
  tracker.dispose();
});

test('entries a cancelled run never started are in Snapshot Activity too', async () => {
  const { tracker, activity, resolve } = setup();
  const controller = new AbortController();
  controller.abort();
  const report = await runPlan([entry(0, 'orders', 'late-plan')], {
    concurrency: 1,
    resolve,
    signal: controller.signal,
    ...activity,
  });
  assert.equal(report.cancelled, 1);
  const [op] = tracker.operations();
  assert.equal(op?.state, 'failed');
  assert.match(op?.error ?? '', /cancelled before this entry started/);
  tracker.dispose();
});

test('the notifications show nothing for a plan run’s silent operations', async () => {
  const { finishedNotifications } = await import('../../../src/ui/notifications');
  const { tracker, activity, resolve } = setup();
  const subscription = finishedNotifications(tracker, {
    reveal: async () => undefined,
    retry: async () => undefined,
    serviceLabel: (id) => id,
    onError: (error) => assert.fail(String(error)),
  });
  rec.notifications.length = 0;
  await runPlan([entry(0, 'ghost', 'a'), entry(1, 'busy', 'b'), entry(2, 'orders', 'refused-by-aws')], {
    concurrency: 2,
    resolve,
    ...activity,
  });
  await new Promise((r) => setImmediate(r));
  assert.equal(tracker.operations().filter((op) => op.state === 'failed').length, 3);
  assert.deepEqual(
    rec.notifications.map((n) => n.message),
    [],
  );
  subscription.dispose();
  tracker.dispose();
});
