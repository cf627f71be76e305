import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canRefresh,
  needsRefresh,
  refreshToken,
  runDeviceFlow,
  SignInError,
  type DeviceCode,
  type DeviceFlowOptions,
} from '../../../../src/aws/sso/deviceFlow';
import type { OidcApi } from '../../../../src/aws/sso/ssoApi';
import type { SsoTokenRecord } from '../../../../src/aws/sso/tokenCache';

const START = Date.parse('2026-12-07T10:00:00Z');
const session = {
  name: 'corp',
  startUrl: 'https://emulator-demo.awsapps.com/start',
  region: 'us-east-1',
  scopes: [] as string[],
  legacy: false,
};

const serviceError = (name: string, message = name) => Object.assign(new Error(message), { name });

/** A fake SSO OIDC whose CreateToken answers follow a script (an error name, or 'token'). */
function fakeOidc(script: string[], options: { interval?: number; expiresIn?: number } = {}) {
  const calls: { op: string; input: Record<string, unknown>; at: number }[] = [];
  let clock = START;
  const oidc: OidcApi = {
    registerClient: (input) => {
      calls.push({ op: 'RegisterClient', input, at: clock });
      return Promise.resolve({
        clientId: 'client-1',
        clientSecret: 'secret-1',
        clientSecretExpiresAt: Math.floor(START / 1000) + 90 * 86400,
      });
    },
    startDeviceAuthorization: (input) => {
      calls.push({ op: 'StartDeviceAuthorization', input, at: clock });
      return Promise.resolve({
        deviceCode: 'device-1',
        userCode: 'ABCD-EFGH',
        verificationUri: 'http://127.0.0.1:9/_emulator/sso/verify',
        verificationUriComplete: 'http://127.0.0.1:9/_emulator/sso/verify?user_code=ABCD-EFGH',
        expiresIn: options.expiresIn ?? 600,
        ...(options.interval !== undefined ? { interval: options.interval } : {}),
      });
    },
    createToken: (input) => {
      calls.push({ op: 'CreateToken', input, at: clock });
      const next = script.shift() ?? 'AuthorizationPendingException';
      if (next === 'token') {
        return Promise.resolve({ accessToken: 'access-1', expiresIn: 28800, refreshToken: 'refresh-1' });
      }
      return Promise.reject(serviceError(next, next === 'InternalServerException' ? 'the service broke' : next));
    },
  };
  const sleeps: number[] = [];
  const base = {
    session,
    oidc,
    now: () => clock,
    sleep: (ms: number, signal: AbortSignal) => {
      sleeps.push(ms);
      if (signal.aborted) return Promise.reject(serviceError('AbortError', 'aborted'));
      clock += ms;
      return Promise.resolve();
    },
  };
  return { calls, sleeps, base, advance: (ms: number) => (clock += ms) };
}

function run(
  fake: ReturnType<typeof fakeOidc>,
  extra: Partial<DeviceFlowOptions> = {},
): { result: Promise<SsoTokenRecord>; codes: DeviceCode[] } {
  const codes: DeviceCode[] = [];
  const result = runDeviceFlow({
    ...fake.base,
    onCode: (code) => codes.push(code),
    signal: new AbortController().signal,
    ...extra,
  });
  return { result, codes };
}

async function failure(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SignInError, String(error));
    return error;
  }
  assert.fail('the sign-in succeeded');
}

test('pending: polls at the interval until approved, reports the code first, returns the record to cache', async () => {
  const fake = fakeOidc(['AuthorizationPendingException', 'AuthorizationPendingException', 'token'], { interval: 2 });
  const { result, codes } = run(fake);
  const record = await result;
  assert.deepEqual(codes, [
    {
      userCode: 'ABCD-EFGH',
      verificationUri: 'http://127.0.0.1:9/_emulator/sso/verify',
      verificationUriComplete: 'http://127.0.0.1:9/_emulator/sso/verify?user_code=ABCD-EFGH',
      expiresAt: new Date(START + 600_000),
    },
  ]);
  assert.deepEqual(fake.sleeps, [2000, 2000]);
  assert.deepEqual(
    fake.calls.map((c) => c.op),
    ['RegisterClient', 'StartDeviceAuthorization', 'CreateToken', 'CreateToken', 'CreateToken'],
  );
  assert.deepEqual(fake.calls[0]?.input, {
    clientName: 'snapshot-explorer-aws',
    clientType: 'public',
    scopes: ['sso:account:access'],
  });
  assert.deepEqual(fake.calls[2]?.input, {
    clientId: 'client-1',
    clientSecret: 'secret-1',
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    deviceCode: 'device-1',
  });
  assert.deepEqual(record, {
    startUrl: session.startUrl,
    region: 'us-east-1',
    accessToken: 'access-1',
    expiresAt: '2026-12-07T18:00:04Z',
    refreshToken: 'refresh-1',
    clientId: 'client-1',
    clientSecret: 'secret-1',
    registrationExpiresAt: '2027-03-07T10:00:00Z',
  });
});

test('no interval given: 5 s; slow down adds 5 s to every later wait', async () => {
  const fake = fakeOidc([
    'AuthorizationPendingException',
    'SlowDownException',
    'AuthorizationPendingException',
    'token',
  ]);
  await run(fake).result;
  assert.deepEqual(fake.sleeps, [5000, 10000, 10000]);
});

test('expiry: the service says the code expired', async () => {
  const fake = fakeOidc(['AuthorizationPendingException', 'ExpiredTokenException']);
  const error = await failure(run(fake).result);
  assert.equal(error.kind, 'expired');
  assert.equal(error.message, 'The sign-in code expired before it was approved. Sign in again.');
});

