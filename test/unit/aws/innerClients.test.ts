// The inner clients of credential resolution: which calls a profile's chain makes (read as the SDK's fromIni walks
// the files), the endpoint and region each inner STS / SSO client gets (the endpoint of the profile that makes the
// call, decided by the client factory exactly as for the service clients), and the real fromIni driving our role
// assumers in its own order (fake STS calls: nothing leaves the process).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentity } from '@smithy/types';
import { createClientFactory } from '../../../src/aws/clientFactory';
import { createProfileEndpointReader } from '../../../src/aws/endpointConfig';
import {
  configuredEndpoints,
  innerClientOptions,
  planProfile,
  SSO_SERVICE,
  STS_SERVICE,
  type InnerTarget,
  type StsCalls,
} from '../../../src/aws/innerClients';
import type { Sections } from '../../../src/aws/profileKinds';
import { innerCallsOf, mergeProfileFiles } from '../../../src/aws/roleChain';
import { silentLogger } from '../../../src/log';
import { recordingLogger } from '../../support/recordingLogger';

const dir = mkdtempSync(path.join(tmpdir(), 'inner-clients-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ROLE = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

/** The sections of a config file as the SDK parses them (profile names without `profile `). */
const sections: Sections = {
  base: { aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'secret', region: 'eu-west-1' },
  deploy: { role_arn: ROLE('210987654321', 'deploy'), source_profile: 'base', region: 'eu-central-1' },
  chained: { role_arn: ROLE('333333333333', 'audit'), source_profile: 'deploy' },
  mfa: { role_arn: ROLE('210987654321', 'admin-mfa'), source_profile: 'base', mfa_serial: 'arn:aws:iam::1:mfa/d' },
  env: { role_arn: ROLE('210987654321', 'deploy'), credential_source: 'Environment' },
  passthrough: { credential_source: 'Environment' },
  overPassthrough: { role_arn: ROLE('444444444444', 'ops'), source_profile: 'passthrough' },
  web: { role_arn: ROLE('210987654321', 'web'), web_identity_token_file: '/tmp/token', region: 'ap-south-1' },
  overWeb: { role_arn: ROLE('555555555555', 'audit'), source_profile: 'web' },
  sso: { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Admin', region: 'us-west-2' },
  overSso: { role_arn: ROLE('666666666666', 'ops'), source_profile: 'sso' },
  legacySso: { sso_start_url: 'https://x.awsapps.com/start', sso_region: 'us-east-1' },
  loopA: { role_arn: ROLE('1', 'a'), source_profile: 'loopB' },
  loopB: { role_arn: ROLE('1', 'b'), source_profile: 'loopA' },
  same: { role_arn: ROLE('210987654321', 'deploy'), source_profile: 'deploy' },
};

test('the calls of each kind of profile, in the order fromIni makes them', () => {
  assert.deepEqual(innerCallsOf('base', sections), { assumeRole: [] });
  assert.deepEqual(innerCallsOf('chained', sections).assumeRole, [
    { profile: 'deploy', roleArn: ROLE('210987654321', 'deploy'), region: 'eu-central-1' },
    { profile: 'chained', roleArn: ROLE('333333333333', 'audit') },
  ]);
  assert.deepEqual(
    innerCallsOf('env', sections).assumeRole.map((s) => s.profile),
    ['env'],
  );
  assert.deepEqual(
    innerCallsOf('overPassthrough', sections).assumeRole.map((s) => s.profile),
    ['overPassthrough'],
    'a source with credential_source and no role passes its credentials through without a call',
  );
  assert.deepEqual(innerCallsOf('web', sections), {
    assumeRole: [],
    webIdentity: { profile: 'web', region: 'ap-south-1' },
  });
  assert.deepEqual(innerCallsOf('overWeb', sections).webIdentity, { profile: 'web', region: 'ap-south-1' });
  assert.deepEqual(innerCallsOf('overSso', sections), {
    assumeRole: [{ profile: 'overSso', roleArn: ROLE('666666666666', 'ops') }],
    sso: { profile: 'sso', region: 'us-west-2', ssoSession: 'corp' },
  });
  assert.deepEqual(innerCallsOf('legacySso', sections).sso, { profile: 'legacySso' });
  // The SDK throws on the cycle before any call; the walk stops there too.
  assert.deepEqual(
    innerCallsOf('loopA', sections).assumeRole.map((s) => s.profile),
    ['loopB', 'loopA'],
  );
});

/** The client factory's endpoint decision over a config file, with the extension's setting. */
function factoryEndpoints(setting: Record<string, string>, config: string, env: Record<string, string> = {}) {
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, config);
  const fileEnv = { ...env, AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') };
  const factory = createClientFactory({
    credentials: () => async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }),
    endpoints: () => setting,
    env: fileEnv,
    profileEndpoints: createProfileEndpointReader(fileEnv),
    requestTimeoutMs: () => 1000,
    maxConcurrentRequests: () => 1,
    userAgent: 'test',
    logger: silentLogger,
  });
  return (service: typeof STS_SERVICE, profile: string) => factory.endpointFor(service, profile);
}

const targetsOf = (plan: Awaited<ReturnType<typeof planProfile>>) =>
  plan.assumeRole.map((step) => ({ profile: step.profile, region: step.target.region, url: step.target.endpoint.url }));

test('each step of a chain gets the STS endpoint and region of the profile that assumes', async () => {
  const resolve = factoryEndpoints(
    {},
    [
      '[profile deploy]',
      'endpoint_url = http://127.0.0.1:4001',
      '[profile chained]',
      'services = local',
      '[services local]',
      'sts =',
      '  endpoint_url = http://127.0.0.1:4002',
    ].join('\n'),
  );
  const plan = await planProfile('chained', sections, resolve);
  assert.deepEqual(targetsOf(plan), [
    { profile: 'deploy', region: 'eu-central-1', url: 'http://127.0.0.1:4001' },
    { profile: 'chained', region: 'us-east-1', url: 'http://127.0.0.1:4002' },
  ]);
  assert.equal(plan.assumeRole[1]?.target.endpoint.source.includes('[services local]'), true);
});

test('the setting: `sts` before `*`, before AWS_ENDPOINT_URL_STS and the profile', async () => {
  const config = '[profile deploy]\nendpoint_url = http://127.0.0.1:4001\n';
  const env = { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4003' };
  const both = await planProfile(
    'deploy',
    sections,
    factoryEndpoints({ sts: 'http://127.0.0.1:4010', '*': 'http://127.0.0.1:4020' }, config, env),
  );
  assert.deepEqual(both.assumeRole[0]?.target.endpoint, {
    url: 'http://127.0.0.1:4010',
    source: 'snapshotExplorer.endpoints["sts"]',
  });
  const star = await planProfile('deploy', sections, factoryEndpoints({ '*': 'http://127.0.0.1:4020' }, config, env));
  assert.equal(star.assumeRole[0]?.target.endpoint.url, 'http://127.0.0.1:4020');
  const other = await planProfile(
    'deploy',
    sections,
    factoryEndpoints({ docdb: 'http://127.0.0.1:4030' }, config, env),
  );
  assert.deepEqual(other.assumeRole[0]?.target.endpoint, {
    url: 'http://127.0.0.1:4003',
    source: 'AWS_ENDPOINT_URL_STS',
  });
  const none = await planProfile('deploy', sections, factoryEndpoints({}, '', {}));
  assert.deepEqual(none.assumeRole[0]?.target.endpoint, { url: undefined, source: "AWS's public endpoint" });
  await assert.rejects(
    planProfile('deploy', sections, factoryEndpoints({ sts: 'ftp://nope' }, '')),
    /endpoint override for sts \("ftp:\/\/nope"\) is not a valid http\(s\) URL/,
  );
});

test('without the setting, the default resolver reads AWS_ENDPOINT_URL_STS and the profile', async () => {
  const file = path.join(dir, 'config-default');
  writeFileSync(file, '[profile deploy]\nendpoint_url = http://127.0.0.1:4001\n');
  const resolve = configuredEndpoints({ AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') });
  assert.equal((await resolve(STS_SERVICE, 'deploy')).url, 'http://127.0.0.1:4001');
  assert.equal((await resolve(STS_SERVICE, 'other')).url, undefined);
});

test('web identity and SSO: their own profile endpoint; SSO and SSO OIDC must agree', async () => {
  const resolve = factoryEndpoints({ sts: 'http://127.0.0.1:4010', sso: 'http://127.0.0.1:4040' }, '');
  const web = await planProfile('overWeb', sections, resolve);
  assert.deepEqual(web.webIdentity, {
    profile: 'web',
    region: 'ap-south-1',
    endpoint: { url: 'http://127.0.0.1:4010', source: 'snapshotExplorer.endpoints["sts"]' },
  });
  await assert.rejects(
    planProfile('overSso', sections, resolve),
    /sso resolves to http:\/\/127\.0\.0\.1:4040.*sso-oidc to AWS's public endpoint/,
  );
  const legacy = await planProfile('legacySso', sections, resolve);
  assert.equal(legacy.sso?.endpoint.url, 'http://127.0.0.1:4040', 'a legacy SSO profile never refreshes through OIDC');
  const agreed = await planProfile('overSso', sections, factoryEndpoints({ '*': 'http://127.0.0.1:4050' }, ''));
  assert.deepEqual(innerClientOptions(agreed, fakeSts([]).calls, silentLogger).clientConfig, {
    endpoint: 'http://127.0.0.1:4050',
    ignoreConfiguredEndpointUrls: true,
  });
  assert.equal((await resolve(SSO_SERVICE, 'sso')).url, 'http://127.0.0.1:4040');
});

/** STS calls that record their target and hand out numbered credentials. */
function fakeSts(seen: Array<{ target: InnerTarget; role: string; source?: string; code?: string }>) {
  let n = 0;
  const calls: StsCalls = {
    assumeRole: async (target, source, params) => {
      seen.push({
        target,
        role: params.RoleArn,
        source: source.accessKeyId,
        ...(params.TokenCode ? { code: params.TokenCode } : {}),
      });
      n += 1;
      return { accessKeyId: `ASIA${n}`, secretAccessKey: `s${n}`, sessionToken: `t${n}` };
    },
    assumeRoleWithWebIdentity: async (target, params) => {
      seen.push({ target, role: params.RoleArn, source: params.WebIdentityToken });
      n += 1;
      return { accessKeyId: `ASIA${n}`, secretAccessKey: `s${n}`, sessionToken: `t${n}` };
    },
  };
  return { calls };
}

test('the real fromIni calls each step with the target of its profile, the MFA code asked once', async () => {
  const token = path.join(dir, 'token');
  writeFileSync(token, 'web-token');
  const config = path.join(dir, 'config-ini');
  const credentials = path.join(dir, 'credentials-ini');
  writeFileSync(credentials, '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n');
  writeFileSync(
    config,
    [
      '[profile deploy]',
      `role_arn = ${ROLE('210987654321', 'deploy')}`,
      'source_profile = base',
      'region = eu-central-1',
      'endpoint_url = http://127.0.0.1:4001',
      '[profile same]',
      `role_arn = ${ROLE('210987654321', 'deploy')}`,
      'source_profile = deploy',
      'mfa_serial = arn:aws:iam::123456789012:mfa/demo',
      'endpoint_url = http://127.0.0.1:4002',
      '[profile web]',
      `role_arn = ${ROLE('210987654321', 'web')}`,
      `web_identity_token_file = ${token}`,
      'endpoint_url = http://127.0.0.1:4003',
    ].join('\n'),
  );
  const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
  const files = { filepath: credentials, configFilepath: config, ignoreCache: true };
  const { logger, lines } = recordingLogger();
  const parsed = await loadSharedConfigFiles(files);
  const profiles = mergeProfileFiles(parsed.configFile, parsed.credentialsFile);

  const seen: Parameters<typeof fakeSts>[0] = [];
  const asked: string[] = [];
  const plan = await planProfile('same', profiles, configuredEndpoints(env));
  const identity: AwsCredentialIdentity = await fromIni({
    profile: 'same',
    ...files,
    mfaCodeProvider: async (serial) => {
      asked.push(serial);
      return '123456';
    },
    ...innerClientOptions(plan, fakeSts(seen).calls, logger),
  })();
  assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/demo']);
  assert.deepEqual(
    seen.map((s) => ({
      profile: s.target.profile,
      url: s.target.endpoint.url,
      region: s.target.region,
      source: s.source,
      code: s.code,
    })),
    [
      { profile: 'deploy', url: 'http://127.0.0.1:4001', region: 'eu-central-1', source: 'AKIABASE', code: undefined },
      { profile: 'same', url: 'http://127.0.0.1:4002', region: 'us-east-1', source: 'ASIA1', code: '123456' },
    ],
    'the same role twice: told apart by the credentials each step hands the next',
  );
  assert.equal(identity.accessKeyId, 'ASIA2');
  assert.equal(identity.accountId, '210987654321', 'the account of the assumed role');
  assert.ok(
    lines.includes(
      `debug Created sts client for profile "deploy" in eu-central-1: endpoint http://127.0.0.1:4001 (the endpoint_url of profile "deploy")`,
    ),
    lines.join('\n'),
  );

  const webSeen: Parameters<typeof fakeSts>[0] = [];
  const webPlan = await planProfile('web', profiles, configuredEndpoints(env));
  const web = await fromIni({
    profile: 'web',
    ...files,
    ...innerClientOptions(webPlan, fakeSts(webSeen).calls, logger),
  })();
  assert.equal(web.accessKeyId, 'ASIA1');
  assert.deepEqual(
    webSeen.map((s) => ({ profile: s.target.profile, url: s.target.endpoint.url, token: s.source })),
    [{ profile: 'web', url: 'http://127.0.0.1:4003', token: 'web-token' }],
  );
});

test('a call for a role no profile of the plan names is refused, not sent somewhere', async () => {
  const seen: Parameters<typeof fakeSts>[0] = [];
  const plan = await planProfile('deploy', sections, async () => ({ url: 'http://127.0.0.1:4001', source: 'test' }));
  const options = innerClientOptions(plan, fakeSts(seen).calls, silentLogger);
  await assert.rejects(
    options.roleAssumer(
      { accessKeyId: 'a', secretAccessKey: 'b' },
      { RoleArn: ROLE('1', 'other'), RoleSessionName: 's' },
    ),
    /no profile of the chain names/,
  );
  await assert.rejects(
    options.roleAssumerWithWebIdentity({ RoleArn: ROLE('1', 'web'), RoleSessionName: 's', WebIdentityToken: 't' }),
    /which no profile names/,
  );
  assert.equal(seen.length, 0);
});
