import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { isRetryableLoadError, retryThrottled } from '../../../src/tree/model/throttleRetry';
import { awsError } from '../../support/fakeService';

test('a throttled load is tried again after a wait, and succeeds', async () => {
  let calls = 0;
  const waits: number[] = [];
  const result = await retryThrottled(
    async () => {
      calls++;
      if (calls < 3) throw awsError('ThrottlingException', 'Rate exceeded');
      return 'ok';
    },
    new AbortController().signal,
    classifyAwsError,
    { attempts: 3, delayMs: (n) => (waits.push(n), 1) },
  );
  assert.equal(result, 'ok');
  assert.equal(calls, 3);
  assert.deepEqual(waits, [1, 2]);
});

test('other errors, and throttling beyond the extra attempts, are not retried further', async () => {
  let calls = 0;
  await assert.rejects(
    retryThrottled(
      async () => {
        calls++;
        throw awsError('AccessDeniedException', 'no');
      },
      new AbortController().signal,
      classifyAwsError,
      { delayMs: () => 1 },
    ),
    /no/,
  );
  assert.equal(calls, 1);
  calls = 0;
  await assert.rejects(
    retryThrottled(
      async () => {
        calls++;
        throw awsError('ThrottlingException', 'Rate exceeded');
      },
      new AbortController().signal,
      classifyAwsError,
      { attempts: 2, delayMs: () => 1 },
    ),
    /Rate exceeded/,
  );
  assert.equal(calls, 3);
});

test('an abort during the wait stops retrying at once', async () => {
  const controller = new AbortController();
  let calls = 0;
  const pending = retryThrottled(
    async () => {
      calls++;
      throw awsError('ThrottlingException', 'Rate exceeded');
    },
    controller.signal,
    classifyAwsError,
    { delayMs: () => 60_000 },
  );
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await assert.rejects(pending, { name: 'AbortError' });
  assert.equal(calls, 1);
});

test('transient server errors (500, 502, 503, 504) are tried again like throttles; timeouts and 501 are not', async () => {
  const withStatus = (name: string, status: number) =>
    Object.assign(awsError(name, name), { $metadata: { httpStatusCode: status } });
  for (const status of [500, 502, 503, 504]) {
    assert.equal(isRetryableLoadError(withStatus('InternalFailure', status), classifyAwsError), true, String(status));
  }
  assert.equal(isRetryableLoadError(withStatus('UnsupportedOperation', 501), classifyAwsError), false);
  const timeout = Object.assign(new Error('the request socket timed out'), { name: 'TimeoutError' });
  assert.equal(isRetryableLoadError(timeout, classifyAwsError), false);
  assert.equal(isRetryableLoadError(withStatus('ThrottlingException', 429), undefined), false, 'no classifier');

  let calls = 0;
  const result = await retryThrottled(
    async () => {
      if (++calls < 3) throw withStatus('InternalFailure', 500);
      return 'ok';
    },
    new AbortController().signal,
    classifyAwsError,
    { delayMs: () => 1 },
  );
  assert.equal(result, 'ok');
  assert.equal(calls, 3);

  calls = 0;
  await assert.rejects(
    retryThrottled(
      async () => {
        calls++;
        throw timeout;
      },
      new AbortController().signal,
      classifyAwsError,
      { delayMs: () => 1 },
    ),
    { name: 'TimeoutError' },
  );
  assert.equal(calls, 1, 'a timed-out load is not multiplied');
});

test('an error someone already tried again (a batch of the snapshot lister) is not tried again here', async () => {
  let calls = 0;
  const tried = awsError('ThrottlingException', 'Rate exceeded');
  await assert.rejects(
    retryThrottled(
      async () => {
        calls++;
        throw tried;
      },
      new AbortController().signal,
      classifyAwsError,
      { delayMs: () => 1, alreadyRetried: (error) => error === tried },
    ),
    /Rate exceeded/,
  );
  assert.equal(calls, 1);
});
