// Assume-role profiles end to end, wired as the extension wires them (src/ui/awsAccess.ts): the real credential
// source (the SDK's fromIni with our inner STS clients), the real client factory (its `endpointFor` decides the
// inner clients' endpoints too) and the emulator's STS (signatures verified). The config files name no endpoint: only
// `snapshotExplorer.endpoints` does, with a key per service and no `*`, so an STS call that ignored the `sts` key
// would go to AWS (and the network guard of the test process would fail the run).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEMO_CREDENTIALS, startEmulator, type RunningEmulator } from '../../../emulator';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource, type CredentialSource } from '../../../src/aws/credentials';
import { discoverProfiles } from '../../../src/aws/profiles';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { recordingLogger } from '../../support/recordingLogger';

const [demo] = DEMO_CREDENTIALS;
if (!demo) throw new Error('the emulator has no demo credentials');
const STAGING = '210987654321';
const MFA_DEVICE = 'arn:aws:iam::123456789012:mfa/demo';

describe('assume-role profiles → emulator STS, through the credential source and the client factory', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let clients: ClientFactory;
  let credentials: CredentialSource;
  const { logger, lines } = recordingLogger();
  /** The answers the MFA prompt gives, in order: a code, or undefined for a cancelled prompt. */
  const mfaAnswers: Array<string | undefined> = [];
  const mfaAsked: string[] = [];
  const savedEnv = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  before(async () => {
    emulator = await startEmulator({ port: 0, verifySignatures: true, snapshotSeconds: 60 });
    dir = await mkdtemp(path.join(tmpdir(), 'assume-role-'));
    const token = path.join(dir, 'web-identity-token');
    await writeFile(token, 'emulator-demo-web-identity-token');
    await writeFile(path.join(dir, 'wrong-token'), 'not-the-demo-token');
    await writeFile(
      path.join(dir, 'credentials'),
      `[demo]\naws_access_key_id = ${demo.accessKeyId}\naws_secret_access_key = ${demo.secretAccessKey}\n`,
    );
    await writeFile(
      path.join(dir, 'config'),
      [
        '[profile demo]',
        'region = us-east-1',
        '[profile staging-deploy]',
        `role_arn = arn:aws:iam::${STAGING}:role/deploy`,
        'source_profile = demo',
        'role_session_name = deploy-session',
        'region = us-east-1',
        '[profile sandbox-admin]',
        'role_arn = arn:aws:iam::333333333333:role/AdministratorAccess',
        'source_profile = staging-deploy',
        'role_session_name = chained',
        '[profile staging-mfa]',
        `role_arn = arn:aws:iam::${STAGING}:role/admin-mfa`,
        'source_profile = demo',
        `mfa_serial = ${MFA_DEVICE}`,
        '[profile from-env]',
        `role_arn = arn:aws:iam::${STAGING}:role/deploy`,
        'credential_source = Environment',
        '[profile web]',
        `role_arn = arn:aws:iam::${STAGING}:role/deploy`,
        `web_identity_token_file = ${token}`,
        'role_session_name = web-session',
        '[profile web-wrong-token]',
        `role_arn = arn:aws:iam::${STAGING}:role/deploy`,
        `web_identity_token_file = ${path.join(dir, 'wrong-token')}`,
      ].join('\n'),
    );
    const env = {
      HOME: dir,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    };
    const profiles = await discoverProfiles(env);
    assert.deepEqual(
      profiles.filter((p) => p.error !== undefined).map((p) => p.name),
      [],
      'every profile is well-formed',
    );
    credentials = createCredentialSource({
      env,
      logger,
      mfaCodeProvider: async (serial) => {
        mfaAsked.push(serial);
        const answer = mfaAnswers.shift();
        // As the extension's input box: a cancelled prompt is an error with a sentence.
        if (answer === undefined) throw new Error('MFA code entry was cancelled.');
        return answer;
      },
      endpoints: (service, profile) => clients.endpointFor(service, profile),
      requestTimeoutMs: () => 10_000,
    });
    clients = createClientFactory({
      credentials: (profile) => credentials.provider(profile),
      endpoints: () => ({ 'neptune-graph': emulator.url, sts: emulator.url }),
      requestTimeoutMs: () => 10_000,
      maxConcurrentRequests: () => 4,
      userAgent: 'snapshot-explorer-aws/0.1.0',
      logger,
      maxAttempts: 1,
    });
    // credential_source = Environment reads the process environment, as the SDK does.
    process.env.AWS_ACCESS_KEY_ID = demo.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = demo.secretAccessKey;
  });
  after(async () => {
    for (const [key, value] of [
      ['AWS_ACCESS_KEY_ID', savedEnv.id],
      ['AWS_SECRET_ACCESS_KEY', savedEnv.secret],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    clients?.clear();
    await emulator?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    credentials.forget();
    mfaAnswers.length = 0;
    mfaAsked.length = 0;
    lines.length = 0;
    assert.equal((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status, 200);
  });

  async function stsCalls(): Promise<Array<{ operation: string; status: number; accountId: string }>> {
    const calls = (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as Array<{
      service: string;
      operation: string;
      status: number;
      accountId: string;
    }>;
    return calls.filter((c) => c.service === 'sts');
  }

  /** Who the profile's credentials are, asked of the emulator's STS with the test's own client. */
  async function callerOf(profile: string) {
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: credentials.provider(profile),
    });
    try {
      return await sts.send(new GetCallerIdentityCommand({}));
    } finally {
      sts.destroy();
    }
  }

  async function graphNames(profile: string): Promise<string[]> {
    const client = await clients.get(neptuneGraphClient, profile, 'us-east-1');
    const out = await client.send(new ListGraphsCommand({}));
    return (out.graphs ?? []).map((g) => g.name ?? '');
  }

  it('a role with source_profile: its credentials list the role account’s resources', async () => {
    assert.deepEqual(await graphNames('staging-deploy'), ['staging-graph']);
    assert.ok(!(await graphNames('demo')).includes('staging-graph'), 'the demo keys see prod-data, not staging');
    const who = await callerOf('staging-deploy');
    assert.equal(who.Account, STAGING);
    assert.equal(who.Arn, `arn:aws:sts::${STAGING}:assumed-role/deploy/deploy-session`);
    assert.deepEqual(
      (await stsCalls()).filter((c) => c.operation === 'AssumeRole').map((c) => c.status),
      [200],
      'one AssumeRole: the credentials are cached for the client and the test’s own caller',
    );
    assert.ok(
      lines.includes(
        `debug Created sts client for profile "staging-deploy" in us-east-1: endpoint ${emulator.url} (snapshotExplorer.endpoints["sts"])`,
      ),
      `the inner STS client's endpoint is logged:\n${lines.join('\n')}`,
    );
  });

  it('a chain of two roles ends in the second role’s account, each step on its own STS client', async () => {
    const who = await callerOf('sandbox-admin');
    assert.equal(who.Account, '333333333333');
    assert.equal(who.Arn, 'arn:aws:sts::333333333333:assumed-role/AdministratorAccess/chained');
    assert.deepEqual(await graphNames('sandbox-admin'), [], 'sandbox has no demo data');
    const assumed = (await stsCalls()).filter((c) => c.operation === 'AssumeRole');
    assert.deepEqual(
      assumed.map((c) => [c.status, c.accountId]),
      [
        [200, '123456789012'],
        [200, STAGING],
      ],
      'the first step with the demo keys, the second with the staging session',
    );
    const created = lines.filter((l) => l.startsWith('debug Created sts client'));
    assert.deepEqual(created, [
      `debug Created sts client for profile "staging-deploy" in us-east-1: endpoint ${emulator.url} (snapshotExplorer.endpoints["sts"])`,
      `debug Created sts client for profile "sandbox-admin" in us-east-1: endpoint ${emulator.url} (snapshotExplorer.endpoints["sts"])`,
    ]);
  });

  it('MFA: the code from the prompt is sent; a wrong code is refused; a cancelled prompt fails at once', async () => {
    mfaAnswers.push('123456');
    assert.deepEqual(await graphNames('staging-mfa'), ['staging-graph']);
    assert.deepEqual(mfaAsked, [MFA_DEVICE], 'asked once, for the profile’s device');
    assert.deepEqual(await graphNames('staging-mfa'), ['staging-graph'], 'cached: not asked again');
    assert.equal(mfaAsked.length, 1);

    credentials.forget('staging-mfa');
    mfaAnswers.push('654321');
    await assert.rejects(callerOf('staging-mfa'), (error: Error) => {
      assert.equal(error.name, 'AccessDenied');
      assert.match(error.message, /MultiFactorAuthentication failed with invalid MFA one time pass code/);
      return true;
    });

    const before = (await stsCalls()).length;
    const started = Date.now();
    await assert.rejects(callerOf('staging-mfa'), /MFA code entry was cancelled\./);
    assert.ok(Date.now() - started < 5_000, 'no hang after a cancel');
    assert.equal((await stsCalls()).length, before, 'nothing is sent without a code');
    assert.deepEqual(mfaAsked, [MFA_DEVICE, MFA_DEVICE, MFA_DEVICE]);
  });

  it('credential_source = Environment assumes the role with the environment’s keys', async () => {
    const who = await callerOf('from-env');
    assert.equal(who.Account, STAGING);
    assert.match(who.Arn ?? '', /^arn:aws:sts::210987654321:assumed-role\/deploy\//);
    assert.deepEqual(await graphNames('from-env'), ['staging-graph']);
  });

  it('web identity: the token file is exchanged with AssumeRoleWithWebIdentity; a wrong token is refused', async () => {
    const who = await callerOf('web');
    assert.equal(who.Arn, `arn:aws:sts::${STAGING}:assumed-role/deploy/web-session`);
    assert.deepEqual(await graphNames('web'), ['staging-graph']);
    assert.deepEqual(
      (await stsCalls()).filter((c) => c.operation === 'AssumeRoleWithWebIdentity').map((c) => c.status),
      [200],
    );
    await assert.rejects(callerOf('web-wrong-token'), (error: Error) => error.name === 'InvalidIdentityTokenException');
  });
});
