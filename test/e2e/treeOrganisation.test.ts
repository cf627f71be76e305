// The tree's organisation in the workbench (code-server + headless Chromium) against the emulator's demo data: region
// names beside their codes, counts on every service without expanding it, Sort By… kept across a reload, and SimSpace
// Weaver, gone from its endpoint, shown as one line under the profile and hidden with Hide Service (the setting).
// Screenshots of every step: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { E2e, STATE_TIMEOUT_MS, waitUntil } from './harness';
import type { Workbench } from './workbench';

/** The Resources view's header (title, description, actions). */
function viewHeader(wb: Workbench): Locator {
  return wb.page.locator('.part.sidebar .pane-header[aria-label^="Resources"]');
}

function viewAction(wb: Workbench, title: string): Locator {
  return viewHeader(wb)
    .locator('.actions .action-label')
    .and(wb.page.locator(`[aria-label^="${title}"]`))
    .first();
}

async function waitForViewDescription(wb: Workbench, text: string): Promise<void> {
  await viewHeader(wb).locator('.description', { hasText: text }).waitFor({ timeout: STATE_TIMEOUT_MS });
}

/** The labels of the rows right under `parent` (the next rows one level deeper), in order. */
async function childLabels(wb: Workbench, parent: string): Promise<string[]> {
  const rows = await wb.tree.readRows();
  const at = rows.findIndex((r) => r.label === parent);
  if (at < 0) return [];
  const level = rows[at]!.level;
  const out: string[] = [];
  for (const row of rows.slice(at + 1)) {
    if (row.level <= level) break;
    if (row.level === level + 1) out.push(row.label);
  }
  return out;
}

async function waitForChildren(wb: Workbench, parent: string, expected: string[]): Promise<void> {
  await waitUntil(
    () => childLabels(wb, parent),
    (now) => now.join('|') === expected.join('|'),
    `${parent} to list ${expected.join(', ')}`,
  );
}

/** The description of the row labelled `label` ('' while it has none). */
async function description(wb: Workbench, label: string): Promise<string> {
  return (await wb.tree.readRows()).find((r) => r.label === label)?.description ?? '';
}

async function sortBy(wb: Workbench, order: string): Promise<void> {
  await viewAction(wb, 'Sort By').click();
  await wb.input.waitFor('Sort Resources and Snapshots By');
  await wb.input.pick(order);
  await wb.input.waitForClosed();
  await wb.parkMouse();
}

/** The demo's DocumentDB clusters in us-east-1, newest first, and the group of copies that follows them. */
const newestFirst = ['analytics-docdb', 'catalog-dev', 'orders-prod'];
const group = 'Snapshots without a cluster here';

const weaverLine = 'SimSpace Weaver: not reachable in us-east-1';

