// Waiting on visible state with a deadline (never a fixed sleep), and the text matchers the helpers share.
import { setTimeout as delay } from 'node:timers/promises';

/** How long one visible state may take to appear (the first AWS calls of a fresh extension host included). */
export const STATE_TIMEOUT_MS = 30_000;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches an element whose whole text is `text` (surrounding white space ignored). */
export function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** `text` as a matcher: strings match exactly, regular expressions as they are. */
export function textMatcher(text: string | RegExp): RegExp {
  return typeof text === 'string' ? exactText(text) : text;
}

/** A file-name-safe form of a scenario or step name. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'step'
  );
}

/**
 * Polls `read` until `done` holds or the deadline passes (for states no single locator expresses, such as an
 * attribute value or a row's position). Fails with the last value read.
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
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(value)}`);
    }
    await delay(100);
    value = await read();
  }
  return value;
}
