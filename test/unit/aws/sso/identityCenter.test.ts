import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classifyAwsError } from '../../../../src/aws/errors';
import {
  createIdentityCenter,
  isSsoSignInRequired,
  SignInError,
  type IdentityCenter,
} from '../../../../src/aws/sso/identityCenter';
import type { OidcApi, PortalApi, SsoApis } from '../../../../src/aws/sso/ssoApi';
import { createTokenCache, type SsoTokenRecord, type TokenCache } from '../../../../src/aws/sso/tokenCache';
import { toTreeError } from '../../../../src/tree/model/treeError';
import { silentLogger } from '../../../../src/log';
import type { IdentityCenterSource } from '../../../../src/tree/model/ssoTree';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const START_URL = 'https://emulator-demo.awsapps.com/start';
const CONFIG = `
[profile prod-admin]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = AdministratorAccess

[sso-session corp]
sso_start_url = ${START_URL}
sso_region = us-east-1

[sso-session broken]
sso_start_url = https://x.awsapps.com/start
`;

const unauthorized = () =>
  Object.assign(new Error('Session token not found or invalid'), {
    name: 'UnauthorizedException',
    $metadata: { httpStatusCode: 401 },
  });

interface Fixture {
  center: IdentityCenter;
  cache: TokenCache;
  calls: { op: string; input: Record<string, unknown> }[];
  changes: string[];
  portal: PortalApi;
  oidc: OidcApi;
  setNow(ms: number): void;
}

async function withCenter(run: (f: Fixture) => Promise<void>): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'sso-center-'));
  await writeFile(path.join(home, 'config'), CONFIG);
  let now = NOW;
  const calls: Fixture['calls'] = [];
  const record = (op: string, input: object) => calls.push({ op, input: { ...input } });
  const portal: PortalApi = {
    listAccounts: (input) => {
      record('ListAccounts', input);
      if (input.accessToken === 'revoked') return Promise.reject(unauthorized());
      return Promise.resolve(
        input.nextToken === undefined
          ? {
              accounts: [
                { accountId: '123456789012', accountName: 'prod-data', emailAddress: 'prod@example.com' },
                { accountId: '210987654321' },
              ],
              nextToken: 'page-2',
            }
          : { accounts: [{ accountId: '333333333333', accountName: 'sandbox' }] },
      );
    },
    listAccountRoles: (input) => {
      record('ListAccountRoles', input);
      return Promise.resolve({ roles: ['AdministratorAccess', 'ReadOnlyAccess'] });
    },
    getRoleCredentials: (input) => {
      record('GetRoleCredentials', input);
      return Promise.resolve({
        accessKeyId: 'ASIAEXAMPLE000000001',
        secretAccessKey: 'secret',
        sessionToken: 'session',
        expiration: now + 3600_000,
      });
    },
    logout: (input) => {
      record('Logout', input);
      return input.accessToken === 'revoked' ? Promise.reject(unauthorized()) : Promise.resolve();
    },
  };
  const oidc: OidcApi = {
    registerClient: (input) => {
      record('RegisterClient', input);
      return Promise.resolve({ clientId: 'c', clientSecret: 's', clientSecretExpiresAt: NOW / 1000 + 86400 * 90 });
    },
    startDeviceAuthorization: (input) => {
      record('StartDeviceAuthorization', input);
      return Promise.resolve({
        deviceCode: 'd',
        userCode: 'WXYZ-1234',
        verificationUri: 'http://127.0.0.1/verify',
        expiresIn: 600,
        interval: 1,
      });
    },
    createToken: async (input) => {
      record('CreateToken', input);
      await new Promise((resolve) => setImmediate(resolve));
      return input.grantType === 'refresh_token'
        ? { accessToken: 'refreshed', expiresIn: 28800, refreshToken: 'refresh-2' }
        : { accessToken: 'signed-in', expiresIn: 28800, refreshToken: 'refresh-1' };
    },
  };
  const apis: SsoApis = { oidc: () => Promise.resolve(oidc), portal: () => Promise.resolve(portal), dispose() {} };
  const cache = createTokenCache(home);
  const center = createIdentityCenter({
    env: { HOME: home, AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'c') },
    homeDir: home,
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    endpointFor: () => Promise.resolve(undefined),
    logger: silentLogger,
    apis,
  });
  const changes: string[] = [];
  center.onDidChangeSession((session) => changes.push(session));
  try {
    await run({ center, cache, calls, changes, portal, oidc, setNow: (ms) => (now = ms) });
  } finally {
    center.dispose();
    await rm(home, { recursive: true, force: true });
  }
}

