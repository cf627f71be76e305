// Runs in a fresh plain-Node process (bundled by bundle.ts, no tsx): times what VS Code does on activation
// (require the extension bundle, call activate()) with the permissive fake of `vscode`, then lists any AWS SDK
// module that got loaded. With `sdk` instead: times the first load of the SDK bundle, as the first AWS call does it.
//   node activation-child.js activate <dist/extension.js>
//   node activation-child.js sdk <dist/aws-sdk.js> import|require
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { fakeExtensionContext, installFakeVscode } from '../../test/support/fakeVscode';

async function activation(bundle: string): Promise<object> {
  const restore = installFakeVscode();
  try {
    const load = createRequire(bundle);
    const before = Object.keys(load.cache).length;
    const t0 = performance.now();
    const extension = load(bundle) as { activate(context: unknown): unknown };
    const t1 = performance.now();
    await extension.activate(fakeExtensionContext(path.dirname(path.dirname(bundle))));
    const t2 = performance.now();
    // Anything activation started lazily (dynamic imports, 0 ms timers) runs before we look.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const loaded = Object.keys(load.cache);
    const sdk = loaded.filter((f) => f.endsWith('aws-sdk.js') || f.includes(`${path.sep}@aws-sdk${path.sep}`));
    return { requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, modules: loaded.length - before, sdk };
  } finally {
    restore();
  }
}

async function sdkLoad(bundle: string, how: string): Promise<object> {
  const t0 = performance.now();
  if (how === 'require') createRequire(bundle)(bundle);
  else await import(pathToFileURL(bundle).href);
  return { ms: performance.now() - t0 };
}

async function main(): Promise<object> {
  const [mode, bundle, how] = process.argv.slice(2);
  if (!bundle) throw new Error('usage: activation-child.js activate|sdk <bundle> [import|require]');
  return mode === 'sdk' ? sdkLoad(bundle, how ?? 'import') : activation(bundle);
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
