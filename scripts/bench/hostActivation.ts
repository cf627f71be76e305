// Figure 1, in VS Code itself: the extension host's own activation time of the packaged extension, as VS Code's
// "Developer: Show Running Extensions" reports it (code loading + the activate() call), read from the end-to-end
// harness (code-server + headless Chromium, the emulator behind it). One fresh window, so one fresh extension host,
// per run; the view's opening activates the extension (onView). The first window also warms code-server's own
// caches, so it is reported apart and left out of the median.
import { existsSync } from 'node:fs';
import { codeServerEntry } from '../e2e/demoSession';
import { E2e, waitUntil, type Workbench } from '../../test/e2e/harness';
import { median } from './support';

export interface HostActivationOptions {
  /** A folder holding the extension to load (package.json + dist/), e.g. the staged production build. */
  readonly extensionRoot: string;
  readonly windows: number;
}

export type HostActivationResult =
  | { readonly measured: true; readonly ms: number; readonly firstMs: number; readonly runsMs: number[] }
  | { readonly measured: false; readonly reason: string };

const ROW = 'Snapshot Explorer for AWS';

/** The "Activation: N ms" of our row in the Running Extensions editor. */
async function activationMs(wb: Workbench): Promise<number> {
  await wb.input.runCommand('Developer: Show Running Extensions');
  const row = wb.page.locator('.runtime-extensions-editor .extension').filter({ hasText: ROW });
  const ms = await waitUntil(
    async () => {
      const match = /Activation:\s*(\d+)\s*ms/.exec((await row.allInnerTexts())[0] ?? '');
      return match ? Number(match[1]) : undefined;
    },
    (value) => value !== undefined,
    'the Running Extensions editor lists the extension as activated',
  );
  return ms as number;
}

export async function benchHostActivation(
  options: HostActivationOptions,
  log: (line: string) => void,
): Promise<HostActivationResult> {
  if (!existsSync(codeServerEntry)) {
    return { measured: false, reason: 'code-server is not installed (bash scripts/e2e/install-deps.sh)' };
  }
  if (!existsSync('/usr/bin/chromium')) return { measured: false, reason: 'Chromium is not installed' };
  const e2e = await E2e.start({ extensionRoot: options.extensionRoot });
  try {
    const runs: number[] = [];
    for (let i = 0; i < options.windows; i++) {
      await e2e.withWorkbench(`bench-host-activation-${i + 1}`, async (wb) => {
        await wb.openViewContainer('Snapshot Explorer');
        const ms = await activationMs(wb);
        log(`  window ${i + 1}/${options.windows}: ${ms} ms`);
        runs.push(ms);
      });
    }
    const [firstMs = Number.NaN, ...warm] = runs;
    return { measured: true, ms: median(warm.length ? warm : runs), firstMs, runsMs: runs };
  } finally {
    await e2e.stop();
  }
}
