// Runs the test suites with node's own test runner (TypeScript through tsx), each test process with the network
// guard preloaded (test/support/networkGuard.ts: nothing but 127.0.0.1 is reachable, an attempt fails the run).
// Usage: node scripts/run-tests.mjs [unit|integration|e2e ...]   (default: every suite)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const all = ['unit', 'integration', 'e2e'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : all;

function collect(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return collect(full);
      return name.endsWith('.test.ts') ? [full] : [];
    });
}

const files = suites.flatMap((s) => collect(path.join(root, 'test', s)));
if (files.length === 0) {
  console.error(`no test files found for: ${suites.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    './test/support/networkGuard.ts',
    '--test',
    '--test-reporter=spec',
    ...files.map((f) => path.relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
