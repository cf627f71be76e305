// IAM Identity Center end to end against the emulator, with the real SDK clients: the device-flow sign-in of
// src/aws/sso (approved through the emulator's admin route), the token cache file it writes read by the SDK's own
// `fromSSO` (a temporary HOME and AWS_CONFIG_FILE), whose credentials then see the staging account's resources; the
// accounts and roles of the portal, page by page; an sso: profile's credentials; refresh, expiry, denial and sign-out.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ListGraphsCommand, NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { fromSSO } from '@aws-sdk/credential-providers';
import { startEmulator } from '../../../emulator';
import { classifyAwsError } from '../../../src/aws/errors';
import {
  createIdentityCenter,
  isSsoSignInRequired,
  SignInError,
  type DeviceCode,
  type IdentityCenter,
} from '../../../src/aws/sso/identityCenter';
import { createTokenCache } from '../../../src/aws/sso/tokenCache';
import { recordingLogger } from '../../support/recordingLogger';

const START_URL = 'https://emulator-demo.awsapps.com/start';
const STAGING = '210987654321';

let emulator: { url: string; stop(): Promise<void> };
let home: string;
let center: IdentityCenter;
let savedHome: string | undefined;
const log = recordingLogger();
/** Every token the cache file held: none may reach the log. */
const secrets = new Set<string>();

before(async () => {
  emulator = await startEmulator({ port: 0 });
  home = await mkdtemp(path.join(tmpdir(), 'sso-it-'));
  await writeFile(
    path.join(home, 'config'),
    [
      '[sso-session demo]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile staging-ro]',
      'sso_session = demo',
      `sso_account_id = ${STAGING}`,
      'sso_role_name = ReadOnlyAccess',
      'region = us-east-1',
      '',
    ].join('\n'),
  );
  // The SDK's fromSSO finds the token cache under $HOME (it has no option for it).
  savedHome = process.env.HOME;
  process.env.HOME = home;
  center = createIdentityCenter({
    env: {
      HOME: home,
      AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    },
    homeDir: home,
    endpointFor: () => Promise.resolve(emulator.url),
    logger: log.logger,
    userAgent: 'snapshot-explorer-aws/test',
  });
});

