// l10n/bundle.l10n.json, which the build exports with @vscode/l10n-dev (scripts/export-l10n.mjs), holds the strings
// of the vscode.l10n.t calls of src/ and of the l10n.t calls of the modules that use src/l10n.ts, and package.json
// points VS Code at its folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

interface Exporter {
  l10nBundle(srcDir?: string): Promise<string>;
  bundleFile: string;
}
const exporter = async () =>
  (await import(pathToFileURL(path.join(root, 'scripts', 'export-l10n.mjs')).href)) as Exporter;

/** The first string argument of every one-line `vscode.l10n.t('…'` / `l10n.t('…'` call in src/ (a plain check
 * beside l10n-dev); `own` picks the l10n.t calls of the modules that import src/l10n.ts. */
function literalCalls(own = false): string[] {
  const src = path.join(root, 'src');
  const found: string[] = [];
  for (const file of readdirSync(src, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(path.join(src, file), 'utf8');
    if (own && (file === 'l10n.ts' || !/import \* as l10n from '(?:\.\.?\/)+l10n'/.test(text))) continue;
    const call = own ? /(?<![.\w])l10n\.t\('((?:[^'\\]|\\.)*)'/g : /vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g;
    for (const match of text.matchAll(call)) {
      if (!match[1]!.includes('\\')) found.push(match[1]!);
    }
  }
  return found;
}

test('the bundle the build writes is current and holds the strings of the vscode.l10n.t calls of src/', async () => {
  const { l10nBundle, bundleFile } = await exporter();
  const exported = await l10nBundle();
  assert.equal(
    readFileSync(bundleFile, 'utf8'),
    exported,
    'l10n/bundle.l10n.json is stale: run `node scripts/export-l10n.mjs` (the build does)',
  );
  const bundle = JSON.parse(exported) as Record<string, string>;
  const calls = literalCalls();
  assert.ok(calls.length >= 100, `src/ has many vscode.l10n.t calls (found ${calls.length})`);
  assert.deepEqual(
    calls.filter((s) => bundle[s] !== s),
    [],
    'vscode.l10n.t strings missing from the bundle',
  );
  const own = literalCalls(true);
  assert.ok(own.length >= 50, `the pure modules have many l10n.t calls (found ${own.length})`);
  assert.deepEqual(
    own.filter((s) => bundle[s] !== s),
    [],
    'l10n.t strings (src/l10n.ts) missing from the bundle',
  );
  for (const known of ['Choose Regions: profile', 'Copied {0}: {1}', '{0} · {1} → {2}: {3}{4} ({5})']) {
    assert.equal(bundle[known], known, `the bundle holds "${known}"`);
  }
});

test('the export reads calls over several lines and with a comment, and nothing but l10n.t calls', async () => {
  const { l10nBundle } = await exporter();
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-'));
  mkdirSync(path.join(dir, 'ui'));
  writeFileSync(
    path.join(dir, 'ui', 'a.ts'),
    [
      "import * as vscode from 'vscode';",
      "export const one = vscode.l10n.t('Snapshot {0} is available.', 'x');",
      'export const two = vscode.l10n.t(',
      "  'Delete {0} snapshots?',",
      '  3,',
      ');',
      "export const three = vscode.l10n.t({ message: 'Retry', comment: ['A button'] });",
      "export const plain = 'Not translated';",
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'pure.ts'),
    [
      "import * as l10n from './l10n';",
      "export const four = l10n.t('Plan {0} has {1} entries.', 'p', 2);",
      "export const five = other.t('Not ours');",
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'ui', 'deeper.ts'),
    ["import * as l10n from '../l10n';", "export const six = l10n.t(\"Can't restore {0}.\", 'x');"].join('\n'),
  );
  const bundle = JSON.parse(await l10nBundle(dir)) as Record<string, unknown>;
  assert.deepEqual(bundle, {
    'Snapshot {0} is available.': 'Snapshot {0} is available.',
    'Delete {0} snapshots?': 'Delete {0} snapshots?',
    'Retry/A button': { message: 'Retry', comment: ['A button'] },
    'Plan {0} has {1} entries.': 'Plan {0} has {1} entries.',
    "Can't restore {0}.": "Can't restore {0}.",
  });
});

test('package.json tells VS Code where the bundles are', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
  assert.ok(existsSync(path.join(root, manifest.l10n, 'bundle.l10n.json')));
});
