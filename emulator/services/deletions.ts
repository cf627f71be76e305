/**
 * Deletions that take time, for services whose delete call leaves the record listed as being deleted for a while
 * (Neptune Analytics' DeleteGraphSnapshot, the RDS family's DeleteDBClusterSnapshot): a service declares its
 * `deletions` with a slice key and the list its records live in, marks a record with `begin`, and wraps its handlers
 * with `sweeping` so every call first removes the records whose deletion has ended by the request's time.
 */
import { regionSlice } from '../state/slices';
import { type RegionState } from '../state/types';
import { type CallContext, type Handler } from './types';

export interface Deletions<T> {
  /** Marks the record as being deleted: gone once `ms` have passed (at once when 0). */
  begin(ctx: CallContext, record: T, ms: number): void;
  /** Removes the records whose deletion has ended by the request's time. */
  sweep(ctx: CallContext): void;
  /** The handlers, each sweeping before it runs. */
  sweeping(operations: Readonly<Record<string, Handler>>): Record<string, Handler>;
}

/** `key`: the slice key (`<service id>.deletions`); `list`: the region's list the records are removed from. */
export function deletions<T>(key: string, list: (state: RegionState) => T[]): Deletions<T> {
  const slice = regionSlice(key, (): Array<{ record: T; goneAt: number }> => []);
  const sweep = (ctx: CallContext): void => {
    const pending = ctx.state.get(slice);
    const ended = pending.filter((d) => ctx.now >= d.goneAt);
    if (ended.length === 0) return;
    const records = list(ctx.state);
    for (const deletion of ended) {
      const index = records.indexOf(deletion.record);
      if (index >= 0) records.splice(index, 1);
      pending.splice(pending.indexOf(deletion), 1);
    }
  };
  return {
    begin(ctx, record, ms) {
      ctx.state.get(slice).push({ record, goneAt: ctx.now + ms });
    },
    sweep,
    sweeping: (operations) =>
      Object.fromEntries(
        Object.entries(operations).map(([name, handler]): [string, Handler] => [
          name,
          (ctx, input) => {
            sweep(ctx);
            return handler(ctx, input);
          },
        ]),
      ),
  };
}
