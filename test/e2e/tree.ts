// The side bar's tree views as a person uses them: find a row by its label, expand it, find its children, open its
// context menu or an inline action. Rows are found by label, level and position, never by internal ids. VS Code
// renders only the rows in view, so a row out of view is scrolled to with the mouse wheel, as a person would; the
// copies of ancestor rows that sticky scroll pins above the first row (VS Code 1.139 gives them the role and index
// of the real rows) are never taken for rows.
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

/** A tree's own rows: not the copies sticky scroll pins above them. */
const rowSelector = '.monaco-list-row[role="treeitem"]:not(.monaco-tree-sticky-row)';

export class SideBarTree {
  constructor(
    private readonly page: Page,
    /** Moves the pointer out of the way after a click (hover tooltips). */
    private readonly parkMouse: () => Promise<void>,
  ) {}

  private rows(): Locator {
    return this.page.locator(`.part.sidebar ${rowSelector}`);
  }

  /**
   * The list (one tree view) that `row` is in, by the id VS Code gives each list (its `list_id_N` class), so the
   * locator holds when `row` itself scrolls out of view.
   */
  private async listOf(row: Locator): Promise<Locator> {
    const id = await row.evaluate(
      (element) => /\blist_id_\d+\b/.exec(element.closest('.monaco-list')?.className ?? '')?.[0] ?? '',
    );
    if (!id) throw new Error('the tree item is in no list');
    return this.page.locator(`.part.sidebar .monaco-list.${id}`);
  }

  /**
   * Scrolls `list` by `dy` pixels with the mouse wheel over it (VS Code lists scroll on wheel events only) and waits
   * briefly for it to render other rows; returns false when it did not move (at its top or bottom).
   */
  private async wheel(list: Locator, dy: number): Promise<boolean> {
    const box = await list.boundingBox();
    if (!box) return false;
    const before = await this.renderedIndexes(list);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, dy);
    await this.parkMouse();
    const after = await waitUntil(
      () => this.renderedIndexes(list),
      (now) => now !== before,
      'the tree to scroll',
      1_000,
    ).catch(() => before);
    return after !== before;
  }

  /** Half the visible height of `list`: how far one scroll step goes, so no row is skipped. */
  private async step(list: Locator): Promise<number> {
    return Math.max(22, Math.floor(((await list.boundingBox())?.height ?? 200) / 2));
  }

  /** The data-index values of the rows `list` renders now: they change when it scrolls. */
  private async renderedIndexes(list: Locator): Promise<string> {
    return (await this.readRows(list)).map((r) => r.index).join(',');
  }

  /**
   * Scrolls the first tree view of the side bar until the row `row` is rendered: to the top first (the rows the
   * steps look for by label are near it), then down step by step until it shows or the list ends. (One wheel event
   * moves a VS Code list by a few rows at most, however large its delta.)
   */
  private async scrollIntoView(row: Locator, what: string): Promise<void> {
    if ((await row.count()) > 0) return;
    const first = this.rows().first();
    await first.waitFor({ timeout: STATE_TIMEOUT_MS });
    const list = await this.listOf(first);
    let direction = -1;
    await waitUntil(
      async () => {
        if ((await row.count()) > 0) return true;
        // At the top, turn down; at the bottom, stay and wait for the row to appear (still loading).
        if (!(await this.wheel(list, direction * (await this.step(list)))) && direction < 0) direction = 1;
        return (await row.count()) > 0;
      },
      (shown) => shown,
      `a tree item ${what} (scrolled through the tree)`,
    );
  }

  /** The row whose label is exactly `label`, or matches it (the nth, 0-based, when several do). */
  item(label: string | RegExp, nth = 0): Locator {
    return this.rows()
      .filter({ has: this.page.locator('.label-name', { hasText: textMatcher(label) }) })
      .nth(nth);
  }

  /** Waits until a row labelled `label` is visible (scrolling the tree to it) and returns it. */
  async waitForItem(label: string | RegExp): Promise<Locator> {
    const row = this.item(label);
    await this.scrollIntoView(row, String(label));
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    return row;
  }

  /** Waits for the row, expands it (no-op if expanded) and waits for VS Code to mark it expanded. */
  async expand(item: Locator | string | RegExp): Promise<Locator> {
    const row = typeof item === 'string' || item instanceof RegExp ? await this.waitForItem(item) : item;
    await this.setExpanded(row, true);
    return row;
  }

  /** Clicks the row's twistie unless it is already in the wanted state, then waits for VS Code to show it. */
  private async setExpanded(row: Locator, expanded: boolean): Promise<void> {
    await this.scrollIntoView(row, 'to expand or collapse');
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
    await parent.waitFor({ timeout: STATE_TIMEOUT_MS });
    const list = await this.listOf(parent);
    const parentIndex = Number(await parent.getAttribute('data-index'));
    const parentLevel = Number(await parent.getAttribute('aria-level'));
    // The children out of view: scroll up to where they start (once), then down while they go on below the view.
    let seenStart = false;
    const index = await waitUntil(
      async () => {
        const rows = await this.readRows(list);
        const below = rows.filter((row) => row.index > parentIndex);
        const end = below.findIndex((row) => row.level <= parentLevel);
        const children = (end < 0 ? below : below.slice(0, end)).filter((row) => row.level === parentLevel + 1);
        const found = children.find((row) => pattern.test(row.label))?.index ?? -1;
        if (found >= 0) return found;
        seenStart ||= (rows[0]?.index ?? 0) <= parentIndex + 1;
        if (!seenStart) await this.wheel(list, -(await this.step(list)));
        else if (end < 0 && below.length > 0) await this.wheel(list, await this.step(list));
        return -1;
      },
      (found) => found >= 0,
      `a tree item ${String(label)} under the expanded item`,
    );
    return list.locator(`${rowSelector}[data-index="${index}"]`);
  }

  /** Expands each label in turn, each one looked up under the previous; returns the last row. */
  async expandPath(...labels: (string | RegExp)[]): Promise<Locator> {
    const [first, ...rest] = labels;
    if (first === undefined) throw new Error('expandPath needs at least one label');
    let row = await this.expand(first);
    for (const label of rest) row = await this.expand(await this.child(row, label));
    return row;
  }

  /** The rows rendered now (of `list`, else of every tree of the side bar), top to bottom (only rows in view exist). */
  async readRows(list?: Locator): Promise<TreeRow[]> {
    const rows = await (list ? list.locator(rowSelector) : this.rows()).evaluateAll((elements) =>
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
