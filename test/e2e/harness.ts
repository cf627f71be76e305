// End-to-end harness: the emulator + code-server (scripts/e2e/demoSession.ts) with the packaged .vsix installed
// (scripts/e2e/vsix.ts: `npm run package` once per change) and headless Chromium driving the real VS Code workbench.
// A test file starts one E2e (one emulator, one code-server, one browser) and opens a fresh window per scenario; the
// Workbench helpers act and look the way a person does and wait for visible state with a deadline. Each step saves a
// screenshot under test-results/e2e/<vscode>/<scenario>/. The VS Code is the one E2E_VSCODE names (lowest | newest;
// scripts/e2e/vscodeTargets.mjs): `npm test` runs every test file once per target; where the workbench's DOM differs
// between them, the helpers (workbench.ts, tree.ts, quickInput.ts, editor.ts) absorb it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { CallRecord, FaultConfig } from '../../emulator/index';
import { writeAwsFiles, type DemoProfile } from '../../scripts/e2e/awsFiles';
import { defaultDemoProfiles, projectRoot, startDemoSession, type DemoSession } from '../../scripts/e2e/demoSession';
import { describeTarget, targetFromEnv, type VscodeTarget } from '../../scripts/e2e/vscodeTargets.mjs';
import { ensurePackagedVsix } from '../../scripts/e2e/vsix';
import { Workbench } from './workbench';

export { defaultDemoProfiles, Workbench };
export type { DemoProfile };
export { STATE_TIMEOUT_MS, waitUntil } from './wait';

/** Where a target's screenshots go: test-results/e2e/vscode-<version>/<scenario>/. */
export function screenshotRoot(target: VscodeTarget): string {
  return path.join(projectRoot, 'test-results', 'e2e', `vscode-${target.vscode}`);
}
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The emulator's admin API (`/_emulator/...`). */
export class EmulatorAdmin {
  constructor(readonly url: string) {}

  private async request(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(route, this.url), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Back to the demo data set, no faults, empty call log. */
  async reset(): Promise<void> {
    await this.request('POST', '/_emulator/reset');
  }

  /** Installs faults (rates 0–1, optionally only for some `services`/`operations`); reset() removes them. */
  async faults(config: Partial<FaultConfig>): Promise<void> {
    await this.request('POST', '/_emulator/faults', config);
  }

  /** The calls the emulator answered since the last reset. */
  async calls(): Promise<CallRecord[]> {
    return (await this.request('GET', '/_emulator/calls')) as CallRecord[];
  }
}

export interface E2eOptions {
  /** Profiles in the throwaway AWS config at start (default: the demo profiles). */
  profiles?: readonly DemoProfile[];
  /** Extra VS Code user settings. */
  settings?: Record<string, unknown>;
  /**
   * The extension folder to load instead of the packaged .vsix (default: `npm run package`'s .vsix, installed with
   * `code-server --install-extension`; the benchmarks pass a staged production build).
   */
  extensionRoot?: string;
  /** The VS Code to run (default: the one E2E_VSCODE names, else the newest). */
  target?: VscodeTarget;
  /** Also write the emulator's demo IAM Identity Center session (`[sso-session demo-sso]`) into the AWS config. */
  identityCenter?: boolean;
}

/** Every file under `dir` (recursively) whose name is `name`. */
function filesNamed(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

/** The extension's log channel, as VS Code writes it to a file of its own. */
const extensionLogName = 'Snapshot Explorer.log';

/**
 * The lines of an extension log that show a request meant for a host other than the emulator: a client built with
 * another endpoint (or AWS's own), or a failed host lookup. The tests run VS Code at debug level, so every client
 * the extension builds is in the log with its endpoint.
 */
export function publicHostLines(log: string, emulatorUrl: string): string[] {
  return log.split('\n').filter((line) => {
    if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|amazonaws\.com/.test(line)) return true;
    const created = /Created \S+ client for profile .*?: (.*)$/.exec(line);
    return created !== null && !(created[1] ?? '').startsWith(`endpoint ${emulatorUrl} `);
  });
}

/** One emulator, one code-server and one browser for a test file; one fresh window per scenario. */
export class E2e {
  /** The extension log files that existed when each window opened: the window's own are the others. */
  private readonly logsBefore = new WeakMap<Workbench, ReadonlySet<string>>();

