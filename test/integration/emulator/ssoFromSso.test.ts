// The emulator's IAM Identity Center with the SDK's own SSO credential provider (fromSSO with an sso-session): the
// token cache file read, refreshed through SSO OIDC's refresh_token grant when close to expiry, role credentials that
// work in the role's account. HOME is a temp dir for the whole file (each test file runs in its own process).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromSSO } from '@aws-sdk/credential-providers';
import { DescribeDBClustersCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { startTestEmulator, type TestEmulator } from './helpers';
import { DEMO_START_URL, signIn, ssoClients } from './ssoHelpers';

describe('emulator: IAM Identity Center through the SDK’s fromSSO', () => {
  let emu: TestEmulator;
  let home: string;
  const savedHome = process.env.HOME;
  const cacheFile = () =>
    path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('demo').digest('hex')}.json`);

  before(async () => {
    emu = await startTestEmulator();
    // The SDK compares the cached token's expiry with the real clock; the emulator's clock follows it here.
    emu.clock.now = Date.now();
    home = mkdtempSync(path.join(tmpdir(), 'sso-home-'));
    process.env.HOME = home;
    mkdirSync(path.dirname(cacheFile()), { recursive: true });
    writeFileSync(
      path.join(home, '.aws', 'config'),
      [
        '[sso-session demo]',
        `sso_start_url = ${DEMO_START_URL}`,
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
        '[profile prod-ro]',
        'sso_session = demo',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnlyAccess',
        'region = us-east-1',
        '[profile sandbox-admin]',
        'sso_session = demo',
        'sso_account_id = 333333333333',
        'sso_role_name = AdministratorAccess',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(home, '.aws', 'credentials'), '');
  });
  after(async () => {
    process.env.HOME = savedHome;
    rmSync(home, { recursive: true, force: true });
    await emu.stop();
  });

  const provider = (profile: string) =>
    fromSSO({
      profile,
      configFilepath: path.join(home, '.aws', 'config'),
      filepath: path.join(home, '.aws', 'credentials'),
      clientConfig: { endpoint: emu.url, maxAttempts: 1 },
    });
  const clusters = async (credentials: ReturnType<typeof provider>) =>
    (
      (await new DocDBClient({ ...emu.config(), credentials }).send(new DescribeDBClustersCommand({}))).DBClusters ?? []
    ).map((c) => c.DBClusterIdentifier);

  it('reads the sign-in from the token cache and gets role credentials of each profile’s account', async () => {
    const session = await signIn(emu, ssoClients(emu).oidc);
    const cached = {
      startUrl: DEMO_START_URL,
      region: 'us-east-1',
      accessToken: session.accessToken,
      expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
      clientId: session.clientId,
      clientSecret: session.clientSecret,
      registrationExpiresAt: new Date(Date.now() + 90 * 86400_000).toISOString(),
      refreshToken: session.refreshToken,
    };
    writeFileSync(cacheFile(), JSON.stringify(cached), { mode: 0o600 });

    const prod = await provider('prod-ro')();
    assert.match(prod.accessKeyId, /^ASIA/);
    assert.ok(prod.sessionToken);
    assert.ok((await clusters(provider('prod-ro'))).includes('orders-prod'));
    assert.deepEqual(await clusters(provider('sandbox-admin')), []);
  });

  it('refreshes a token close to expiry with the refresh_token grant and writes it back to the cache', async () => {
    const session = await signIn(emu, ssoClients(emu).oidc);
    const soon = {
      startUrl: DEMO_START_URL,
      region: 'us-east-1',
      accessToken: session.accessToken,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      clientId: session.clientId,
      clientSecret: session.clientSecret,
      registrationExpiresAt: new Date(Date.now() + 90 * 86400_000).toISOString(),
      refreshToken: session.refreshToken,
    };
    writeFileSync(cacheFile(), JSON.stringify(soon), { mode: 0o600 });
    // The emulator's tokens expire now: only a refreshed one can work.
    assert.deepEqual((await emu.admin('POST', 'sso/expire', {})).status, 200);

    const credentials = await provider('prod-ro')();
    assert.match(credentials.accessKeyId, /^ASIA/);
    const written = JSON.parse(readFileSync(cacheFile(), 'utf8')) as typeof soon;
    assert.notEqual(written.accessToken, session.accessToken);
    assert.equal(written.refreshToken, session.refreshToken);
    assert.ok(Date.parse(written.expiresAt) > Date.now() + 7 * 3600_000);
    const calls = await emu.calls();
    assert.ok(calls.some((c) => c.service === 'sso-oidc' && c.operation === 'CreateToken' && c.status === 200));
  });
});
