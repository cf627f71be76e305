// Snapshot plans in the workbench: a *.snapshots.yaml file shows diagnostics as you type and runs, against the
// emulator. Screenshots: test-results/e2e/<scenario>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { firstIssue } from '../../src/snapshots/inputSteps';
import { neptuneGraphRules } from '../../src/validation';
import { E2e, waitUntil } from './harness';

const planFile = 'release.snapshots.yaml';
/** Line 7 ends with the first entry's name, the value the scenario edits. */
const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: customer-graph',
  '    name: customer-graph-plan',
  '  - service: docdb',
  '    resource: orders-prod',
  '    name: orders-prod-plan',
  '',
].join('\n');

function nameRuleMessage(value: string): string {
  const field = neptuneGraphRules.fields.find((f) => f.key === 'snapshotName');
  const issue = field && firstIssue(field.validate(value));
  assert.ok(issue, `the Neptune Analytics rules reject ${value}`);
  return issue.message;
}

describe('Snapshot plans in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({ settings: { 'snapshotExplorer.polling.initialSeconds': 1 } });
  });
  after(async () => {
    await e2e?.stop();
  });

  test('a plan shows a diagnostic as you type an invalid name, clears it when fixed, and runs', async (t) => {
    e2e.writeWorkspaceFile(planFile, plan);
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step(`open ${planFile}`, () => wb.editor.openFile(planFile));
      const message = nameRuleMessage('Bad_Name');
      await wb.step('type an invalid snapshot name: the Problems panel shows the rule', async () => {
        await wb.editor.goToLineEnd(7);
        await wb.editor.deleteBack('customer-graph-plan'.length);
        await wb.editor.type('Bad_Name');
        await wb.editor.waitForProblem(message);
      });
      await wb.step('fix the name: the problem goes away', async () => {
        await wb.editor.deleteBack('Bad_Name'.length);
        await wb.editor.type('customer-graph-plan');
        await wb.editor.waitForProblemGone(message);
        await wb.editor.save();
      });
      assert.equal((await e2e.emulator.calls()).filter((c) => c.operation.startsWith('Create')).length, 0);
      const dialog = await wb.step('Run Plan asks to confirm two snapshots', async () => {
        await wb.input.runCommand('Snapshot Explorer: Run Plan');
        return wb.waitForDialog(/Take 2 snapshots\?/);
      });
      await wb.step('confirm: Run Plan', () => wb.clickDialogButton(dialog, 'Run Plan'));
      await wb.step('a notification reports both snapshots requested', () =>
        wb.waitForNotification(/2 of 2 snapshots requested/),
      );
      const creates = (await e2e.emulator.calls()).filter((c) => c.operation.startsWith('Create'));
      assert.deepEqual(creates.map((c) => `${c.service} ${c.operation}`).sort(), [
        'docdb CreateDBClusterSnapshot',
        'neptune-graph CreateGraphSnapshot',
      ]);
      await wb.step('the Snapshot Activity view lists both', async () => {
        for (const name of ['customer-graph-plan', 'orders-prod-plan']) {
          await wb.view('Snapshot Activity').locator('.monaco-list-row').filter({ hasText: name }).first().waitFor();
        }
      });
    });
  });

  test('a plan with keep: 1 runs, and its Dry Run then lists the older plan snapshot it would delete, and why', async (t) => {
    const retentionFile = 'nightly-e2e.snapshots.yaml';
    e2e.writeWorkspaceFile(
      retentionFile,
      [
        'defaults:',
        '  profile: demo',
        '  region: us-east-1',
        '  keep: 1',
        'snapshots:',
        '  - service: neptune-graph',
        '    resource: customer-graph',
        "    name: 'customer-graph-nightly-{timestamp}'",
        '',
      ].join('\n'),
    );
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      await wb.step(`open ${retentionFile}`, () => wb.editor.openFile(retentionFile));
      const dialog = await wb.step('Run Plan asks to confirm one snapshot', async () => {
        await wb.input.runCommand('Snapshot Explorer: Run Plan');
        return wb.waitForDialog(/Take 1 snapshot/);
      });
      await wb.step('confirm: Run Plan', () => wb.clickDialogButton(dialog, 'Run Plan'));
      await wb.step('the plan snapshot is requested', () => wb.waitForNotification(/1 of 1 snapshots? requested/));
      await wb.step('the plan snapshot becomes available (its tag marks it as the plan’s)', async () => {
        await wb
          .view('Snapshot Activity')
          .locator('.monaco-list-row')
          .filter({ hasText: /customer-graph-nightly-.*available/ })
          .first()
          .waitFor({ timeout: 60_000 });
      });
      await wb.step('Dry Run lists the plan snapshot a next run would delete, with the reason', async () => {
        await wb.editor.openFile(retentionFile);
        await wb.input.runCommand('Snapshot Explorer: Dry Run Plan');
        // The dry run opens as a Markdown preview: its text is in the preview's frames, not the workbench page.
        const shown = async (pattern: RegExp) => {
          for (const frame of wb.page.frames()) {
            if (
              (await frame
                .getByText(pattern)
                .count()
                .catch(() => 0)) > 0
            )
              return true;
          }
          return false;
        };
        await waitUntil(() => shown(/1 snapshot\s*would be deleted by retention/), Boolean, 'the count of deletions');
        await waitUntil(() => shown(/customer-graph.*\(keep 1\): deletes 1/), Boolean, 'the retention section');
        await waitUntil(
          () => shown(/customer-graph-nightly-\d{8}-\d{6}/),
          Boolean,
          'the plan snapshot it would delete',
        );
      });
      const deletes = (await e2e.emulator.calls()).filter((c) => c.operation === 'DeleteGraphSnapshot');
      assert.equal(deletes.length, 0, 'a dry run deletes nothing; the first run had nothing of its own to delete');
    });
  });
});
