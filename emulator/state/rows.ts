/** Readers for the rows of the data file: typed values with defaults, and errors that quote the bad row. */
import { type Timed } from './lifecycle';

/** One row of a data file list (a graph, a volume, a snapshot…), as parsed from JSON. */
export type Row = Readonly<Record<string, unknown>>;

/** The rows of `member` (`[]` when absent). */
export function rowsOf(section: Readonly<Record<string, unknown>>, member: string): Row[] {
  const rows = section[member];
  if (rows === undefined) return [];
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    throw new Error(`data file: "${member}" must be a list of objects`);
  }
  return rows as Row[];
}

export function str(row: Row, key: string, fallback?: string): string {
  const v = row[key];
  if (typeof v === 'string') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`data file: ${JSON.stringify(row)} needs a string "${key}"`);
}

export function optionalStr(row: Row, key: string): string | undefined {
  const v = row[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(row: Row, key: string, fallback: number): number {
  const v = row[key];
  return typeof v === 'number' ? v : fallback;
}

export function time(row: Row, key: string, fallback: number): number {
  const v = row[key];
  if (v === undefined) return fallback;
  const t = Date.parse(String(v));
  if (Number.isNaN(t)) throw new Error(`data file: "${key}" of ${JSON.stringify(row)} is not an ISO date`);
  return t;
}

/** A `tags` object as the query protocols' `[{Key, Value}]` list. */
export function tagList(row: Row): { Key: string; Value: string }[] {
  return Object.entries(tagMap(row)).map(([Key, Value]) => ({ Key, Value }));
}

export function tagMap(row: Row): Record<string, string> {
  return (row.tags ?? {}) as Record<string, string>;
}

/** Where a seeded snapshot's lifecycle is read from: its time and status members, and its two timed statuses. */
export interface SeededStatuses {
  time: string;
  status: string;
  /** Done (AVAILABLE, completed): ready since its time. */
  ready: string;
  /** In progress (CREATING, pending): finishes `snapshotMs` after `loadedAt`, like a fresh one. */
  pending: string;
}

/**
 * A seeded snapshot's lifecycle: `timed` for its record, `created` (its time member), and `fixed` for any status other
 * than the two timed ones (FAILED, error), which stays as given.
 */
export function seededLifecycle(
  row: Row,
  members: SeededStatuses,
  clock: { loadedAt: number; snapshotMs: number },
): { timed: Timed; created: number; fixed?: string } {
  const created = time(row, members.time, clock.loadedAt);
  const status = str(row, members.status, members.ready);
  if (status === members.pending) {
    return { timed: { startedAt: clock.loadedAt, readyAt: clock.loadedAt + clock.snapshotMs }, created };
  }
  return {
    timed: { startedAt: created, readyAt: created },
    created,
    fixed: status === members.ready ? undefined : status,
  };
}
