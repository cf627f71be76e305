// The Getting Started walkthrough in the workbench (code-server + headless Chromium): "Welcome: Open Walkthrough..."
// lists it; it opens on the Welcome page with its four steps, their text from package.nls.json; its first button opens
// the Snapshot Explorer view and the step is checked off. Screenshots of every step: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { E2e, waitUntil } from './harness';

const title = 'Get Started with Snapshot Explorer';
const steps = ['Open Snapshot Explorer', 'Choose profiles and regions', 'Take a snapshot', 'Write a snapshot plan'];

describe('the Getting Started walkthrough', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start();
  });
  after(async () => {
    await e2e?.stop();
  });

  test('opens from Welcome: Open Walkthrough, shows its steps, and its first button opens the view', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('Welcome: Open Walkthrough... lists ours', async () => {
        await wb.input.openPalette('>Welcome: Open Walkthrough');
        await wb.input.pick(/^Welcome: Open Walkthrough/);
        await wb.input.waitFor();
        await wb.input.pick(title);
      });
      const page = wb.page.locator('.gettingStartedContainer');
      await wb.step('the walkthrough shows its title and four steps', async () => {
        await page.getByText(title, { exact: true }).first().waitFor({ state: 'visible' });
        for (const step of steps) await page.getByText(step, { exact: true }).first().waitFor({ state: 'attached' });
      });
      const text = await page.innerText();
      assert.ok(!/%[\w.]+%/.test(text), `no %key% left on the page: ${text.slice(0, 400)}`);
      assert.match(text, /The Snapshot Explorer view lists the profiles/);

      await wb.step('its button opens the Snapshot Explorer view and checks the step off', async () => {
        await page.getByRole('button', { name: 'Open Snapshot Explorer', exact: true }).first().click();
        await waitUntil(
          () => wb.sideBarTitle().catch(() => ''),
          (shown) => /Snapshot Explorer/i.test(shown),
          'the side bar to show Snapshot Explorer',
        );
        await wb.tree.waitForItem('demo');
        // VS Code marks a done step's check box `.complete` (data-done-step-id: <extension>#<walkthrough>#<step>).
        await page.locator('[data-done-step-id$="#openView"].complete').first().waitFor({ state: 'attached' });
      });
    });
  });
});
