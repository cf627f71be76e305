// Delete… through the VS Code wiring with the real service modules against the emulator, through a recording fake of
// `vscode`: for each service that deletes, two snapshots selected together, one modal confirmation naming both with
// their resource, profile and region; after it, both are gone from the service's listing, Snapshot Activity holds
// two deletions, and one notification reports both. Cancelling the confirmation sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from '../../../src/services/registry';
import type { Resource, Snapshot, SnapshotService } from '../../../src/services/service';
import { snapshotsAgainstEmulator } from '../../support/snapshotsEmulator';

const emulator = snapshotsAgainstEmulator({ snapshotSeconds: 0, maxPollSeconds: 0.5 });
const { rec, waitFor, calls } = emulator;

const ctx = (region = 'us-east-1') => ({ profile: 'demo', region, clients: emulator.clients });

/** Up to two deletable snapshots of the demo (us-east-1), as tree nodes would carry them. */
async function deletable(service: SnapshotService): Promise<Array<{ resource: Resource; snapshot: Snapshot }>> {
  const found: Array<{ resource: Resource; snapshot: Snapshot }> = [];
  for (const resource of (await service.listResources(ctx(), {})).items) {
    for (const snapshot of (await service.listSnapshots(ctx(), resource, {})).items) {
      if (!service.delete?.refusal(snapshot) && found.length < 2) found.push({ resource, snapshot });
    }
  }
  return found;
}

for (const service of services.filter((s) => s.delete)) {
  test(`${service.label}: Delete… on two selected snapshots, one confirmation, both gone, one notification`, async () => {
    await emulator.reset();
    const { api, close } = await emulator.open();
    const chosen = await deletable(service);
    assert.ok(chosen.length >= 1, `the demo has a deletable ${service.label} snapshot`);
    const nodes = chosen.map((c) => ({
      kind: 'snapshot',
      target: { profile: 'demo', region: 'us-east-1', service, resource: c.resource },
      snapshot: c.snapshot,
    }));

    // Cancelled: nothing is sent.
    const before = (await calls()).length;
    await rec.run('snapshotExplorer.deleteSnapshot', nodes[0], nodes);
    const cancelled = rec.notifications.find((n) => n.modal);
    assert.ok(cancelled, 'a modal confirmation');
    const deletesBefore = (await calls()).slice(before).filter((c) => c.operation.startsWith('Delete'));
    assert.equal(deletesBefore.length, 0, 'no delete call without confirmation');

    rec.notifications.length = 0;
    rec.answer = (n) => (n.modal ? n.actions[0] : undefined);
    await rec.run('snapshotExplorer.deleteSnapshot', nodes[0], nodes);
    rec.answer = () => undefined;
    const confirm = rec.notifications.find((n) => n.modal);
    assert.match(confirm?.message ?? '', /^Delete \d snapshots?\?$/);
    for (const c of chosen) {
      assert.ok(
        confirm?.detail?.includes(`• ${c.snapshot.name} — ${service.label} ${c.resource.name} (demo / us-east-1)`),
      );
    }
    await waitFor('the deletions to end', () => api.tracker.running().length === 0);
    await waitFor('the notification', () => rec.notifications.some((n) => !n.modal));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const reported = rec.notifications.filter((n) => !n.modal);
    assert.equal(reported.length, 1, JSON.stringify(reported));
    assert.equal(reported[0]?.level, 'info', reported[0]?.message);
    const ops = api.tracker.operations().filter((op) => op.kind === 'delete');
    assert.equal(ops.length, chosen.length);
    assert.ok(ops.every((op) => op.state === 'succeeded'));
    for (const c of chosen) {
      const left = await service.listSnapshots(ctx(), c.resource, {});
      assert.ok(!left.items.some((s) => s.id === c.snapshot.id), `${c.snapshot.id} is gone`);
    }
    close();
  });
}
