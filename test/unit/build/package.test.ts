import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

test('the .vsix holds only dist/*.js, media/, the plan schema, l10n/, README, CHANGELOG, LICENSE, package.json and package.nls.json', () => {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const allowed = [
    /^package\.json$/,
    /^package\.nls(\.[\w-]+)?\.json$/,
    /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
    /^README\.md$/,
    /^CHANGELOG\.md$/,
    /^LICENSE$/,
    /^media\//,
    /^schemas\/[\w.-]+\.json$/,
    /^dist\/[\w.-]+\.js$/,
  ];
  const unexpected = listed.filter((file) => !allowed.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], `files that do not belong in the .vsix: ${unexpected.join(', ')}`);
  assert.ok(listed.includes('dist/extension.js'), 'dist/extension.js is packaged (run the build first)');
  for (const file of [
    'package.nls.json',
    'l10n/bundle.l10n.json',
    'media/icon.png',
    'media/walkthrough/open-view.md',
  ]) {
    assert.ok(listed.includes(file), `${file} is packaged`);
  }
  assert.ok(!listed.some((file) => file.startsWith('emulator/') || file.startsWith('src/')), 'no sources');
});