test('expiry: the code outlived its expiresIn while pending, no more polls', async () => {
  const fake = fakeOidc([], { interval: 5, expiresIn: 12 });
  const error = await failure(run(fake).result);
  assert.equal(error.kind, 'expired');
  assert.equal(fake.calls.filter((c) => c.op === 'CreateToken').length, 3);
});

test('denial', async () => {
  const fake = fakeOidc(['AuthorizationPendingException', 'AccessDeniedException']);
  const error = await failure(run(fake).result);
  assert.equal(error.kind, 'denied');
  assert.equal(error.message, 'The sign-in was denied in the browser.');
});

test('cancel while polling: cancelled, no more calls', async () => {
  const fake = fakeOidc([]);
  const controller = new AbortController();
  const codes: DeviceCode[] = [];
  const result = runDeviceFlow({
    ...fake.base,
    sleep: (ms, signal) => {
      fake.sleeps.push(ms);
      if (fake.sleeps.length === 3) controller.abort();
      return signal.aborted ? Promise.reject(serviceError('AbortError')) : Promise.resolve();
    },
    onCode: (code) => codes.push(code),
    signal: controller.signal,
  });
  const error = await failure(result);
  assert.equal(error.kind, 'cancelled');
  assert.equal(error.message, 'The sign-in was cancelled.');
  assert.equal(fake.calls.filter((c) => c.op === 'CreateToken').length, 3);
});

test('cancelled before it starts: no call at all', async () => {
  const fake = fakeOidc(['token']);
  const controller = new AbortController();
  controller.abort();
  const error = await failure(run(fake, { signal: controller.signal }).result);
  assert.equal(error.kind, 'cancelled');
  assert.deepEqual(fake.calls, []);
});

test('other errors fail with the SDK message', async () => {
  const fake = fakeOidc(['InternalServerException']);
  const error = await failure(run(fake).result);
  assert.equal(error.kind, 'failed');
  assert.equal(error.message, 'The sign-in to IAM Identity Center failed: the service broke');
});

test('the cached registration is reused until it expires, and only for the same region', async () => {
  const cached: SsoTokenRecord = {
    startUrl: session.startUrl,
    region: 'us-east-1',
    accessToken: 'old',
    expiresAt: '2026-12-01T00:00:00Z',
    clientId: 'cached-client',
    clientSecret: 'cached-secret',
    registrationExpiresAt: '2027-01-01T00:00:00Z',
  };
  const reused = fakeOidc(['token']);
  const record = await run(reused, { cached }).result;
  assert.deepEqual(
    reused.calls.map((c) => c.op),
    ['StartDeviceAuthorization', 'CreateToken'],
  );
  assert.equal(reused.calls[0]?.input.clientId, 'cached-client');
  assert.equal(record.clientId, 'cached-client');
  assert.equal(record.registrationExpiresAt, '2027-01-01T00:00:00Z');

  for (const stale of [
    { ...cached, registrationExpiresAt: '2026-12-07T10:05:00Z' },
    { ...cached, region: 'eu-west-1' },
  ]) {
    const fresh = fakeOidc(['token']);
    await run(fresh, { cached: stale }).result;
    assert.equal(fresh.calls[0]?.op, 'RegisterClient');
  }
});

test('scopes: the configured ones; a legacy session registers without scopes', async () => {
  const configured = fakeOidc(['token']);
  await run(configured, { session: { ...session, scopes: ['sso:account:access', 'x:y'] } }).result;
  assert.deepEqual(configured.calls[0]?.input.scopes, ['sso:account:access', 'x:y']);
  const legacy = fakeOidc(['token']);
  await run(legacy, { session: { ...session, legacy: true } }).result;
  assert.equal('scopes' in (legacy.calls[0]?.input ?? {}), false);
});

test('refresh: grant type refresh_token, new expiry, needed only under 15 minutes with a valid registration', async () => {
  const record: SsoTokenRecord = {
    startUrl: session.startUrl,
    region: 'us-east-1',
    accessToken: 'access-1',
    expiresAt: '2026-12-07T10:10:00Z',
    refreshToken: 'refresh-1',
    clientId: 'client-1',
    clientSecret: 'secret-1',
    registrationExpiresAt: '2027-03-07T10:00:00Z',
  };
  assert.equal(needsRefresh(record, START), true);
  assert.equal(needsRefresh({ ...record, expiresAt: '2026-12-07T10:20:00Z' }, START), false);
  assert.equal(needsRefresh({ ...record, expiresAt: '2026-12-07T09:00:00Z' }, START), true);
  assert.equal(canRefresh({ ...record, registrationExpiresAt: '2026-12-07T09:00:00Z' }, START), false);
  assert.equal(canRefresh({ ...record, refreshToken: undefined } as SsoTokenRecord, START), false);
  assert.equal(needsRefresh({ ...record, registrationExpiresAt: '2026-12-07T09:00:00Z' }, START), false);

  const inputs: Record<string, unknown>[] = [];
  const oidc = {
    createToken: (input: Record<string, unknown>) => {
      inputs.push(input);
      return Promise.resolve({ accessToken: 'access-2', expiresIn: 3600, refreshToken: 'refresh-2' });
    },
  } as unknown as OidcApi;
  const next = await refreshToken(record, oidc, () => START);
  assert.deepEqual(inputs, [
    { clientId: 'client-1', clientSecret: 'secret-1', grantType: 'refresh_token', refreshToken: 'refresh-1' },
  ]);
  assert.deepEqual(next, {
    ...record,
    accessToken: 'access-2',
    expiresAt: '2026-12-07T11:00:00Z',
    refreshToken: 'refresh-2',
  });
});
