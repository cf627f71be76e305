// A limit on AWS requests in flight: a small semaphore, and a request handler that takes a slot for each
// HTTP exchange (each attempt, not the waits between retries). The client factory keeps one per profile and region.
import type { HttpHandler, HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/protocol-http';

export interface Limiter {
  /** Runs the task when a slot is free; a waiting task leaves the queue when its signal aborts. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

/** `limit` is read on every acquisition, so a changed setting applies to the next request. */
export function createLimiter(limit: () => number): Limiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const capacity = (): number => Math.max(1, Math.floor(limit()) || 1);

  const release = (): void => {
    active -= 1;
    while (queue.length > 0 && active < capacity()) {
      active += 1;
      queue.shift()?.();
    }
  };

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(abortError());
    if (active < capacity()) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = queue.indexOf(grant);
        if (index >= 0) queue.splice(index, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  };

  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted while waiting for a free connection slot'), { name: 'AbortError' });
}

/**
 * Wraps a request handler so each HTTP exchange holds one slot of the limiter. With `sharesInner`, the inner handler
 * (and its connection pool) belongs to someone else: destroying this wrapper (a client's `destroy()`) leaves it open.
 */
export class LimitedRequestHandler implements HttpHandler<object> {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(
    private readonly inner: HttpHandler<object>,
    private readonly limiter: Limiter,
    private readonly sharesInner = false,
  ) {}

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    return this.limiter.run(() => this.inner.handle(request, options), options?.abortSignal as AbortSignal | undefined);
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): object {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    if (!this.sharesInner) this.inner.destroy?.();
  }
}
