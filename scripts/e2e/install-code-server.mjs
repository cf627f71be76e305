// Installs what the end-to-end tests and `npm start` need, once, and reuses it afterwards:
//   - Debian packages libkrb5-dev (code-server builds the `kerberos` native module), ripgrep and chromium,
//     installed with apt-get when missing and running as root; with --test-packages also python3-botocore (the AWS
//     client of the botocore integration suite, test/integration/botocore), which CI's install-deps.sh asks for;
//   - code-server 4.100.3 (the VS Code 1.100.3 workbench served to a browser; the last release for Node 20)
//     in .vscode-test/code-server/, outside the project's own dependencies.
// code-server's VS Code depends on @vscode/ripgrep, whose install script downloads `rg` from GitHub. It first
// looks for a cached asset in $TMPDIR, so we put a tar.gz of Debian's `rg` there and no download happens.
// Usage: node scripts/e2e/install-code-server.mjs [--skip-apt] [--test-packages]   (prints progress; exit 0 when ready)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = path.resolve(import.meta.dirname, '..', '..');
export const cacheDir = path.join(root, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = path.join(cacheDir, `.installed-${CODE_SERVER_VERSION}`);
const aptPackages = ['libkrb5-dev', 'ripgrep', 'chromium'];
/** What only the test suites need: Python botocore for test/integration/botocore (Debian bookworm: 1.29). */
const testAptPackages = ['python3-botocore'];

// From code-server 4.100.3's lib/vscode/npm-shrinkwrap.json (@vscode/ripgrep 1.15.11) and that package's
// lib/postinstall.js (VERSION = 'v13.0.0-10', getTarget()) and lib/download.js (cache folder
// `${os.tmpdir()}/vscode-ripgrep-cache-${packageVersion}`, asset `ripgrep-${version}-${target}.tar.gz`).
// code-server is pinned, so its shrinkwrap pins these too; checkRipgrepPin() verifies them after the install.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';
const ripgrepTargets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

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

/** Puts Debian's rg where @vscode/ripgrep's install script looks for its cached download. */
function seedRipgrepCache(tmpDir) {
  const target = platform() === 'linux' ? ripgrepTargets[arch()] : undefined;
  if (!target) {
    log(`no ripgrep cache for ${platform()}/${arch()}: @vscode/ripgrep will try to download rg itself`);
    return;
  }
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((file) => existsSync(file));
  if (!rg) throw new Error('ripgrep (rg) is not installed: install the ripgrep package first');
  const cache = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const asset = path.join(cache, `ripgrep-${RIPGREP_ASSET_VERSION}-${target}.tar.gz`);
  if (existsSync(asset)) return;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(tmpDir, 'rg-'));
  copyFileSync(rg, path.join(staging, 'rg'));
  run('tar', ['czf', asset, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
  log(`seeded the ripgrep cache with ${rg}: ${path.relative(root, asset)}`);
}

/** The environment of a fresh shell: npm's own variables from a parent `npm test`/`npm start` must not leak in. */
function installEnv(tmpDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...env,
    TMPDIR: tmpDir,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // a nested `npx node-gyp` aborts without a TTY otherwise
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_foreground_scripts: 'true', // show the postinstall's progress as it happens
  };
}

function npmInstall(tmpDir) {
  const packageJson = path.join(cacheDir, 'package.json');
  if (!existsSync(packageJson)) {
    writeFileSync(packageJson, JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');
  }
  log(`npm install code-server@${CODE_SERVER_VERSION} in ${path.relative(root, cacheDir)} (a minute or two, ~300 MB)`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-save'], {
      cwd: cacheDir,
      env: installEnv(tmpDir),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const heartbeat = setInterval(
      () => log(`still installing (${Math.round((Date.now() - started) / 1000)} s)`),
      20_000,
    ).unref();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        log(`npm install finished in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else {
        reject(new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${code ?? signal})`));
      }
    });
  });
}

/** Fails loudly if a code-server release changed the @vscode/ripgrep pin the cache trick relies on. */
function checkRipgrepPin() {
  const ripgrep = path.join(
    cacheDir,
    'node_modules',
    'code-server',
    'lib',
    'vscode',
    'node_modules',
    '@vscode',
    'ripgrep',
  );
  const version = JSON.parse(readFileSync(path.join(ripgrep, 'package.json'), 'utf8')).version;
  if (version !== RIPGREP_PACKAGE_VERSION) {
    log(`warning: @vscode/ripgrep is ${version}, the cache was seeded for ${RIPGREP_PACKAGE_VERSION}`);
  }
  if (!existsSync(path.join(ripgrep, 'bin', 'rg'))) {
    throw new Error(`code-server's ripgrep binary is missing (${path.join(ripgrep, 'bin', 'rg')})`);
  }
}

export function isCodeServerInstalled() {
  return existsSync(marker) && existsSync(codeServerEntry);
}

/**
 * Makes sure code-server (and, with apt, its system packages, and with testPackages those of the test suites) is
 * installed; returns the path of its entry script.
 * @param {{ apt?: boolean, testPackages?: boolean }} [options]
 */
export async function ensureCodeServer(options = {}) {
  if (options.apt !== false)
    ensureAptPackages(options.testPackages ? [...aptPackages, ...testAptPackages] : aptPackages);
  if (isCodeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} is cached in ${path.relative(root, cacheDir)}`);
    return codeServerEntry;
  }
  const started = Date.now();
  const tmpDir = path.join(root, '.vscode-test', 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  seedRipgrepCache(tmpDir);
  await npmInstall(tmpDir);
  checkRipgrepPin();
  writeFileSync(marker, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureCodeServer({
    apt: !process.argv.includes('--skip-apt'),
    testPackages: process.argv.includes('--test-packages'),
  }).catch((error) => {
    console.error(`[code-server install] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
