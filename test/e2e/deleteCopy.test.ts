// Deleting and copying snapshots as a person does it in the workbench: Delete Snapshot… from a snapshot's context
// menu for each of the five services (one dialog naming the snapshot with its resource, profile and region; the row
// gone afterwards), two snapshots selected and deleted at once, and a DocumentDB snapshot copied to us-west-2 and
// seen there (the demo's eu-west-1 is full: its bulk data holds more manual RDS snapshots than the quota allows).
// Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { E2e, waitUntil, type Workbench } from './harness';

interface DeleteCase {
  service: string;
  serviceId: string;
  operation: string;
  resource: string;
  snapshot: string;
}

const cases: DeleteCase[] = [
  {
    service: 'Neptune Analytics',
    serviceId: 'neptune-graph',
    operation: 'DeleteGraphSnapshot',
    resource: 'customer-graph',
    snapshot: 'customer-graph-2025-06-01',
  },
  {
    service: 'DocumentDB',
    serviceId: 'docdb',
    operation: 'DeleteDBClusterSnapshot',
    resource: 'orders-prod',
    snapshot: 'orders-prod-before-upgrade',
  },
  {
    service: 'Neptune Database',
    serviceId: 'neptune',
    operation: 'DeleteDBClusterSnapshot',
    resource: 'fraud-graph-db',
    snapshot: 'fraud-graph-db-before-reindex',
  },
  {
    service: 'Storage Gateway',
    serviceId: 'ec2',
    operation: 'DeleteSnapshot',
    resource: 'vol-3344CCDD',
    snapshot: 'office-archive monthly',
  },
  {
    service: 'SimSpace Weaver',
    serviceId: 's3',
    operation: 'DeleteObject',
    resource: 'crowd-evacuation',
    snapshot: 'crowd-evacuation-250612-1500-00.zip',
  },
];

async function callCount(e2e: E2e, service: string, operation: string): Promise<number> {
  return (await e2e.emulator.calls()).filter((c) => c.service === service && c.operation === operation).length;
}

/** The labels of the rows under the (expanded) row labelled `parent` in the Resources view (not Snapshot Activity). */
async function childLabels(wb: Workbench, parent: string): Promise<string[] | undefined> {
  const rows = await wb
    .view('Resources')
    .locator('.monaco-list-row[role="treeitem"]')
    .evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      })),
    );
  rows.sort((a, b) => a.index - b.index);
  const at = rows.findIndex((r) => r.label === parent);
  const owner = rows[at];
  if (!owner) return undefined;
  const below = rows.slice(at + 1);
  const end = below.findIndex((r) => r.level <= owner.level);
  return (end < 0 ? below : below.slice(0, end)).filter((r) => r.level === owner.level + 1).map((r) => r.label);
}

/** Waits until the resource's children no longer hold `label`. */
async function gone(wb: Workbench, resource: string, label: string): Promise<void> {
  await waitUntil(
    () => childLabels(wb, resource),
    (labels) => labels !== undefined && !labels.includes(label),
    `${label} to leave ${resource}`,
  );
}

