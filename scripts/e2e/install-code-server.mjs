// Installs what the end-to-end tests, `npm start` and the host activation benchmark need, once, and reuses it:
//   - Debian packages libkrb5-dev (code-server builds the `kerberos` native module), ripgrep and chromium,
//     installed with apt-get when missing and running as root; with --test-packages also python3-botocore (the AWS
//     client of the botocore integration suite, test/integration/botocore), which CI's install-deps.sh asks for;
//   - per VS Code target (scripts/e2e/vscodeTargets.mjs: the lowest supported and the newest), the Node its
//     code-server declares, from the npm registry (nodeRuntime.mjs) in .vscode-test/node-<version>/, and code-server
//     installed with that Node (npm, code-server's install scripts and node-gyp run on it; native modules are built
//     against its headers) in .vscode-test/code-server-<version>/, outside the project's own dependencies.
// The older code-server's VS Code depends on an @vscode/ripgrep whose install script downloads `rg` from GitHub. It
// first looks for a cached asset in $TMPDIR, so we put a tar.gz of Debian's `rg` there and no download happens.
// A lock file per target makes concurrent callers (test files, `npm start`) wait for one install.
// Usage: node scripts/e2e/install-code-server.mjs [--skip-apt] [--test-packages] [--target lowest|newest|all]
//   (default target: $E2E_VSCODE, else the newest; prints progress; exit 0 when ready)
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { ensureNode, nodeVersionOf } from './nodeRuntime.mjs';
import { describeTarget, targetFromEnv, targetNamed, targetPaths, vscodeTargets } from './vscodeTargets.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const aptPackages = ['libkrb5-dev', 'ripgrep', 'chromium'];
/** What only the test suites need: Python botocore for test/integration/botocore (Debian bookworm: 1.29). */
const testAptPackages = ['python3-botocore'];
/** @vscode/ripgrep's targets (its lib/postinstall.js getTarget()) of the machines we seed a cache for. */
const ripgrepTargets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
/**
 * The dependencies whose install scripts the cache folder allows (npm 11's `allowScripts`; npm releases that enforce
 * it run a dependency's scripts only when the installing folder names it): code-server's postinstall installs its
 * VS Code, argon2 builds its native module.
 */
const allowScripts = { 'code-server': true, argon2: true };
/** A lock older than this is left over from a killed install (an install takes a few minutes). */
const staleLockMs = 20 * 60_000;

const log = (message) => console.log(`[code-server install] ${message}`);

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function dpkgInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

