// One browser window on the VS Code workbench: steps with a screenshot each, the activity bar and side bar, the
// status bar and notifications; `tree`, `input` and `editor` hold the helpers for those parts.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Editors } from './editor';
import { QuickInput } from './quickInput';
import { SideBarTree } from './tree';
import { exactText, slug, STATE_TIMEOUT_MS, waitUntil } from './wait';

export class Workbench {
  private stepNumber = 0;
  readonly screenshotDir: string;
  readonly tree: SideBarTree;
  readonly input: QuickInput;
  readonly editor: Editors;

  constructor(
    readonly scenario: string,
    screenshotRoot: string,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.screenshotDir = path.join(screenshotRoot, slug(scenario));
    rmSync(this.screenshotDir, { recursive: true, force: true });
    mkdirSync(this.screenshotDir, { recursive: true });
    this.tree = new SideBarTree(page, () => this.parkMouse());
    this.input = new QuickInput(page);
    this.editor = new Editors(page, this.input);
  }

  /**
   * Runs one step and saves a screenshot of the result. On failure the screenshot is saved as `...-failed.png` and
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

  /** Saves a screenshot of the whole window as test-results/e2e/<vscode>/<scenario>/<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** Moves the pointer to the empty editor area, so no hover covers what the next screenshot shows. */
  async parkMouse(): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
    await this.page.mouse.move(viewport.width - 40, viewport.height - 60);
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  // ---- activity bar and side bar

  activityBarIcon(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
  }

  /**
   * Clicks the activity bar icon and waits until its view container is the one shown in the side bar, then widens
   * the side bar (as a person would drag it) so tree labels and descriptions are readable in screenshots.
   */
  async openViewContainer(title: string, sideBarWidth = 480): Promise<void> {
    const heading = this.page.locator('.part.sidebar .composite.title h2').filter({ hasText: new RegExp(title, 'i') });
    // A click on the icon of the container already shown closes it, and after a window reload VS Code may restore it
    // just before or after our click: click only while it is not shown, and look again after each click.
    for (let attempt = 0; attempt < 3 && !(await heading.isVisible()); attempt++) {
      await this.activityBarIcon(title).click();
      await heading.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await heading.waitFor({ timeout: STATE_TIMEOUT_MS });
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

  /** The side bar's title, e.g. "Snapshot Explorer". */
  async sideBarTitle(): Promise<string> {
    return (await this.page.locator('.part.sidebar .composite.title h2').innerText()).trim();
  }

  /** A view's section in the side bar, by its name (e.g. "Resources", "Snapshot Activity"). */
  view(name: string): Locator {
    return this.page.locator('.part.sidebar .pane').filter({
      has: this.page.locator(`.pane-header[aria-label^="${name}"]`),
    });
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

  // ---- dialogs, status bar and notifications

  /** Waits for a modal dialog whose text matches `text` and returns it. */
  async waitForDialog(text: string | RegExp): Promise<Locator> {
    const dialog = this.page.locator('.monaco-dialog-box').filter({ hasText: text }).first();
    await dialog.waitFor({ timeout: STATE_TIMEOUT_MS });
    return dialog;
  }

  /** Clicks a button of a modal dialog and waits for the dialog to close. */
  async clickDialogButton(dialog: Locator, label: string): Promise<void> {
    await dialog
      .locator('.monaco-button')
      .filter({ hasText: exactText(label) })
      .first()
      .click();
    await dialog.waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS });
  }

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
}
