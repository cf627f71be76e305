// The VS Code versions the end-to-end tests (and `npm start`, and the host activation benchmark) run against, each a
// code-server release from the npm registry with the Node it declares (`engines.node`; code-server runs the extension
// host in that Node), fetched from the registry's `node-<os>-<arch>` package, so a machine with only Node 20 runs
// both. One place: the installer, the test runner, the harness, `npm start` and the benchmark read it.
//   - lowest: VS Code 1.103.2 = package.json's `engines.vscode` (^1.103.0). VS Code 1.101 was the first release whose
//     extension host runs on Node 22 (Electron 35), the Node the AWS SDK for JavaScript v3 requires from 2027 on; the
//     npm registry has no code-server of 1.101 or 1.102 (4.100.3, on Node 20, is followed by 4.103.2, on Node 22), so
//     1.103 is the lowest VS Code on Node 22 that these tests can run, and the lowest the extension claims;
//   - newest: the newest code-server release on npm (Node 24).
// Pick one with E2E_VSCODE=lowest|newest (the test runner runs the end-to-end files once per target by default).
import path from 'node:path';

/**
 * @typedef {object} VscodeTarget
 * @property {'lowest' | 'newest'} id
 * @property {string} codeServer   code-server's version on npm
 * @property {string} vscode       the VS Code version it serves
 * @property {string} node         the Node it runs on (the `node-<os>-<arch>` package's version)
 * @property {{ package: string, asset: string } | undefined} ripgrep
 *   When code-server's VS Code depends on an @vscode/ripgrep whose install script downloads `rg` from GitHub: that
 *   package's version (lib/vscode/npm-shrinkwrap.json) and the release it downloads (its lib/postinstall.js VERSION);
 *   the installer seeds that download's cache with Debian's rg. Newer releases ship @vscode/ripgrep-universal, which
 *   holds the binaries and downloads nothing.
 * @property {string} ripgrepBinary   where code-server's rg is, under its lib/vscode/node_modules (checked after install)
 */

/** @type {Readonly<Record<'lowest' | 'newest', VscodeTarget>>} */
export const vscodeTargets = Object.freeze({
  lowest: Object.freeze({
    id: 'lowest',
    codeServer: '4.103.2',
    vscode: '1.103.2',
    node: '22.23.5',
    ripgrep: Object.freeze({ package: '1.15.14', asset: 'v13.0.0-13' }),
    ripgrepBinary: path.join('@vscode', 'ripgrep', 'bin', 'rg'),
  }),
  newest: Object.freeze({
    id: 'newest',
    codeServer: '4.139.1',
    vscode: '1.139.1',
    node: '24.22.3',
    ripgrep: undefined,
    ripgrepBinary: path.join('@vscode', 'ripgrep-universal', 'bin', `${process.platform}-${process.arch}`, 'rg'),
  }),
});

/** The environment variable that picks the target of an end-to-end run, `npm start` or the benchmark. */
export const TARGET_VARIABLE = 'E2E_VSCODE';

/** The target when E2E_VSCODE names none (`npm start`): the newest, the VS Code people run today. */
export const DEFAULT_TARGET = 'newest';

/** The target `name` names (lowest | newest); throws with the choices on anything else. */
export function targetNamed(name) {
  const target = Object.hasOwn(vscodeTargets, name) ? vscodeTargets[name] : undefined;
  if (!target) {
    throw new Error(`unknown VS Code target "${name}": expected one of ${Object.keys(vscodeTargets).join(', ')}`);
  }
  return target;
}

/** The target `env` names in E2E_VSCODE (default: the newest); throws on an unknown name. */
export function targetFromEnv(env = process.env) {
  return targetNamed(env[TARGET_VARIABLE] || DEFAULT_TARGET);
}

/** A target as people read it, e.g. "VS Code 1.103.2 (code-server 4.103.2, Node 22.23.5)". */
export function describeTarget(target) {
  return `VS Code ${target.vscode} (code-server ${target.codeServer}, Node ${target.node})`;
}

/** Where a target's code-server and Node live, under the project's .vscode-test folder. */
export function targetPaths(root, target) {
  const codeServerDir = path.join(root, '.vscode-test', `code-server-${target.codeServer}`);
  const nodeDir = path.join(root, '.vscode-test', `node-${target.node}`);
  return {
    codeServerDir,
    entry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
  };
}
