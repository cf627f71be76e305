// A branch load that was throttled even after the SDK's own retries waits and tries again a few times:
// listing is read-only, and a busy account should show a slower tree, not a tree of "Rate exceeded" errors.
import type { ErrorClassifier } from './treeError';

export interface ThrottleRetryOptions {
  /** Extra attempts after a throttled failure (default 3). */
  readonly attempts?: number;
  /** The wait before extra attempt n (1-based), in ms (default 400·2^(n-1) with jitter). */
  readonly delayMs?: (attempt: number) => number;
}

const defaultDelay = (attempt: number): number => 400 * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);

function abortError(): Error {
  return Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function retryThrottled<T>(
  load: () => Promise<T>,
  signal: AbortSignal,
  classify: ErrorClassifier | undefined,
  options: ThrottleRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const delay = options.delayMs ?? defaultDelay;
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt > attempts || signal.aborted || classify?.(error).kind !== 'throttled') throw error;
      await wait(delay(attempt), signal);
    }
  }
}
