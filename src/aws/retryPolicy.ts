// The retry policy of every AWS client (SDK v3 clients and our SimSpace Weaver client): the SDK's "standard" mode
// (attempts, a retry quota, exponential backoff with full jitter) shared by every client of one profile and region,
// since AWS throttles per account and region, with two choices of ours: a request that timed out is not sent again
// (a listing that does not answer fails after one request timeout, and the user can Retry), and throttles back off
// from 100 ms rather than the SDK's 1 s. Why: BENCHMARKS.md, "The tree under faults". Pure: no SDK is loaded here.
import type { RetryErrorInfo, RetryErrorType, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';

export interface RetryPolicyOptions {
  /** Attempts per call, the first one included. */
  readonly maxAttempts: () => number;
  /** The first backoff of a throttled call, doubled per retry, drawn with full jitter (default 100 ms). */
  readonly throttleBaseMs?: number;
  /** The first backoff of a transient failure (5xx, reset connection), likewise (default 50 ms, the SDK's). */
  readonly transientBaseMs?: number;
  /** The retry quota: tokens a retry takes, a success gives back (default 500, the SDK's). */
  readonly capacity?: number;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** The SDK's standard-mode constants: a throttled retry costs 5 tokens, any other 10, a first-try success gives 1. */
export const RETRY_QUOTA = 500;
const THROTTLE_COST = 5;
const OTHER_COST = 10;
const SUCCESS_REFUND = 1;
const MAX_DELAY_MS = 20_000;
/** A server's Retry-After is honoured up to this much beyond our own backoff. */
const MAX_HINT_EXTRA_MS = 5_000;

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** True for our own HTTP handler's request or connection timeout: the request went out and nothing came back. */
export function isRequestTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorFields;
  // A server that answered (an S3 `RequestTimeout` is an answer) has a status; our timeout has none.
  if (e.$metadata?.httpStatusCode !== undefined) return false;
  return e.name === 'TimeoutError' || e.code === 'ETIMEDOUT';
}

class Token implements StandardRetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
    private readonly cost: number | undefined,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
  getRetryCost(): number | undefined {
    return this.cost;
  }
}

/**
 * One per profile and region (the client factory keeps them): its quota empties when that place keeps failing, and
 * then no client of the place retries until successes refill it.
 */
export class PlaceRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private tokens: number;
  private readonly capacity: number;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: RetryPolicyOptions) {
    this.capacity = options.capacity ?? RETRY_QUOTA;
    this.tokens = this.capacity;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** The tokens left in the quota. */
  get quota(): number {
    return this.tokens;
  }

  acquireInitialRetryToken(): Promise<RetryToken> {
    return Promise.resolve(new Token(0, 0, undefined));
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const refusal = this.refusal(token, info);
    if (refusal) return Promise.reject(new Error(`No retry: ${refusal}`));
    const throttled = info.errorType === 'THROTTLING';
    const cost = throttled ? THROTTLE_COST : OTHER_COST;
    this.tokens -= cost;
    const base = throttled ? (this.options.throttleBaseMs ?? 100) : (this.options.transientBaseMs ?? 50);
    let delay = Math.floor(this.random() * Math.min(MAX_DELAY_MS, base * 2 ** token.getRetryCount()));
    if (info.retryAfterHint instanceof Date) {
      delay = Math.max(delay, Math.min(info.retryAfterHint.getTime() - this.now(), delay + MAX_HINT_EXTRA_MS));
    }
    return Promise.resolve(new Token(token.getRetryCount() + 1, delay, cost));
  }

  recordSuccess(token: RetryToken): void {
    const cost = (token as Partial<StandardRetryToken>).getRetryCost?.();
    this.tokens = Math.min(this.capacity, this.tokens + (cost ?? SUCCESS_REFUND));
  }

  private refusal(token: RetryToken, info: RetryErrorInfo): string | undefined {
    if (!retryable(info.errorType)) return `${info.errorType} errors are not retried`;
    if (isRequestTimeout(info.error)) return 'a request that timed out is not sent again';
    if (token.getRetryCount() + 1 >= Math.max(1, Math.floor(this.options.maxAttempts()))) return 'no attempts left';
    if (this.tokens < (info.errorType === 'THROTTLING' ? THROTTLE_COST : OTHER_COST)) return 'retry quota empty';
    return undefined;
  }
}

function retryable(type: RetryErrorType): boolean {
  return type === 'THROTTLING' || type === 'TRANSIENT';
}
