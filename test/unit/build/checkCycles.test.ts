// scripts/check-cycles.mjs (run by `npm run lint`): passes on this project, and fails on a file cycle and on a cycle
// between folders of src/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const script = path.join(import.meta.dirname, '..', '..', '..', 'scripts', 'check-cycles.mjs');
const run = (root?: string) => spawnSync(process.execPath, [script, ...(root ? [root] : [])], { encoding: 'utf8' });

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cycles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

test('this project has no import cycle', () => {
  const result = run();
  assert.equal(result.status, 0, result.stderr);
});

test('a cycle between two files fails, type-only imports included; comments do not count', () => {
  const root = project({
    'src/a/one.ts': "import { two } from './two';\nexport const one = two;\n",
    'src/a/two.ts': "import type { One } from './three';\nexport const two = 2;\nexport type T = One;\n",
    'src/a/three.ts': "// see import('./one') for why\nimport { one } from './one';\nexport type One = typeof one;\n",
  });
  try {
    const result = run(root);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /files: src\/a\/one\.ts → src\/a\/two\.ts → src\/a\/three\.ts → src\/a\/one\.ts/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a cycle between folders of src/ fails even without a file cycle', () => {
  const root = project({
    'src/ui/view.ts': "import { core } from '../core/model';\nexport const view = core;\n",
    'src/core/model.ts': 'export const core = 1;\n',
    'src/core/format.ts': "import { label } from '../ui/label';\nexport const format = label;\n",
    'src/ui/label.ts': "export const label = 'x';\n",
  });
  try {
    const result = run(root);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /folders of src\/: (ui → core → ui|core → ui → core)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
