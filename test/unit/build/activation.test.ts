import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { installFakeVscode, fakeExtensionContext } from '../../support/fakeVscode';

const root = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

function ensureBuilt(): void {
  if (!existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}

test('the extension bundle holds no AWS SDK client code (it lives in dist/aws-sdk.js)', () => {
  ensureBuilt();
  const text = readFileSync(bundle, 'utf8');
  for (const marker of ['NeptuneGraphClient', 'StorageGatewayClient', 'DocDBClient', 'EC2Client', 'S3Client']) {
    assert.ok(!text.includes(`class ${marker}`), `dist/extension.js defines ${marker}`);
  }
  assert.ok(!/node_modules[\\/]@aws-sdk[\\/]client-/.test(text), 'dist/extension.js bundles an @aws-sdk client');
  assert.ok(existsSync(path.join(root, 'dist', 'aws-sdk.js')), 'dist/aws-sdk.js is built');
});

test('activation loads no AWS SDK module', async () => {
  ensureBuilt();
  const restore = installFakeVscode();
  try {
    const load = createRequire(bundle);
    const extension = load(bundle) as { activate(context: unknown): unknown };
    await extension.activate(fakeExtensionContext(root));
    // Let anything activation started lazily (dynamic imports, timers of 0 ms) run before looking.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const loaded = Object.keys(load.cache);
    assert.ok(loaded.includes(bundle), 'the bundle itself was loaded');
    const sdk = loaded.filter((file) => file.endsWith('aws-sdk.js') || file.includes(`${path.sep}@aws-sdk${path.sep}`));
    assert.deepEqual(sdk, [], 'no SDK module may be loaded at activation');
  } finally {
    restore();
  }
});