  private constructor(
    readonly session: DemoSession,
    readonly emulator: EmulatorAdmin,
    private readonly browser: Browser,
  ) {}

  static async start(options: E2eOptions = {}): Promise<E2e> {
    const log = (message: string): void => console.error(`[e2e] ${message}`);
    const extension = options.extensionRoot
      ? { extensionRoot: options.extensionRoot }
      : { vsix: await ensurePackagedVsix(projectRoot, log) };
    const target = options.target ?? targetFromEnv();
    log(`VS Code: ${describeTarget(target)}`);
    const session = await startDemoSession({
      target,
      port: 0,
      emulator: true,
      ...(options.profiles ? { profiles: options.profiles } : {}),
      ...(options.identityCenter ? { identityCenter: true } : {}),
      ...extension,
      // Hover tooltips would cover menus and rows the steps click (and the screenshots); a test may turn them on.
      // Sticky scroll pins copies of ancestor rows over the rows a scrolled tree shows at its top, where clicks land.
      settings: { 'workbench.hover.delay': 600_000, 'workbench.tree.enableStickyScroll': false, ...options.settings },
      logLevel: 'debug',
      log,
      codeServerOutput: process.env.E2E_VERBOSE ? (line) => console.error(`[code-server] ${line}`) : undefined,
    });
    try {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
      log(`code-server at ${session.url}, emulator at ${session.emulatorUrl}`);
      return new E2e(session, new EmulatorAdmin(session.emulatorUrl ?? ''), browser);
    } catch (error) {
      await session.stop();
      throw error;
    }
  }

  /**
   * Rewrites the throwaway AWS config and credentials files. Windows opened afterwards start a fresh extension
   * host, which reads them anew.
   */
  useProfiles(profiles: readonly DemoProfile[]): void {
    if (!this.session.awsFiles) throw new Error('no throwaway AWS files in this session');
    writeAwsFiles(this.session.awsFiles, profiles, this.session.emulatorUrl);
  }

  /** Writes a file into the workspace folder the workbench opens (e.g. a snapshot plan); returns its path. */
  writeWorkspaceFile(name: string, content: string): string {
    const file = path.join(this.session.workspaceFolder, name);
    writeFileSync(file, content);
    return file;
  }

  /** Opens a new workbench window (its own extension host) for one scenario, after an emulator reset. */
  async open(scenario: string): Promise<Workbench> {
    await this.emulator.reset();
    const logsBefore = new Set(this.extensionLogFiles());
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const workbench = new Workbench(scenario, screenshotRoot(this.session.target), context, page);
    this.logsBefore.set(workbench, logsBefore);
    await workbench.step('workbench loaded', async () => {
      await page.goto(this.session.url);
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await workbench.activityBarIcon('Snapshot Explorer').waitFor({ timeout: 60_000 });
    });
    return workbench;
  }

  private extensionLogFiles(): string[] {
    return filesNamed(path.join(this.session.userDataDir, 'logs'), extensionLogName);
  }

  /**
   * The extension's log of this window's extension host so far (VS Code runs at debug level in the tests, so it
   * holds a line for every client built, with its endpoint, and one for every AWS call).
   */
  async extensionLog(workbench: Workbench): Promise<string> {
    const before = this.logsBefore.get(workbench) ?? new Set<string>();
    // VS Code writes log files in batches: wait until this window's file exists and stops growing.
    let previous = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const text = this.extensionLogFiles()
        .filter((file) => !before.has(file))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      if (text !== '' && text === previous) return text;
      previous = text;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return previous;
  }

  /**
   * Opens a window for `scenario`, runs it, and closes the window (the screenshots stay). Fails the scenario when
   * the extension's log shows a request meant for a host other than the emulator.
   */
  async withWorkbench(scenario: string, run: (workbench: Workbench) => Promise<void>): Promise<void> {
    const workbench = await this.open(scenario);
    try {
      await run(workbench);
      const outside = publicHostLines(await this.extensionLog(workbench), this.session.emulatorUrl ?? '');
      if (outside.length > 0) {
        throw new Error(
          `${scenario}: the extension meant to reach a host other than the emulator:\n${outside.join('\n')}`,
        );
      }
    } finally {
      await workbench.close();
    }
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.session.stop();
  }
}
