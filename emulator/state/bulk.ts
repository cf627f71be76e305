/**
 * Bulk sections of the data file (`generate`): many resources in one region, to exercise pagination. Each service
 * reads its own counts; names and ids depend only on the index, so the data is the same on every run.
 */

/** One `generate` entry: the region and, per service, how many of each of its resources (by member name). */
export interface BulkSpec {
  region: string;
  readonly [member: string]: unknown;
}

/** The time bulk resources are dated from; resource `i` is typically `BULK_BASE + i * HOUR`. */
export const BULK_BASE = Date.parse('2025-01-01T00:00:00Z');
export const HOUR = 3_600_000;

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** How many of `member` the spec asks for (0 when absent). */
export function countOf(spec: BulkSpec, member: string): number {
  const v = spec[member];
  return typeof v === 'number' ? v : 0;
}
