// Editors and the Problems panel: open a workspace file through Quick Open, type into it, read its diagnostics.
import type { Locator, Page } from 'playwright-core';
import type { QuickInput } from './quickInput';
import { STATE_TIMEOUT_MS, textMatcher, waitUntil } from './wait';

/**
 * The whole label of each tab matched by `selector`: VS Code shows a tab's label as one `.label-name` element, or
 * (1.139 and later) split into `.label-name` and `.label-suffix` (e.g. `plan` + `.yaml`); this is the one place that
 * knows, every helper reading tab labels goes through it.
 */
async function tabLabels(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((tabs) =>
    tabs.map((tab) => {
      const parts = tab.querySelectorAll('.label-name, .label-suffix');
      let label = '';
      for (let i = 0; i < parts.length; i += 1) label += parts.item(i).textContent ?? '';
      return label.trim();
    }),
  );
}

export class Editors {
  constructor(
    private readonly page: Page,
    private readonly input: QuickInput,
  ) {}

  /** Opens a file of the workspace folder through Quick Open (F1, then its name). */
  async openFile(name: string): Promise<void> {
    await this.input.openPalette(name);
    await this.input.pick(name);
    await this.waitForActive(name);
  }

  /** The labels of the editor tabs, left to right (each whole, however VS Code splits it). */
  async tabLabels(): Promise<string[]> {
    return tabLabels(this.page, '.part.editor .tab');
  }

  /** Waits for an editor tab titled `title` to be the active one (of any editor group). */
  async waitForActive(title: string | RegExp): Promise<void> {
    const matcher = textMatcher(title);
    await waitUntil(
      () => tabLabels(this.page, '.part.editor .tab.active'),
      (labels) => labels.some((label) => matcher.test(label)),
      `the active editor tab to be ${String(title)}`,
    );
  }

  /** The active text editor (Monaco). */
  active(): Locator {
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  }

  /** Puts the cursor at the end of line `line` (1-based) of the active editor (Ctrl+G, End). */
  async goToLineEnd(line: number): Promise<void> {
    await this.active().click();
    await this.page.keyboard.press('Control+G');
    await this.input.enter(`:${line}`);
    await this.input.waitForClosed();
    await this.page.keyboard.press('End');
  }

  /** Deletes `count` characters before the cursor (Backspace). */
  async deleteBack(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await this.page.keyboard.press('Backspace');
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab no longer shows unsaved changes. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page
      .locator('.part.editor .tab.active.dirty')
      .first()
      .waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
  }

  /** Types into the active editor at the cursor, key by key. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * Shows the Problems panel (keeping the focus in the editor) and waits for a row matching `expected`; returns every
   * row's text.
   */
  async waitForProblem(expected: string | RegExp): Promise<string[]> {
    await this.showProblems();
    await this.problemRows().filter({ hasText: expected }).first().waitFor({ timeout: STATE_TIMEOUT_MS });
    return (await this.problemRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Waits until no row of the Problems panel matches `gone`. */
  async waitForProblemGone(gone: string | RegExp): Promise<void> {
    await this.showProblems();
    await this.problemRows()
      .filter({ hasText: gone })
      .first()
      .waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
  }

  private problemRows(): Locator {
    return this.page.locator('.part.panel .markers-panel .monaco-list-row');
  }

  private async showProblems(): Promise<void> {
    const panel = this.page.locator('.part.panel .markers-panel');
    if (await panel.isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: STATE_TIMEOUT_MS });
    // The panel takes the focus; give it back to the editor (cursor kept), so typing goes on where it was.
    await this.page.keyboard.press('Control+1');
    await this.page.locator('.part.editor .monaco-editor.focused').first().waitFor({ timeout: STATE_TIMEOUT_MS });
  }
}
