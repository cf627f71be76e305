// The command ids module and package.json's contributed commands name the same set.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { commandIds } from '../../../src/commandIds';

test('every contributed command has an id in src/commandIds.ts, and every id is contributed', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as {
    contributes: { commands: Array<{ command: string }> };
  };
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(Object.values(commandIds).sort(), contributed);
});
