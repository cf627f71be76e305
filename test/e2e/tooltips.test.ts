// Snapshot tooltips in the workbench (code-server + headless Chromium), against the emulator: hovering a snapshot
// shows its tags, read with one ListTagsForResource when the tooltip opens (Neptune Analytics), or known from the
// listing (Storage Gateway's EBS snapshots), with its size and encryption; a DocumentDB snapshot's row says whether it
// is automated or manual. Screenshots: test-results/e2e/<scenario>/.
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

  test('hovering a snapshot shows its tags (read when the tooltip opens, not while the tree loads), size and encryption', async (t) => {
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
      assert.match(text, /Encryption:\s*Encrypted \(KMS key arn:aws:kms:us-east-1:123456789012:key\/6a0f3c1e-/);
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
      assert.match(ebsText, /Size:\s*500 GiB/);
      assert.match(ebsText, /Encryption:\s*Not encrypted/);
      await wb.page.mouse.move(0, 0);
      // The tree lists only rows near the viewport: fold the services above to bring DocumentDB's clusters into view.
      await wb.tree.collapse(wb.tree.item('Neptune Analytics'));
      await wb.tree.collapse(wb.tree.item('Storage Gateway'));
      const cluster = await wb.step('expand DocumentDB → orders-prod: automated and manual in the rows', () =>
        wb.tree.expandPath('demo', 'us-east-1', 'DocumentDB', 'orders-prod'),
      );
      const automated = await wb.tree.child(cluster, 'rds:orders-prod-2025-07-20-03-00');
      const manual = await wb.tree.child(cluster, 'orders-prod-before-upgrade');
      assert.match(await automated.locator('.label-description').innerText(), /^automated · available · /);
      assert.match(await manual.locator('.label-description').innerText(), /^manual · available · /);
      const docdbText = await wb.step('hover the manual snapshot: its KMS key', () =>
        hoverText(manual, 'purpose=upgrade'),
      );
      assert.match(docdbText, /Encryption:\s*Encrypted \(KMS key arn:aws:kms:us-east-1:123456789012:key\/3c9d2e1f-/);
    });
  });
});
