// Figure 1, in VS Code itself: the extension host's own activation time of the packaged extension, as VS Code's
// "Developer: Show Running Extensions" reports it (code loading + the activate() call), read from the end-to-end
// harness (code-server + headless Chromium, the emulator behind it), once per VS Code target (the lowest supported
// and the newest, scripts/e2e/vscodeTargets.mjs; each on its own Node). One fresh window, so one fresh extension
// host, per run; the view's opening activates the extension (onView). The first window also warms code-server's own
// caches, so it is reported apart and left out of the median.
import { existsSync } from 'node:fs';
import { codeServerPaths } from '../e2e/demoSession';
import {
  describeTarget,
  TARGET_VARIABLE,
  targetNamed,
  vscodeTargets,
  type VscodeTarget,
} from '../e2e/vscodeTargets.mjs';
import { E2e, waitUntil, type Workbench } from '../../test/e2e/harness';
import { formatMs, median } from './support';

export interface HostActivationOptions {
  /** A folder holding the extension to load (package.json + dist/), e.g. the staged production build. */
  readonly extensionRoot: string;
  readonly windows: number;
  /** The VS Code versions to measure in (default: every target). */
  readonly targets?: readonly VscodeTarget[];
}

export type HostActivationResult =
  | { readonly measured: true; readonly ms: number; readonly firstMs: number; readonly runsMs: number[] }
  | { readonly measured: false; readonly reason: string };

/** One target's figures: the VS Code it ran and what it measured. */
export interface HostActivationFigures {
  readonly target: VscodeTarget;
  readonly result: HostActivationResult;
}

const ROW = 'Snapshot Explorer for AWS';

/**
 * The "Activation: N ms" of our row in the Running Extensions editor. Its list is sorted slowest first and renders only
 * the rows in view (VS Code 1.139 shows it in a smaller modal editor), so it is scrolled down until our row shows.
 */
async function activationMs(wb: Workbench): Promise<number> {
  await wb.input.runCommand('Developer: Show Running Extensions');
  const list = wb.page.locator('.runtime-extensions-editor .monaco-list').first();
  const row = wb.page.locator('.runtime-extensions-editor .extension').filter({ hasText: ROW });
  const ms = await waitUntil(
    async () => {
      const text = (await row.allInnerTexts())[0];
      const box = text === undefined ? await list.boundingBox() : null;
      if (box) {
        await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await wb.page.mouse.wheel(0, box.height / 2);
      }
      const match = /Activation:\s*(\d+)\s*ms/.exec(text ?? '');
      return match ? Number(match[1]) : undefined;
    },
    (value) => value !== undefined,
    'the Running Extensions editor lists the extension as activated',
  );
  return ms as number;
}

async function measureOne(
  target: VscodeTarget,
  options: HostActivationOptions,
  log: (line: string) => void,
): Promise<HostActivationResult> {
  const paths = codeServerPaths(target);
  if (!existsSync(paths.entry) || !existsSync(paths.node)) {
    return {
      measured: false,
      reason: `code-server ${target.codeServer} is not installed (bash scripts/e2e/install-deps.sh)`,
    };
  }
  log(`  ${describeTarget(target)}:`);
  const e2e = await E2e.start({ extensionRoot: options.extensionRoot, target });
  try {
    const runs: number[] = [];
    for (let i = 0; i < options.windows; i++) {
      await e2e.withWorkbench(`bench-host-activation-${i + 1}`, async (wb) => {
        await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
        const ms = await wb.step('Developer: Show Running Extensions', () => activationMs(wb));
        log(`    window ${i + 1}/${options.windows}: ${ms} ms`);
        runs.push(ms);
      });
    }
    const [firstMs = Number.NaN, ...warm] = runs;
    return { measured: true, ms: median(warm.length ? warm : runs), firstMs, runsMs: runs };
  } finally {
    await e2e.stop();
  }
}

/** Measures the activation in the extension host of each target in turn (never two code-servers at once). */
export async function benchHostActivation(
  options: HostActivationOptions,
  log: (line: string) => void,
): Promise<HostActivationFigures[]> {
  if (!existsSync('/usr/bin/chromium')) {
    const result = { measured: false, reason: 'Chromium is not installed' } as const;
    return (options.targets ?? Object.values(vscodeTargets)).map((target) => ({ target, result }));
  }
  const figures: HostActivationFigures[] = [];
  for (const target of options.targets ?? Object.values(vscodeTargets)) {
    figures.push({ target, result: await measureOne(target, options, log) });
  }
  return figures;
}

/** The targets to measure: the one E2E_VSCODE names, else every target. */
export function hostTargets(env: Readonly<Record<string, string | undefined>> = process.env): VscodeTarget[] {
  const named = env[TARGET_VARIABLE];
  return named ? [targetNamed(named)] : Object.values(vscodeTargets);
}

/** The benchmark table's rows: one per target, median of the warm windows / the first window. */
export function hostActivationRows(figures: readonly HostActivationFigures[]): Array<[string, string, string]> {
  return figures.map(({ target, result }) => [
    `  in the extension host of VS Code ${target.vscode} (Node ${target.node}), median / first window`,
    result.measured ? `${formatMs(result.ms)} / ${formatMs(result.firstMs)}` : `not measured: ${result.reason}`,
    '≤ 30 ms',
  ]);
}

/** The JSON line's figures: per target id, the versions and the times (or why they were not measured). */
export function hostActivationJson(figures: readonly HostActivationFigures[]): { host: Record<string, object> } {
  const host: Record<string, object> = {};
  for (const { target, result } of figures) {
    const versions = { vscode: target.vscode, node: target.node };
    host[target.id] = result.measured
      ? { ...versions, ms: result.ms, firstMs: result.firstMs, runsMs: result.runsMs }
      : { ...versions, ms: null, notMeasured: result.reason };
  }
  return { host };
}
