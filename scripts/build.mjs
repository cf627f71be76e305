// Writes the generated files (src/awsSdk.ts from the services' SDK surfaces; from the service registry,
// src/validation/generated/modelConstraints.ts from the botocore models, then schemas/snapshot-plan.schema.json),
// and l10n/bundle.l10n.json from the vscode.l10n.t strings of src/ (scripts/export-l10n.mjs), then bundles the
// extension with esbuild.
//   dist/extension.js  the extension (activation path: no AWS SDK code in it)
//   dist/aws-sdk.js    the AWS SDK clients and credential providers, required lazily on first AWS call
//   dist/language-client.js  the plan language client library, required when the first plan opens
//   dist/server.js     the plan language server
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeRules } from './generate-rules.mjs';
import { writeSdkEntry } from './generate-sdk.mjs';
import { writeSchema } from './generate-schema.mjs';
import { writeL10nBundle } from './export-l10n.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(import.meta.dirname, '..');
/** Modules bundled on their own and loaded on first use: source (without .ts) → output name in dist/. */
const lazyModules = new Map([
  [path.join(root, 'src', 'awsSdk'), 'aws-sdk'],
  [path.join(root, 'src', 'client', 'languageClientLib'), 'language-client'],
]);

/** The parts of the SDK bundle (src/aws/sdk.ts, src/services/*.sdk.ts): only its entry, src/awsSdk.ts, imports them. */
const sdkEntry = path.join(root, 'src', 'awsSdk.ts');
const isSdkPart = (source) =>
  source === path.join(root, 'src', 'aws', 'sdk') ||
  (path.dirname(source) === path.join(root, 'src', 'services') && source.endsWith('.sdk'));

/**
 * Every import of a lazy module from another entry becomes `require('./<name>.js')` at run time, so that code is
 * neither parsed nor evaluated until first use. A static import of one, or of a part of the SDK bundle from outside
 * its entry, is a build error.
 * @type {esbuild.Plugin}
 */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const source = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '');
      if (isSdkPart(source) && args.importer !== sdkEntry) {
        return {
          errors: [{ text: `${args.path} is part of the SDK bundle: load it with loadSdk() (src/aws/sdkLoader)` }],
        };
      }
      const name = lazyModules.get(source);
      if (name === undefined || args.kind === 'entry-point') return undefined;
      if (args.kind === 'dynamic-import') return { path: `./${name}.js`, external: true };
      return { errors: [{ text: `${args.path} may only be imported lazily, with import()` }] };
    });
  },
};

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  ...[...lazyModules].map(([source, out]) => ({ in: `${path.relative(root, source)}.ts`, out })),
  { in: 'src/server/server.ts', out: 'server' },
].filter((e) => existsSync(path.join(root, e.in)));

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Lazy bundles load with require() inside a promise: Node's ESM loader would lex the 1 MB CommonJS bundle first
  // (import() of dist/aws-sdk.js costs about twice require(); see BENCHMARKS.md).
  supported: { 'dynamic-import': false },
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  mainFields: ['module', 'main'],
  plugins: [lazyBundles],
};

await writeSdkEntry();
await writeRules({ optional: true });
await writeSchema();
await writeL10nBundle();

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching for changes');
} else {
  const result = await esbuild.build(options);
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KiB`);
  }
}
