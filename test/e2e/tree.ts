// The side bar's tree views as a person uses them: find a row by its label, expand it, find its children, open its
// context menu or an inline action. Rows are found by label, level and position, never by internal ids.
import type { Locator, Page } from 'playwright-core';
import { exactText, STATE_TIMEOUT_MS, textMatcher, waitUntil } from './wait';

export interface TreeRow {
  /** Position in the tree, top to bottom (VS Code's `data-index`). */
  index: number;
  /** 1 for top-level rows. */
  level: number;
  label: string;
  description: string;
}

export class SideBarTree {
  constructor(
    private readonly page: Page,
    /** Moves the pointer out of the way after a click (hover tooltips). */
    private readonly parkMouse: () => Promise<void>,
  ) {}

  private rows(): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
  }

  /** The row whose label is exactly `label`, or matches it (the nth, 0-based, when several do). */
  item(label: string | RegExp, nth = 0): Locator {
    return this.rows()
      .filter({ has: this.page.locator('.label-name', { hasText: textMatcher(label) }) })
      .nth(nth);
  }

  /** Waits until a row labelled `label` is visible and returns it. */
  async waitForItem(label: string | RegExp): Promise<Locator> {
    const row = this.item(label);
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    return row;
  }

  /** Waits for the row, expands it (no-op if expanded) and waits for VS Code to mark it expanded. */
  async expand(item: Locator | string | RegExp): Promise<Locator> {
    const row = typeof item === 'string' || item instanceof RegExp ? this.item(item) : item;
    await this.setExpanded(row, true);
    return row;
  }

  /** Clicks the row's twistie unless it is already in the wanted state, then waits for VS Code to show it. */
  private async setExpanded(row: Locator, expanded: boolean): Promise<void> {
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    if ((await row.getAttribute('aria-expanded')) !== String(expanded)) {
      await row.locator('.monaco-tl-twistie').click();
      await this.parkMouse();
    }
    await waitUntil(
      () => row.getAttribute('aria-expanded'),
      (now) => now === String(expanded),
      `the tree item to ${expanded ? 'expand' : 'collapse'}`,
    );
  }

  /** Collapses the row (no-op if collapsed), so the rows below it come into view. */
  async collapse(row: Locator): Promise<void> {
    await this.setExpanded(row, false);
  }

  /**
   * Waits for the row labelled `label` directly under `parent` (which must be expanded) and returns it. Rows are
   * matched by position and level, so equal labels in other branches do not interfere.
   */
  async child(parent: Locator, label: string | RegExp): Promise<Locator> {
    const pattern = textMatcher(label);
    const index = await waitUntil(
      async () => {
        const parentIndex = Number(await parent.getAttribute('data-index'));
        const parentLevel = Number(await parent.getAttribute('aria-level'));
        const below = (await this.readRows()).filter((row) => row.index > parentIndex);
        const end = below.findIndex((row) => row.level <= parentLevel);
        const children = (end < 0 ? below : below.slice(0, end)).filter((row) => row.level === parentLevel + 1);
        return children.find((row) => pattern.test(row.label))?.index ?? -1;
      },
      (found) => found >= 0,
      `a tree item ${String(label)} under the expanded item`,
    );
    return this.rows().and(this.page.locator(`[data-index="${index}"]`));
  }

  /** Expands each label in turn, each one looked up under the previous; returns the last row. */
  async expandPath(...labels: (string | RegExp)[]): Promise<Locator> {
    const [first, ...rest] = labels;
    if (first === undefined) throw new Error('expandPath needs at least one label');
    let row = await this.expand(first);
    for (const label of rest) row = await this.expand(await this.child(row, label));
    return row;
  }

  /** The rows rendered now, top to bottom (the list is virtual: only rows near the viewport exist). */
  async readRows(): Promise<TreeRow[]> {
    const rows = await this.rows().evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      })),
    );
    return rows.sort((a, b) => a.index - b.index);
  }

  /**
   * Opens a row's context menu and picks `action` with the keyboard (arrow keys, Enter): a click that lands while
   * the menu is still opening can be ignored by VS Code, the keys cannot.
   */
  async contextMenu(row: Locator, action: string): Promise<void> {
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu').first();
    const items = menu.locator('.action-item:not(.disabled)');
    const wanted = items.filter({ has: this.page.locator('.action-label', { hasText: exactText(action) }) }).first();
    await wanted.waitFor({ timeout: STATE_TIMEOUT_MS });
    const labels = (await items.locator('.action-label').allInnerTexts()).map((t) => t.trim());
    const position = labels.indexOf(action);
    if (position < 0) throw new Error(`no "${action}" in the context menu (${labels.join(', ')})`);
    await this.parkMouse();
    for (let i = 0; i <= position; i += 1) await this.page.keyboard.press('ArrowDown');
    await waitUntil(
      async () => (await menu.locator('.action-item.focused .action-label').allInnerTexts()).map((t) => t.trim()),
      (focused) => focused.includes(action),
      `"${action}" to be selected in the context menu`,
    );
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS });
  }

  /** Hovers a row and clicks its inline action button (title `action`). */
  async inlineAction(row: Locator, action: string): Promise<void> {
    await row.hover();
    const button = row.locator(`.actions .action-label[aria-label^="${action}"]`).first();
    await button.waitFor({ timeout: STATE_TIMEOUT_MS });
    await button.click();
    await this.parkMouse();
  }
}
