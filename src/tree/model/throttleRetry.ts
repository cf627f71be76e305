// A branch load that was throttled, or met a transient server error (500, 502, 503, 504), even after the SDK's own
// retries waits and tries again a few times: listing is read-only, and a busy account should show a slower tree, not
// a tree of "Rate exceeded" errors. A timeout is not tried again (the SDK does not resend it either): a listing that
// does not answer shows its error after one request timeout, with Retry.
import type { ClassifiedError, ErrorClassifier } from './treeError';

export interface ThrottleRetryOptions {
  /** Extra attempts after a throttled failure (default 3). */
  readonly attempts?: number;
  /** The wait before extra attempt n (1-based), in ms (default 400·2^(n-1) with jitter). */
  readonly delayMs?: (attempt: number) => number;
  /** Errors someone already tried again (a batch of the snapshot lister): not tried again here. */
  readonly alreadyRetried?: (error: unknown) => boolean;
}

const defaultDelay = (attempt: number): number => 400 * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);

/** The statuses the SDK retries as transient server errors. */
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

/** Whether a failed load is worth another try: throttled, or a transient server error. */
export function isRetryableLoadError(error: unknown, classify: ErrorClassifier | undefined): boolean {
  let classified: ClassifiedError | undefined;
  try {
    classified = classify?.(error);
  } catch {
    return false;
  }
  if (!classified) return false;
  if (classified.kind === 'throttled') return true;
  return classified.kind === 'other' && TRANSIENT_STATUS.has(classified.httpStatus ?? 0);
}

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
      if (attempt > attempts || signal.aborted || !isRetryableLoadError(error, classify)) throw error;
      if (options.alreadyRetried?.(error)) throw error;
      await wait(delay(attempt), signal);
    }
  }
}
