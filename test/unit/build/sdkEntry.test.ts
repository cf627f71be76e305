// The entry of the one lazily loaded SDK bundle (src/awsSdk.ts) is what scripts/generate-sdk.mjs writes from the
// files src/services/*.sdk.ts, so a new service's SDK surface is bundled with no list edited by hand.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const servicesDir = path.join(root, 'src', 'services');

interface Generator {
  generateSdkEntry(dir?: string): Promise<string>;
  serviceSdkNames(dir?: string): string[];
  sdkEntryFile: string;
}

const generator = async () =>
  (await import(pathToFileURL(path.join(root, 'scripts', 'generate-sdk.mjs')).href)) as Generator;

test('src/awsSdk.ts is what scripts/generate-sdk.mjs makes from the services now (the build writes it)', async () => {
  const { generateSdkEntry, sdkEntryFile } = await generator();
  const checkedIn = readFileSync(sdkEntryFile, 'utf8');
  assert.ok((await generateSdkEntry()) === checkedIn, 'src/awsSdk.ts is stale: run `node scripts/generate-sdk.mjs`');
});

test("a new service's SDK surface is in the bundle with only its .sdk.ts file, under the file's name", async () => {
  const { generateSdkEntry, serviceSdkNames } = await generator();
  const dir = mkdtempSync(path.join(tmpdir(), 'sdk-entry-'));
  for (const name of ['docdb.sdk.ts', 'neptune.sdk.ts', 'neptune.ts', 'common.ts'])
    writeFileSync(path.join(dir, name), '');
  assert.deepEqual(serviceSdkNames(dir), ['docdb', 'neptune']);
  const text = await generateSdkEntry(dir);
  assert.match(text, /^export \* from '\.\/aws\/sdk';$/m);
  assert.match(text, /^export \* as neptune from '\.\/services\/neptune\.sdk';$/m);
  writeFileSync(path.join(dir, 'bad-name.sdk.ts'), '');
  assert.throws(() => serviceSdkNames(dir), /camelCase identifier/);
});

test('the services’ .sdk.ts files only re-export (they are bundled into dist/aws-sdk.js, never run at activation)', () => {
  const files = readdirSync(servicesDir).filter((f) => f.endsWith('.sdk.ts'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const code = readFileSync(path.join(servicesDir, file), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n');
    const rest = code.replace(/export\s*\{[^}]*\}\s*from\s*'[^']+';/g, '').trim();
    assert.equal(rest, '', `${file} holds more than re-exports`);
  }
});
