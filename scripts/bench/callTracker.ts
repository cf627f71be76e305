// Wraps an AwsClients so every AWS call (SDK `send`, or a method of our SimSpace Weaver client) is recorded with its
// start and end, inside the page load that made it (AsyncLocalStorage carries the page through the awaits). With
// unlimited concurrency the calls of one page that ran one after another form its chain of dependent calls.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { AwsClients, ClientSpec } from '../../src/aws/clients';

export interface CallTiming {
  readonly start: number;
  end: number;
}

/** One page load of one branch: its calls, and the page it waited for (previous page, or the parent's page). */
export interface PageRecord {
  readonly after: PageRecord | undefined;
  readonly calls: CallTiming[];
}

export class CallTracker {
  private readonly storage = new AsyncLocalStorage<PageRecord>();
  private readonly wrapped = new WeakMap<object, object>();
  readonly pages: PageRecord[] = [];
  total = 0;
  /** When set, one call at a time over every profile and region (the deliberately sequential run). */
  private queue: Promise<unknown> | undefined;

  /**
   * Recording pages needs AsyncLocalStorage, whose promise hooks cost the measured process 10–15 % of its CPU; so only
   * the run that finds the chain of dependent calls records them (`recordPages`), the timed runs only count calls.
   */
  private readonly recordPages: boolean;

  constructor(options: { sequential?: boolean; recordPages?: boolean } = {}) {
    if (options.sequential) this.queue = Promise.resolve();
    this.recordPages = options.recordPages ?? true;
  }

  /** Runs `load` as one page load that depends on `after`; the calls it makes are recorded in the returned page. */
  async page<T>(after: PageRecord | undefined, load: () => Promise<T>): Promise<{ page: PageRecord; value: T }> {
    const page: PageRecord = { after, calls: [] };
    if (!this.recordPages) return { page, value: await load() };
    this.pages.push(page);
    const value = await this.storage.run(page, load);
    return { page, value };
  }

  /** Stops recording: once no AsyncLocalStorage is enabled, Node removes its promise hooks from the process. */
  dispose(): void {
    this.storage.disable();
  }

  clients(inner: AwsClients): AwsClients {
    return {
      get: async <C extends object>(spec: ClientSpec<C>, profile: string, region: string): Promise<C> =>
        this.wrap(await inner.get(spec, profile, region)),
    };
  }

  private wrap<C extends object>(client: C): C {
    const known = this.wrapped.get(client);
    if (known) return known as C;
    const record = (call: () => unknown): unknown => {
      if (this.queue) {
        const run = this.queue.then(() => timed(call));
        this.queue = run.catch(() => undefined);
        return run;
      }
      return timed(call);
    };
    const timed = (call: () => unknown): unknown => {
      const timing: CallTiming = { start: performance.now(), end: Number.NaN };
      this.total++;
      if (this.recordPages) this.storage.getStore()?.calls.push(timing);
      const result = call();
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).finally(() => (timing.end = performance.now()));
      }
      timing.end = performance.now();
      return result;
    };
    const isSdk = 'middlewareStack' in client;
    const proxy = new Proxy(client, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        // SDK clients: every call goes through send(); our SimSpace Weaver client: one method per operation.
        const isCall = isSdk ? prop === 'send' : prop !== 'destroy' && prop !== 'constructor';
        const fn = value as (...args: unknown[]) => unknown;
        if (!isCall) return fn.bind(target);
        return (...args: unknown[]) => record(() => fn.apply(target, args));
      },
    });
    this.wrapped.set(client, proxy);
    return proxy;
  }
}

/** The longest chain of calls of one page where each starts after the previous one ended. */
export function pageChain(page: PageRecord): number {
  const calls = [...page.calls].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let longest = 0;
  calls.forEach((call, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const before = calls[j] as CallTiming;
      if (before.end <= call.start) d = Math.max(d, (depth[j] as number) + 1);
    }
    depth[i] = d;
    longest = Math.max(longest, d);
  });
  return longest;
}

/** The longest chain of dependent calls over all pages: a page's chain plus the chain of the page it waited for. */
export function criticalPath(pages: readonly PageRecord[]): number {
  const memo = new Map<PageRecord, number>();
  const chainTo = (page: PageRecord | undefined): number => {
    if (!page) return 0;
    const known = memo.get(page);
    if (known !== undefined) return known;
    const value = chainTo(page.after) + pageChain(page);
    memo.set(page, value);
    return value;
  };
  return Math.max(0, ...pages.map(chainTo));
}
