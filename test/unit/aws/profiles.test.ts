import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverProfiles, ENVIRONMENT_PROFILE, type ProfileInfo } from '../../../src/aws/profiles';

const CONFIG = `
[default]
region = eu-west-1

[profile static-only]
region = us-west-2

[profile role-from-profile]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = static-only
mfa_serial = arn:aws:iam::123456789012:mfa/ana

[profile role-from-env]
role_arn = arn:aws:iam::123456789012:role/Reader
credential_source = Environment

[profile sso-new]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = ap-southeast-2

[profile sso-legacy]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = ReadOnly

[profile proc]
credential_process = /usr/local/bin/get-creds --profile proc

[profile webid]
role_arn = arn:aws:iam::123456789012:role/Ci
web_identity_token_file = /var/run/token

[profile only-region]
region = us-east-2

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[services local]
s3 =
  endpoint_url = http://127.0.0.1:4566
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[static-only]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

async function withFiles(
  files: { config?: string; credentials?: string },
  run: (dir: string, env: Record<string, string>) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'profiles-'));
  try {
    await mkdir(path.join(dir, '.aws'));
    if (files.config !== undefined) await writeFile(path.join(dir, '.aws', 'config'), files.config);
    if (files.credentials !== undefined) await writeFile(path.join(dir, '.aws', 'credentials'), files.credentials);
    await run(dir, { HOME: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function byName(profiles: ProfileInfo[]): Map<string, ProfileInfo> {
  return new Map(profiles.map((p) => [p.name, p]));
}

test('every kind of profile is found and classified, merging config and credentials', async () => {
  await withFiles({ config: CONFIG, credentials: CREDENTIALS }, async (_dir, env) => {
    const profiles = byName(await discoverProfiles(env));
    assert.deepEqual(profiles.get('default'), {
      name: 'default',
      kind: 'static',
      region: 'eu-west-1',
      sources: ['config', 'credentials'],
    });
    assert.equal(profiles.get('static-only')?.kind, 'static');
    assert.deepEqual(profiles.get('role-from-profile'), {
      name: 'role-from-profile',
      kind: 'assume-role',
      sources: ['config'],
      roleArn: 'arn:aws:iam::123456789012:role/Admin',
      sourceProfile: 'static-only',
    });
    assert.equal(profiles.get('role-from-env')?.kind, 'assume-role');
    assert.equal(profiles.get('role-from-env')?.error, undefined);
    assert.deepEqual(profiles.get('sso-new'), {
      name: 'sso-new',
      kind: 'sso',
      region: 'ap-southeast-2',
      sources: ['config'],
      ssoSession: 'corp',
    });
    assert.equal(profiles.get('sso-legacy')?.kind, 'sso');
    assert.equal(profiles.get('sso-legacy')?.error, undefined);
    assert.equal(profiles.get('proc')?.kind, 'process');
    assert.equal(profiles.get('webid')?.kind, 'web-identity');
    assert.equal(profiles.get('only-region')?.kind, 'unknown');
    assert.match(profiles.get('only-region')?.error ?? '', /defines no credentials/);
    assert.ok(!profiles.has('corp') && !profiles.has('sso-session.corp'), 'sso-session sections are not profiles');
    assert.ok(![...profiles.keys()].some((n) => n.startsWith('services')), 'services sections are not profiles');
  });
});

test('profiles are sorted: @env first, then default, then by name', async () => {
  await withFiles({ config: CONFIG, credentials: CREDENTIALS }, async (_dir, env) => {
    const names = (
      await discoverProfiles({ ...env, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'secret' })
    ).map((p) => p.name);
    assert.deepEqual(names, [
      ENVIRONMENT_PROFILE,
      'default',
      'only-region',
      'proc',
      'role-from-env',
      'role-from-profile',
      'sso-legacy',
      'sso-new',
      'static-only',
      'webid',
    ]);
  });
});

test('environment credentials appear as @env with the region of AWS_REGION, else AWS_DEFAULT_REGION', async () => {
  await withFiles({}, async (_dir, env) => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' };
    assert.deepEqual(await discoverProfiles({ ...env, ...keys, AWS_DEFAULT_REGION: 'eu-central-1' }), [
      { name: '@env', kind: 'env', region: 'eu-central-1', sources: ['environment'] },
    ]);
    const [withRegion] = await discoverProfiles({ ...env, ...keys, AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'x' });
    assert.equal(withRegion?.region, 'us-west-1');
    assert.deepEqual(await discoverProfiles(env), [], 'no files and no environment keys: no profiles');
    const [half] = await discoverProfiles({ ...env, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' });
    assert.match(half?.error ?? '', /AWS_SECRET_ACCESS_KEY is missing/);
  });
});

test('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE replace the default files', async () => {
  await withFiles({ config: CONFIG, credentials: CREDENTIALS }, async (dir, env) => {
    await writeFile(path.join(dir, 'alt-config'), '[profile alt]\nregion = sa-east-1\ncredential_process = x\n');
    await writeFile(path.join(dir, 'alt-creds'), '[creds-only]\naws_access_key_id = A\naws_secret_access_key = B\n');
    const profiles = await discoverProfiles({
      ...env,
      AWS_CONFIG_FILE: path.join(dir, 'alt-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'alt-creds'),
    });
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.region, p.sources.join('+')]),
      [
        ['alt', 'process', 'sa-east-1', 'config'],
        ['creds-only', 'static', undefined, 'credentials'],
      ],
    );
  });
});

test('files are re-read on every call (no cached state across calls)', async () => {
  await withFiles({ config: '[profile a]\ncredential_process = x\n' }, async (dir, env) => {
    assert.deepEqual(
      (await discoverProfiles(env)).map((p) => p.name),
      ['a'],
    );
    await writeFile(path.join(dir, '.aws', 'config'), '[profile b]\ncredential_process = x\n');
    assert.deepEqual(
      (await discoverProfiles(env)).map((p) => p.name),
      ['b'],
    );
  });
});

test('a source_profile cycle is an error on the profile, not a throw', async () => {
  const config = `
