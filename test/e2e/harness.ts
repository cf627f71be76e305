// End-to-end harness: the emulator + code-server (scripts/e2e/demoSession.ts) and headless Chromium driving the real
// VS Code workbench, with helpers that act and look the way a person does (click the icon, expand a tree item, run a
// command, type into the input box, read the status bar and notifications). Every helper waits for visible state
// with a deadline; nothing sleeps for a fixed time. Each step saves a screenshot under test-results/e2e/<scenario>/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { CallRecord, FaultConfig } from '../../emulator/index';
import { writeAwsFiles, type DemoProfile } from '../../scripts/e2e/awsFiles';
import { defaultDemoProfiles, projectRoot, startDemoSession, type DemoSession } from '../../scripts/e2e/demoSession';

export { defaultDemoProfiles };
export type { DemoProfile };

/** How long one visible state may take to appear (the first AWS calls of a fresh extension host included). */
export const STATE_TIMEOUT_MS = 30_000;
const screenshotRoot = path.join(projectRoot, 'test-results', 'e2e');
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
}

/** One emulator, one code-server and one browser for a test file; one fresh window per scenario. */
export class E2e {
  private constructor(
    readonly session: DemoSession,
    readonly emulator: EmulatorAdmin,
    private readonly browser: Browser,
  ) {}