describe('The tree organised: region names, counts, sort order, services shown', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'workbench.view.alwaysShowHeaderActions': true } });
  });
  after(async () => {
    await e2e?.stop();
  });

  test('region names beside codes, counts on every service, and Sort By… kept after a reload', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view: the order shows beside its title', async () => {
        await wb.openViewContainer('Snapshot Explorer');
        await waitForViewDescription(wb, 'Sorted: Newest First');
      });
      await wb.step('expand demo: us-east-1 with its name beside it', async () => {
        await wb.tree.expandPath('demo', 'us-east-1');
        await waitUntil(
          () => description(wb, 'us-east-1'),
          (d) => d === 'US East (N. Virginia)',
          'the region name',
        );
      });
      await wb.step('every service shows its count without being expanded', async () => {
        await waitUntil(
          () => Promise.all(['Neptune Analytics', 'DocumentDB', 'Storage Gateway'].map((s) => description(wb, s))),
          (d) => d[0] === '3 graphs' && d[1] === '3 clusters' && /^\d+ volumes?$/.test(d[2] ?? ''),
          'the counts on the services',
        );
      });
      await wb.step('DocumentDB lists its clusters newest first, then the copies from other regions', async () => {
        await wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB');
        await waitForChildren(wb, 'DocumentDB', [...newestFirst, group]);
      });
      await wb.step(
        'Sort By… Oldest First: clusters and snapshots oldest first, the order beside the title',
        async () => {
          await sortBy(wb, 'Oldest First');
          await waitForViewDescription(wb, 'Sorted: Oldest First');
          await waitForChildren(wb, 'DocumentDB', [...[...newestFirst].reverse(), group]);
          await wb.tree.collapse(wb.tree.item('DocumentDB'));
        },
      );
      await wb.step('customer-graph: its snapshots oldest first, and their count on it', async () => {
        await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await waitForChildren(wb, 'customer-graph', ['customer-graph-2025-06-01', 'customer-graph-2025-07-01']);
        await waitUntil(
          () => description(wb, 'customer-graph'),
          (d) => d.includes('2 snapshots'),
          'the snapshot count',
        );
      });
      await wb.step('reload the window: still oldest first', async () => {
        await wb.input.runCommand('Developer: Reload Window');
        await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
        await wb.openViewContainer('Snapshot Explorer');
        await waitForViewDescription(wb, 'Sorted: Oldest First');
        await wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'customer-graph');
        await waitForChildren(wb, 'customer-graph', ['customer-graph-2025-06-01', 'customer-graph-2025-07-01']);
      });
      await wb.step('Sort By… Name, then Newest First again', async () => {
        await sortBy(wb, 'Name');
        await waitForViewDescription(wb, 'Sorted: Name');
        await waitForChildren(wb, 'customer-graph', ['customer-graph-2025-06-01', 'customer-graph-2025-07-01']);
        await sortBy(wb, 'Newest First');
        await waitForViewDescription(wb, 'Sorted: Newest First');
        await waitForChildren(wb, 'customer-graph', ['customer-graph-2025-07-01', 'customer-graph-2025-06-01']);
      });
    });
  });

  test('SimSpace Weaver gone from its endpoint: one line under the profile; Hide Service hides it', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await e2e.emulator.faults({ gone: ['simspaceweaver'] });
      await wb.step('open the view and expand demo: one line for SimSpace Weaver', async () => {
        await wb.openViewContainer('Snapshot Explorer');
        await wb.tree.expandPath('demo', 'us-east-1');
        await wb.tree.waitForItem(weaverLine);
      });
      const services = ['Neptune Analytics', 'Storage Gateway', 'DocumentDB', 'Neptune Database'];
      await waitForChildren(wb, 'us-east-1', services);
      assert.deepEqual(await childLabels(wb, 'demo'), ['us-east-1', weaverLine]);
      await wb.step('Hide Service: the line goes, the setting keeps Weaver hidden for demo', async () => {
        await wb.tree.inlineAction(wb.tree.item(weaverLine), 'Hide Service');
        await wb.tree.item(weaverLine).waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
        await waitForChildren(wb, 'us-east-1', services);
      });
      await e2e.emulator.faults({});
      await wb.step('the endpoint answers again, Refresh: still hidden for demo, shown for demo-ops', async () => {
        await viewAction(wb, 'Refresh').click();
        await wb.parkMouse();
        await wb.tree.expandPath('demo', 'us-east-1');
        await waitForChildren(wb, 'us-east-1', services);
        await wb.tree.expandPath('demo-ops', 'eu-west-1');
        await waitUntil(
          () => childLabels(wb, 'eu-west-1'),
          (now) => now.includes('SimSpace Weaver'),
          'SimSpace Weaver under demo-ops',
        );
      });
      const settings = JSON.parse(
        readFileSync(path.join(e2e.session.userDataDir, 'User', 'settings.json'), 'utf8'),
      ) as Record<string, unknown>;
      assert.deepEqual(settings['snapshotExplorer.services'], {
        demo: ['neptune-graph', 'storagegateway', 'docdb', 'neptune'],
      });
    });
  });
});
