// Writes schemas/snapshot-plan.schema.json from the service registry (src/plans/schema.ts builds it), so a new
// service is in the schema as soon as it is in the registry. The build runs it; so can you.
//
// Usage: node scripts/generate-schema.mjs [--check]
//   --check: exit 1 when the checked-in schema differs from what the registry gives (writes nothing)
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = path.join(root, 'schemas', 'snapshot-plan.schema.json');

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
      build.onResolve({ filter: /\/sdk$/ }, (args) =>
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

/** Whether a described key is anywhere in the value (such objects are laid out one key a line). */
const described = (value) =>
  typeof value === 'object' &&
  value !== null &&
  (typeof value.description === 'string' || Object.values(value).some(described));

/**
 * JSON text in which small objects without descriptions stay on one line (Prettier then keeps them so where they fit)
 * and the rest is laid out one key a line, as the schema was written by hand.
 */
function layout(value) {
  if (Array.isArray(value)) return `[${value.map(layout).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${layout(v)}`);
  return !described(value) && entries.length <= 3 ? `{ ${entries.join(', ')} }` : `{\n${entries.join(',\n')}\n}`;
}

/** The schema text the registry gives (formatted with the repository's Prettier settings). */
export async function generateSchema() {
  const { schema } = await evaluate(
    [
      "import { planSchema } from './src/plans/schema';",
      "import { services } from './src/services/registry';",
      'export const schema = planSchema(services);',
    ].join('\n'),
  );
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(layout(schema), { ...options, filepath: schemaFile });
}

/**
 * Writes the schema when it differs from what the registry gives (with `check`: only says so, exit code 1).
 * @param {{ check?: boolean, log?: (line: string) => void }} options
 */
export async function writeSchema({ check = false, log = console.log } = {}) {
  const text = await generateSchema();
  const current = readFileSync(schemaFile, 'utf8');
  const name = path.relative(root, schemaFile);
  if (current === text) {
    if (check) log(`${name} is up to date`);
  } else if (check) {
    console.error(`${name} is stale: run node scripts/generate-schema.mjs`);
    process.exitCode = 1;
  } else {
    writeFileSync(schemaFile, text);
    log(`wrote ${name}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeSchema({ check: process.argv.includes('--check') });
}
