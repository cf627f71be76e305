// An assume-role profile in the workbench: `demo-deploy` of the demo config (scripts/e2e/awsFiles.ts: the role
// `deploy` of the staging account, source profile `demo`) lists the staging account's own resources, with
// credentials the packaged extension got from the emulator's STS (AssumeRole signed with demo's keys, sent to the
// endpoint the profile's clients use); `demo` beside it still lists prod-data's. Screenshots:
// test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { E2e } from './harness';

const STAGING = '210987654321';

describe('An assume-role profile in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start();
  });
  after(async () => {
    await e2e?.stop();
  });

  test('demo-deploy shows the staging account’s graph and cluster through STS', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const graphs = await wb.step('expand demo-deploy / us-east-1 / Neptune Analytics', () =>
        wb.tree.expandPath('demo-deploy', 'us-east-1', 'Neptune Analytics'),
      );
      await wb.step('staging-graph is listed (the staging account’s data)', () =>
        wb.tree.child(graphs, 'staging-graph'),
      );
      const clusters = await wb.step('expand demo-deploy / us-east-1 / DocumentDB', () =>
        wb.tree.expandPath('demo-deploy', 'us-east-1', 'DocumentDB'),
      );
      await wb.step('orders-staging is listed', () => wb.tree.child(clusters, 'orders-staging'));
      await wb.step('demo still lists prod-data’s customer-graph', async () => {
        const prod = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
        await wb.tree.child(prod, 'customer-graph');
      });

      const calls = await e2e.emulator.calls();
      const assumed = calls.filter((c) => c.service === 'sts' && c.operation === 'AssumeRole');
      assert.ok(assumed.length >= 1, 'the extension assumed the role through the emulator');
      assert.ok(
        assumed.every((c) => c.status === 200),
        `every AssumeRole succeeded: ${JSON.stringify(assumed)}`,
      );
      assert.ok(
        calls.some((c) => c.operation === 'ListGraphs' && c.accountId === STAGING && c.status === 200),
        'the graphs were listed in the staging account',
      );
      const log = await e2e.extensionLog(wb);
      const stsClients = log
        .split('\n')
        .filter((line) => line.includes('Created sts client for profile "demo-deploy"'));
      assert.ok(stsClients.length >= 1, `the inner STS client is logged:\n${log}`);
      for (const line of stsClients) {
        assert.ok(line.includes(`endpoint ${e2e.session.emulatorUrl} (`), `STS goes to the emulator: ${line}`);
      }
    });
  });
});
