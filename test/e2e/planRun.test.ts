// Run Plan and Dry Run in the workbench, against the emulator's demo account (where the Neptune Analytics graph
// `recommendations` is stopped): the confirmation names the entry expected to fail and offers to skip it; a run ends
// with exactly ONE notification (the snapshots it requested finish silently in Snapshot Activity, where an entry
// that failed is listed too); Dry Run opens a read-only preview, no Untitled buffer to save.
// Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { E2e, waitUntil, type Workbench } from './harness';

const planFile = 'skip-e2e.snapshots.yaml';
const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: docdb',
  '    resource: orders-prod',
  "    name: 'orders-prod-e2e-{timestamp}'",
  '  - service: neptune-graph',
  '    resource: recommendations',
  "    name: 'recommendations-e2e-{timestamp}'",
  '',
].join('\n');

/** Whether some webview of the page (the Markdown preview is one) shows text matching `pattern`. */
async function shownInFrames(wb: Workbench, pattern: RegExp): Promise<boolean> {
  for (const frame of wb.page.frames().filter((f) => f !== wb.page.mainFrame())) {
    const count = await frame
      .getByText(pattern)
      .count()
      .catch(() => 0);
    if (count > 0) return true;
  }
  return false;
}

/**
 * Every notification of the window after a moment of quiet (a late one would show up in it): the Notifications
 * center keeps those whose toasts already hid. Progress notifications that ended are gone from it.
 */
async function settledNotifications(wb: Workbench): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await wb.input.runCommand('Notifications: Show Notifications');
  const center = wb.page.locator('.notifications-center');
  await center.waitFor();
  const messages = (await center.locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
  await wb.screenshot('notifications-center');
  await wb.input.runCommand('Notifications: Hide Notifications');
  return messages;
}

describe('Run Plan and Dry Run in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'snapshotExplorer.polling.initialSeconds': 1 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  test('Run Plan offers to skip the entry expected to fail and ends with one notification', async (t) => {
    e2e.writeWorkspaceFile(planFile, plan);
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step(`open ${planFile}`, () => wb.editor.openFile(planFile));
      const dialog = await wb.step('Run Plan: the confirmation names the entry expected to fail', async () => {
        await wb.input.runCommand('Snapshot Explorer: Run Plan');
        return wb.waitForDialog(/Take 2 snapshots\? 1 of them is expected to fail\./);
      });
      const text = await dialog.innerText();
      assert.match(text, /Line 8, recommendations: The graph recommendations is stopped/);
      const buttons = (await dialog.locator('.monaco-button').allInnerTexts()).map((b) => b.trim());
      assert.ok(buttons.includes('Run 1, Skip 1 Expected to Fail'), buttons.join(' | '));
      assert.ok(buttons.includes('Run All'), buttons.join(' | '));
      await wb.step('choose Run 1, Skip 1', () => wb.clickDialogButton(dialog, 'Run 1, Skip 1 Expected to Fail'));
      await wb.step('one notification sums the run up', () =>
        wb.waitForNotification(/1 of 2 snapshots requested, 1 skipped/),
      );
      const creates = (await e2e.emulator.calls()).filter((c) => c.operation.startsWith('Create'));
      assert.deepEqual(
        creates.map((c) => c.operation),
        ['CreateDBClusterSnapshot'],
        'the skipped entry sent nothing',
      );
      await wb.step('the requested snapshot becomes available in Snapshot Activity', () =>
        wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /orders-prod-e2e-.*available/ })
          .first()
          .waitFor({ timeout: 60_000 }),
      );
      const afterFirst = await wb.step('still exactly one notification', () => settledNotifications(wb));
      assert.equal(afterFirst.length, 1, afterFirst.join(' / '));

      const again = await wb.step('Run Plan again: Run All', async () => {
        await wb.page.locator('.part.editor .tab').filter({ hasText: planFile }).first().click();
        await wb.input.runCommand('Snapshot Explorer: Run Plan');
        return wb.waitForDialog(/1 of them is expected to fail/);
      });
      await wb.clickDialogButton(again, 'Run All');
      await wb.step('one notification: 1 requested, 1 failed', () =>
        wb.waitForNotification(/1 of 2 snapshots requested, 1 failed/),
      );
      await wb.step('the failed entry is in Snapshot Activity, with its reason', async () => {
        const row = wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /recommendations-e2e-.*failed/ })
          .first();
        await row.waitFor();
      });
      await wb.step('the second run’s snapshot becomes available too', () =>
        waitUntil(
          () =>
            wb
              .view('Snapshot Activity')
              .locator('.monaco-list-row')
              .filter({ hasText: /orders-prod-e2e-.*available/ })
              .count(),
          (n) => n >= 2,
          'both orders-prod snapshots available',
          60_000,
        ),
      );
      const afterSecond = await wb.step('one notification per run, nothing per snapshot', () =>
        settledNotifications(wb),
      );
      assert.equal(afterSecond.length, 2, afterSecond.join(' / '));
      assert.ok(
        afterSecond.every((n) => /^Plan skip-e2e\.snapshots\.yaml: /.test(n)),
        afterSecond.join(' / '),
      );
    });
  });

  test('Dry Run opens a read-only preview: no Untitled document, nothing unsaved', async (t) => {
    e2e.writeWorkspaceFile(planFile, plan);
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step(`open ${planFile}`, () => wb.editor.openFile(planFile));
      await wb.step('Dry Run shows the calls as a readable table in a preview', async () => {
        await wb.input.runCommand('Snapshot Explorer: Dry Run Plan');
        await waitUntil(() => shownInFrames(wb, /Dry run: skip-e2e\.snapshots\.yaml/), Boolean, 'the dry run');
        await waitUntil(() => shownInFrames(wb, /^Live$/), Boolean, 'the overview table');
        await waitUntil(() => shownInFrames(wb, /Every entry runs in profile \/ region/), Boolean, 'where, said once');
        await waitUntil(() => shownInFrames(wb, /CreateGraphSnapshot/), Boolean, 'the calls');
      });
      const tabs = await wb.editor.tabLabels();
      assert.ok(
        tabs.some((s) => /dry run/.test(s)),
        `a tab for the dry run: ${tabs.join(' | ')}`,
      );
      assert.ok(!tabs.some((s) => /^Untitled/.test(s)), `no Untitled tab: ${tabs.join(' | ')}`);
      assert.equal(await wb.page.locator('.part.editor .tab.dirty').count(), 0, 'no unsaved editor');
      const explorer = (await wb.activityBarIcon('Explorer').getAttribute('aria-label')) ?? '';
      assert.doesNotMatch(explorer, /unsaved/, `nothing unsaved in the window: ${explorer}`);
      await wb.step('edit the plan and Dry Run again: one preview, showing the new plan', async () => {
        await wb.page.locator('.part.editor .tab').filter({ hasText: planFile }).first().click();
        await wb.editor.goToLineEnd(6);
        await wb.editor.deleteBack('orders-prod'.length);
        await wb.editor.type('catalog-dev');
        await wb.input.runCommand('Snapshot Explorer: Dry Run Plan');
        await waitUntil(() => shownInFrames(wb, /^catalog-dev$/), Boolean, 'the edited resource in the preview');
      });
      await waitUntil(
        async () => (await wb.editor.tabLabels()).filter((s) => /dry run/.test(s)),
        (previews) => previews.length === 1,
        'one dry run preview',
      );
      assert.equal(await shownInFrames(wb, /^orders-prod$/), false, 'the old dry run is gone');
    });
  });
});
