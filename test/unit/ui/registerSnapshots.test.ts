// registerSnapshots against a fake `vscode` and fake services: the command from a tree node through the
// prompts to one create call, the status bar text, exactly one final notification, the activity view, the
// tree hooks, Retry, cancel, and resuming after a reload.
import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DBClusterSnapshotAlreadyExistsFault } from '@aws-sdk/client-docdb';
import { docdbRules } from '../../../src/validation';
import type { Snapshot } from '../../../src/services/service';
import type { Operation } from '../../../src/snapshots/operation';
import { fakeExtensionContext, silentLogChannel } from '../../support/fakeVscode';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import {
  installVscodeRecorder,
  type FakeInputBox,
  type FakeQuickPick,
  type FakeStatusBarItem,
} from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());
const load = () => import('../../../src/ui/registerSnapshots');

async function waitFor(what: string, predicate: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const log = silentLogChannel;

interface ExplorerCalls {
  refresh: unknown[];
  inProgress: string[][];
  revealed: string[];
}

type Context = ReturnType<typeof fakeExtensionContext> & { subscriptions: { dispose(): unknown }[] };

async function setup(service: FakeService, context: Context = fakeExtensionContext('/ext') as Context) {
  const { registerSnapshots } = await load();
  const explorer: ExplorerCalls = { refresh: [], inProgress: [], revealed: [] };
  const api = registerSnapshots(context as never, {
    log: log as never,
    clients: noClients,
    services: [service],
    profiles: async () => [{ name: 'default' }],
    regionsFor: () => ['us-east-1'],
    explorer: {
      refresh: (target) => void explorer.refresh.push(target),
      setInProgress: (keys) => void explorer.inProgress.push([...keys]),
      revealResource: async (target) => void explorer.revealed.push(target.resource.id),
    },
  });
  return { api, explorer, context, statusBar: rec.statusItems.at(-1) as FakeStatusBarItem };
}

function dispose(context: Context): void {
  for (const d of context.subscriptions.splice(0)) d.dispose();
}

const orders = resource('orders');

/** Answers the prompts of the tree-node flow: name, tags, confirm. */
async function answerPrompts(name: string): Promise<void> {
  await waitFor('the name box', () => (rec.current() as FakeInputBox | undefined)?.prompt !== undefined);
  const box = rec.current() as FakeInputBox;
  box.type(name);
  box.enter();
  await waitFor('the tags box', () => rec.current() !== box && rec.current()?.kind === 'input');
  (rec.current() as FakeInputBox).enter();
  await waitFor(
    'the confirm step',
    () => rec.current()?.kind === 'pick' && (rec.current() as FakeQuickPick).items.length > 0,
  );
  (rec.current() as FakeQuickPick).choose('Create snapshot');
}

beforeEach(() => {
  rec.notifications.length = 0;
  rec.progress.length = 0;
  rec.answer = () => undefined;
  for (const key of Object.keys(rec.settings.values)) delete rec.settings.values[key];
  rec.settings.values['snapshotExplorer.polling.initialSeconds'] = 0.01;
  rec.settings.values['snapshotExplorer.polling.maxSeconds'] = 0.02;
});

test('from a tree node: one create call, progress in the status bar, one notification when available', async () => {
  let progress: Snapshot = snapshot('id-nightly-1', 'creating', { progress: 45, status: 'creating' });
  const service = fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    status: (ref) => (ref.snapshotId.startsWith('id-') ? progress : undefined),
  });
  const { explorer, context, statusBar } = await setup(service);
  assert.equal(statusBar.visible, false, 'hidden when idle');

  const command = rec.run('snapshotExplorer.createSnapshot', {
    target: { profile: 'default', region: 'us-east-1', service, resource: orders },
  });
  await answerPrompts('nightly-1');
  await command;
  assert.equal(service.createCalls.length, 1);
  assert.equal(statusBar.visible, true);
  await waitFor('progress 45% in the status bar', () => statusBar.text === '$(sync~spin) 1 snapshot · 45%');
  assert.match(String((statusBar.tooltip as { value: string }).value), /DocumentDB · orders · nightly-1: creating 45%/);
  assert.deepEqual(explorer.inProgress.at(-1), ['default|us-east-1|docdb|orders']);
  assert.equal(rec.progress.length, 1, 'a progress notification while it runs');

  progress = snapshot('id-nightly-1', 'available', { status: 'available' });
  await waitFor('the end', () => rec.notifications.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 50)); // more polls would be wrong: wait a few intervals
  assert.deepEqual(rec.notifications, [
    {
      level: 'info',
      message: 'DocumentDB snapshot nightly-1 of orders is available.',
      actions: ['Reveal in Tree', 'Copy ID'],
    },
  ]);
  assert.equal(statusBar.visible, false);
  assert.equal(rec.progress[0]?.done, true);
  assert.deepEqual(explorer.inProgress.at(-1), []);
  assert.deepEqual(explorer.refresh.at(-1), {
    profile: 'default',
    region: 'us-east-1',
    serviceId: 'docdb',
    resourceId: 'orders',
  });

  const view = rec.views.find((v) => v.id === 'snapshotExplorer.activity');
  const provider = view?.treeDataProvider as {
    getChildren(): Operation[];
    getTreeItem(op: Operation): { label: string; description: string; command?: { command: string } };
  };
  const [op] = provider.getChildren();
  assert.ok(op);
  const item = provider.getTreeItem(op);
  assert.equal(item.label, 'nightly-1');
  assert.match(item.description, /^available · DocumentDB · orders · \d+s$/);
  assert.equal(item.command?.command, 'snapshotExplorer.revealSnapshot');
  await rec.run('snapshotExplorer.revealSnapshot', op);
  assert.deepEqual(explorer.revealed, ['orders']);
  dispose(context);
});