  static async start(options: E2eOptions = {}): Promise<E2e> {
    const log = (message: string): void => console.error(`[e2e] ${message}`);
    const session = await startDemoSession({
      port: 0,
      emulator: true,
      ...(options.profiles ? { profiles: options.profiles } : {}),
      // Hover tooltips would cover menus and rows the steps click (and the screenshots); a test may turn them on.
      settings: { 'workbench.hover.delay': 600_000, ...options.settings },
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
    writeAwsFiles(this.session.awsFiles, profiles);
  }

  /** Opens a new workbench window (its own extension host) for one scenario, after an emulator reset. */
  async open(scenario: string): Promise<Workbench> {
    await this.emulator.reset();
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const workbench = new Workbench(scenario, context, page);
    await workbench.step('workbench loaded', async () => {
      await page.goto(this.session.url);
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await workbench.activityBarIcon('Snapshot Explorer').waitFor({ timeout: 60_000 });
    });
    return workbench;
  }

  /** Opens a window for `scenario`, runs it, and closes the window (the screenshots stay). */
  async withWorkbench(scenario: string, run: (workbench: Workbench) => Promise<void>): Promise<void> {
    const workbench = await this.open(scenario);
    try {
      await run(workbench);
    } finally {
      await workbench.close();
    }
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.session.stop();
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'step'
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/**
 * Polls `read` until `done` holds or the deadline passes (for states no single locator expresses, such as an
 * attribute value). Fails with the last value read.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = STATE_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(value)}`);
    await delay(100);
    value = await read();
  }
  return value;
}

/** One browser window on the workbench, with the actions and reads a scenario needs. */
export class Workbench {
  private stepNumber = 0;
  readonly screenshotDir: string;

  constructor(
    readonly scenario: string,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.screenshotDir = path.join(screenshotRoot, slug(scenario));
    rmSync(this.screenshotDir, { recursive: true, force: true });
    mkdirSync(this.screenshotDir, { recursive: true });
  }

  /**
   * Runs one step and saves a screenshot of the result. On failure the screenshot is saved as `...-FAILED.png` and
   * the error names the scenario, the step and the screenshot.
   */
  async step<T>(name: string, action: () => Promise<T>): Promise<T> {
    this.stepNumber += 1;
    const file = `${String(this.stepNumber).padStart(2, '0')}-${slug(name)}`;
    try {
      const result = await action();
      await this.screenshot(file);
      return result;
    } catch (error) {
      const shot = await this.screenshot(`${file}-FAILED`).catch(() => '(no screenshot)');
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[e2e] ${this.scenario}: step "${name}" failed; screenshot: ${shot}`);
      throw new Error(`${this.scenario}: step "${name}" failed: ${message}\nscreenshot: ${shot}`, { cause: error });
    }
  }

  /** Saves a screenshot of the whole window as test-results/e2e/<scenario>/<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  // ---- activity bar and views

  activityBarIcon(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
  }

  /**
   * Clicks the activity bar icon and waits until its view container is the one shown in the side bar, then widens
   * the side bar (as a person would drag it) so tree labels and descriptions are readable in screenshots.
   */
  async openViewContainer(title: string, sideBarWidth = 480): Promise<void> {
    await this.activityBarIcon(title).click();
    await this.page
      .locator('.part.sidebar .composite.title h2')
      .filter({ hasText: new RegExp(title, 'i') })
      .waitFor({ timeout: STATE_TIMEOUT_MS });
    await this.widenSideBar(sideBarWidth);
  }

  /** Drags the side bar's right edge until the side bar is `width` pixels wide (no-op when it already is). */
  async widenSideBar(width: number): Promise<void> {
    const sideBar = this.page.locator('.part.sidebar');
    const box = await sideBar.boundingBox();
    if (!box || box.width >= width - 2) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
    await waitUntil(
      async () => (await sideBar.boundingBox())?.width ?? 0,
      (current) => current >= width - 10,
      `the side bar to be ${width} px wide`,
    );
  }

  /** The side bar's title, e.g. "Snapshot Explorer: Resources". */
  async sideBarTitle(): Promise<string> {
    return (await this.page.locator('.part.sidebar .composite.title h2').innerText()).trim();
  }

  /** The welcome content of the side bar (shown when a view has no items and its `when` clause holds). */
  welcomeView(): Locator {
    return this.page.locator('.part.sidebar .welcome-view-content');
  }

  /** A button or link in the side bar's welcome content. */
  welcomeButton(label: string): Locator {
    return this.welcomeView()
      .locator('.monaco-button, a')
      .filter({ hasText: exactText(label) })
      .first();
  }

  // ---- tree

  /** The side bar's tree row whose label is exactly `label` (the nth, 0-based, when several share it). */
  treeItem(label: string, nth = 0): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) })
      .nth(nth);
  }

  /** A tree row whose label matches `label` (a RegExp for rows whose label carries counts or names). */
  treeItemMatching(label: RegExp): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name', { hasText: label }) })
      .first();
  }

  /** Waits for the row, then expands it (no-op if expanded) and waits for VS Code to mark it expanded. */
  async expand(item: Locator | string): Promise<Locator> {
    const row = typeof item === 'string' ? this.treeItem(item) : item;
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.monaco-tl-twistie').click();
      await this.parkMouse();
    }
    await waitUntil(
      () => row.getAttribute('aria-expanded'),
      (expanded) => expanded === 'true',
      'the tree item to expand',
    );
    return row;
  }

  /**
   * The row labelled `label` directly under `parent` (the parent must be expanded). Rows are matched by their
   * position in the tree (`data-index`, `aria-level`), so equal labels in other branches do not interfere.
   */
  async childItem(parent: Locator, label: string | RegExp): Promise<Locator> {
    const pattern = typeof label === 'string' ? exactText(label) : label;
    const rows = this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
    const index = await waitUntil(
      async () => {
        const parentIndex = Number(await parent.getAttribute('data-index'));
        const parentLevel = Number(await parent.getAttribute('aria-level'));
        const shown = await this.readRows(rows);
        const children = shown
          .filter((row) => row.index > parentIndex)
          .sort((a, b) => a.index - b.index)
          .filter((_row, i, after) => after.slice(0, i).every((before) => before.level > parentLevel))
          .filter((row) => row.level === parentLevel + 1);
        return children.find((row) => pattern.test(row.label))?.index ?? -1;
      },
      (found) => found >= 0,
      `a tree item ${String(label)} under the expanded item`,
    );
    return rows.and(this.page.locator(`[data-index="${index}"]`));
  }

  /** Expands each label in turn, each one looked up under the previous; returns the last row. */
  async expandPath(...labels: (string | RegExp)[]): Promise<Locator> {
    const [first, ...rest] = labels;
    if (first === undefined) throw new Error('expandPath needs at least one label');
    let row = await this.expand(typeof first === 'string' ? this.treeItem(first) : this.treeItemMatching(first));
    for (const label of rest) row = await this.expand(await this.childItem(row, label));
    return row;
  }

  /** One consistent read of the rendered rows (the list is virtual: only rows near the viewport exist). */
  private readRows(rows: Locator): Promise<{ index: number; level: number; label: string; description: string }[]> {
    return rows.evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      })),
    );
  }

  /** Waits until a row labelled `label` is visible. */
  async waitForTreeItem(label: string | RegExp): Promise<Locator> {
    const row = typeof label === 'string' ? this.treeItem(label) : this.treeItemMatching(label);
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    return row;
  }

  /** The rows the tree shows now, top to bottom: label, description and level (1 = profiles). */
  async treeRows(): Promise<{ label: string; description: string; level: number }[]> {
    const rows = await this.readRows(this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]'));
    return rows
      .sort((a, b) => a.index - b.index)
      .map(({ label, description, level }) => ({ label, description, level }));
  }

  /** Opens a row's context menu and picks `action`. */
  async contextMenu(row: Locator, action: string): Promise<void> {
    await row.click({ button: 'right' });
    const item = this.page.locator('.context-view .action-item, .monaco-menu .action-item').filter({
      has: this.page.locator('.action-label', { hasText: exactText(action) }),
    });
    await item.first().waitFor({ timeout: STATE_TIMEOUT_MS });
    await item.first().click();
    await this.parkMouse();
  }

  /** Moves the pointer to the empty editor area, so no hover tooltip covers what the next screenshot shows. */
  async parkMouse(): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
    await this.page.mouse.move(viewport.width - 40, viewport.height - 60);
  }

  /** Hovers a row and clicks its inline action button (title = `action`). */
  async inlineAction(row: Locator, action: string): Promise<void> {
    await row.hover();
    const button = row.locator(`.actions .action-label[aria-label^="${action}"]`).first();
    await button.waitFor({ timeout: STATE_TIMEOUT_MS });
    await button.click();
    await this.parkMouse();
  }

  // ---- command palette and quick input

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Runs a command by its palette title, e.g. "Snapshot Explorer: Show Logs". */
  async runCommand(title: string): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    const input = this.quickInput().locator('.quick-input-box input');
    await input.waitFor({ timeout: STATE_TIMEOUT_MS });
    await input.fill(`>${title}`);
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(title) }) })
      .first();
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    await row.click();
  }

  /** Waits for the quick input to show (optionally with `title`/placeholder text) and returns it. */
  async waitForQuickInput(text?: string | RegExp): Promise<Locator> {
    const widget = this.quickInput();
    await widget.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    if (text !== undefined) {
      const pattern = typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text;
      const input = widget.locator('.quick-input-box input');
      await waitUntil(
        async () =>
          [
            await widget.locator('.quick-input-title').innerText(),
            await input.getAttribute('placeholder'),
            await input.getAttribute('aria-label'),
          ].join('\n'),
        (shown) => pattern.test(shown),
        `the input box to show ${String(text)}`,
      );
    }
    return widget;
  }

  /** Replaces the text of the quick input box with `text` (as typed: validation runs on every change). */
  async typeInQuickInput(text: string): Promise<void> {
    const input = this.quickInput().locator('.quick-input-box input');
    await input.waitFor({ timeout: STATE_TIMEOUT_MS });
    await input.fill('');
    // Short values key by key (validation runs on each keystroke, only the last result may show); long ones at once.
    if (text.length <= 40) await input.pressSequentially(text);
    else await input.fill(text);
  }

  /** Picks the quick pick item labelled `label`. */
  async pickQuickItem(label: string | RegExp): Promise<void> {
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({
        has: this.page.locator('.label-name', { hasText: typeof label === 'string' ? exactText(label) : label }),
      })
      .first();
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    await row.click();
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the quick input's validation message equals `expected` (or matches it). */
  async waitForQuickInputMessage(expected: string | RegExp): Promise<string> {
    const message = this.quickInput().locator('.quick-input-message');
    await message
      .filter({ hasText: typeof expected === 'string' ? exactText(expected) : expected })
      .waitFor({ timeout: STATE_TIMEOUT_MS });
    return (await message.innerText()).trim();
  }

  /** The quick input's validation message now ('' when none). */
  async quickInputMessage(): Promise<string> {
    const message = this.quickInput().locator('.quick-input-message');
    return (await message.count()) > 0 && (await message.isVisible()) ? (await message.innerText()).trim() : '';
  }

  async waitForQuickInputClosed(): Promise<void> {
    await this.quickInput().waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS });
  }

  // ---- status bar and notifications

  /** The texts of the status bar items, left to right. */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    return texts.map((t) => t.trim()).filter((t) => t.length > 0);
  }

  /** Waits for a status bar item whose text matches and returns it. */
  async waitForStatusBarItem(text: string | RegExp): Promise<Locator> {
    const item = this.page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
    await item.waitFor({ timeout: STATE_TIMEOUT_MS });
    return item;
  }

  /** The messages of the notification toasts on screen now. */
  async notifications(): Promise<string[]> {
    const texts = await this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    return texts.map((t) => t.trim());
  }

  /** Waits for a notification toast whose message matches and returns the toast. */
  async waitForNotification(text: string | RegExp): Promise<Locator> {
    const toast = this.page
      .locator('.notifications-toasts .notification-toast')
      .filter({ has: this.page.locator('.notification-list-item-message', { hasText: text }) })
      .first();
    await toast.waitFor({ timeout: STATE_TIMEOUT_MS });
    return toast;
  }

  /** Clicks a button of a notification toast. */
  async clickNotificationButton(toast: Locator, label: string): Promise<void> {
    await toast
      .locator('.monaco-button')
      .filter({ hasText: exactText(label) })
      .first()
      .click();
  }

  // ---- editors

  /** Waits for an editor tab titled `title` to be the active one. */
  async waitForActiveEditor(title: string | RegExp): Promise<void> {
    await this.page
      .locator('.part.editor .tab.active .label-name')
      .filter({ hasText: typeof title === 'string' ? exactText(title) : title })
      .first()
      .waitFor({ timeout: STATE_TIMEOUT_MS });
  }
}
