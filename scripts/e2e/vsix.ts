// The packaged extension the end-to-end tests install: `npm run package` (scripts/package.mjs) builds the .vsix once
// per change of what goes into it, and every test file of the run reuses it. The package is cached under
// .vscode-test/vsix/<key>.vsix, the key a hash of the package's inputs (sources, manifest, ignore list, media, docs,
// the build and package scripts); a lock file there makes concurrent test files wait for one packaging instead of
// each running its own. `E2E_VSIX=<file>` installs a .vsix built elsewhere (e.g. by a CI step) instead.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** What goes into the package (folders are read recursively); a change to any of them repackages. */
const packageInputs = [
  'src',
  'media',
  'l10n',
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'scripts/build.mjs',
  'scripts/package.mjs',
];

/** A lock older than this is left over from a killed run (packaging takes seconds). */
const staleLockMs = 5 * 60_000;

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(relative, name)));
}

/** The hash of the package's inputs (contents, not times: the build rewrites generated files unchanged). */
export function packageInputsKey(root: string): string {
  const hash = createHash('sha256');
  for (const input of packageInputs) {
    const names = filesUnder(root, input).concat(
      input === 'package.json' ? readdirSync(root).filter((n) => /^package\.nls.*\.json$/.test(n)) : [],
    );
    for (const name of names) {
      hash.update(`${name}\u0000`);
      hash.update(readFileSync(path.join(root, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock file (waiting while another live process holds it); returns its release. */
async function lock(file: string, log: (message: string) => void): Promise<() => void> {
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim() || '0');
    const age = Date.now() - (existsSync(file) ? statSync(file).mtimeMs : 0);
    if ((holder > 0 && !processAlive(holder)) || age > staleLockMs) {
      rmSync(file, { force: true });
      continue;
    }
    if (!told) log(`waiting for another test process to package the extension (${file})`);
    told = true;
    await sleep(500);
  }
}

/** Runs `npm run package` in `root` and returns the .vsix it wrote. */
function runPackage(root: string, log: (message: string) => void): string {
  log('packaging the extension (npm run package)');
  const result = spawnSync('npm', ['run', 'package'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const vsix = path.join(root, 'dist-vsix', `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package wrote no ${path.relative(root, vsix)}`);
  return vsix;
}

/**
 * The .vsix the tests install: `E2E_VSIX` when set, else the cached package of the current inputs, packaged now
 * (under the lock) when there is none.
 */
export async function ensurePackagedVsix(root: string, log: (message: string) => void): Promise<string> {
  const given = process.env.E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`E2E_VSIX names no file: ${given}`);
    return path.resolve(given);
  }
  const cacheDir = path.join(root, '.vscode-test', 'vsix');
  mkdirSync(cacheDir, { recursive: true });
  const release = await lock(path.join(cacheDir, 'package.lock'), log);
  try {
    const key = packageInputsKey(root);
    const cached = path.join(cacheDir, `${key}.vsix`);
    if (existsSync(cached)) return cached;
    const built = runPackage(root, log);
    // Sources edited while packaging: the package is used for this test file only, under a name no key matches.
    const target = packageInputsKey(root) === key ? cached : path.join(cacheDir, `unkeyed-${process.pid}.vsix`);
    for (const old of readdirSync(cacheDir)) {
      // Older packages go; an unkeyed one only once the test process that installs it has ended.
      const owner = /^unkeyed-(\d+)\.vsix$/.exec(old)?.[1];
      const inUse = owner !== undefined && processAlive(Number(owner));
      if (old.endsWith('.vsix') && !inUse) rmSync(path.join(cacheDir, old), { force: true });
    }
    copyFileSync(built, target);
    return target;
  } finally {
    release();
  }
}
