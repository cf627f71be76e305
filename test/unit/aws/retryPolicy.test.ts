// The retry policy of every client (src/aws/retryPolicy.ts): what is retried, how long it waits, the quota.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RetryErrorInfo, RetryToken } from '@smithy/types';
import { isRequestTimeout, PlaceRetryStrategy, RETRY_QUOTA } from '../../../src/aws/retryPolicy';

const policy = (overrides: Partial<ConstructorParameters<typeof PlaceRetryStrategy>[0]> = {}) =>
  new PlaceRetryStrategy({ maxAttempts: () => 3, random: () => 1, ...overrides });

/** An SDK-shaped error (SdkError narrows `cause` to an Error, which a plain Error's `unknown` is not). */
const sdkError = (name: string, message: string, status?: number): RetryErrorInfo['error'] =>
  Object.assign(new Error(message), {
    name,
    ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}),
  }) as RetryErrorInfo['error'];

const throttled: RetryErrorInfo = {
  errorType: 'THROTTLING',
  error: sdkError('ThrottlingException', 'Rate exceeded', 429),
};
const serverError: RetryErrorInfo = {
  errorType: 'TRANSIENT',
  error: sdkError('InternalFailure', 'oops', 500),
};
const timedOut: RetryErrorInfo = {
  errorType: 'TRANSIENT',
  error: sdkError('TimeoutError', 'the request socket timed out'),
};

async function retries(strategy: PlaceRetryStrategy, info: RetryErrorInfo): Promise<number[]> {
  const delays: number[] = [];
  let token: RetryToken = await strategy.acquireInitialRetryToken();
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, info);
    } catch {
      return delays;
    }
    delays.push(token.getRetryDelay());
  }
}

test('a throttle is retried up to maxAttempts, backing off from 100 ms (full jitter: at most 100, then 200)', async () => {
  assert.deepEqual(await retries(policy(), throttled), [100, 200]);
  assert.deepEqual(await retries(policy({ random: () => 0.5 }), throttled), [50, 100]);
  assert.deepEqual(await retries(policy({ maxAttempts: () => 5 }), throttled), [100, 200, 400, 800]);
  assert.deepEqual(await retries(policy({ throttleBaseMs: 1_000 }), throttled), [1_000, 2_000]);
});

test('a transient server error (500, 502, 503, 504) is retried like a throttle, from 50 ms', async () => {
  assert.deepEqual(await retries(policy(), serverError), [50, 100]);
});

test('a request that timed out is not sent again, nor is a client error', async () => {
  assert.deepEqual(await retries(policy(), timedOut), []);
  assert.deepEqual(await retries(policy(), { errorType: 'CLIENT_ERROR' }), []);
  assert.deepEqual(await retries(policy(), { errorType: 'SERVER_ERROR' }), []);
  assert.equal(isRequestTimeout(timedOut.error), true);
  assert.equal(isRequestTimeout(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })), true);
  // S3's RequestTimeout is an answer of the server (it has a status): retried as the SDK does.
  const answered = Object.assign(new Error('slow upload'), {
    name: 'RequestTimeout',
    $metadata: { httpStatusCode: 400 },
  });
  assert.equal(isRequestTimeout(answered), false);
});

test('the quota: retries take 5 (throttle) or 10 tokens, successes give them back; empty, nothing is retried', async () => {
  const strategy = policy({ capacity: 12 });
  const first = await strategy.acquireInitialRetryToken();
  const retry = await strategy.refreshRetryTokenForRetry(first, throttled);
  assert.equal(strategy.quota, 7);
  await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled);
  assert.equal(strategy.quota, 2);
  await assert.rejects(
    strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled),
    /quota empty/,
  );
  strategy.recordSuccess(retry);
  assert.equal(strategy.quota, 7, 'a retry that succeeded gives its cost back');
  strategy.recordSuccess(await strategy.acquireInitialRetryToken());
  assert.equal(strategy.quota, 8, 'a first-try success gives 1');
  assert.equal(policy().quota, RETRY_QUOTA);
});

test("a server's Retry-After is honoured, up to 5 s beyond the backoff", async () => {
  const now = 1_000_000;
  const strategy = policy({ now: () => now });
  const token = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), {
    ...throttled,
    retryAfterHint: new Date(now + 2_000),
  });
  assert.equal(token.getRetryDelay(), 2_000);
  const capped = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), {
    ...throttled,
    retryAfterHint: new Date(now + 60_000),
  });
  assert.equal(capped.getRetryDelay(), 5_100);
});