test('a refused create: one error notification with the mapped message; Retry reopens the inputs prefilled', async () => {
  const service = fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    create: () => Promise.reject(new DBClusterSnapshotAlreadyExistsFault({ message: 'exists', $metadata: {} })),
  });
  const { context, statusBar } = await setup(service);
  rec.answer = (n) => (n.level === 'error' ? 'Retry' : undefined);
  const command = rec.run('snapshotExplorer.createSnapshot', {
    target: { profile: 'default', region: 'us-east-1', service, resource: orders },
  });
  await answerPrompts('nightly-1');
  await command;
  await waitFor(
    'the retry prompt',
    () => rec.notifications.length === 1 && (rec.current() as FakeInputBox | undefined)?.value === 'nightly-1',
  );
  const [failure] = rec.notifications;
  assert.equal(failure?.level, 'error');
  assert.deepEqual(failure?.actions, ['Show Logs', 'Retry']);
  assert.match(failure?.message ?? '', /"nightly-1" already exists in us-east-1.*Choose another identifier/);
  assert.equal(statusBar.visible, false);
  rec.current()?.escape();
  assert.equal(service.createCalls.length, 1);
  dispose(context);
});

test('cancel from the progress notification stops waiting and says AWS is not stopped', async () => {
  const service = fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    status: (ref) => (ref.snapshotId.startsWith('id-') ? snapshot('x', 'creating') : undefined),
  });
  const { api, context, statusBar } = await setup(service);
  const command = rec.run('snapshotExplorer.createSnapshot', {
    target: { profile: 'default', region: 'us-east-1', service, resource: orders },
  });
  await answerPrompts('nightly-2');
  await command;
  rec.progress[0]?.cancel();
  await waitFor('the notification', () => rec.notifications.length > 0);
  assert.equal(rec.notifications.length, 1);
  assert.match(rec.notifications[0]?.message ?? '', /Stopped waiting.*does not stop AWS/);
  assert.equal(api.tracker.operations()[0]?.state, 'cancelled');
  assert.equal(statusBar.visible, false);
  dispose(context);
});

test('operations in flight survive a reload: the new window shows and finishes them', async () => {
  let state: Snapshot['state'] = 'creating';
  const service = fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    status: (ref) => (ref.snapshotId.startsWith('id-') ? snapshot('x', state, { progress: 30 }) : undefined),
  });
  const first = await setup(service);
  const command = rec.run('snapshotExplorer.createSnapshot', {
    target: { profile: 'default', region: 'us-east-1', service, resource: orders },
  });
  await answerPrompts('nightly-3');
  await command;
  await first.api.tracker.flush();
  const globalState = first.context.globalState;
  dispose(first.context);

  const context = fakeExtensionContext('/ext') as Context;
  context.globalState = globalState;
  const second = await setup(service, context);
  assert.equal(second.statusBar.visible, true);
  assert.match(second.statusBar.text, /1 snapshot/);
  assert.deepEqual(second.explorer.inProgress.at(-1), ['default|us-east-1|docdb|orders']);
  state = 'available';
  await waitFor('the end after the reload', () => rec.notifications.length > 0);
  assert.equal(rec.notifications.filter((n) => /is available/.test(n.message)).length, 1);
  dispose(context);
});

test('the same request while the first is pending makes one create call', async () => {
  let release: (s: Snapshot) => void = () => undefined;
  const service = fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    create: () => new Promise<Snapshot>((resolve) => (release = resolve)),
    status: (ref) => (ref.snapshotId === 'same-name-created' ? snapshot('x', 'creating') : undefined),
  });
  const { context } = await setup(service);
  const target = { target: { profile: 'default', region: 'us-east-1', service, resource: orders } };
  const first = rec.run('snapshotExplorer.createSnapshot', target);
  await answerPrompts('same-name');
  const second = rec.run('snapshotExplorer.createSnapshot', target);
  await answerPrompts('same-name');
  await second;
  assert.ok(rec.notifications.some((n) => n.level === 'warning' && /already being created/.test(n.message)));
  release(snapshot('same-name-created', 'creating'));
  await first;
  assert.equal(service.createCalls.length, 1);
  dispose(context);
});