const token = (fields: Partial<SsoTokenRecord> = {}): SsoTokenRecord => ({
  startUrl: START_URL,
  region: 'us-east-1',
  accessToken: 'cached',
  expiresAt: '2026-12-07T16:00:00Z',
  ...fields,
});

const signal = new AbortController().signal;

test('not signed in: status says so, calls throw an error the tree offers to reauthenticate', async () => {
  await withCenter(async ({ center, calls }) => {
    assert.deepEqual(await center.status('corp'), { signedIn: false, refreshable: false });
    const error = await center.listAccounts('corp', undefined, 50, signal).catch((e: unknown) => e);
    assert.ok(isSsoSignInRequired(error));
    assert.equal(error.session, 'corp');
    assert.equal(error.message, 'Not signed in to IAM Identity Center session corp. Sign in to see its accounts.');
    assert.equal(classifyAwsError(error).kind, 'credentials-expired');
    assert.equal(toTreeError(error, classifyAwsError).reauthenticate, true);
    assert.deepEqual(calls, []);
  });
});

test('an expired token that cannot be refreshed: the message names when it expired', async () => {
  await withCenter(async ({ center, cache }) => {
    await cache.write('corp', token({ expiresAt: '2026-12-07T09:30:00Z' }));
    const status = await center.status('corp');
    assert.equal(status.signedIn, false);
    assert.equal(status.expiresAt?.toISOString(), '2026-12-07T09:30:00.000Z');
    const error = await center.listRoles('corp', '123456789012', undefined, signal).catch((e: unknown) => e);
    assert.ok(isSsoSignInRequired(error));
    assert.equal(error.reason, 'expired');
    assert.equal(
      error.message,
      'The sign-in to IAM Identity Center session corp expired at 2026-12-07 09:30 UTC. Sign in again to see its accounts.',
    );
    assert.equal(classifyAwsError(error).kind, 'credentials-expired');
  });
});

test('a token of another start URL (the config changed since) is no sign-in', async () => {
  await withCenter(async ({ center, cache }) => {
    await cache.write('corp', token({ startUrl: 'https://other.awsapps.com/start' }));
    assert.equal((await center.status('corp')).signedIn, false);
  });
});

test('accounts: one page per call with the cached token, nextToken and page size passed', async () => {
  await withCenter(async ({ center, cache, calls }) => {
    await cache.write('corp', token());
    assert.deepEqual(await center.status('corp'), {
      signedIn: true,
      expiresAt: new Date('2026-12-07T16:00:00Z'),
      refreshable: false,
    });
    const first = await center.listAccounts('corp', undefined, 2, signal);
    assert.deepEqual(first, {
      items: [
        { id: '123456789012', name: 'prod-data', email: 'prod@example.com' },
        { id: '210987654321', name: '210987654321' },
      ],
      nextToken: 'page-2',
    });
    const second = await center.listAccounts('corp', 'page-2', 2, signal);
    assert.deepEqual(second, { items: [{ id: '333333333333', name: 'sandbox' }] });
    assert.deepEqual(
      calls.map((c) => c.input),
      [
        { accessToken: 'cached', maxResults: 2 },
        { accessToken: 'cached', maxResults: 2, nextToken: 'page-2' },
      ],
    );
  });
});

test('roles: a role a hand-written profile stands for carries that profile, the others their sso: name', async () => {
  await withCenter(async ({ center, cache }) => {
    await cache.write('corp', token());
    assert.deepEqual(await center.listRoles('corp', '123456789012', undefined, signal), {
      items: [
        { accountId: '123456789012', name: 'AdministratorAccess', profile: 'prod-admin' },
        { accountId: '123456789012', name: 'ReadOnlyAccess', profile: 'sso:corp/123456789012/ReadOnlyAccess' },
      ],
    });
  });
});

