// A small cache of async loads with a time to live: one load in flight per key, failures kept for less time.

export type CacheEntry<T> =
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

export interface TtlCacheOptions {
  readonly ttlMs: number;
  /** How long a failure is remembered before the next try (shorter, so a fixed profile recovers soon). */
  readonly failureTtlMs: number;
  /** The most keys kept; the oldest are dropped first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Slot<T> {
  state: CacheEntry<T>;
  expires: number;
  promise: Promise<T>;
}

export class TtlCache<T> {
  private readonly slots = new Map<string, Slot<T>>();
  private readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The current state of a key without loading it; undefined when absent or expired. */
  peek(key: string): CacheEntry<T> | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.state.status !== 'pending' && slot.expires <= this.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot.state;
  }

  /** The cached value, or the result of one shared load. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const state = this.peek(key);
    const slot = this.slots.get(key);
    if (state && slot) return slot.promise;
    const fresh: Slot<T> = {
      state: { status: 'pending' },
      expires: Number.POSITIVE_INFINITY,
      promise: Promise.resolve(undefined as never),
    };
    fresh.promise = load().then(
      (value) => {
        fresh.state = { status: 'ok', value };
        fresh.expires = this.now() + this.options.ttlMs;
        return value;
      },
      (error: unknown) => {
        fresh.state = { status: 'failed', error };
        fresh.expires = this.now() + this.options.failureTtlMs;
        throw error;
      },
    );
    // Callers that only peek never see an unhandled rejection.
    fresh.promise.catch(() => undefined);
    this.slots.set(key, fresh);
    const max = this.options.maxEntries ?? 500;
    if (this.slots.size > max) {
      const oldest = this.slots.keys().next().value;
      if (oldest !== undefined) this.slots.delete(oldest);
    }
    return fresh.promise;
  }

  clear(): void {
    this.slots.clear();
  }
}
