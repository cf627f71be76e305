// SSO profiles of the config file (and a role assumed on top of one) through the credential source's fromIni, wired
// as the extension wires it, against the emulator's IAM Identity Center: the SDK's inner SSO client (GetRoleCredentials)
// and SSO OIDC client (the token refresh) go to the `sso` / `sso-oidc` keys of `snapshotExplorer.endpoints` (no `*`,
// no endpoint in the config file: a call that ignored them would go to AWS and fail the run), and a setting that
// gives the two different endpoints is refused before any call. HOME is a temp dir for the whole file (the SDK reads
// the token cache from it; each test file runs in its own process).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource } from '../../../src/aws/credentials';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { recordingLogger } from '../../support/recordingLogger';
import { startTestEmulator, type TestEmulator } from '../emulator/helpers';
import { DEMO_START_URL, signIn, ssoClients } from '../emulator/ssoHelpers';

describe('SSO profiles through fromIni: the inner SSO and SSO OIDC clients on the configured endpoints', () => {
  let emu: TestEmulator;
  let home: string;
  const savedHome = process.env.HOME;
  const factories: ClientFactory[] = [];
  const cacheFile = () =>
    path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('demo').digest('hex')}.json`);
  const env = () => ({
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
  });

  before(async () => {
    emu = await startTestEmulator();
    // The SDK compares the cached token's expiry with the real clock; the emulator's clock follows it here.
    emu.clock.now = Date.now();
    home = mkdtempSync(path.join(tmpdir(), 'sso-ini-home-'));
    process.env.HOME = home;
    mkdirSync(path.dirname(cacheFile()), { recursive: true });
    writeFileSync(
      env().AWS_CONFIG_FILE,
      [
        '[sso-session demo]',
        `sso_start_url = ${DEMO_START_URL}`,
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
        '[profile prod-admin]',
        'sso_session = demo',
        'sso_account_id = 123456789012',
        'sso_role_name = AdministratorAccess',
        'region = us-east-1',
        '[profile staging-over-sso]',
        'role_arn = arn:aws:iam::210987654321:role/deploy',
        'source_profile = prod-admin',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    writeFileSync(env().AWS_SHARED_CREDENTIALS_FILE, '');
  });
  after(async () => {
    factories.forEach((f) => f.clear());
    process.env.HOME = savedHome;
    if (home) rmSync(home, { recursive: true, force: true });
    await emu?.stop();
  });

  /** Signs in through the device flow and writes the token cache as the AWS CLI does; `expiresInMs` from now. */
  async function writeSignIn(expiresInMs: number) {
    const session = await signIn(emu, ssoClients(emu).oidc);
    writeFileSync(
      cacheFile(),
      JSON.stringify({
        startUrl: DEMO_START_URL,
        region: 'us-east-1',
        accessToken: session.accessToken,
        expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
        clientId: session.clientId,
        clientSecret: session.clientSecret,
        registrationExpiresAt: new Date(Date.now() + 90 * 86400_000).toISOString(),
        refreshToken: session.refreshToken,
      }),
    );
    return session;
  }

  /** The extension's wiring with this endpoint setting. */
  function access(setting: Record<string, string>) {
    const { logger, lines } = recordingLogger();
    const credentials = createCredentialSource({
      env: env(),
      logger,
      endpoints: (service, profile) => clients.endpointFor(service, profile),
    });
    const clients = createClientFactory({
      credentials: (profile) => credentials.provider(profile),
      endpoints: () => ({ 'neptune-graph': emu.url, ...setting }),
      requestTimeoutMs: () => 10_000,
      maxConcurrentRequests: () => 4,
      userAgent: 'snapshot-explorer-aws/test',
      logger,
      maxAttempts: 1,
    });
    factories.push(clients);
    const graphs = async (profile: string) => {
      const client = await clients.get(neptuneGraphClient, profile, 'us-east-1');
      return ((await client.send(new ListGraphsCommand({}))).graphs ?? []).map((g) => g.name ?? '');
    };
    return { credentials, graphs, lines };
  }

  const calls = async () =>
    ((await emu.admin('GET', 'calls')).json as Array<{ service: string; operation: string; status: number }>).map(
      (c) => `${c.operation} ${c.status}`,
    );

  it('an SSO profile and a role over it: role credentials from the `sso` endpoint, the role from `sts`', async () => {
    await writeSignIn(8 * 3600_000);
    const aws = access({ sso: emu.url, 'sso-oidc': emu.url, sts: emu.url });
    const prod = await aws.graphs('prod-admin');
    assert.ok(prod.length > 0 && !prod.includes('staging-graph'), `prod-data's graphs: ${prod.join(', ')}`);
    assert.deepEqual(await aws.graphs('staging-over-sso'), ['staging-graph']);
    assert.ok(
      aws.lines.includes(
        `debug SSO clients of profile "prod-admin": endpoint ${emu.url} (snapshotExplorer.endpoints["sso"])`,
      ),
      aws.lines.join('\n'),
    );
    assert.ok(
      aws.lines.includes(
        `debug Created sts client for profile "staging-over-sso" in us-east-1: endpoint ${emu.url} (snapshotExplorer.endpoints["sts"])`,
      ),
    );
    const made = await calls();
    assert.equal(made.filter((c) => c === 'GetRoleCredentials 200').length, 2, made.join(', '));
    assert.equal(made.filter((c) => c === 'AssumeRole 200').length, 1, made.join(', '));
  });

  it('a token close to expiry is refreshed through the `sso-oidc` endpoint', async () => {
    const session = await writeSignIn(60_000);
    const aws = access({ sso: emu.url, 'sso-oidc': emu.url });
    assert.ok((await aws.graphs('prod-admin')).length > 0);
    const cached = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { accessToken: string; expiresAt: string };
    assert.notEqual(cached.accessToken, session.accessToken, 'the SDK wrote the refreshed token to the cache');
    assert.ok(Date.parse(cached.expiresAt) > Date.now() + 3600_000);
    assert.ok((await calls()).includes('CreateToken 200'));
  });

  it('SSO and SSO OIDC on different endpoints: refused with a sentence, nothing sent', async () => {
    await writeSignIn(8 * 3600_000);
    const before = (await calls()).length;
    const aws = access({ sso: emu.url });
    await assert.rejects(
      aws.credentials.provider('prod-admin')(),
      /Profile "prod-admin" gets its credentials through IAM Identity Center, whose SSO and SSO OIDC clients share one endpoint, but sso resolves to .* and sso-oidc to AWS's public endpoint/,
    );
    assert.equal((await calls()).length, before);
  });
});
