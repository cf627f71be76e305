// What the generators of checked-in files share: running a few lines of TypeScript that import from src/ at build
// time (to read the service registry: esbuild bundles them into a temporary module under dist/, imported and then
// removed), and writing a generated file only when it changed.
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Evaluates a few lines of TypeScript that import from src/ (bundled by esbuild into a temporary module next to the
 * sources, so packages resolve from node_modules) and returns what it exports. The lazily loaded SDK is left out:
 * nothing here calls AWS.
 * @param {string} contents  the module's source, with imports relative to the repository root
 * @param {esbuild.Plugin[]} plugins
 */
export async function evaluate(contents, plugins = []) {
  const sdkOut = {
    name: 'no-sdk',
    setup(build) {
      build.onResolve({ filter: /\/awsSdk$/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
      );
    },
  };
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'generate.ts' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [sdkOut, ...plugins],
  });
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(path.join(root, 'dist', '.generate-'));
  try {
    const file = path.join(dir, 'generate.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes `text` to `file` when it differs; with `check`, only says whether it is stale (exit code 1 when it is).
 * @param {string} file
 * @param {string} text
 * @param {{ check?: boolean, log?: (line: string) => void, command: string }} options
 */
export function writeGenerated(file, text, { check = false, log = console.log, command }) {
  const name = path.relative(root, file);
  const current = readFileSync(file, 'utf8');
  if (current === text) {
    if (check) log(`${name} is up to date`);
  } else if (check) {
    console.error(`${name} is stale: run ${command}`);
    process.exitCode = 1;
  } else {
    writeFileSync(file, text);
    log(`wrote ${name}`);
  }
}
