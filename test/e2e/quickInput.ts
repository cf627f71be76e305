// The command palette and the quick input (input boxes and pick lists of multi-step flows), as a person uses them:
// F1, type, pick, read the title and the validation message (`.quick-input-message`), press Enter.
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, exactText, STATE_TIMEOUT_MS, textMatcher, waitUntil } from './wait';

export class QuickInput {
  constructor(private readonly page: Page) {}

  widget(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  private box(): Locator {
    return this.widget().locator('.quick-input-box input');
  }

  /** Opens the palette (F1) with `text` typed into it. */
  async openPalette(text: string): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    await this.box().waitFor({ timeout: STATE_TIMEOUT_MS });
    await this.box().fill(text);
  }

  /** Runs a command by its palette title, e.g. "Snapshot Explorer: Show Logs". */
  async runCommand(title: string): Promise<void> {
    await this.openPalette(`>${title}`);
    await this.pick(title);
  }

  /** Waits for the quick input to show, optionally with `text` in its title, placeholder or label. */
  async waitFor(text?: string | RegExp): Promise<Locator> {
    await this.widget().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    if (text !== undefined) {
      const pattern = typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text;
      await waitUntil(
        async () =>
          [
            await this.widget().locator('.quick-input-title').innerText(),
            await this.box().getAttribute('placeholder'),
            await this.box().getAttribute('aria-label'),
          ].join('\n'),
        (shown) => pattern.test(shown),
        `the quick input to show ${String(text)}`,
      );
    }
    return this.widget();
  }

  /** Replaces the text of the input box with `text` (validation runs on every change). */
  async type(text: string): Promise<void> {
    await this.box().waitFor({ timeout: STATE_TIMEOUT_MS });
    await this.box().fill('');
    // Short values key by key (validation runs on each keystroke, only the last result may show); long ones at once.
    if (text.length <= 40) await this.box().pressSequentially(text);
    else await this.box().fill(text);
  }

  /** The input box's current text. */
  value(): Promise<string> {
    return this.box().inputValue();
  }

  /** Types `text` and presses Enter. */
  async enter(text: string): Promise<void> {
    await this.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Picks the item labelled `label` (exactly, or matching a RegExp). */
  async pick(label: string | RegExp): Promise<void> {
    await (await this.item(label)).click();
  }

  /** Waits for the pick list's item labelled `label` (exactly, or matching a RegExp) and returns it. */
  private async item(label: string | RegExp): Promise<Locator> {
    const row = this.widget()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: textMatcher(label) }) })
      .first();
    await row.waitFor({ timeout: STATE_TIMEOUT_MS });
    return row;
  }

  /** Toggles the check box of the item labelled `label` in a multi-select pick list (Enter accepts the list). */
  async toggle(label: string | RegExp): Promise<void> {
    const row = await this.item(label);
    const checkbox = row.locator('input[type="checkbox"], .monaco-checkbox, .quick-input-list-checkbox').first();
    const before = await row.getAttribute('aria-checked');
    await checkbox.click();
    await waitUntil(
      () => row.getAttribute('aria-checked'),
      (now) => now !== before,
      `the check box of ${String(label)} to change`,
    );
  }

  /** Waits until the validation message equals `expected` (or matches it) and returns the message. */
  async waitForMessage(expected: string | RegExp): Promise<string> {
    const message = this.widget().locator('.quick-input-message');
    await message
      .filter({ hasText: typeof expected === 'string' ? exactText(expected) : expected })
      .waitFor({ timeout: STATE_TIMEOUT_MS });
    return (await message.innerText()).trim();
  }

  /** The validation message now ('' when none shows). */
  async message(): Promise<string> {
    const message = this.widget().locator('.quick-input-message');
    return (await message.count()) > 0 && (await message.isVisible()) ? (await message.innerText()).trim() : '';
  }

  /**
   * Accepts a multi-select pick list: its OK button when it shows one, else Enter from the input box (a click on a
   * check box leaves the focus in the list row, where Enter is not always the list's accept).
   */
  async accept(): Promise<void> {
    const ok = this.widget().locator('.quick-input-action .monaco-button', { hasText: exactText('OK') });
    if (await ok.isVisible()) await ok.click();
    else {
      await this.box().focus();
      await this.page.keyboard.press('Enter');
    }
    await this.waitForClosed();
  }

  async waitForClosed(): Promise<void> {
    await this.widget().waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS });
  }
}