/** apt-get install of the packages that are missing, when we can (Debian/Ubuntu, root). */
function ensureAptPackages(packages) {
  if (!onPath('dpkg-query')) {
    log(`not a Debian system: make sure ${packages.join(', ')} (or their equivalents) are installed`);
    return;
  }
  const missing = packages.filter((name) => !dpkgInstalled(name));
  if (missing.length === 0) {
    log(`apt packages present: ${packages.join(', ')}`);
    return;
  }
  if (!isRoot() || !onPath('apt-get')) {
    throw new Error(
      `missing packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get update');
  run('apt-get', ['update', '-qq'], { env });
  log(`apt-get install ${missing.join(' ')} (about half a minute)`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  log(`apt packages installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Puts Debian's rg where @vscode/ripgrep's install script (of `pin`'s version) looks for its cached download. */
function seedRipgrepCache(tmpDir, pin) {
  const target = platform() === 'linux' ? ripgrepTargets[arch()] : undefined;
  if (!target) {
    log(`no ripgrep cache for ${platform()}/${arch()}: @vscode/ripgrep will try to download rg itself`);
    return;
  }
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((file) => existsSync(file));
  if (!rg) throw new Error('ripgrep (rg) is not installed: install the ripgrep package first');
  const cache = path.join(tmpDir, `vscode-ripgrep-cache-${pin.package}`);
  const asset = path.join(cache, `ripgrep-${pin.asset}-${target}.tar.gz`);
  if (existsSync(asset)) return;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(tmpDir, 'rg-'));
  copyFileSync(rg, path.join(staging, 'rg'));
  run('tar', ['czf', asset, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
  log(`seeded the ripgrep cache with ${rg}: ${path.relative(root, asset)}`);
}

/**
 * The environment of a fresh shell (npm's own variables from a parent `npm test`/`npm start` must not leak in), with
 * the target's Node first on PATH (npm, code-server's install scripts and node-gyp run on it) and npm_config_nodedir
 * at it (node-gyp builds against its headers instead of downloading them).
 */
function installEnv(tmpDir, nodeDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...env,
    ...(nodeDir
      ? { PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`, npm_config_nodedir: nodeDir }
      : {}),
    TMPDIR: tmpDir,
    npm_config_yes: 'true', // a nested `npx node-gyp` aborts without a TTY otherwise
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_foreground_scripts: 'true', // show the postinstall's progress as it happens
    // code-server's postinstall.sh refuses to run as root unless this says so (npm 11 itself only warns about it).
    npm_config_unsafe_perm: 'true',
  };
}

/** `npm install code-server@<version>` in the target's folder with the target's Node, with a heartbeat. */
async function npmInstall(target, paths, tmpDir) {
  const manifest = { name: 'code-server-cache', private: true, allowScripts };
  writeFileSync(path.join(paths.codeServerDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const spec = `code-server@${target.codeServer}`;
  log(`npm install ${spec} in ${path.relative(root, paths.codeServerDir)} with Node ${target.node} (a few minutes)`);
  const started = Date.now();
  const heartbeat = setInterval(
    () => log(`still installing ${spec} (${Math.round((Date.now() - started) / 1000)} s)`),
    20_000,
  ).unref();
  try {
    await new Promise((resolve, reject) => {
      const child = spawn('npm', ['install', spec, '--no-save'], {
        cwd: paths.codeServerDir,
        env: installEnv(tmpDir, paths.nodeDir),
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`npm install ${spec} failed (${code ?? signal})`)),
      );
    });
  } finally {
    clearInterval(heartbeat);
  }
  log(`npm install ${spec} finished in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Fails loudly when code-server's rg is missing, and warns when a release changed the pin the cache relies on. */
function checkRipgrep(target, paths) {
  const vscodeModules = path.join(paths.codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  if (target.ripgrep) {
    const manifest = path.join(vscodeModules, '@vscode', 'ripgrep', 'package.json');
    const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : 'missing';
    if (version !== target.ripgrep.package) {
      log(`warning: @vscode/ripgrep is ${version}, the cache was seeded for ${target.ripgrep.package}`);
    }
  }
  const rg = path.join(vscodeModules, target.ripgrepBinary);
  if (!existsSync(rg)) throw new Error(`code-server's ripgrep binary is missing (${rg})`);
}

function marker(target, paths) {
  return path.join(paths.codeServerDir, `.installed-${target.codeServer}-node-${target.node}`);
}

/** Whether the target's code-server and Node are installed (a finished install left its marker). */
export function isCodeServerInstalled(target) {
  const paths = targetPaths(root, target);
  return existsSync(marker(target, paths)) && existsSync(paths.entry) && nodeVersionOf(paths.node) === target.node;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes `file` as a lock (waiting while another live process holds it); returns its release. */
async function lock(file, what) {
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
    }
    const holder = Number((existsSync(file) ? readFileSync(file, 'utf8') : '').trim() || '0');
    const age = existsSync(file) ? Date.now() - statSync(file).mtimeMs : 0;
    if ((holder > 0 && !processAlive(holder)) || age > staleLockMs) {
      rmSync(file, { force: true });
      continue;
    }
    if (!told) log(`waiting for another process (pid ${holder}) installing ${what}`);
    told = true;
    await delay(1_000);
  }
}

/** Names the folders of .vscode-test/ that no target uses any more (older code-server and Node installs). */
function reportObsolete() {
  const cache = path.join(root, '.vscode-test');
  if (!existsSync(cache)) return;
  const used = new Set(
    Object.values(vscodeTargets).flatMap((target) => {
      const paths = targetPaths(root, target);
      return [path.basename(paths.codeServerDir), path.basename(paths.nodeDir)];
    }),
  );
  const obsolete = readdirSync(cache).filter((name) => /^(code-server|node)(-[\d.]+)?$/.test(name) && !used.has(name));
  if (obsolete.length > 0) {
    log(`no longer used (delete to free the space): ${obsolete.map((name) => `.vscode-test/${name}`).join(', ')}`);
  }
}

/** Installs one target's Node and code-server when missing; returns their paths. */
async function ensureTarget(target) {
  const paths = targetPaths(root, target);
  const label = describeTarget(target);
  if (isCodeServerInstalled(target)) {
    log(`${label} is cached in ${path.relative(root, paths.codeServerDir)}`);
    return paths;
  }
  const tmpDir = path.join(root, '.vscode-test', 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const release = await lock(path.join(root, '.vscode-test', `install-${target.id}.lock`), label);
  try {
    if (isCodeServerInstalled(target)) return paths; // installed by the process we waited for
    const started = Date.now();
    ensureNode({ version: target.node, nodeDir: paths.nodeDir, tmpDir, env: installEnv(tmpDir), log });
    rmSync(paths.codeServerDir, { recursive: true, force: true }); // a half install of a killed run
    mkdirSync(paths.codeServerDir, { recursive: true });
    if (target.ripgrep) seedRipgrepCache(tmpDir, target.ripgrep);
    await npmInstall(target, paths, tmpDir);
    checkRipgrep(target, paths);
    writeFileSync(marker(target, paths), `${label} installed ${new Date().toISOString()}\n`);
    log(`${label} ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return paths;
  } finally {
    release();
  }
}

/**
 * Makes sure the targets' Node and code-server (and, with apt, the system packages, and with testPackages those of
 * the test suites) are installed; returns the paths of each (its code-server entry script and its Node), in order.
 * @param {{ apt?: boolean, testPackages?: boolean, targets?: readonly import('./vscodeTargets.mjs').VscodeTarget[] }} [options]
 */
export async function ensureCodeServer(options = {}) {
  if (options.apt !== false)
    ensureAptPackages(options.testPackages ? [...aptPackages, ...testAptPackages] : aptPackages);
  const installed = [];
  for (const target of options.targets ?? [targetFromEnv()]) installed.push(await ensureTarget(target));
  reportObsolete();
  return installed;
}

/** The targets `--target lowest|newest|all` names (default: $E2E_VSCODE, else the newest). */
function targetsFromArgs(argv) {
  const index = argv.indexOf('--target');
  if (index < 0) return [targetFromEnv()];
  const name = argv[index + 1] ?? '';
  return name === 'all' ? Object.values(vscodeTargets) : [targetNamed(name)];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await ensureCodeServer({
      apt: !process.argv.includes('--skip-apt'),
      testPackages: process.argv.includes('--test-packages'),
      targets: targetsFromArgs(process.argv),
    });
  } catch (error) {
    console.error(`[code-server install] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
