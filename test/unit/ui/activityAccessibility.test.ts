// Snapshot Activity and the status bar item as a screen reader meets them (accessible labels in words), and Clear
// Finished, which keeps failed operations unless the user confirms in a modal.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Operation } from '../../../src/snapshots/operation';
import type { Tracker } from '../../../src/snapshots/tracker';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());
const activity = () => import('../../../src/ui/activityView');
const statusBar = () => import('../../../src/ui/statusBar');

function op(id: string, extra: Partial<Operation> = {}): Operation {
  return {
    id,
    kind: 'create',
    service: 'neptune-graph',
    profile: 'demo',
    region: 'us-east-1',
    resourceId: 'g-1',
    resourceName: 'customer-graph',
    snapshotName: `snap-${id}`,
    startedAt: 1_000,
    endedAt: 13_000,
    state: 'succeeded',
    input: { values: {}, tags: [] },
    requestKey: `key-${id}`,
    ...extra,
  };
}

/** A tracker holding `ops`, recording what Clear Finished drops. */
function trackerOf(ops: Operation[]) {
  const cleared: string[][] = [];
  const tracker = {
    operations: () => ops,
    running: () => ops.filter((o) => o.state === 'running' || o.state === 'requested'),
    onDidChange: () => ({ dispose: () => undefined }),
    clearFinished(which: (o: Operation) => boolean = () => true) {
      cleared.push(ops.filter((o) => o.state !== 'running' && o.state !== 'requested' && which(o)).map((o) => o.id));
    },
  };
  return { tracker: tracker as unknown as Tracker, cleared };
}

const label = (item: unknown) =>
  (item as { accessibilityInformation?: { label: string } }).accessibilityInformation?.label ?? '';

test('each Activity row says in words what it is, its state and its duration', async () => {
  const { ActivityTreeProvider } = await activity();
  const ops = [
    op('a'),
    op('b', { kind: 'restore', state: 'failed', target: { name: 'new-graph' } }),
    op('c', { kind: 'copy', state: 'cancelled', target: { name: 'c-copy', region: 'eu-west-1' } }),
    op('d', { kind: 'delete', state: 'running', endedAt: undefined }),
  ];
  const provider = new ActivityTreeProvider(
    trackerOf(ops).tracker,
    () => 'Neptune Analytics',
    () => 13_000,
  );
  const labels = ops.map((o) => label(provider.getTreeItem(o)));
  provider.dispose();
  assert.deepEqual(labels, [
    'Neptune Analytics snapshot snap-a of customer-graph, available, 12s',
    'Restore of new-graph from Neptune Analytics snapshot snap-b, failed, 12s',
    'Copy of Neptune Analytics snapshot snap-c to eu-west-1, stopped waiting, 12s',
    'Deletion of Neptune Analytics snapshot snap-d of customer-graph, deleting, 12s',
  ]);
  for (const l of labels) assert.doesNotMatch(l, /\$\(|&nbsp;|\*\*/, 'no icon names, no Markdown');
});

test('Clear Finished without failed operations clears at once, asking nothing', async () => {
  const { clearFinishedOperations } = await activity();
  const { tracker, cleared } = trackerOf([op('a'), op('b', { state: 'cancelled' }), op('r', { state: 'running' })]);
  const before = rec.notifications.length;
  await clearFinishedOperations(tracker);
  assert.deepEqual(cleared, [['a', 'b']]);
  assert.equal(rec.notifications.length, before);
});

test('Clear Finished keeps failed operations unless the user confirms clearing them too', async () => {
  const { clearFinishedOperations } = await activity();
  const ops = [op('a'), op('f', { state: 'failed' }), op('r', { state: 'running' })];

  rec.answer = () => undefined; // the modal dismissed: nothing changes
  const dismissed = trackerOf(ops);
  await clearFinishedOperations(dismissed.tracker);
  assert.deepEqual(dismissed.cleared, []);
  const modal = rec.notifications.at(-1);
  assert.equal(modal?.modal, true);
  assert.equal(modal?.level, 'warning');
  assert.match(modal?.message ?? '', /1 failed operation/);
  assert.deepEqual(modal?.actions, ['Clear Finished, Keep Failed', 'Clear All Including Failed']);

  rec.answer = () => 'Clear Finished, Keep Failed';
  const keep = trackerOf(ops);
  await clearFinishedOperations(keep.tracker);
  assert.deepEqual(keep.cleared, [['a']]);

  rec.answer = () => 'Clear All Including Failed';
  const all = trackerOf(ops);
  await clearFinishedOperations(all.tracker);
  assert.deepEqual(all.cleared, [['a', 'f']]);
  rec.answer = () => undefined;
});

test('the status bar item has an accessible label in words, while its text keeps the spinning icon', async () => {
  const { statusAccessibleLabel, statusText, createStatusBar } = await statusBar();
  const running = [
    op('a', { state: 'running', progress: 40 }),
    op('b', { state: 'running', progress: 50 }),
    op('c', { kind: 'restore', state: 'running', target: { name: 'g2' }, progress: 45 }),
  ];
  assert.equal(statusAccessibleLabel([]), undefined);
  const words = statusAccessibleLabel(running) ?? '';
  assert.match(words, /^Snapshot operations in progress: 2 snapshots, 1 restore, \d+ percent done\./);
  assert.doesNotMatch(words, /\$\(|&nbsp;|\*\*|~spin/);
  assert.match(statusText(running) ?? '', /^\$\(sync~spin\) 2 snapshots, 1 restore/);

  const { tracker } = trackerOf(running);
  const disposable = createStatusBar(
    tracker,
    () => 'Neptune Analytics',
    () => 13_000,
  );
  const item = rec.statusItems.at(-1) as unknown as { visible: boolean; accessibilityInformation?: { label: string } };
  assert.equal(item.visible, true);
  assert.equal(item.accessibilityInformation?.label, words);
  disposable.dispose();
});
