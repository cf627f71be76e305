// Snapshot plans in the desktop extension host, through the API: diagnostics VS Code holds for a *.snapshots.yaml
// document (vscode.languages.getDiagnostics), the live checks reaching the emulator with the runner's throwaway
// AWS profiles, and Dry Run Plan. The same scenarios as test/e2e/plans.test.ts, without a browser.
import assert from 'node:assert/strict';
import { setup, suite, test } from 'mocha';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { neptuneGraphRules } from '../../../src/validation';
import { diagnosticMessages, emulatorCalls, openWorkspaceFile, resetEmulator, waitFor } from './support';

/** Line 7 (index 6) holds the first entry's name, the value the scenarios edit. */
const validName = 'customer-graph-plan';
function plan(resource: string, name: string): string {
  return [
    'defaults:',
    '  profile: demo',
    '  region: us-east-1',
    'snapshots:',
    '  - service: neptune-graph',
    `    resource: ${resource}`,
    `    name: ${name}`,
    '  - service: docdb',
    '    resource: orders-prod',
    '    name: orders-prod-plan',
    '',
  ].join('\n');
}

/** The message the Neptune Analytics snapshot name rule gives for `value` (the plan diagnostic quotes it). */
function nameRuleMessage(value: string): string {
  const field = neptuneGraphRules.fields.find((f) => f.key === 'snapshotName');
  const issue = field?.validate(value).find((i) => i.severity === 'error');
  assert.ok(issue, `the Neptune Analytics rules reject ${value}`);
  return issue.message;
}

/** Replaces the value of the first entry's `name:` (line 7) with `name`. */
async function setFirstName(editor: vscode.TextEditor, name: string): Promise<void> {
  const line = editor.document.lineAt(6);
  const start = line.text.indexOf('name: ') + 'name: '.length;
  assert.ok(start >= 'name: '.length, `line 7 is the name line: ${line.text}`);
  const ok = await editor.edit((b) => b.replace(new vscode.Range(6, start, 6, line.text.length), name));
  assert.ok(ok, 'the edit was applied');
}

suite('Snapshot plans in the desktop extension host', () => {
  setup(async () => {
    await resetEmulator();
  });

  test('an invalid snapshot name gets the rule as a diagnostic while typing, and fixing it clears it', async () => {
    const editor = await openWorkspaceFile('typing.snapshots.yaml', plan('customer-graph', validName));
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'snapshot-plan');
    const message = nameRuleMessage('Bad_Name');
    await setFirstName(editor, 'Bad_Name');
    await waitFor(
      `a diagnostic containing "${message}"`,
      () => diagnosticMessages(uri),
      (messages) => messages.some((m) => m.includes(message)),
    );
    await setFirstName(editor, validName);
    await waitFor(
      `the diagnostic "${message}" to clear`,
      () => diagnosticMessages(uri),
      (messages) => !messages.some((m) => m.includes(message)),
    );
    assert.ok(await editor.document.save(), 'the fixed plan saves');
  });

  test('live checks read the emulator with the demo profile and report a graph it does not have', async () => {
    const editor = await openWorkspaceFile('live.snapshots.yaml', plan('no-such-graph', validName));
    const diagnostics = await waitFor(
      'a diagnostic naming `no-such-graph` in profile `demo`',
      () => diagnosticMessages(editor.document.uri),
      (messages) => messages.some((m) => m.includes('`no-such-graph` in profile `demo`, us-east-1')),
    );
    assert.ok(diagnostics.length > 0);
    const calls = await emulatorCalls();
    assert.ok(
      calls.some(
        (c) =>
          c.service === 'neptune-graph' &&
          c.operation === 'ListGraphs' &&
          c.status === 200 &&
          c.region === 'us-east-1' &&
          c.accessKeyId === DEMO_CREDENTIALS[0]?.accessKeyId,
      ),
      `a successful ListGraphs signed with the demo key; calls: ${JSON.stringify(calls)}`,
    );
  });

  test('Dry Run Plan shows both planned create calls and makes no create call', async () => {
    const editor = await openWorkspaceFile('dry-run.snapshots.yaml', plan('customer-graph', validName));
    const planUri = editor.document.uri;
    await vscode.commands.executeCommand('snapshotExplorer.dryRunPlan', planUri);
    const report = vscode.workspace.textDocuments.find(
      (d) => d.languageId === 'markdown' && d.uri.scheme === 'untitled' && d.getText().includes(validName),
    );
    assert.ok(report, 'a Markdown report naming the planned snapshot is open');
    for (const expected of ['CreateGraphSnapshot', 'CreateDBClusterSnapshot', 'orders-prod-plan']) {
      assert.ok(report.getText().includes(expected), `the report names ${expected}`);
    }
    const creates = (await emulatorCalls()).filter((c) => c.operation.startsWith('Create'));
    assert.deepEqual(creates, [], 'a dry run creates nothing');
  });
});