test('a token the portal refuses means signing in again', async () => {
  await withCenter(async ({ center, cache, calls, changes }) => {
    await cache.write('corp', token({ accessToken: 'revoked' }));
    assert.equal((await center.status('corp')).signedIn, true, 'the cache alone says signed in');
    const error = await center.listAccounts('corp', undefined, 10, signal).catch((e: unknown) => e);
    assert.ok(isSsoSignInRequired(error));
    assert.equal(error.reason, 'rejected');
    assert.equal(classifyAwsError(error).kind, 'credentials-expired');
    // The session is not signed in any more (its node says so), told once; the token is not sent again.
    assert.deepEqual(await center.status('corp'), { signedIn: false, refreshable: false });
    assert.deepEqual(changes, ['corp']);
    const again = await center.listAccounts('corp', undefined, 10, signal).catch((e: unknown) => e);
    assert.ok(isSsoSignInRequired(again));
    assert.equal(again.reason, 'rejected');
    assert.equal(calls.filter((c) => c.op === 'ListAccounts').length, 1, 'one portal call');
    assert.deepEqual(changes, ['corp']);
    // A new token (a sign-in, or the CLI's) is used again.
    await cache.write('corp', token({ accessToken: 'cached' }));
    assert.equal((await center.status('corp')).signedIn, true);
    await center.listAccounts('corp', undefined, 10, signal);
    assert.equal(calls.filter((c) => c.op === 'ListAccounts').length, 2);
  });
});

test('provider: credentials of an sso: profile, undefined for other names', async () => {
  await withCenter(async ({ center, cache, calls }) => {
    assert.equal(center.provider('prod-admin'), undefined);
    assert.equal(center.provider('default'), undefined);
    const provider = center.provider('sso:corp/210987654321/ReadOnlyAccess');
    assert.ok(provider);
    await assert.rejects(provider(), (e: unknown) => isSsoSignInRequired(e));
    await cache.write('corp', token());
    const identity = await provider();
    assert.deepEqual(identity, {
      accessKeyId: 'ASIAEXAMPLE000000001',
      secretAccessKey: 'secret',
      sessionToken: 'session',
      expiration: new Date(NOW + 3600_000),
      accountId: '210987654321',
    });
    assert.deepEqual(calls.at(-1), {
      op: 'GetRoleCredentials',
      input: { accessToken: 'cached', accountId: '210987654321', roleName: 'ReadOnlyAccess' },
    });
    await assert.rejects(
      center.provider('sso:nope/210987654321/ReadOnlyAccess')!(),
      /has no IAM Identity Center session nope/,
    );
    await assert.rejects(center.provider('sso:broken/210987654321/ReadOnlyAccess')!(), /lacks sso_region/);
  });
});

test('refresh: under 15 minutes left, one refresh for concurrent calls, written back, session changed', async () => {
  await withCenter(async ({ center, cache, calls, changes }) => {
    await cache.write(
      'corp',
      token({
        expiresAt: '2026-12-07T10:10:00Z',
        refreshToken: 'refresh-1',
        clientId: 'c',
        clientSecret: 's',
        registrationExpiresAt: '2027-01-01T00:00:00Z',
      }),
    );
    assert.equal((await center.status('corp')).refreshable, true);
    await Promise.all([
      center.listAccounts('corp', undefined, 10, signal),
      center.listRoles('corp', '123456789012', undefined, signal),
    ]);
    assert.equal(calls.filter((c) => c.op === 'CreateToken').length, 1);
    assert.deepEqual(
      calls.filter((c) => c.op !== 'CreateToken').map((c) => c.input.accessToken),
      ['refreshed', 'refreshed'],
    );
    const written = await cache.read('corp');
    assert.equal(written?.accessToken, 'refreshed');
    assert.equal(written?.refreshToken, 'refresh-2');
    assert.equal(written?.expiresAt, '2026-12-07T18:00:00Z');
    assert.deepEqual(changes, ['corp']);
  });
});

