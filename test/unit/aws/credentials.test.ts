import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import {
  createCredentialSource,
  DEFAULT_REFRESH_MARGIN_MS,
  defaultProviderFactory,
} from '../../../src/aws/credentials';
import { silentLogger } from '../../../src/log';

/** A fake provider factory: counts creations and resolutions, and lets the test release resolutions. */
function fakeFactory(identity: (call: number) => AwsCredentialIdentity) {
  const counts = { created: 0, resolved: 0 };
  const gates: Array<() => void> = [];
  let gated = false;
  const createProvider = async (profile: string): Promise<AwsCredentialIdentityProvider> => {
    counts.created += 1;
    return async () => {
      counts.resolved += 1;
      const call = counts.resolved;
      if (gated) await new Promise<void>((resolve) => gates.push(resolve));
      if (profile === 'broken')
        throw Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' });
      return identity(call);
    };
  };
  return {
    counts,
    createProvider,
    gate: () => (gated = true),
    release: () => gates.splice(0).forEach((open) => open()),
    waiting: () => gates.length,
  };
}

const key = (n: number, expiration?: Date): AwsCredentialIdentity => ({
  accessKeyId: `AKIA${n}`,
  secretAccessKey: `secret-${n}`,
  ...(expiration ? { expiration } : {}),
});

test('credentials resolve on first use only, then come from the cache', async () => {
  const fake = fakeFactory((n) => key(n));
  const source = createCredentialSource({ env: {}, logger: silentLogger, createProvider: fake.createProvider });
  assert.equal(fake.counts.created, 0, 'nothing is built before the first use');
  const provider = source.provider('dev');
  assert.equal(fake.counts.created, 0, 'asking for a provider does not resolve it');
  assert.equal((await provider()).accessKeyId, 'AKIA1');
  assert.equal((await provider()).accessKeyId, 'AKIA1');
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA1', 'a second provider shares the cache');
  assert.deepEqual(fake.counts, { created: 1, resolved: 1 });
  assert.equal((await source.provider('other')()).accessKeyId, 'AKIA2', 'each profile has its own');
});

test('concurrent first calls share one resolution', async () => {
  const fake = fakeFactory((n) => key(n));
  fake.gate();
  const source = createCredentialSource({ env: {}, logger: silentLogger, createProvider: fake.createProvider });
  const calls = [source.provider('dev')(), source.provider('dev')(), source.provider('dev')()];
  while (fake.waiting() === 0) await new Promise((resolve) => setImmediate(resolve));
  fake.release();
  const results = await Promise.all(calls);
  assert.equal(fake.counts.resolved, 1);
  assert.ok(results.every((r) => r === results[0]));
});

test('expiring credentials are refreshed once within the margin before expiry', async () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const expiresAt = new Date(now + 15 * 60_000);
  const fake = fakeFactory((n) => key(n, n === 1 ? expiresAt : new Date(now + 60 * 60_000)));
  const source = createCredentialSource({
    env: {},
    logger: silentLogger,
    createProvider: fake.createProvider,
    now: () => now,
  });
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA1');
  now = expiresAt.getTime() - DEFAULT_REFRESH_MARGIN_MS - 1;
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA1', 'still fresh just before the margin');
  now = expiresAt.getTime() - DEFAULT_REFRESH_MARGIN_MS + 1;
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA2', 'refreshed inside the margin');
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA2');
  assert.equal(fake.counts.resolved, 2);
  assert.equal(fake.counts.created, 1, 'the underlying provider is reused for the refresh');
});

test('failures are not cached, forceRefresh and forget() resolve again', async () => {
  const fake = fakeFactory((n) => key(n));
  const source = createCredentialSource({ env: {}, logger: silentLogger, createProvider: fake.createProvider });
  await assert.rejects(source.provider('broken')(), /Could not load credentials/);
  await assert.rejects(source.provider('broken')(), /Could not load credentials/);
  assert.equal(fake.counts.created, 2, 'a failed profile gets a new provider next time');
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA3');
  assert.equal((await source.provider('dev')({ forceRefresh: true })).accessKeyId, 'AKIA4');
  source.forget('dev');
  assert.equal((await source.provider('dev')()).accessKeyId, 'AKIA5');
  const other = await source.provider('other')();
  source.forget();
  assert.notEqual((await source.provider('other')()).accessKeyId, other.accessKeyId);
});

test('the real SDK provider reads the files named by the env passed in, without touching process.env', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'creds-'));
  const before = JSON.stringify(process.env);
  try {
    await writeFile(
      path.join(dir, 'credentials'),
      '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    );
    await writeFile(
      path.join(dir, 'config'),
      [
        '[profile dev]',
        'region = eu-west-1',
        '[profile mfa-role]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        'source_profile = dev',
        'mfa_serial = arn:aws:iam::123456789012:mfa/ana',
      ].join('\n'),
    );
    const asked: string[] = [];
    const source = createCredentialSource({
      env: {
        HOME: dir,
        AWS_CONFIG_FILE: path.join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      },
      logger: silentLogger,
      mfaCodeProvider: async (serial) => {
        asked.push(serial);
        throw new Error('MFA prompt dismissed');
      },
    });
    const identity = await source.provider('dev')();
    assert.equal(identity.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
    assert.equal(identity.secretAccessKey, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await assert.rejects(source.provider('mfa-role')(), /MFA prompt dismissed/);
    assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/ana'], 'the MFA callback is asked for the device');
    await assert.rejects(source.provider('missing')(), (e: Error) => e.name === 'CredentialsProviderError');
    assert.equal(JSON.stringify(process.env), before, 'process.env is unchanged');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('@env uses the environment credentials provider', async () => {
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTEXMPL';
  process.env.AWS_SECRET_ACCESS_KEY = 'env-secret';
  try {
    const source = createCredentialSource({ env: process.env, logger: silentLogger });
    const identity = await source.provider('@env')();
    assert.equal(identity.accessKeyId, 'AKIAENVIRONMENTEXMPL');
  } finally {
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  }
});

test('a factory of its own serves some names and hands the others to the default factory', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'creds-wrap-'));
  try {
    await writeFile(
      path.join(dir, 'credentials'),
      '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    );
    const options = {
      env: {
        HOME: dir,
        AWS_CONFIG_FILE: path.join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      },
      logger: silentLogger,
      endpoints: async () => ({ url: 'http://127.0.0.1:9', source: 'test' }),
    };
    const fallback = defaultProviderFactory(options);
    const served: string[] = [];
    const source = createCredentialSource({
      ...options,
      createProvider: (profile) => {
        if (!profile.startsWith('sso:')) return fallback(profile);
        served.push(profile);
        return Promise.resolve(async () => key(7));
      },
    });
    assert.equal((await source.provider('sso:corp/123456789012/Admin')()).accessKeyId, 'AKIA7');
    assert.equal((await source.provider('dev')()).accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
    assert.deepEqual(served, ['sso:corp/123456789012/Admin']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
