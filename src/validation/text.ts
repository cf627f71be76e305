// Small text helpers for validators: lengths in characters (Unicode code points, as the models count them),
// positions for messages and offsets for issues, and readable descriptions of characters.
import type { Issue, Severity } from './types';
import * as l10n from '../l10n';

/** Length in characters (code points), the unit of the models' min/max. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The UTF-16 offset of the code point at character index `index` (the end of the string when past it). */
export function offsetOfChar(value: string, index: number): number {
  let i = 0;
  let offset = 0;
  for (const ch of value) {
    if (i === index) return offset;
    i++;
    offset += ch.length;
  }
  return offset;
}

/** A character found at a place in a value: its code point index (0-based) and UTF-16 offsets. */
export interface CharHit {
  readonly char: string;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** A set of allowed characters: `one` tests a single character, `all` a whole value (a fast path for valid ones). */
export interface CharClass {
  readonly one: RegExp;
  readonly all: RegExp;
}

/** A CharClass from a regular expression that matches one character, e.g. `[a-z0-9-]` (compiled with `u`). */
export function charClass(oneCharSource: string): CharClass {
  return { one: new RegExp(`^(?:${oneCharSource})$`, 'u'), all: new RegExp(`^(?:${oneCharSource})*$`, 'u') };
}

/** The first character (from character index `from`) that `allowed` does not accept, if any. */
export function firstCharNotIn(value: string, allowed: CharClass, from = 0): CharHit | undefined {
  if (allowed.all.test(value)) return undefined;
  let index = 0;
  let offset = 0;
  for (const char of value) {
    if (index >= from && !allowed.one.test(char)) return { char, index, start: offset, end: offset + char.length };
    index++;
    offset += char.length;
  }
  return undefined;
}

/** The first character at or after `from` that `wanted` accepts, if any. */
export function firstCharIn(value: string, wanted: RegExp, from = 0): CharHit | undefined {
  let index = 0;
  let offset = 0;
  for (const char of value) {
    if (index >= from && wanted.test(char)) return { char, index, start: offset, end: offset + char.length };
    index++;
    offset += char.length;
  }
  return undefined;
}

/** The first occurrence of `needle` as a hit (index in characters). */
export function findText(value: string, needle: string): CharHit | undefined {
  const start = value.indexOf(needle);
  if (start < 0) return undefined;
  return { char: needle, index: charLength(value.slice(0, start)), start, end: start + needle.length };
}

const invisible = /^[\p{C}\p{Z}]$/u;

/** A character as a user can read it in a message: 'x', "a space", or U+00A0 for invisible ones. */
export function describeChar(char: string): string {
  if (char === ' ') return 'a space';
  if (invisible.test(char) || char.length > 2) {
    const code = char.codePointAt(0) ?? 0;
    return l10n.t('the invisible character U+{0}', code.toString(16).toUpperCase().padStart(4, '0'));
  }
  return `'${char}'`;
}

/** 1-based position words for messages, e.g. "at position 7". */
export function at(hit: { readonly index: number }): string {
  return l10n.t('at position {0}', hit.index + 1);
}

/** Quotes a value for a message, shortened when long. */
export function quote(value: string, max = 40): string {
  const chars = Array.from(value);
  return chars.length > max ? `'${chars.slice(0, max - 1).join('')}…'` : `'${value}'`;
}

export function issue(severity: Severity, message: string, start?: number, end?: number): Issue {
  if (start === undefined) return { severity, message };
  return { severity, message, start, end: end ?? start };
}

/** Issues ordered by where they start (leftmost first; issues without a place first), stable otherwise. */
export function byPosition(issues: Issue[]): Issue[] {
  return issues
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.start ?? -1) - (b.item.start ?? -1) || a.order - b.order)
    .map((x) => x.item);
}

export function hasError(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Number of bytes of a string in UTF-8 (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(value: string): number {
  let n = 0;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}