after(async () => {
  center?.dispose();
  if (savedHome === undefined) delete process.env.HOME;
  else process.env.HOME = savedHome;
  await emulator?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

async function admin(route: 'approve' | 'deny' | 'expire', body: object): Promise<unknown> {
  const response = await fetch(`${emulator.url}/_emulator/sso/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  assert.equal(response.status, 200, JSON.stringify(answer));
  return answer;
}

/** Signs in, deciding the code through the emulator's admin route once it is shown. */
async function signIn(decision: 'approve' | 'deny'): Promise<{ expiresAt: Date; codes: DeviceCode[] }> {
  const codes: DeviceCode[] = [];
  const decided: Promise<unknown>[] = [];
  try {
    const result = await center.signIn('demo', {
      onCode: (code) => {
        codes.push(code);
        decided.push(admin(decision, { userCode: code.userCode }));
      },
      signal: AbortSignal.timeout(60_000),
    });
    return { ...result, codes };
  } finally {
    await Promise.all(decided);
  }
}

async function allAccounts(pageSize: number): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await center.listAccounts('demo', nextToken, pageSize, AbortSignal.timeout(10_000));
    pages++;
    names.push(...page.items.map((a) => a.name));
    nextToken = page.nextToken;
  } while (nextToken);
  return { names, pages };
}

test('before signing in: not signed in, and the portal is not called', async () => {
  assert.equal((await center.status('demo')).signedIn, false);
  const error = await center.listAccounts('demo', undefined, 10, AbortSignal.timeout(10_000)).catch((e: unknown) => e);
  assert.ok(isSsoSignInRequired(error));
  assert.equal(classifyAwsError(error).kind, 'credentials-expired');
});

test('a denied sign-in ends with "denied" and caches nothing', async () => {
  const error = await signIn('deny').catch((e: unknown) => e);
  assert.ok(error instanceof SignInError, String(error));
  assert.equal(error.kind, 'denied');
  assert.equal(await createTokenCache(home).read('demo'), undefined);
});

test('sign in through the device flow: the code points at the emulator, the cache file is written 0600', async () => {
  const { expiresAt, codes } = await signIn('approve');
  assert.equal(codes.length, 1);
  assert.match(codes[0]?.verificationUri ?? '', /^http:\/\/127\.0\.0\.1:\d+\/_emulator\/sso\/verify/);
  assert.ok(expiresAt.getTime() - Date.now() > 7 * 3600_000, expiresAt.toISOString());
  const cache = createTokenCache(home);
  const record = await cache.read('demo');
  assert.equal(record?.startUrl, START_URL);
  assert.equal(record?.region, 'us-east-1');
  assert.ok(record?.refreshToken && record.clientId && record.clientSecret && record.registrationExpiresAt);
  [record.accessToken, record.refreshToken, record.clientSecret].forEach((secret) => secrets.add(secret));
  assert.equal((await stat(cache.path('demo'))).mode & 0o777, 0o600);
  const status = await center.status('demo');
  assert.equal(status.signedIn, true);
  assert.equal(status.expiresAt?.getTime(), expiresAt.getTime());
});

test("the SDK's fromSSO accepts the cache file we wrote, and its credentials see the staging account", async () => {
  const credentials = await fromSSO({
    profile: 'staging-ro',
    configFilepath: path.join(home, 'config'),
    filepath: path.join(home, 'credentials'),
    clientConfig: { endpoint: emulator.url },
  })();
  assert.match(credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
  assert.ok(credentials.sessionToken);
  const neptuneGraph = new NeptuneGraphClient({ region: 'us-east-1', endpoint: emulator.url, credentials });
  try {
    const graphs = await neptuneGraph.send(new ListGraphsCommand({}));
    assert.deepEqual(
      graphs.graphs?.map((g) => g.name),
      ['staging-graph'],
    );
  } finally {
    neptuneGraph.destroy();
  }
});

test('accounts, page by page, by name; roles carry the covering profile or their sso: name', async () => {
  const { names, pages } = await allAccounts(2);
  assert.deepEqual(names, ['prod-data', 'staging', 'sandbox', 'analytics', 'security-audit', 'shared-services']);
  assert.equal(pages, 3);
  const first = await center.listAccounts('demo', undefined, 10, AbortSignal.timeout(10_000));
  assert.deepEqual(first.items[0], { id: '123456789012', name: 'prod-data', email: 'prod-data@example.com' });
  const roles = await center.listRoles('demo', STAGING, undefined, AbortSignal.timeout(10_000));
  assert.deepEqual(roles.items.map((r) => [r.name, r.profile]).sort(), [
    ['AdministratorAccess', `sso:demo/${STAGING}/AdministratorAccess`],
    ['PowerUserAccess', `sso:demo/${STAGING}/PowerUserAccess`],
    ['ReadOnlyAccess', 'staging-ro'],
  ]);
});

test("an sso: profile's provider gets role credentials that work in that account", async () => {
  assert.equal(center.provider('staging-ro'), undefined);
  const provider = center.provider(`sso:demo/${STAGING}/PowerUserAccess`);
  assert.ok(provider);
  const identity = await provider();
  assert.match(identity.accessKeyId, /^ASIA/);
  assert.equal(identity.accountId, STAGING);
  assert.ok((identity.expiration?.getTime() ?? 0) > Date.now() + 50 * 60_000);
  const neptuneGraph = new NeptuneGraphClient({ region: 'us-east-1', endpoint: emulator.url, credentials: provider });
  try {
    const graphs = await neptuneGraph.send(new ListGraphsCommand({}));
    assert.deepEqual(
      graphs.graphs?.map((g) => g.name),
      ['staging-graph'],
    );
  } finally {
    neptuneGraph.destroy();
  }
});

test('a token close to expiry is refreshed with the refresh token and written back', async () => {
  const cache = createTokenCache(home);
  const record = await cache.read('demo');
  assert.ok(record);
  const soon = new Date(Date.now() + 5 * 60_000).toISOString();
  await cache.write('demo', { ...record, expiresAt: soon });
  const changes: string[] = [];
  const listening = center.onDidChangeSession((session) => changes.push(session));
  try {
    assert.equal((await allAccounts(10)).names.length, 6);
  } finally {
    listening.dispose();
  }
  const refreshed = await cache.read('demo');
  assert.notEqual(refreshed?.accessToken, record.accessToken);
  if (refreshed) secrets.add(refreshed.accessToken);
  assert.ok(Date.parse(refreshed?.expiresAt ?? '') - Date.now() > 7 * 3600_000);
  assert.deepEqual(changes, ['demo']);
});

test('a token the emulator expired: the portal refuses it, the error asks to sign in again', async () => {
  await admin('expire', {});
  const error = await center.listAccounts('demo', undefined, 10, AbortSignal.timeout(10_000)).catch((e: unknown) => e);
  assert.ok(isSsoSignInRequired(error), String(error));
  assert.equal(error.reason, 'rejected');
  assert.equal(classifyAwsError(error).kind, 'credentials-expired');
});

test('sign in again, then sign out: Logout, the cache file removed, not signed in', async () => {
  await signIn('approve');
  assert.equal((await allAccounts(10)).names.length, 6);
  await center.signOut('demo');
  assert.equal(await createTokenCache(home).read('demo'), undefined);
  assert.equal((await center.status('demo')).signedIn, false);
  assert.ok(log.lines.some((line) => line.includes('SSO Logout in us-east-1: ok')));
  assert.ok(secrets.size >= 4);
  for (const secret of secrets) {
    assert.ok(!log.lines.some((line) => line.includes(secret)), `a token reached the log:\n${log.lines.join('\n')}`);
  }
});