test('a failed refresh keeps using a token that is still valid', async () => {
  await withCenter(async ({ center, cache, oidc }) => {
    oidc.createToken = () => Promise.reject(Object.assign(new Error('down'), { name: 'InternalServerException' }));
    await cache.write(
      'corp',
      token({ expiresAt: '2026-12-07T10:10:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's' }),
    );
    assert.equal((await center.listAccounts('corp', undefined, 10, signal)).items.length, 2);
    assert.equal((await cache.read('corp'))?.accessToken, 'cached');
  });
});

test('sign in: device flow, the cache written 0600 in the CLI format, session changed', async () => {
  await withCenter(async ({ center, cache, changes }) => {
    const codes: string[] = [];
    const result = await center.signIn('corp', { onCode: (code) => codes.push(code.userCode), signal });
    assert.deepEqual(codes, ['WXYZ-1234']);
    assert.equal(result.expiresAt.toISOString(), '2026-12-07T18:00:00.000Z');
    const written = await cache.read('corp');
    assert.equal(written?.accessToken, 'signed-in');
    assert.equal(written?.startUrl, START_URL);
    assert.equal(written?.expiresAt, '2026-12-07T18:00:00Z');
    assert.equal((await stat(cache.path('corp'))).mode & 0o777, 0o600);
    assert.deepEqual(changes, ['corp']);
    assert.equal((await center.status('corp')).signedIn, true);
  });
});

test('sign in to a session the config cannot use: a SignInError with the config problem, no call', async () => {
  await withCenter(async ({ center, calls }) => {
    const error = await center.signIn('broken', { onCode: () => undefined, signal }).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.equal(error.kind, 'failed');
    assert.equal(error.message, 'The [sso-session broken] section lacks sso_region.');
    assert.deepEqual(calls, []);
  });
});

test('sign out: Logout, then the file removed; a token the portal no longer knows is fine', async () => {
  await withCenter(async ({ center, cache, calls, changes }) => {
    await cache.write('corp', token());
    await center.signOut('corp');
    assert.deepEqual(calls, [{ op: 'Logout', input: { accessToken: 'cached' } }]);
    assert.equal(await cache.read('corp'), undefined);
    assert.deepEqual(changes, ['corp']);

    await cache.write('corp', token({ accessToken: 'revoked' }));
    await center.signOut('corp');
    assert.equal(await cache.read('corp'), undefined);
  });
});

test('sign out: another failure of Logout keeps the file and says so', async () => {
  await withCenter(async ({ center, cache, portal, changes }) => {
    portal.logout = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await cache.write('corp', token());
    await assert.rejects(center.signOut('corp'), /ECONNREFUSED/);
    assert.equal((await cache.read('corp'))?.accessToken, 'cached');
    assert.deepEqual(changes, []);
  });
});

test('sign out of an expired token: no Logout call, the file removed', async () => {
  await withCenter(async ({ center, cache, calls }) => {
    await cache.write('corp', token({ expiresAt: '2026-12-07T09:00:00Z' }));
    await center.signOut('corp');
    assert.deepEqual(calls, []);
    assert.equal(await cache.read('corp'), undefined);
  });
});

test('onDidChangeSession: a disposed listener hears nothing', async () => {
  await withCenter(async ({ center, cache }) => {
    const heard: string[] = [];
    const subscription = center.onDidChangeSession((s) => heard.push(s));
    subscription.dispose();
    await cache.write('corp', token());
    await center.signOut('corp');
    assert.deepEqual(heard, []);
  });
});

test('refresh: refreshes a token that is due and says the new status; a token not due is left alone', async () => {
  await withCenter(async ({ center, cache, calls, changes }) => {
    await cache.write('corp', token());
    assert.equal((await center.refresh('corp')).expiresAt?.toISOString(), '2026-12-07T16:00:00.000Z');
    assert.deepEqual(calls, []);
    await cache.write(
      'corp',
      token({ expiresAt: '2026-12-07T10:09:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's' }),
    );
    const status = await center.refresh('corp');
    assert.equal(status.signedIn, true);
    assert.equal(status.expiresAt?.toISOString(), '2026-12-07T18:00:00.000Z');
    assert.deepEqual(changes, ['corp']);
    assert.deepEqual(await center.refresh('broken'), { signedIn: false, refreshable: false });
  });
});

test('the facade is what the tree asks for (src/tree/model/ssoTree.ts IdentityCenterSource)', async () => {
  await withCenter(async ({ center }) => {
    const source: IdentityCenterSource = center;
    assert.equal(typeof source.listRoles, 'function');
  });
});
