// The extension in the desktop extension host: it activates, registers every contributed command, and its views
// exist. Driven through the VS Code API only (no UI automation); the browser end-to-end tests look at the screen.
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

const extensionId = 'snapshot-explorer.snapshot-explorer-aws';

interface Contributions {
  commands?: { command: string }[];
  views?: Record<string, { id: string }[]>;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `${extensionId} is loaded from the development path`);
  return found;
}

function contributes(): Contributions {
  return (extension().packageJSON as { contributes?: Contributions }).contributes ?? {};
}

suite('Extension in the desktop extension host', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('the extension activates without throwing', () => {
    assert.equal(extension().isActive, true);
  });

  test('every command contributed in package.json is registered by activation', async () => {
    const contributed = (contributes().commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
      'contributed commands without a registered handler',
    );
  });

  test('the Resources and Snapshot Activity views exist and can be focused', async () => {
    const views = (contributes().views?.snapshotExplorer ?? []).map((v) => v.id);
    assert.deepEqual(views, ['snapshotExplorer.resources', 'snapshotExplorer.activity']);
    // VS Code registers `<view id>.focus` for every view it knows; running it opens the view container.
    for (const id of views) await vscode.commands.executeCommand(`${id}.focus`);
  });
});
