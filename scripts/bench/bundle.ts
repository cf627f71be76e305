// Builds what the benchmarks run, the way the product ships: with esbuild, the AWS SDK in its own aws-sdk.js loaded
// lazily, with `require` inside a promise (scripts/build.mjs). Measuring under tsx instead would add tsx's module
// hooks to the lazy load of the SDK, which is not the product's cost.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from './support';

const sdkModule = path.join(root, 'src', 'awsSdk.ts');

/** The product's rule (scripts/build.mjs): a dynamic import of src/awsSdk.ts (the SDK bundle's entry) loads `./aws-sdk.js`. */
const lazySdk: esbuild.Plugin = {
  name: 'bench-lazy-aws-sdk',
  setup(build) {
    build.onResolve({ filter: /\/awsSdk$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path) + '.ts';
      if (resolved === sdkModule && args.kind === 'dynamic-import') return { path: './aws-sdk.js', external: true };
      return undefined;
    });
  },
};

/** Bundles the benchmark worker, the activation child and the SDK bundle beside them into `outDir`. */
export async function buildWorker(outDir: string): Promise<{ worker: string; activationChild: string }> {
  mkdirSync(outDir, { recursive: true });
  const common: esbuild.BuildOptions = {
    absWorkingDir: root,
    outdir: outDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'esbuild'],
    // The only module here that asks where it lives is support.ts (scripts/bench: two levels below the root).
    define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'scripts', 'bench')) },
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  };
  await esbuild.build({
    ...common,
    entryPoints: [
      { in: 'scripts/bench/worker.ts', out: 'bench-worker' },
      { in: 'src/awsSdk.ts', out: 'aws-sdk' },
    ],
    // As in the product build: lazy bundles load with `require` in a promise, not Node's ESM `import()`.
    supported: { 'dynamic-import': false },
    plugins: [lazySdk],
  });
  // The activation child times both ways of loading the SDK bundle, so its `import()` stays an import.
  await esbuild.build({
    ...common,
    entryPoints: [{ in: 'scripts/bench/activationChild.ts', out: 'activation-child' }],
  });
  return { worker: path.join(outDir, 'bench-worker.js'), activationChild: path.join(outDir, 'activation-child.js') };
}

/** The files `npm run package` needs, copied to `stage` (node_modules linked), so packaging never touches ./dist. */
export function stageProject(stage: string): void {
  const skip = new Set(['.git', 'node_modules', 'dist', 'dist-vsix', 'test-results', '.vscode-test', 'test']);
  for (const name of readdirSync(root)) {
    if (skip.has(name)) continue;
    cpSync(path.join(root, name), path.join(stage, name), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
}

export interface PackageFigures {
  readonly vsixBytes: number;
  readonly distBytes: number;
  readonly files: Record<string, number>;
  readonly stage: string;
}

/** Runs the project's own `scripts/package.mjs` in the staged copy (production build + vsce). */
export function packageStaged(stage: string): PackageFigures {
  execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: stage, stdio: ['ignore', 'ignore', 'pipe'] });
  const vsixDir = path.join(stage, 'dist-vsix');
  const vsix = readdirSync(vsixDir).find((f) => f.endsWith('.vsix'));
  if (!vsix) throw new Error('no .vsix was produced');
  const files: Record<string, number> = {};
  let distBytes = 0;
  for (const name of readdirSync(path.join(stage, 'dist'))) {
    const size = statSync(path.join(stage, 'dist', name)).size;
    files[name] = size;
    distBytes += size;
  }
  return { vsixBytes: statSync(path.join(vsixDir, vsix)).size, distBytes, files, stage };
}
