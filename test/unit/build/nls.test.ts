// package.json names every user-facing string as a `%key%` of package.nls.json (so it can be translated), every key it
// names is there, and package.nls.json holds no key nothing names. `node scripts/nls.mjs` fixes the first and the last.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const readJson = (name: string) => JSON.parse(readFileSync(path.join(root, name), 'utf8')) as Record<string, unknown>;

interface Entry {
  path: Array<string | number>;
  key: string;
  value: string;
}
interface Nls {
  userFacingStrings(manifest: unknown): Entry[];
  referencedKeys(manifest: unknown): Set<string>;
  keyOf(value: unknown): string | undefined;
  externalize(
    manifest: unknown,
    nls: Record<string, string>,
  ): { manifest: Record<string, unknown>; nls: Record<string, string>; moved: string[]; dropped: string[] };
  resolveNls(manifest: unknown, nls: Record<string, string>): Record<string, unknown>;
}
const nls = async () => (await import(pathToFileURL(path.join(root, 'scripts', 'nls.mjs')).href)) as Nls;

/** What is wrong with a manifest and its package.nls.json, in words. */
async function problems(manifest: unknown, strings: Record<string, unknown>): Promise<string[]> {
  const { userFacingStrings, referencedKeys, keyOf } = await nls();
  const out: string[] = [];
  for (const entry of userFacingStrings(manifest)) {
    if (keyOf(entry.value) === undefined) out.push(`written out at ${entry.path.join('.')}: "${entry.value}"`);
  }
  const used = referencedKeys(manifest);
  for (const key of used) {
    if (typeof strings[key] !== 'string' || strings[key] === '') out.push(`missing from package.nls.json: ${key}`);
  }
  for (const key of Object.keys(strings)) if (!used.has(key)) out.push(`unused in package.nls.json: ${key}`);
  return out;
}

const fix = ' (run `node scripts/nls.mjs`, then check the keys it made)';

test('package.json names every user-facing string through package.nls.json, with no key missing or unused', async () => {
  const manifest = readJson('package.json');
  assert.deepEqual(
    await problems(manifest, readJson('package.nls.json')),
    [],
    `package.json and package.nls.json${fix}`,
  );
  const { userFacingStrings, keyOf } = await nls();
  const keys = userFacingStrings(manifest).map((e) => keyOf(e.value));
  for (const expected of [
    'displayName',
    'description',
    'command.createSnapshot.title',
    'category.snapshotExplorer',
    'view.resources.name',
    'viewsWelcome.resources',
    'config.requestTimeoutSeconds.markdownDescription',
    'walkthrough.gettingStarted.title',
  ]) {
    assert.ok(keys.includes(expected), `${expected} is a user-facing position the check covers`);
  }
});

test('the check finds a title written out, a key missing from package.nls.json and a key nothing uses', async () => {
  const manifest = {
    displayName: '%displayName%',
    contributes: {
      commands: [{ command: 'x.go', title: 'Go', category: '%category.x%' }],
      configuration: { properties: { 'x.level': { type: 'string', enumDescriptions: ['Low'] } } },
      walkthroughs: [{ id: 'x.start', title: '%walkthrough.start.title%', steps: [] }],
    },
  };
  const found = await problems(manifest, { displayName: 'X', 'category.x': 'X', 'old.key': 'Old' });
  assert.deepEqual(found, [
    'written out at contributes.commands.0.title: "Go"',
    'written out at contributes.configuration.properties.x.level.enumDescriptions.0: "Low"',
    'missing from package.nls.json: walkthrough.start.title',
    'unused in package.nls.json: old.key',
  ]);
});

test('scripts/nls.mjs moves written-out strings under keys vsce accepts, drops unused keys, and keeps the text', async () => {
  const { externalize, resolveNls } = await nls();
  const manifest = {
    description: 'An extension',
    contributes: {
      languages: [{ id: 'snapshot-plan', aliases: ['Snapshot Plan', 'snapshot-plan'] }],
      commands: [{ command: 'x.createSnapshot', title: 'Create Snapshot…', category: 'Snapshot Explorer' }],
      configuration: { title: 'X', properties: { 'x.endpoints': { markdownDescription: 'Endpoints `*`' } } },
    },
  };
  const result = externalize({ ...manifest, displayName: '%description%' }, { 'old.key': 'Old', description: 'Other' });
  assert.deepEqual(result.dropped, ['old.key']);
  assert.deepEqual(result.manifest.contributes, {
    languages: [{ id: 'snapshot-plan', aliases: ['%language.snapshotPlan.alias%', 'snapshot-plan'] }],
    commands: [
      { command: 'x.createSnapshot', title: '%command.createSnapshot.title%', category: '%category.snapshotExplorer%' },
    ],
    configuration: {
      title: '%config.title%',
      properties: { 'x.endpoints': { markdownDescription: '%config.endpoints.markdownDescription%' } },
    },
  });
  assert.equal(result.manifest.description, '%description2%', 'a key holding other text is not overwritten');
  for (const key of Object.keys(result.nls)) assert.match(key, /^[\w.]+$/, 'vsce reads keys of [\\w.] only');
  assert.deepEqual(resolveNls(result.manifest, result.nls), { ...manifest, displayName: 'Other' });
  const again = externalize(result.manifest, result.nls);
  assert.deepEqual([again.moved, again.dropped], [[], []], 'a second run changes nothing');
});