[profile a]
role_arn = arn:aws:iam::123456789012:role/A
source_profile = b
[profile b]
role_arn = arn:aws:iam::123456789012:role/B
source_profile = a
[profile self]
role_arn = arn:aws:iam::123456789012:role/S
source_profile = self
[profile self-with-keys]
role_arn = arn:aws:iam::123456789012:role/S
source_profile = self-with-keys
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;
  await withFiles({ config }, async (_dir, env) => {
    const profiles = byName(await discoverProfiles(env));
    assert.equal(profiles.get('a')?.error, 'Profile "a" has a source_profile cycle: a → b → a.');
    assert.equal(profiles.get('b')?.error, 'Profile "b" has a source_profile cycle: b → a → b.');
    assert.match(profiles.get('self')?.error ?? '', /cycle: self → self/);
    assert.equal(profiles.get('self-with-keys')?.error, undefined, 'a role whose source is itself with keys works');
  });
});

test('a missing source profile, a bad credential_source and an incomplete SSO setup are errors', async () => {
  const config = `
[profile orphan]
role_arn = arn:aws:iam::123456789012:role/A
source_profile = nowhere
[profile bad-source]
role_arn = arn:aws:iam::123456789012:role/A
credential_source = Laptop
[profile sso-missing-session]
sso_session = gone
sso_account_id = 123456789012
sso_role_name = R
[profile sso-incomplete]
sso_start_url = https://corp.awsapps.com/start
sso_account_id = 123456789012
`;
  await withFiles({ config }, async (_dir, env) => {
    const profiles = byName(await discoverProfiles(env));
    assert.equal(
      profiles.get('orphan')?.error,
      'Profile "orphan" names source_profile "nowhere", which is not defined in the config or credentials file.',
    );
    assert.match(profiles.get('bad-source')?.error ?? '', /credential_source "Laptop"; it must be one of/);
    assert.match(profiles.get('sso-missing-session')?.error ?? '', /no \[sso-session gone\] section/);
    assert.equal(
      profiles.get('sso-incomplete')?.error,
      'Profile "sso-incomplete" is an SSO profile but lacks sso_region, sso_role_name.',
    );
  });
});

test('a malformed file yields a clear error on the affected profile and no throw', async () => {
  const config = `[profile good]
credential_process = x

[profile broken
region = us-east-1

[profile typo]
credential_process = y
this line has no equals sign
`;
  await withFiles({ config }, async (dir, env) => {
    const profiles = byName(await discoverProfiles(env));
    const file = path.join(dir, '.aws', 'config');
    assert.equal(
      profiles.get('broken')?.error,
      `The AWS config file ${file} is malformed at line 4: the section header [profile broken has no closing "]".`,
    );
    assert.equal(profiles.get('broken')?.kind, 'unknown');
    assert.match(profiles.get('good')?.error ?? '', /The settings after that line are read into profile "good"/);
    assert.equal(
      profiles.get('typo')?.error,
      `The AWS config file ${file} is malformed at line 9: the line is not a "name = value" setting.`,
    );
  });
});

test('an unreadable or forbidden file is reported on its profiles, or as its own entry', async () => {
  await withFiles({ credentials: CREDENTIALS }, async (dir, env) => {
    await mkdir(path.join(dir, '.aws', 'config'));
    const profiles = await discoverProfiles(env);
    const configPath = path.join(dir, '.aws', 'config');
    const entry = profiles.find((p) => p.name === configPath);
    assert.match(entry?.error ?? '', /cannot be read \(EISDIR\)/);
    assert.equal(profiles.find((p) => p.name === 'default')?.error, undefined);
  });
  await withFiles(
    { credentials: '[default]\naws_access_key_id = A\naws_secret_access_key = B\n[__proto__]\nx = 1\n' },
    async (dir, env) => {
      const profiles = await discoverProfiles(env);
      assert.equal(profiles.length, 1);
      assert.equal(profiles[0]?.name, path.join(dir, '.aws', 'credentials'));
      assert.match(profiles[0]?.error ?? '', /\[__proto__\] is not allowed, so the whole file is ignored/);
    },
  );
});

test('error messages never quote a malformed line (it may hold a secret)', async () => {
  const credentials =
    '[leaky]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n';
  await withFiles({ credentials }, async (_dir, env) => {
    const [leaky] = await discoverProfiles(env);
    assert.match(leaky?.error ?? '', /line 3: the line is not a "name = value" setting/);
    assert.ok(!leaky?.error?.includes('je7MtGbClwBF'));
  });
});
