/** Time-driven lifecycles (snapshots in progress, resources busy while one is taken). Times are epoch milliseconds. */

/** Something that takes time: ready (AVAILABLE / completed) once `now >= readyAt`. */
export interface Timed {
  startedAt: number;
  readyAt: number;
}

/** Whole percent of a timed operation done at `now` (0–100). */
export function percentDone(timed: Timed, now: number): number {
  if (now >= timed.readyAt) return 100;
  const span = timed.readyAt - timed.startedAt;
  return span <= 0 ? 100 : Math.max(0, Math.min(99, Math.floor(((now - timed.startedAt) / span) * 100)));
}

export function isReady(timed: Timed, now: number): boolean {
  return now >= timed.readyAt;
}

export function isBusy(busyUntil: number | undefined, now: number): boolean {
  return busyUntil !== undefined && now < busyUntil;
}
