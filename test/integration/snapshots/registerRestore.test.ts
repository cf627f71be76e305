// The Restore… command with the real service modules against the emulator, through a recording fake of `vscode`:
// from a tree snapshot, accepting every default (each service offers a name for the new resource), for each service that
// restores; the status bar shows the restore while it runs, the new resource is listed, and exactly one
// notification reports the end. A snapshot that is not available is refused before any call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from '../../../src/services/registry';
import type { Snapshot, SnapshotService } from '../../../src/services/service';
import { snapshotsAgainstEmulator } from '../../support/snapshotsEmulator';
import type { FakeInputBox, FakeQuickPick, FakeStatusBarItem } from '../../support/vscodeRecorder/recorder';

const emulator = snapshotsAgainstEmulator({ snapshotSeconds: 0, restoreSeconds: 1, maxPollSeconds: 0.5 });
const { rec, waitFor, calls } = emulator;

/** Accepts every default (the active item of a list, the box's value: every service names the new resource), restores. */
async function acceptDefaults(done: () => boolean): Promise<string[]> {
  const seen: string[] = [];
  let last: unknown;
  const deadline = Date.now() + 30_000;
  while (!done()) {
    const current = rec.current();
    if (Date.now() > deadline) {
      const state = current && { kind: current.kind, title: current.title, busy: current.busy };
      assert.fail(
        `the flow did not end: ${JSON.stringify(state)}, ${JSON.stringify(rec.notifications)}\n${seen.join('\n')}`,
      );
    }
    if (!current || current === last || current.busy) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    if (current.kind === 'input') {
      last = current;
      const box = current as FakeInputBox;
      seen.push(`${box.title} ${box.step}/${box.totalSteps}: ${box.value}`);
      box.enter();
      continue;
    }
    const pick = current as FakeQuickPick;
    if (pick.items.length === 0) continue;
    last = current;
    seen.push(`${pick.title} ${pick.step}/${pick.totalSteps}: [${pick.activeItems[0]?.label ?? ''}]`);
    if (pick.items.some((i) => i.label.endsWith('Restore'))) pick.choose('Restore');
    else pick.accept.fire();
  }
  return seen;
}

async function availableSnapshot(service: SnapshotService) {
  const ctx = { profile: 'demo', region: 'us-east-1', clients: emulator.clients };
  for (const resource of (await service.listResources(ctx, {})).items) {
    const snapshots = await service.listSnapshots(ctx, resource, {});
    const snapshot = snapshots.items.find((s) => s.state === 'available');
    if (snapshot) return { resource, snapshot };
  }
  return assert.fail(`no available ${service.label} snapshot in demo / us-east-1`);
}

async function register() {
  const refreshed: unknown[] = [];
  const window = await emulator.open({
    explorer: {
      refresh: (target) => void refreshed.push(target),
      revealResource: async () => undefined,
      setInProgress: () => undefined,
    },
  });
  return { window, refreshed };
}

for (const service of services.filter((s) => s.restore)) {
  test(`${service.label}: Restore… from a tree snapshot, in the status bar, the tree refreshed, one notification`, async () => {
    await emulator.reset();
    const { window, refreshed } = await register();
    const statusBar = rec.statusItems.at(-1) as FakeStatusBarItem;
    const { resource, snapshot } = await availableSnapshot(service);
    const target = { profile: 'demo', region: 'us-east-1', service, resource };

    let finished = false;
    const command = rec.run('snapshotExplorer.restoreSnapshot', { target, snapshot }).finally(() => (finished = true));
    const seen = await acceptDefaults(() => finished);
    await command;
    assert.ok(seen.length >= 2, seen.join('\n'));
    assert.match(seen[0] ?? '', new RegExp(`^Restore ${service.label} Snapshot: `));
    await waitFor('the status bar to show the restore', () => statusBar.visible || rec.notifications.length > 0);
    await waitFor('the final notification', () => rec.notifications.length > 0);
    await waitFor('the status bar to hide', () => !statusBar.visible);
    await new Promise((resolve) => setTimeout(resolve, 600)); // one more poll interval: still one notification
    assert.equal(rec.notifications.length, 1, JSON.stringify(rec.notifications));
    assert.equal(rec.notifications[0]?.level, 'info', `${rec.notifications[0]?.message}\n${seen.join('\n')}`);
    assert.match(
      rec.notifications[0]?.message ?? '',
      new RegExp(`^\\S+ is restored from ${service.label} snapshot .+ and available\\.$`),
    );
    // The tree's service branch was refreshed when AWS accepted the call and when the restore ended.
    const serviceRefreshes = refreshed.filter(
      (r) => JSON.stringify(r) === JSON.stringify({ profile: 'demo', region: 'us-east-1', serviceId: service.id }),
    );
    assert.ok(serviceRefreshes.length >= 2, JSON.stringify(refreshed));
    const restoreOps = new Set(service.restore?.iamActions.map((a) => a.split(':')[1]));
    const sent = (await calls()).filter((c) => c.service === service.id && restoreOps.has(c.operation));
    assert.ok(sent.length >= 1, 'the restore call reached the emulator');
    window.close();
  });
}

test('Restore… on a snapshot that is not available says why and calls nothing', async () => {
  await emulator.reset();
  const service = services.find((s) => s.restore);
  assert.ok(service, 'a service restores');
  const { window } = await register();
  const { resource, snapshot } = await availableSnapshot(service);
  const creating: Snapshot = { ...snapshot, state: 'creating', status: 'CREATING' };
  const before = (await calls()).length;
  await rec.run('snapshotExplorer.restoreSnapshot', {
    target: { profile: 'demo', region: 'us-east-1', service, resource },
    snapshot: creating,
  });
  assert.equal(rec.notifications.length, 1);
  assert.equal(rec.notifications[0]?.level, 'warning');
  assert.match(rec.notifications[0]?.message ?? '', /^Cannot restore .+: snapshot .+ is still being created/);
  assert.equal((await calls()).length, before, 'no call');
  window.close();
});
