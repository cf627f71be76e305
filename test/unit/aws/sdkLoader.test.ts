import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSdk } from '../../../src/aws/sdkLoader';

test('loadSdk loads the SDK once: every call gets the same promise and module', async () => {
  const first = loadSdk();
  assert.equal(loadSdk(), first, 'a second call does not evaluate the import again');
  const sdk = await first;
  assert.equal(typeof sdk.NodeHttpHandler, 'function');
  assert.equal(await loadSdk(), sdk);
});
