// Exports l10n/bundle.l10n.json: every string of a `vscode.l10n.t(...)` call in src/ and of an `l10n.t(...)` call in
// the modules that import src/l10n.ts as `import * as l10n from '…/l10n'` (pure modules, the language server), read
// by @vscode/l10n-dev (the same extraction as its `l10n-dev export` command). The build runs it; translators copy the file to
// bundle.l10n.<locale>.json, and package.json's `"l10n": "./l10n"` tells VS Code where those are.
// Usage: node scripts/export-l10n.mjs
import { getL10nJson } from '@vscode/l10n-dev';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');

/** A relative import of src/l10n.ts (`from '../l10n'`, `from './l10n'`). */
const ownL10nImport = /(from\s+)(['"])(?:\.\.?\/)+l10n\2/g;

/**
 * The source as @vscode/l10n-dev should read it: src/l10n.ts forwards to @vscode/l10n, whose `l10n.t(...)` calls the
 * extractor recognises once the import names that package.
 */
export function asExtractorSource(contents) {
  return contents.replace(ownL10nImport, '$1$2@vscode/l10n$2');
}

/** The bundle of the `vscode.l10n.t` and `l10n.t` strings of the .ts files under `srcDir`, as the JSON the build writes. */
export async function l10nBundle(srcDir = path.join(root, 'src')) {
  const files = readdirSync(srcDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => ({ contents: asExtractorSource(readFileSync(path.join(srcDir, file), 'utf8')), extension: '.ts' }));
  const strings = await getL10nJson(files);
  return `${JSON.stringify(strings, null, 2)}\n`;
}

/** Writes l10n/bundle.l10n.json; returns how many strings it holds. */
export async function writeL10nBundle() {
  const text = await l10nBundle();
  mkdirSync(path.dirname(bundleFile), { recursive: true });
  writeFileSync(bundleFile, text);
  return Object.keys(JSON.parse(text)).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`${path.relative(root, bundleFile)}  ${await writeL10nBundle()} strings`);
}
