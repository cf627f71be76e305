// Filter by Name in the workbench (code-server + headless Chromium) against the emulator's demo data: the tree
// narrows to the branches holding a match, opened down to it without a click; a reload shows the same filter; and
// Search Everywhere finds a graph on a later page of the 205 generated in eu-west-1. Screenshots of every step:
// test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { E2e, STATE_TIMEOUT_MS, waitUntil } from './harness';
import type { Workbench } from './workbench';

/** The Resources view's title action `title` (header actions always shown, see the settings below). */
function viewAction(wb: Workbench, title: string): Locator {
  return wb.page
    .locator('.part.sidebar .pane-header[aria-label^="Resources"] .actions .action-label')
    .and(wb.page.locator(`[aria-label^="${title}"]`))
    .first();
}

/** The Resources view's message line (the filter and what it found). */
function viewMessage(wb: Workbench): Locator {
  return wb.page.locator('.part.sidebar .pane-body .message').filter({ hasText: 'Filter “' }).first();
}

async function setFilter(wb: Workbench, text: string): Promise<void> {
  await viewAction(wb, 'Filter by Name').click();
  await wb.input.waitFor('Filter Resources by Name');
  await wb.input.type(text);
  await wb.pressEnter();
  await wb.input.waitForClosed();
  await wb.parkMouse();
}

async function waitForMessage(wb: Workbench, pattern: RegExp): Promise<string> {
  return waitUntil(
    async () => ((await viewMessage(wb).count()) > 0 ? await viewMessage(wb).innerText() : ''),
    (text) => pattern.test(text),
    `the view message to match ${String(pattern)}`,
  );
}

async function labels(wb: Workbench): Promise<string[]> {
  return (await wb.tree.readRows()).map((row) => `${'  '.repeat(row.level - 1)}${row.label}`);
}

describe('Filter by Name and Search Everywhere in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'workbench.view.alwaysShowHeaderActions': true } });
  });
  after(async () => {
    await e2e?.stop();
  });

  test('a filter hides branches without a match, opens the path to it, survives a reload and searches everywhere', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step('every demo profile is listed, collapsed', () => wb.tree.waitForItem('demo-ops'));

      await wb.step('filter by “customer”: the graph shows without a click', async () => {
        await setFilter(wb, 'customer');
        await wb.tree.waitForItem('customer-graph');
        await waitForMessage(wb, /^Filter “customer”: 2 matches in 2 places/);
      });
      const filtered = await labels(wb);
      assert.deepEqual(filtered, [
        'demo',
        '  us-east-1',
        '    Neptune Analytics',
        '      customer-graph',
        'demo-readonly',
        '  us-east-1',
        '    Neptune Analytics',
        '      customer-graph',
      ]);
      assert.equal(await viewAction(wb, 'Search Everywhere').count(), 1, 'Search Everywhere shows while filtering');
      assert.equal(await viewAction(wb, 'Clear Filter').count(), 1, 'Clear Filter shows while filtering');

      await wb.step('reload the window: the same filter and tree come back', async () => {
        await wb.input.runCommand('Developer: Reload Window');
        await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
        await wb.openViewContainer('Snapshot Explorer');
        await wb.tree.waitForItem('customer-graph');
        await waitForMessage(wb, /^Filter “customer”: 2 matches in 2 places/);
      });
      assert.deepEqual(await labels(wb), filtered);

      await wb.step('filter by a graph on a later page: nothing matches in the first pages', async () => {
        await setFilter(wb, 'bulk-graph-0180');
        await waitForMessage(wb, /^Filter “bulk-graph-0180”: no matches, \d+ places have more pages/);
        await waitUntil(
          () => wb.tree.readRows(),
          (rows) => rows.length === 0,
          'every branch to be hidden',
        );
      });

      await wb.step('Search Everywhere loads the remaining pages and shows the match', async () => {
        await viewAction(wb, 'Search Everywhere').click();
        await wb.parkMouse();
        await wb.tree.waitForItem('bulk-graph-0180');
        await wb.waitForNotification(/Search Everywhere: 1 match of “bulk-graph-0180”/);
        await waitForMessage(wb, /^Filter “bulk-graph-0180”: 1 match$/);
      });
      assert.deepEqual(await labels(wb), ['demo-ops', '  eu-west-1', '    Neptune Analytics', '      bulk-graph-0180']);
      const calls = await e2e.emulator.calls();
      const graphPages = calls.filter((c) => c.operation === 'ListGraphs').length;
      assert.ok(graphPages >= 4 && graphPages <= 20, `the graphs' pages were loaded (${graphPages} ListGraphs calls)`);

      await wb.step('Clear Filter: every profile again, and the actions hide', async () => {
        await viewAction(wb, 'Clear Filter').click();
        await wb.parkMouse();
        await wb.tree.waitForItem('demo-ops');
        await viewMessage(wb).waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
        await viewAction(wb, 'Search Everywhere').waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
      });
      assert.deepEqual(await labels(wb), ['demo', 'demo-deploy', 'demo-ops', 'demo-readonly']);
    });
  });
});
