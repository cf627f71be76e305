// A read-only profile in the workbench: with `demo-readonly` (the emulator's read-only identity) the tree lists
// everything, and Create Snapshot on a graph is refused by AWS (the emulator answers Neptune Analytics'
// AccessDeniedException, naming the IAM action and the user). The one notification and Snapshot Activity say which
// IAM action was refused for which profile; nothing is created. Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_CREDENTIALS } from '../../emulator/credentials';
import { E2e } from './harness';

const READONLY = DEMO_CREDENTIALS.find((c) => c.label === 'demo-readonly')!;
const EXPLANATION =
  /Access denied: profile demo-readonly may not call neptune-graph:CreateGraphSnapshot\. Ask your administrator for that IAM permission/;

describe('A read-only profile in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start();
  });
  after(async () => {
    await e2e?.stop();
  });

  test('demo-readonly: Create Snapshot on a graph is refused by AWS, and the extension says why', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const graphs = await wb.step('expand demo-readonly / us-east-1 / Neptune Analytics: it lists the graphs', () =>
        wb.tree.expandPath('demo-readonly', 'us-east-1', 'Neptune Analytics'),
      );
      const graph = await wb.step('customer-graph is listed (reading is allowed)', () =>
        wb.tree.child(graphs, 'customer-graph'),
      );
      await wb.step('Create Snapshot… from the context menu of customer-graph', async () => {
        await wb.tree.contextMenu(graph, 'Create Snapshot…');
        await wb.input.waitFor(/customer-graph.*\(1\/\d+\)/);
      });
      await wb.step('name the snapshot', () => wb.input.enter('customer-graph-readonly'));
      await wb.step('tags', async () => {
        await wb.input.waitFor(/\(2\/\d+\)/);
        await wb.input.enter('team=e2e');
      });
      await wb.step('confirm: Create snapshot', async () => {
        await wb.input.pick(/Create snapshot/);
        await wb.input.waitForClosed();
      });
      await wb.step('one error notification names the refused IAM action and the profile', () =>
        wb.waitForNotification(EXPLANATION),
      );
      const shown = (await wb.notifications()).filter((n) => EXPLANATION.test(n));
      assert.equal(shown.length, 1, `exactly one notification: ${shown.join(' | ')}`);
      assert.match(shown[0] ?? '', /Neptune Analytics snapshot customer-graph-readonly of customer-graph failed/);

      const creates = (await e2e.emulator.calls()).filter((c) => c.operation === 'CreateGraphSnapshot');
      assert.deepEqual(
        creates.map((c) => [c.service, c.status, c.error, c.accessKeyId]),
        [['neptune-graph', 403, 'AccessDeniedException', READONLY.accessKeyId]],
        'one create call, refused by the emulator as AWS refuses it',
      );

      await wb.step('Snapshot Activity lists the snapshot as failed', () =>
        wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /customer-graph-readonly.*failed/ })
          .first()
          .waitFor(),
      );
      await wb.step('no snapshot was created under customer-graph', async () => {
        await wb.tree.expand(graph);
        await wb.tree.child(graph, 'customer-graph-2025-07-01');
        // Level 5: the snapshots of the one expanded graph (profile, region, service, graph above them).
        const snapshots = (await wb.tree.readRows()).filter((r) => r.level === 5).map((r) => r.label);
        assert.deepEqual(snapshots, ['customer-graph-2025-07-01', 'customer-graph-2025-06-01']);
      });
    });
  });
});
