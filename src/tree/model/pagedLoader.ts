// Loads one branch's children page by page, under a lock: the first page on first expansion, further pages
// on "Load more". A second request while one is in flight joins it, and a request for a page token that was
// already used does nothing, so a double click loads once. `cancel()` aborts the in-flight call; its result
// (or its abort error) is then ignored.
import { setMaxListeners } from 'node:events';
import type { Page } from '../../services/service';

export type LoaderState = 'idle' | 'loading' | 'loaded' | 'failed';

export interface LoadPage<T> {
  (nextToken: string | undefined, signal: AbortSignal): Promise<Page<T>>;
}

export class PagedLoader<T> {
  private readonly loaded: T[] = [];
  private token: string | undefined;
  private started = false;
  private inFlight: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private lastError: unknown;
  private failedAt: 'first' | 'more' | undefined;
  private cancelled = false;

  /** `key` deduplicates items across pages (a service that repeats an item on the next page shows it once). */
  constructor(
    private readonly loadPage: LoadPage<T>,
    private readonly key: (item: T) => string,
  ) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get nextToken(): string | undefined {
    return this.token;
  }

  get state(): LoaderState {
    if (this.inFlight) return 'loading';
    if (this.failedAt) return 'failed';
    return this.started ? 'loaded' : 'idle';
  }

  /** The error of the last failed page, and whether it was the first page or a later one. */
  get failure(): { readonly error: unknown; readonly at: 'first' | 'more' } | undefined {
    return this.failedAt ? { error: this.lastError, at: this.failedAt } : undefined;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Loads the first page unless it is loaded or loading. Never rejects. */
  ensureLoaded(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.started || this.cancelled) return Promise.resolve();
    this.started = true;
    return this.run(undefined);
  }

  /**
   * Loads the page after `token`. Joins a load in flight; does nothing when `token` is not the current next
   * token (that page was already loaded). Never rejects.
   */
  loadMore(token: string): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.cancelled || token !== this.token) return Promise.resolve();
    return this.run(token);
  }

  /** Loads again what failed last: the first page, or the page after the current token. Never rejects. */
  retry(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.cancelled || !this.failedAt) return Promise.resolve();
    return this.run(this.failedAt === 'first' ? undefined : this.token);
  }

  /** Aborts the call in flight (its AbortSignal fires) and stops this loader for good. */
  cancel(): void {
    this.cancelled = true;
    this.controller?.abort();
  }

  private run(token: string | undefined): Promise<void> {
    const controller = new AbortController();
    // One signal serves every call of a page (retries, Storage Gateway's per-gateway calls): not a leak.
    setMaxListeners(0, controller.signal);
    this.controller = controller;
    const attempt = (async () => {
      try {
        const page = await this.loadPage(token, controller.signal);
        if (this.cancelled) return;
        const seen = new Set(this.loaded.map(this.key));
        for (const item of page.items) {
          const k = this.key(item);
          if (!seen.has(k)) {
            seen.add(k);
            this.loaded.push(item);
          }
        }
        this.token = page.nextToken || undefined;
        this.failedAt = undefined;
        this.lastError = undefined;
      } catch (error) {
        if (this.cancelled) return;
        this.lastError = error;
        this.failedAt = token === undefined ? 'first' : 'more';
      }
    })();
    const done = attempt.finally(() => {
      if (this.inFlight === done) this.inFlight = undefined;
      if (this.controller === controller) this.controller = undefined;
    });
    this.inFlight = done;
    return done;
  }
}
