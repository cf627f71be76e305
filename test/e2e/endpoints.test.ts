// The endpoint override holds through settings changes in the real workbench: in the first window while VS Code
// migrates a value of settings.json, after Choose Regions… (a write to the user settings) and after a colour theme
// change, branches not loaded yet still call the emulator, every client the extension built names the override of
// the settings as its endpoint, and nothing names a public AWS host. (In code-server the user settings are local
// to a remote window; the setting was machine-scoped, so VS Code dropped it at the first re-read of that file.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { E2e, publicHostLines, waitUntil, type Workbench } from './harness';

/** A value VS Code 1.100 rewrites in settings.json on its own at startup (boolean → "expand"). */
const migrated = 'workbench.editor.doubleClickTabToToggleEditorGroupSizes';

describe('the endpoint override survives settings changes', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { [migrated]: true } });
  });
  after(async () => {
    await e2e?.stop();
  });

  /** Checks that the extension's log and the emulator's call log show only calls to the override. */
  async function assertOnlyEmulator(wb: Workbench, services: readonly string[]): Promise<void> {
    const log = await e2e.extensionLog(wb);
    const clients = log.split('\n').filter((line) => line.includes(' client for profile '));
    assert.ok(clients.length > 0, `the extension logged the clients it built:\n${log}`);
    for (const line of clients) {
      const endpoint = `endpoint ${e2e.session.emulatorUrl} (snapshotExplorer.endpoints["*"])`;
      assert.ok(line.endsWith(endpoint), `every client uses the override of the setting: ${line}`);
    }
    assert.deepEqual(
      publicHostLines(log, e2e.session.emulatorUrl ?? ''),
      [],
      'no call was meant for a public AWS host',
    );
    const calls = await e2e.emulator.calls();
    for (const service of services) {
      assert.ok(
        calls.some((call) => call.service === service && call.status === 200),
        `the emulator answered ${service}`,
      );
    }
  }

  /** Opens the view and loads the graphs of demo · us-east-1 (then folds them away). */
  async function loadOneBranch(wb: Workbench): Promise<void> {
    await wb.openViewContainer('Snapshot Explorer');
    const service = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
    await wb.tree.child(service, 'customer-graph');
    await wb.tree.collapse(service);
  }

  test('in the first window, while VS Code migrates a value of settings.json, every branch calls the emulator', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('VS Code has migrated the value in settings.json', () =>
        waitUntil(
          async () => readFileSync(path.join(e2e.session.userDataDir, 'User', 'settings.json'), 'utf8'),
          (text) => text.includes(`"${migrated}": "expand"`),
          `VS Code to migrate ${migrated}`,
        ),
      );
      await wb.step('Storage Gateway, DocumentDB and SimSpace Weaver list their resources', async () => {
        await wb.openViewContainer('Snapshot Explorer');
        const gateway = await wb.tree.expandPath('demo', 'us-east-1', 'Storage Gateway');
        await wb.tree.child(gateway, /^vol-/);
        await wb.tree.collapse(gateway);
        const docdb = await wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB');
        await wb.tree.child(docdb, 'orders-prod');
        await wb.tree.collapse(docdb);
        const weaver = await wb.tree.expandPath('demo', 'us-east-1', 'SimSpace Weaver');
        await wb.tree.child(weaver, /./);
      });
      await assertOnlyEmulator(wb, ['storagegateway', 'docdb', 'simspaceweaver']);
    });
  });

  test('after Choose Regions… the new region and the branches not loaded yet call the emulator', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view and load one branch', () => loadOneBranch(wb));
      await wb.step('Choose Regions… on demo: add eu-west-1', async () => {
        await wb.tree.contextMenu(wb.tree.item('demo'), 'Choose Regions…');
        await wb.input.waitFor('Regions of profile demo');
        await wb.input.type('eu-west-1');
        await wb.input.toggle('eu-west-1');
        await wb.input.accept();
        // The tree reloads with the new region: wait for it, so the next steps find rows that stay put.
        await wb.tree.child(await wb.tree.expand('demo'), 'eu-west-1');
      });
      await wb.step('DocumentDB in us-east-1 (not loaded before) lists its clusters', async () => {
        const service = await wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB');
        await wb.tree.child(service, 'orders-prod');
        await wb.tree.collapse(await wb.tree.expandPath('demo', 'us-east-1'));
      });
      await wb.step('Storage Gateway in the new region eu-west-1 lists its volumes', async () => {
        const service = await wb.tree.expandPath('demo', 'eu-west-1', 'Storage Gateway');
        await wb.tree.child(service, 'vol-5566EEFF');
      });
      await assertOnlyEmulator(wb, ['neptune-graph', 'docdb', 'storagegateway']);
    });
  });

  test('after a colour theme change the branches not loaded yet call the emulator', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view and load one branch', () => loadOneBranch(wb));
      await wb.step('Preferences: Color Theme → Light Modern', async () => {
        await wb.input.runCommand('Preferences: Color Theme');
        await wb.input.pick('Light Modern');
        await wb.input.waitForClosed();
        await wb.page.locator('.monaco-workbench.vs').waitFor();
      });
      await wb.step('DocumentDB and SimSpace Weaver (not loaded before) list their resources', async () => {
        const docdb = await wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB');
        await wb.tree.child(docdb, 'orders-prod');
        await wb.tree.collapse(docdb);
        const weaver = await wb.tree.expandPath('demo', 'us-east-1', 'SimSpace Weaver');
        await wb.tree.child(weaver, /./);
      });
      await assertOnlyEmulator(wb, ['neptune-graph', 'docdb', 'simspaceweaver']);
    });
  });
});
