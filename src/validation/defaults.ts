// Default values for the name and description boxes. Each is valid for any resource name: the tests fuzz them.
import { charLength } from './text';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYYMMDD-HHMM` in UTC, e.g. 20261122-1530. */
export function compactStamp(now: Date): string {
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `-${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`
  );
}

/** `2026-11-22T15:30:00Z`: ISO 8601 in UTC, to the second. */
export function isoSecond(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A resource name turned into lowercase letters, digits and single hyphens: accents dropped, every other run of
 * characters (capitals are lowercased first) becomes one hyphen, no hyphen at either end.
 */
export function sanitiseForIdentifier(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface IdentifierDefaultOptions {
  /** Longest allowed identifier. */
  readonly max: number;
  /** Prefixes the identifier may not start with (e.g. `gs-` for Neptune Analytics). */
  readonly reservedPrefixes: readonly string[];
}

/**
 * `<sanitised-resource>-YYYYMMDD-HHMM`, shortened to fit `max`; starts with `snapshot-` instead when the sanitised
 * name does not start with a letter or would start with a reserved prefix.
 */
export function identifierDefault(resourceName: string, now: Date, options: IdentifierDefaultOptions): string {
  const stamp = compactStamp(now);
  const room = options.max - stamp.length - 1;
  let base = sanitiseForIdentifier(resourceName);
  const reserved = (s: string): boolean => options.reservedPrefixes.some((p) => `${s}-`.startsWith(p));
  if (!/^[a-z]/.test(base) || reserved(base)) base = base === '' ? 'snapshot' : `snapshot-${base}`;
  base = base.slice(0, room).replace(/-+$/, '');
  return `${base}-${stamp}`;
}

/** Text shortened to at most `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (charLength(text) <= max) return text;
  return `${Array.from(text)
    .slice(0, Math.max(0, max - 1))
    .join('')}…`;
}
