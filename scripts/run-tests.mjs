// Runs the test suites with node's own test runner (TypeScript through tsx), each test process with the network
// guard preloaded (test/support/networkGuard.ts: nothing but 127.0.0.1 is reachable, an attempt fails the run).
// The end-to-end files run once per VS Code target (scripts/e2e/vscodeTargets.mjs: the lowest supported and the
// newest), each run in its own test process with E2E_VSCODE naming its target; E2E_VSCODE=lowest|newest runs only
// that one. Each target's Node and code-server are installed first when missing (cached in .vscode-test/).
// Usage: node scripts/run-tests.mjs [unit|integration|e2e ...]   (default: every suite)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, TARGET_VARIABLE, targetNamed, vscodeTargets } from './e2e/vscodeTargets.mjs';

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

/** Runs `files` in one test process with `env`; returns its exit status. */
function runFiles(files, env) {
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
    { cwd: root, stdio: 'inherit', env },
  );
  return result.status ?? 1;
}

/** Installs a target's Node and code-server when missing (apt packages too, when root); returns the exit status. */
function installTarget(target) {
  const installer = path.join(root, 'scripts', 'e2e', 'install-code-server.mjs');
  return spawnSync(process.execPath, [installer, '--target', target.id], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

const files = suites.flatMap((s) => collect(path.join(root, 'test', s)));
if (files.length === 0) {
  console.error(`no test files found for: ${suites.join(', ')}`);
  process.exit(1);
}
const e2eDir = path.join(root, 'test', 'e2e') + path.sep;
const others = files.filter((f) => !f.startsWith(e2eDir));
const e2e = files.filter((f) => f.startsWith(e2eDir));
let targets;
try {
  const named = process.env[TARGET_VARIABLE];
  targets = named ? [targetNamed(named)] : Object.values(vscodeTargets);
} catch (error) {
  console.error(`${TARGET_VARIABLE}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

/**
 * The e2e files on one VS Code. On the lowest (1.103), VS Code's own tree-view race ("Element with id … is already
 * registered", fixed upstream in microsoft/vscode#281269 and #290795) now and then leaves a branch empty and fails a
 * scenario: there, after a failed run, each file runs again on its own, twice at most, and the run passes only if
 * every file then does. The output says so. The newest VS Code gets no second try.
 */
function runE2e(target, env) {
  const status = runFiles(e2e, env);
  if (status === 0 || target.id !== 'lowest') return status;
  console.log(
    `\n== ${describeTarget(target)}: a scenario failed; each file runs again on its own (VS Code 1.103's tree race)\n`,
  );
  let failed = 0;
  for (const file of e2e) {
    if (runFiles([file], env) === 0) continue;
    console.log(`\n== ${path.relative(root, file)} failed again alone: its last try\n`);
    if (runFiles([file], env) !== 0) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

/** One line per test process for the summary at the end: what ran, its status and how long it took. */
const runs = [];
function timed(name, run) {
  const started = Date.now();
  const status = run();
  runs.push({ name, status, seconds: Math.round((Date.now() - started) / 1000) });
}

if (others.length) timed(suites.filter((s) => s !== 'e2e').join(' + '), () => runFiles(others, process.env));
for (const target of e2e.length ? targets : []) {
  const name = `e2e on ${describeTarget(target)}`;
  console.log(`\n== ${name}\n`);
  timed(name, () => installTarget(target) || runE2e(target, { ...process.env, [TARGET_VARIABLE]: target.id }));
}
if (runs.length > 1) {
  console.log('\n== summary');
  for (const run of runs) console.log(`${run.status === 0 ? 'pass' : 'FAIL'}  ${run.name}  (${run.seconds} s)`);
}
process.exit(runs.find((run) => run.status !== 0)?.status ?? 0);
