// Builds for production and packages the .vsix into dist-vsix/, then prints what it holds. README's relative links
// become links into the repository (package.json's `repository`), so its screenshots show on the Marketplace. A
// warning from vsce fails the run: the package ships without any.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, 'dist-vsix', `${name}-${version}.vsix`);

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) process.exit(result.status ?? 1);
if (/\bWARNING\b|::warning/.test(result.stdout + result.stderr)) {
  console.error('vsce warned (see above): fix the package before shipping it');
  process.exit(1);
}
console.log(`${path.relative(root, out)}  ${(statSync(out).size / 1024).toFixed(1)} KiB`);
