import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  coveredProfiles,
  discoverSsoSessions,
  legacySessionName,
  ssoSessionsOf,
} from '../../../../src/aws/sso/ssoConfig';

const CONFIG = `
[default]
region = eu-west-1

[profile prod-admin]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = AdministratorAccess

[profile a-prod-admin-too]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = AdministratorAccess

[profile staging-ro]
sso_session = corp
sso_account_id = 210987654321
sso_role_name = ReadOnlyAccess

[profile corp-no-role]
sso_session = corp

[profile old-style]
sso_start_url = https://my-company.awsapps.com/start
sso_region = eu-central-1
sso_account_id = 333333333333
sso_role_name = PowerUserAccess

[profile old-style-2]
sso_start_url = https://my-company.awsapps.com/start
sso_account_id = 444444444444
sso_role_name = ReadOnlyAccess

[profile other-portal]
sso_start_url = https://corp.awsapps.com/start#/
sso_account_id = 555555555555
sso_role_name = ReadOnlyAccess

[profile static]
aws_access_key_id = AKIAEXAMPLEEXAMPLE12
aws_secret_access_key = secret

[sso-session corp]
sso_start_url = https://emulator-demo.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access, codewhisperer:completions

[sso-session no-region]
sso_start_url = https://x.awsapps.com/start

[sso-session empty]
`;

async function withConfig(text: string, run: (env: Record<string, string>) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sso-config-'));
  try {
    await writeFile(path.join(dir, 'config'), text);
    await run({
      HOME: dir,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('discoverSsoSessions lists every [sso-session] and one session per legacy start URL', async () => {
  await withConfig(CONFIG, async (env) => {
    const sessions = await discoverSsoSessions(env);
    assert.deepEqual(
      sessions.map((s) => [s.name, s.legacy, s.cacheKey]),
      [
        ['corp', false, 'corp'],
        ['empty', false, 'empty'],
        ['no-region', false, 'no-region'],
        ['my-company', true, 'https://my-company.awsapps.com/start'],
        // "corp" is taken by the [sso-session corp]: the legacy portal of the same first label gets a suffix.
        ['corp-2', true, 'https://corp.awsapps.com/start#/'],
      ],
    );
    const corp = sessions[0];
    assert.equal(corp?.startUrl, 'https://emulator-demo.awsapps.com/start');
    assert.equal(corp?.region, 'us-east-1');
    assert.deepEqual(corp?.scopes, ['sso:account:access', 'codewhisperer:completions']);
    assert.equal(corp?.error, undefined);
    assert.deepEqual(corp?.profiles, [
      { name: 'a-prod-admin-too', accountId: '123456789012', roleName: 'AdministratorAccess' },
      { name: 'corp-no-role' },
      { name: 'prod-admin', accountId: '123456789012', roleName: 'AdministratorAccess' },
      { name: 'staging-ro', accountId: '210987654321', roleName: 'ReadOnlyAccess' },
    ]);
    const legacy = sessions[3];
    assert.equal(legacy?.region, 'eu-central-1');
    assert.equal(legacy?.error, undefined);
    assert.deepEqual(
      legacy?.profiles.map((p) => p.name),
      ['old-style', 'old-style-2'],
    );
  });
});

test('sessions missing the start URL or the region carry an error sentence', async () => {
  await withConfig(CONFIG, async (env) => {
    const sessions = await discoverSsoSessions(env);
    const byName = new Map(sessions.map((s) => [s.name, s]));
    assert.equal(byName.get('no-region')?.error, 'The [sso-session no-region] section lacks sso_region.');
    assert.equal(byName.get('empty')?.error, 'The [sso-session empty] section lacks sso_start_url and sso_region.');
    assert.equal(byName.get('empty')?.startUrl, '');
    assert.equal(
      byName.get('corp-2')?.error,
      'No profile with sso_start_url https://corp.awsapps.com/start#/ names its sso_region.',
    );
  });
});

test('no config file: no sessions, no throw', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sso-config-'));
  try {
    assert.deepEqual(await discoverSsoSessions({ HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'missing') }), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('legacySessionName takes the first label of the host', () => {
  assert.equal(legacySessionName('https://my-company.awsapps.com/start'), 'my-company');
  assert.equal(legacySessionName('https://d-90670ca891.awsapps.com/start/#/'), 'd-90670ca891');
  assert.equal(legacySessionName('not a url'), 'not a url');
});

test('coveredProfiles maps each (session, account, role) to one hand-written profile, the first by name', async () => {
  await withConfig(CONFIG, async (env) => {
    const covered = coveredProfiles(await discoverSsoSessions(env));
    assert.deepEqual(Object.fromEntries(covered), {
      'sso:corp/123456789012/AdministratorAccess': 'a-prod-admin-too',
      'sso:corp/210987654321/ReadOnlyAccess': 'staging-ro',
      'sso:my-company/333333333333/PowerUserAccess': 'old-style',
      'sso:my-company/444444444444/ReadOnlyAccess': 'old-style-2',
      'sso:corp-2/555555555555/ReadOnlyAccess': 'other-portal',
    });
  });
});

test('ssoSessionsOf ignores [services] sections and profiles of other sessions', () => {
  const sessions = ssoSessionsOf({
    'services.local': { docdb: 'x' },
    'sso-session.team/dev': { sso_start_url: 'https://t.awsapps.com/start', sso_region: 'eu-west-1' },
    dev: { sso_session: 'team/dev', sso_account_id: '123456789012', sso_role_name: 'Dev' },
    other: { sso_session: 'missing', sso_account_id: '123456789012', sso_role_name: 'Dev' },
  });
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0]?.name, 'team/dev');
  assert.deepEqual(
    sessions[0]?.profiles.map((p) => p.name),
    ['dev'],
  );
});
