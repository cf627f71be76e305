// Bundles the extension with esbuild.
//   dist/extension.js  the extension (activation path: no AWS SDK code in it)
//   dist/aws-sdk.js    the AWS SDK clients and credential providers, required lazily on first AWS call
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(import.meta.dirname, '..');
const sdkModule = path.join(root, 'src', 'aws', 'sdk.ts');

/**
 * Every import of src/aws/sdk.ts from another entry becomes `require('./aws-sdk.js')` at run time,
 * so the heavy SDK code is neither parsed nor evaluated until first use.
 * @type {esbuild.Plugin}
 */
const lazySdk = {
  name: 'lazy-aws-sdk',
  setup(build) {
    build.onResolve({ filter: /\/sdk$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path) + '.ts';
      if (resolved === sdkModule && args.kind === 'dynamic-import') {
        return { path: './aws-sdk.js', external: true };
      }
      if (resolved === sdkModule) {
        return { errors: [{ text: 'src/aws/sdk.ts may only be imported lazily, through loadSdk()' }] };
      }
      return undefined;
    });
  },
};

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/aws/sdk.ts', out: 'aws-sdk' },
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
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  mainFields: ['module', 'main'],
  plugins: [lazySdk],
};

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
