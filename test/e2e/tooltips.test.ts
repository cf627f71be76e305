// Snapshot tooltips in the workbench (code-server + headless Chromium), against the emulator: hovering a snapshot
// shows its tags, read with one ListTagsForResource when the tooltip opens (Neptune Analytics), or known from the
// listing (Storage Gateway's EBS snapshots). Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { E2e } from './harness';
import { STATE_TIMEOUT_MS } from './wait';

describe('Snapshot tooltips in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    // Tooltips on (the other scenarios keep them out of the way).
    e2e = await E2e.start({ settings: { 'workbench.hover.delay': 200 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  test('hovering a snapshot shows its tags, read when the tooltip opens and not while the tree loads', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      const hoverText = async (row: Locator, text: string): Promise<string> => {
        await row.locator('.label-name').hover();
        const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: text }).first();
        await hover.waitFor({ timeout: STATE_TIMEOUT_MS });
        return hover.innerText();
      };
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const graph = await wb.step('expand demo → us-east-1 → Neptune Analytics → fraud-detection', () =>
        wb.tree.expandPath('demo', 'us-east-1', 'Neptune Analytics', 'fraud-detection'),
      );
      const snapshot = await wb.tree.child(graph, 'fraud-detection-before-retrain');
      const tagReads = async () =>
        (await e2e.emulator.calls()).filter(
          (c) => c.service === 'neptune-graph' && c.operation === 'ListTagsForResource',
        );
      assert.equal((await tagReads()).length, 0, 'loading the tree read no tags');
      const text = await wb.step('hover the snapshot: its tooltip shows its tags', () =>
        hoverText(snapshot, 'team=risk'),
      );
      assert.match(text, /Tags:\s*team=risk/);
      assert.equal((await tagReads()).length, 1, 'one ListTagsForResource, on hover');
      await wb.page.mouse.move(0, 0);
      const volume = await wb.step('expand Storage Gateway → vol-1122AABB', () =>
        wb.tree.expandPath('demo', 'us-east-1', 'Storage Gateway', 'vol-1122AABB'),
      );
      const ebs = await wb.tree.child(volume, 'office-shares before migration');
      const ebsText = await wb.step('hover an EBS snapshot: its tags came with the listing', () =>
        hoverText(ebs, 'reason=migration'),
      );
      assert.match(ebsText, /Tags:\s*reason=migration/);
    });
  });
});
