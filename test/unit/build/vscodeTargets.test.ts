// The VS Code versions the end-to-end run covers (scripts/e2e/vscodeTargets.mjs) agree with what the package claims:
// engines.vscode is the lowest target's release, @types/vscode matches it (vsce refuses types newer than engines), and
// the lowest target's Node is one the AWS SDK supports. E2E_VSCODE picks a target, and an unknown name is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { nodePackage } from '../../../scripts/e2e/nodeRuntime.mjs';
import {
  describeTarget,
  targetFromEnv,
  targetNamed,
  targetPaths,
  vscodeTargets,
} from '../../../scripts/e2e/vscodeTargets.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
};

/** "1.103.2" → [1, 103, 2]. */
const parts = (version: string): number[] => version.split('.').map(Number);

describe('the VS Code targets of the end-to-end run', () => {
  test('engines.vscode is ^<the lowest target major.minor>.0', () => {
    const [major, minor] = parts(vscodeTargets.lowest.vscode);
    assert.equal(manifest.engines.vscode, `^${major}.${minor}.0`);
  });

  test('@types/vscode is the release engines.vscode names, not newer', () => {
    assert.equal(manifest.devDependencies['@types/vscode'], manifest.engines.vscode.replace(/^\^/, ''));
  });

  test('the lowest target runs Node 22 or later, the newest a later VS Code on a Node at least as new', () => {
    const [lowestNode = 0] = parts(vscodeTargets.lowest.node);
    const [newestNode = 0] = parts(vscodeTargets.newest.node);
    assert.ok(lowestNode >= 22, `the AWS SDK needs Node 22 or later; the lowest target runs ${lowestNode}`);
    assert.ok(newestNode >= lowestNode);
    const [, lowestMinor = 0] = parts(vscodeTargets.lowest.vscode);
    const [, newestMinor = 0] = parts(vscodeTargets.newest.vscode);
    assert.ok(newestMinor > lowestMinor, 'the newest target is a later VS Code');
  });

  test('each code-server release serves the VS Code of the same minor version', () => {
    for (const target of Object.values(vscodeTargets)) {
      assert.equal(parts(target.codeServer)[1], parts(target.vscode)[1], target.id);
    }
  });

  test('E2E_VSCODE picks a target; without it the newest', () => {
    assert.equal(targetFromEnv({}).id, 'newest');
    assert.equal(targetFromEnv({ E2E_VSCODE: '' }).id, 'newest');
    assert.equal(targetFromEnv({ E2E_VSCODE: 'lowest' }).id, 'lowest');
    assert.equal(targetFromEnv({ E2E_VSCODE: 'newest' }).id, 'newest');
  });

  test('an unknown target is refused with the names there are', () => {
    for (const name of ['oldest', 'Lowest', 'toString', '__proto__']) {
      assert.throws(() => targetNamed(name), {
        message: `unknown VS Code target "${name}": expected one of lowest, newest`,
      });
    }
    assert.throws(() => targetFromEnv({ E2E_VSCODE: '1.103' }), /unknown VS Code target "1\.103"/);
  });

  test("each target's code-server and Node live in their own folders of .vscode-test", () => {
    const lowest = targetPaths('/p', vscodeTargets.lowest);
    const newest = targetPaths('/p', vscodeTargets.newest);
    assert.equal(
      lowest.codeServerDir,
      path.join('/p', '.vscode-test', `code-server-${vscodeTargets.lowest.codeServer}`),
    );
    assert.equal(lowest.node, path.join('/p', '.vscode-test', `node-${vscodeTargets.lowest.node}`, 'bin', 'node'));
    assert.equal(
      newest.entry,
      path.join(newest.codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    );
    assert.notEqual(lowest.codeServerDir, newest.codeServerDir);
    assert.notEqual(lowest.nodeDir, newest.nodeDir);
  });

  test('a target reads as its VS Code, code-server and Node; Node comes from the npm package of this machine', () => {
    const { lowest } = vscodeTargets;
    assert.equal(
      describeTarget(lowest),
      `VS Code ${lowest.vscode} (code-server ${lowest.codeServer}, Node ${lowest.node})`,
    );
    assert.equal(nodePackage('22.23.5'), `node-${platform()}-${arch()}@22.23.5`);
  });
});
