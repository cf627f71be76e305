// The explorer as a person sees it in the VS Code workbench (code-server + headless Chromium), against the emulator.
// Screenshots of every step: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultDemoProfiles, E2e, type DemoProfile } from './harness';

/** A profile whose access key the emulator does not know: every call it signs is rejected. */
const brokenProfile: DemoProfile = {
  name: 'broken-keys',
  region: 'us-east-1',
  accessKeyId: 'AKIAUNKNOWNKEY000001',
  secretAccessKey: 'not-a-key-the-emulator-knows',
};

describe('Snapshot Explorer view in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start();
  });
  after(async () => {
    await e2e?.stop();
  });

  test('the Snapshot Explorer icon in the activity bar opens its Resources view', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('click the Snapshot Explorer icon', () => wb.openViewContainer('Snapshot Explorer'));
      assert.match(await wb.sideBarTitle(), /Snapshot Explorer/i);
      await wb.step('the Resources view is in the side bar', () =>
        wb.page.locator('.part.sidebar .pane-header[aria-label^="Resources"]').waitFor({ state: 'attached' }),
      );
    });
  });

  test('with no AWS profiles the view says so, and Open AWS Config File opens the config file', async (t) => {
    e2e.useProfiles([]);
    try {
      await e2e.withWorkbench(t.name, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        await wb.step('the welcome text says no profiles were found', () =>
          wb.welcomeView().filter({ hasText: 'No AWS profiles found' }).waitFor(),
        );
        await wb.step('click Open AWS Config File', async () => {
          await wb.welcomeButton('Open AWS Config File').click();
          await wb.editor.waitForActive('config.ini');
        });
      });
    } finally {
      e2e.useProfiles(defaultDemoProfiles());
    }
  });

  test('the demo profiles show their regions, services, resources and snapshots from the emulator', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step('every demo profile is listed', async () => {
        for (const profile of defaultDemoProfiles()) await wb.tree.waitForItem(profile.name);
      });
      await wb.step('expand demo: its region us-east-1', () => wb.tree.expandPath('demo', 'us-east-1'));
      await wb.step('the region lists the five services', async () => {
        const region = await wb.tree.expandPath('demo', 'us-east-1');
        for (const service of [
          'Neptune Analytics',
          'Storage Gateway',
          'DocumentDB',
          'SimSpace Weaver',
          'Neptune Database',
        ]) {
          await wb.tree.child(region, service);
        }
      });
      await wb.step('Neptune Analytics lists the demo graphs', async () => {
        const service = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
        for (const graph of ['customer-graph', 'fraud-detection', 'recommendations']) {
          await wb.tree.child(service, graph);
        }
      });
      await wb.step('customer-graph lists its snapshots', async () => {
        const graph = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await wb.tree.child(graph, 'customer-graph-2025-06-01');
        await wb.tree.child(graph, 'customer-graph-2025-07-01');
      });
      const calls = await e2e.emulator.calls();
      assert.ok(
        calls.some((call) => call.service === 'neptune-graph' && call.status === 200),
        'the tree was filled by calls to the emulator',
      );
    });
  });

  test('a profile with unknown keys shows an error node while the other profiles still render', async (t) => {
    e2e.useProfiles([...defaultDemoProfiles(), brokenProfile]);
    try {
      await e2e.withWorkbench(t.name, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        await wb.step('the broken profile shows an error where its graphs would be', async () => {
          const service = await wb.tree.expandPath(brokenProfile.name, 'us-east-1', 'Neptune Analytics');
          await wb.tree.child(service, /^Could not /);
        });
        await wb.step('the demo profile still lists its graphs', async () => {
          const service = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
          await wb.tree.child(service, 'customer-graph');
        });
      });
    } finally {
      e2e.useProfiles(defaultDemoProfiles());
    }
  });

  test('a failing service shows its error node while the other services render', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await e2e.emulator.faults({ services: ['docdb'], errorRate: 1 });
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step('DocumentDB shows an error node', async () => {
        const service = await wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB');
        await wb.tree.child(service, /^Could not /);
      });
      await wb.step('Neptune Analytics in the same region lists its graphs', async () => {
        const service = await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics');
        await wb.tree.child(service, 'customer-graph');
      });
      const failed = (await e2e.emulator.calls()).filter((call) => call.service === 'docdb');
      assert.ok(failed.length > 0 && failed.every((call) => call.status >= 500), 'DocumentDB calls were failed');
    });
  });
});