describe('Delete and Copy to Region in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({
      settings: {
        'snapshotExplorer.polling.initialSeconds': 1,
        'snapshotExplorer.regions': { demo: ['us-east-1', 'us-west-2'] },
      },
    });
  });
  after(async () => {
    await e2e?.stop();
  });

  for (const c of cases) {
    test(`${c.service}: Delete Snapshot… from the context menu of ${c.snapshot}`, async (t) => {
      await e2e.withWorkbench(t.name, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        const resource = await wb.step(`expand demo / us-east-1 / ${c.service} / ${c.resource}`, () =>
          wb.tree.expandPath('demo', 'us-east-1', c.service, c.resource),
        );
        await wb.step('Delete Snapshot… from its context menu', async () =>
          wb.tree.contextMenu(await wb.tree.child(resource, c.snapshot), 'Delete Snapshot…'),
        );
        const dialog = await wb.step('one dialog names the snapshot, its resource, profile and region', () =>
          wb.waitForDialog(/Delete 1 snapshot\?/),
        );
        const text = await dialog.innerText();
        assert.match(
          text,
          new RegExp(
            `${c.snapshot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — ${c.service} ${c.resource} \\(demo / us-east-1\\)`,
          ),
        );
        assert.equal(await callCount(e2e, c.serviceId, c.operation), 0, 'nothing deleted before the confirmation');
        await wb.step('Delete Snapshot', () => wb.clickDialogButton(dialog, 'Delete Snapshot'));
        const done = new RegExp(`${c.service} snapshot .* is deleted`);
        await wb.step('one notification reports the deletion', () => wb.waitForNotification(done));
        await wb.step('the snapshot is gone from the tree', () => gone(wb, c.resource, c.snapshot));
        assert.equal(await callCount(e2e, c.serviceId, c.operation), 1, 'exactly one delete call');
        await wb.step('Snapshot Activity records the deletion', () =>
          wb
            .view('Snapshot Activity')
            .locator('.monaco-list-row')
            .filter({
              hasText: new RegExp(`${c.snapshot.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*deleted`),
            })
            .first()
            .waitFor(),
        );
      });
    });
  }

  test('Storage Gateway: two snapshots selected and deleted at once, with one confirmation and one notification', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const resource = await wb.step('expand demo / us-east-1 / Storage Gateway / vol-1122AABB', () =>
        wb.tree.expandPath('demo', 'us-east-1', 'Storage Gateway', 'vol-1122AABB'),
      );
      const first = await wb.tree.child(resource, 'office-shares nightly');
      const second = await wb.tree.child(resource, 'office-shares before migration');
      await wb.step('select both snapshots', async () => {
        await first.click();
        await second.click({ modifiers: ['Control'] });
      });
      await wb.step('Delete Snapshot… from the context menu of the selection', () =>
        wb.tree.contextMenu(second, 'Delete Snapshot…'),
      );
      const dialog = await wb.step('one dialog names both and warns that vol-1122AABB keeps none', () =>
        wb.waitForDialog(/Delete 2 snapshots\?/),
      );
      const text = await dialog.innerText();
      assert.match(text, /office-shares nightly — Storage Gateway vol-1122AABB \(demo \/ us-east-1\)/);
      assert.match(text, /office-shares before migration — Storage Gateway vol-1122AABB/);
      assert.match(text, /vol-1122AABB will have no available snapshot left/);
      await wb.step('Delete 2 Snapshots', () => wb.clickDialogButton(dialog, 'Delete 2 Snapshots'));
      await wb.step('one notification reports both', () => wb.waitForNotification(/Deleted 2 snapshots/));
      await wb.step('both are gone from the tree', async () => {
        await gone(wb, 'vol-1122AABB', 'office-shares nightly');
        await gone(wb, 'vol-1122AABB', 'office-shares before migration');
      });
      assert.equal(await callCount(e2e, 'ec2', 'DeleteSnapshot'), 2);
    });
  });

  test('DocumentDB: Copy to Region… us-west-2, then the copy is there', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const resource = await wb.step('expand demo / us-east-1 / DocumentDB / orders-prod', () =>
        wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB', 'orders-prod'),
      );
      await wb.step('Copy to Region… from the context menu of orders-prod-before-upgrade', async () => {
        await wb.tree.contextMenu(await wb.tree.child(resource, 'orders-prod-before-upgrade'), 'Copy to Region…');
        await wb.input.waitFor(/Copy DocumentDB Snapshot to Region/);
      });
      await wb.step('pick us-west-2 (configured for the profile, so first)', () => wb.input.pick('us-west-2'));
      await wb.step('name the copy', async () => {
        await wb.input.waitFor(/\(2\/\d+\)/);
        await wb.input.enter('orders-prod-copy-e2e');
      });
      for (;;) {
        const title = await wb.input.widget().locator('.quick-input-title').innerText();
        const [, step, total] = /\((\d+)\/(\d+)\)/.exec(title) ?? [];
        if (step === total) break;
        await wb.step(`step ${step}/${total}: accept the default`, async () => {
          await wb.pressEnter();
          await wb.input.waitFor(new RegExp(`\\(${Number(step) + 1}/\\d+\\)`));
        });
      }
      await wb.step('the review shows the exact request going to us-west-2, then Copy', async () => {
        await wb.input
          .widget()
          .locator('.monaco-list-row')
          .filter({ hasText: /us-west-2/ })
          .first()
          .waitFor();
        await wb.screenshot('copy-review');
        await wb.input.pick(/^\W*Copy$/);
        await wb.input.waitForClosed();
      });
      await wb.step('one notification: copied to us-west-2', () => wb.waitForNotification(/is copied to us-west-2/));
      await wb.step('its Reveal in Tree selects the copy itself, in us-west-2', async () => {
        await wb.clickNotificationButton(await wb.waitForNotification(/is copied to us-west-2/), 'Reveal in Tree');
        await wb.page
          .locator('.part.sidebar .monaco-list-row[role="treeitem"].selected')
          .filter({ has: wb.page.locator('.label-name', { hasText: /^orders-prod-copy-e2e$/ }) })
          .first()
          .waitFor();
      });
      await wb.step('the copy shows in demo / us-west-2 / DocumentDB', async () => {
        // The tree lists only rows near the viewport: fold us-east-1 to bring us-west-2's services into view.
        await wb.tree.collapse(wb.tree.item('us-east-1'));
        const group = await wb.tree.expandPath('demo', 'us-west-2', 'DocumentDB', /^Snapshots without a cluster here$/);
        await wb.tree.child(group, 'orders-prod-copy-e2e');
      });
    });
  });
});
