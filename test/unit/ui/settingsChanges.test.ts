// ui/settings.ts onDidChangeSettings against the recording vscode fake: a setting whose value changed is reported
// even when the change event names another key (VS Code delivering the user settings late, in the first window of a
// fresh user data folder while it migrates a value of settings.json), a named key is reported even when its value is
// the same, and an unrelated change with no new value calls nothing.
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());
const load = () => import('../../../src/ui/settings');

/** Fires a configuration change event that names exactly `keys` (full keys), as VS Code computes them. */
function change(...keys: string[]): void {
  const event = {
    affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`)),
  };
  for (const listener of [...rec.configListeners]) listener(event);
}

function set(key: string, value: unknown): void {
  rec.settings.values[`snapshotExplorer.${key}`] = value;
  rec.settings.global[`snapshotExplorer.${key}`] = value;
}

beforeEach(() => {
  rec.configListeners.length = 0;
  for (const key of Object.keys(rec.settings.values)) delete rec.settings.values[key];
  for (const key of Object.keys(rec.settings.global)) delete rec.settings.global[key];
});

test('a value delivered late in an event naming another key is reported', async () => {
  const { onDidChangeSettings } = await load();
  const seen: string[][] = [];
  const watcher = onDidChangeSettings(['endpoints', 'regions'], (changed) => seen.push(changed));
  set('endpoints', { '*': 'http://127.0.0.1:4566' });
  change('workbench.editor.doubleClickTabToToggleEditorGroupSizes');
  assert.deepEqual(seen, [['endpoints']]);
  watcher.dispose();
});

test('a key the event names is reported even when its value did not change', async () => {
  const { onDidChangeSettings } = await load();
  set('regions', { '*': ['us-east-1'] });
  const seen: string[][] = [];
  onDidChangeSettings(['endpoints', 'regions'], (changed) => seen.push(changed));
  change('snapshotExplorer.regions');
  assert.deepEqual(seen, [['regions']]);
});

test('an unrelated change with no new value calls nothing; each new value is reported once', async () => {
  const { onDidChangeSettings } = await load();
  const seen: string[][] = [];
  onDidChangeSettings(['endpoints'], (changed) => seen.push(changed));
  change('editor.fontSize');
  assert.deepEqual(seen, []);
  set('endpoints', { docdb: 'http://127.0.0.1:1' });
  change('editor.fontSize');
  change('editor.fontSize');
  assert.deepEqual(seen, [['endpoints']], 'reported at the first event after the change, not again');
  delete rec.settings.global['snapshotExplorer.endpoints'];
  delete rec.settings.values['snapshotExplorer.endpoints'];
  change('files.autoSave');
  assert.deepEqual(seen, [['endpoints'], ['endpoints']], 'a value that went away is a change too');
});

test('with no keys, any change of the section is reported as "*"', async () => {
  const { onDidChangeSettings } = await load();
  const seen: string[][] = [];
  onDidChangeSettings([], (changed) => seen.push(changed));
  change('editor.fontSize');
  change('snapshotExplorer.pageSize');
  assert.deepEqual(seen, [['*']]);
});
