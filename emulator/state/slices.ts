/**
 * Typed state slices: each service declares the slices it owns (a region slice for its resources in one region, an
 * account slice for what is account-wide) and reads them through its own typed accessors. The shared core only holds
 * the stores, keyed by slice key, and never knows what is in them.
 */

export type SliceScope = 'region' | 'account';

/** One service's part of the state. `empty()` makes its value for a region (or the account) on first use. */
export interface Slice<T, S extends SliceScope = SliceScope> {
  /** Unique among the registered services' slices: the owning service id (`<id>.<part>` for a second one). */
  readonly key: string;
  readonly scope: S;
  empty(): T;
}

export function regionSlice<T>(key: string, empty: () => T): Slice<T, 'region'> {
  return { key, scope: 'region', empty };
}

export function accountSlice<T>(key: string, empty: () => T): Slice<T, 'account'> {
  return { key, scope: 'account', empty };
}

/** The slices of one region (or of the account), created empty on first use. */
export class SliceStore<S extends SliceScope> {
  private readonly entries = new Map<string, { slice: Slice<unknown, S>; value: unknown }>();

  constructor(readonly scope: S) {}

  get<T>(slice: Slice<T, S>): T {
    let entry = this.entries.get(slice.key);
    if (!entry) {
      entry = { slice, value: slice.empty() };
      this.entries.set(slice.key, entry);
    } else if (entry.slice !== slice) {
      throw new Error(`emulator: two state slices share the key ${slice.key}`);
    }
    // The entry under this key was made by this very slice object (checked above), so its value is a T.
    return entry.value as T;
  }
}
