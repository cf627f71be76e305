// The pseudo-locale (scripts/pseudo-l10n.mjs): every string of the English bundles accented and bracketed, with what
// a translation must keep (placeholders, codicons, code spans, setting links, URLs) kept; and kept out of the .vsix.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

type Bundle = Record<string, string | { message: string; comment: string[] }>;
interface PseudoFiles {
  bundle: { from: string; to: string };
  nls: { from: string; to: string };
}
interface Pseudo {
  pseudoLocalize(message: string): string;
  pseudoBundle(bundle: Bundle): Bundle;
  placeholders(message: string): string[];
  writePseudoFiles(files?: PseudoFiles): Record<string, number>;
  pseudoFiles: PseudoFiles;
  pseudoOpen: string;
  pseudoClose: string;
}
const pseudo = async () => (await import(pathToFileURL(path.join(root, 'scripts', 'pseudo-l10n.mjs')).href)) as Pseudo;

const messageOf = (value: Bundle[string]): string => (typeof value === 'string' ? value : value.message);
/** The message without what the transform keeps; it must hold no plain ASCII letter. */
const outsideKept = (message: string): string =>
  message.replace(
    /\{[^{}\s]+\}|\$\([\w~-]+\)|`[^`]*`|#[\w.-]+#|\]\([^)]*\)|\bhttps?:\/\/[^\s)]+|\bcommand:[\w.]+/g,
    '',
  );

test('a message is accented and bracketed; placeholders, codicons, code, setting links and URLs are kept', async () => {
  const { pseudoLocalize } = await pseudo();
  assert.equal(pseudoLocalize('Delete {0} snapshots?'), '⟦Đéĺéţé {0} šñáþšĥóţš?⟧');
  assert.equal(pseudoLocalize('Hello {name}'), '⟦Ĥéĺĺó {name}⟧');
  assert.equal(pseudoLocalize('$(sync~spin) Restoring {0}…'), '⟦$(sync~spin) Ŕéšţóŕíñĝ {0}…⟧');
  assert.equal(pseudoLocalize('Add `keep: 3` here'), '⟦Áđđ `keep: 3` ĥéŕé⟧');
  assert.equal(
    pseudoLocalize('See #snapshotExplorer.regions# and [the docs](https://example.com/a).'),
    '⟦Šéé #snapshotExplorer.regions# áñđ [ţĥé đóçš](https://example.com/a).⟧',
  );
  assert.equal(pseudoLocalize(''), '⟦⟧');
});

test('every key of the English bundles is transformed, its placeholders kept in order', async () => {
  const { pseudoBundle, placeholders, pseudoFiles, pseudoOpen, pseudoClose } = await pseudo();
  for (const file of [pseudoFiles.bundle.from, pseudoFiles.nls.from]) {
    const english = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
    const transformed = pseudoBundle(english);
    assert.deepEqual(Object.keys(transformed), Object.keys(english), `${path.basename(file)}: the same keys`);
    assert.ok(Object.keys(english).length > 50, `${path.basename(file)} holds the extension's strings`);
    for (const [key, value] of Object.entries(english)) {
      const before = messageOf(value);
      const after = messageOf(transformed[key]!);
      assert.ok(after.startsWith(pseudoOpen) && after.endsWith(pseudoClose), `bracketed: ${after}`);
      assert.deepEqual(placeholders(after), placeholders(before), `placeholders of "${key}"`);
      assert.doesNotMatch(outsideKept(after), /[A-Za-z]/, `no plain letter left in "${after}"`);
      if (typeof value !== 'string')
        assert.deepEqual((transformed[key] as { comment: string[] }).comment, value.comment);
    }
  }
});

test('the script writes both pseudo-locale files from the English ones', async () => {
  const { writePseudoFiles } = await pseudo();
  const dir = mkdtempSync(path.join(tmpdir(), 'pseudo-'));
  const files = {
    bundle: { from: path.join(dir, 'bundle.l10n.json'), to: path.join(dir, 'bundle.l10n.qps-ploc.json') },
    nls: { from: path.join(dir, 'package.nls.json'), to: path.join(dir, 'package.nls.qps-ploc.json') },
  };
  writeFileSync(files.bundle.from, JSON.stringify({ 'Copied {0}': 'Copied {0}' }));
  writeFileSync(files.nls.from, JSON.stringify({ 'view.title': 'Snapshots' }));
  assert.deepEqual(writePseudoFiles(files), { bundle: 1, nls: 1 });
  assert.deepEqual(JSON.parse(readFileSync(files.bundle.to, 'utf8')), { 'Copied {0}': '⟦Çóþíéđ {0}⟧' });
  assert.deepEqual(JSON.parse(readFileSync(files.nls.to, 'utf8')), { 'view.title': '⟦Šñáþšĥóţš⟧' });
});

test('the pseudo-locale files stay out of the .vsix', () => {
  const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  const includeAt = ignore.indexOf('!l10n/*.json');
  const excludeAt = ignore.indexOf('l10n/*.qps-ploc.json');
  assert.ok(includeAt >= 0 && excludeAt > includeAt, 'l10n/*.qps-ploc.json is ignored after l10n/*.json is kept');
  assert.ok(ignore.indexOf('package.nls.qps-ploc.json') > ignore.indexOf('!package.nls*.json'));
});
