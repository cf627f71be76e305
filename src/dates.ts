// How a date or time is shown to people, in one format everywhere (tree tooltips and rows, Snapshot Activity, the
// restore picker, plan hovers, dry runs and run reports): UTC to the minute, `2026-12-02 03:36 UTC`. UTC because the
// plans' `{date}` and `{time}` expand in UTC, so a time shown matches the names a plan makes. Pure; a leaf.

/** `2026-12-02 03:36 UTC`; undefined when there is no date or it is invalid. Accepts a Date or ms since the epoch. */
export function formatDateTime(date: Date | number | undefined): string | undefined {
  if (date === undefined) return undefined;
  const d = typeof date === 'number' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
