// registerSnapshots with the real service modules against the emulator, through a recording fake of `vscode`:
// the Create Snapshot command from a tree node, accepting the defaults, for each of the five services; the
// status bar shows the work while it runs and exactly one notification reports the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS, startEmulator, type CallRecord } from '../../../emulator';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import { services } from '../../../src/services/registry';
import { fakeExtensionContext } from '../../support/fakeVscode';
import {
  installVscodeRecorder,
  type FakeInputBox,
  type FakeQuickPick,
  type FakeStatusBarItem,
} from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
let emulator: { url: string; stop(): Promise<void> };
let clients: ClientFactory;

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 1 });
  const credentials = DEMO_CREDENTIALS[0];
  assert.ok(credentials);
  clients = createClientFactory({
    credentials: () => async () => ({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    }),
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => 10_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-tests/0',
    logger: silentLogger,
  });
  rec.settings.values['snapshotExplorer.polling.initialSeconds'] = 0.2;
  rec.settings.values['snapshotExplorer.polling.maxSeconds'] = 0.5;
});

after(async () => {
  rec.restore();
  clients?.clear();
  await emulator?.stop();
});

async function waitFor(what: string, predicate: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Accepts every default; in the bucket picker takes the demo bucket of us-east-1; then confirms. */
async function acceptDefaults(done: () => boolean): Promise<void> {
  let last: unknown;
  while (!done()) {
    const current = rec.current();
    if (!current || current === last || current.busy) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    if (current.kind === 'input') {
      last = current;
      (current as FakeInputBox).enter();
      continue;
    }
    const pick = current as FakeQuickPick;
    if (pick.items.length === 0) continue;
    last = current;
    const confirm = pick.items.find((i) => i.label.endsWith('Create snapshot'));
    pick.choose(confirm ? 'Create snapshot' : 'weaver-demo-snapshots-use1');
  }
}

const resources: Record<string, string> = {
  'neptune-graph': 'fraud-detection',
  storagegateway: 'vol-3344CCDD',
  docdb: 'catalog-dev',
  simspaceweaver: 'city-traffic',
  neptune: 'social-neptune',
};

for (const service of services) {
  test(`${service.label}: Create Snapshot from the tree, progress in the status bar, one notification`, async () => {
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    rec.notifications.length = 0;
    const { registerSnapshots } = await import('../../../src/ui/registerSnapshots');
    const context = fakeExtensionContext('/ext') as { subscriptions: { dispose(): unknown }[] };
    registerSnapshots(context as never, {
      log: { ...silentLogger, show: () => undefined } as never,
      clients,
      services,
      profiles: async () => [{ name: 'demo' }],
      regionsFor: () => ['us-east-1'],
    });
    const statusBar = rec.statusItems.at(-1) as FakeStatusBarItem;
    const page = await service.listResources({ profile: 'demo', region: 'us-east-1', clients }, {});
    const resource = page.items.find((r) => r.name === resources[service.id]);
    assert.ok(resource);

    let finished = false;
    const command = rec
      .run('snapshotExplorer.createSnapshot', { target: { profile: 'demo', region: 'us-east-1', service, resource } })
      .finally(() => (finished = true));
    await acceptDefaults(() => finished);
    await command;
    assert.equal(statusBar.visible, true, 'the status bar shows the snapshot being taken');
    assert.match(statusBar.text, /^\$\(sync~spin\) 1 snapshot/);

    await waitFor('the final notification', () => rec.notifications.length > 0);
    await waitFor('the status bar to hide', () => !statusBar.visible);
    await new Promise((resolve) => setTimeout(resolve, 600)); // one more poll interval: still one notification
    assert.equal(rec.notifications.length, 1, JSON.stringify(rec.notifications));
    assert.equal(rec.notifications[0]?.level, 'info', rec.notifications[0]?.message);
    assert.match(
      rec.notifications[0]?.message ?? '',
      new RegExp(`^${service.label} snapshot .* of ${resource.name} is available\\.$`),
    );
    const calls = (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as CallRecord[];
    assert.equal(calls.filter((c) => c.service === service.id && c.operation === service.createOperation).length, 1);
    for (const d of context.subscriptions.splice(0)) d.dispose();
  });
}
