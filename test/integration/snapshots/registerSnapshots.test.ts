// registerSnapshots with the real service modules against the emulator, through a recording fake of `vscode`:
// the Create Snapshot command from a tree node, accepting the defaults, for each of the five services; the
// status bar shows the work while it runs and exactly one notification reports the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from '../../../src/services/registry';
import { snapshotsAgainstEmulator } from '../../support/snapshotsEmulator';
import type { FakeInputBox, FakeQuickPick, FakeStatusBarItem } from '../../support/vscodeRecorder/recorder';

const emulator = snapshotsAgainstEmulator({ snapshotSeconds: 1, maxPollSeconds: 0.5 });
const { rec } = emulator;
const waitFor = (what: string, predicate: () => boolean) => emulator.waitFor(what, predicate, 15_000);

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
    await emulator.reset();
    const window = await emulator.open();
    const statusBar = rec.statusItems.at(-1) as FakeStatusBarItem;
    const page = await service.listResources({ profile: 'demo', region: 'us-east-1', clients: emulator.clients }, {});
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
    const calls = await emulator.calls();
    assert.equal(calls.filter((c) => c.service === service.id && c.operation === service.createOperation).length, 1);
    window.close();
  });
}
