// Small helpers shared by the service modules: page sizes, dates, sizes, ordering, error checks.
// Nothing service-specific lives here.
import type { Snapshot } from './service';
import * as l10n from '../l10n';

/** The page size to ask a service for: the request's, bounded to what the API accepts. */
export function clampPageSize(requested: number | undefined, min: number, max: number, fallback = max): number {
  const size = requested === undefined || !Number.isFinite(requested) ? fallback : Math.floor(requested);
  return Math.min(max, Math.max(min, size));
}

/** A Date from an SDK timestamp (Date, epoch seconds or ISO text), or undefined when absent or invalid. */
export function toDate(value: Date | string | number | undefined | null): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** ISO text of a date for tooltips, or undefined. */
export function isoDate(date: Date | undefined): string | undefined {
  return date?.toISOString();
}

/** Byte counts the way people read them: 1 GiB, 512 MiB, 2.5 TiB. */
export function formatBytes(bytes: number | undefined): string | undefined {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}

/** "1 instance" or "3 instances": `one` and `many` are the whole translated phrases, number included. */
export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** Newest first; snapshots without a date go last, in their original order. */
export function newestFirst<T extends Pick<Snapshot, 'createdAt'>>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ta = a.item.createdAt?.getTime();
      const tb = b.item.createdAt?.getTime();
      if (ta === undefined && tb === undefined) return a.index - b.index;
      if (ta === undefined) return 1;
      if (tb === undefined) return -1;
      return tb - ta || a.index - b.index;
    })
    .map(({ item }) => item);
}

/** Detail rows without the empty ones. */
export function details(rows: ReadonlyArray<readonly [string, string | undefined]>): Array<readonly [string, string]> {
  return rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '');
}

/** True when an SDK error (or our SimSpace Weaver client's) has this name. */
export function isErrorNamed(error: unknown, ...names: string[]): boolean {
  return error instanceof Error && names.includes(error.name);
}

/** Splits a list into chunks of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** The AWS console's host for a region's partition: China, GovCloud (US), else the region's own commercial host. */
export function consoleHost(region: string): string {
  return region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : `${region}.console.aws.amazon.com`;
}

/** A console URL: https://<region>.console.aws.amazon.com/<path>/home?region=<region><fragment>. */
export function consoleHome(region: string, servicePath: string, fragment = ''): string {
  return `https://${consoleHost(region)}/${servicePath}/home?region=${encodeURIComponent(region)}${fragment}`;
}

/** The tags of a snapshot input as the {Key, Value} list most AWS APIs take, or undefined when there are none. */
export function tagList(
  tags: ReadonlyArray<{ readonly key: string; readonly value: string }>,
): Array<{ Key: string; Value: string }> | undefined {
  return tags.length ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined;
}

/** A value the user must have given (the caller validated it; this guards against a wiring mistake). */
export function requiredValue(values: Readonly<Record<string, string>>, key: string): string {
  const value = values[key];
  if (value === undefined || value === '') throw new Error(l10n.t('Missing input value: {0}', key));
  return value;
}

/** One page of a listing: its items and the token of the next page (absent or empty on the last). */
export interface ListedPage<T> {
  readonly items: readonly T[] | undefined;
  readonly next: string | undefined;
}

/**
 * Reads a listing page by page until every wanted key has been seen or the pages end, so a status read of many
 * items costs the pages of one listing rather than one call per item. Returns the items seen, by key (the first one
 * when a key repeats); wanted keys that never showed up are absent. Nothing is read when nothing is wanted.
 */
export async function findInPages<T>(
  wanted: ReadonlySet<string>,
  keyOf: (item: T) => string | undefined,
  fetchPage: (token: string | undefined) => Promise<ListedPage<T>>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (wanted.size === 0) return found;
  const tokens = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    for (const item of page.items ?? []) {
      const key = keyOf(item);
      if (key !== undefined && wanted.has(key) && !found.has(key)) found.set(key, item);
    }
    token = page.next || undefined;
    // A token seen before would read the same pages again, forever.
    if (token !== undefined && tokens.has(token)) break;
    if (token !== undefined) tokens.add(token);
  } while (token !== undefined && found.size < wanted.size);
  return found;
}

/** `SnapshotService.isOfferedIn` from the service's region list. */
export function offeredIn(regions: readonly string[]): (region: string) => boolean {
  const offered = new Set(regions);
  return (region) => offered.has(region);
}

/** Groups items by a key (items without one are dropped), keeping their order. */
export function groupBy<T, V>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  valueOf: (item: T, key: string) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(valueOf(item, key));
    else groups.set(key, [valueOf(item, key)]);
  }
  return groups;
}
