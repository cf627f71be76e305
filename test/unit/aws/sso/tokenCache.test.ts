import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliDate, createTokenCache, parseCacheDate, type SsoTokenRecord } from '../../../../src/aws/sso/tokenCache';

async function withHome(run: (home: string) => Promise<void>): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'sso-cache-'));
  try {
    await run(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** What `aws sso login` writes (botocore's JSONFileCache, dates by `%Y-%m-%dT%H:%M:%SZ`). */
const CLI_FILE = JSON.stringify({
  startUrl: 'https://emulator-demo.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaAAAAAGEXAMPLE',
  expiresAt: '2026-12-07T10:00:00Z',
  clientId: 'client-id-1',
  clientSecret: 'client-secret-1',
  registrationExpiresAt: '2027-03-07T09:00:00Z',
  refreshToken: 'aorAAAAAGEXAMPLE',
});

test('the file is named by the sha1 hex of the session name (legacy: of the start URL)', async () => {
  await withHome(async (home) => {
    const cache = createTokenCache(home);
    assert.equal(
      cache.path('corp'),
      path.join(home, '.aws', 'sso', 'cache', 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
    );
    assert.equal(
      cache.path('https://my-company.awsapps.com/start'),
      path.join(home, '.aws', 'sso', 'cache', '35f228781c9024add6336344d41b32f229e7df9f.json'),
    );
  });
});

test('a file written the AWS CLI way is read', async () => {
  await withHome(async (home) => {
    const cache = createTokenCache(home);
    await mkdir(path.dirname(cache.path('corp')), { recursive: true });
    await writeFile(cache.path('corp'), CLI_FILE);
    const record = await cache.read('corp');
    assert.deepEqual(record, JSON.parse(CLI_FILE));
    assert.equal(parseCacheDate(record?.expiresAt), Date.parse('2026-12-07T10:00:00Z'));
  });
});

test('dates are read with and without milliseconds, anything else is no date', () => {
  assert.equal(parseCacheDate('2026-12-07T10:00:00Z'), Date.UTC(2026, 11, 7, 10));
  assert.equal(parseCacheDate('2026-12-07T10:00:00.000Z'), Date.UTC(2026, 11, 7, 10));
  assert.equal(parseCacheDate('2026-12-07T10:00:00.5Z'), Date.UTC(2026, 11, 7, 10) + 500);
  assert.equal(parseCacheDate('2026-12-07T11:00:00+01:00'), Date.UTC(2026, 11, 7, 10));
  assert.equal(parseCacheDate('2026-12-07'), undefined);
  assert.equal(parseCacheDate('yesterday'), undefined);
  assert.equal(parseCacheDate(undefined), undefined);
  assert.equal(cliDate(Date.UTC(2026, 11, 7, 10, 0, 0, 999)), '2026-12-07T10:00:00Z');
});

test('a missing, garbled or incomplete file is no token, never a throw', async () => {
  await withHome(async (home) => {
    const cache = createTokenCache(home);
    assert.equal(await cache.read('corp'), undefined);
    await mkdir(path.dirname(cache.path('corp')), { recursive: true });
    for (const text of [
      '{not json',
      '[]',
      'null',
      JSON.stringify({ accessToken: 'x' }),
      JSON.stringify({ accessToken: 'x', expiresAt: 'soon' }),
      JSON.stringify({ accessToken: 7, expiresAt: '2026-12-07T10:00:00Z' }),
    ]) {
      await writeFile(cache.path('corp'), text);
      assert.equal(await cache.read('corp'), undefined, text);
    }
  });
});

test('write: folder 0700, file 0600, no temporary file left, read back; remove deletes it', async () => {
  await withHome(async (home) => {
    const cache = createTokenCache(home);
    const record: SsoTokenRecord = {
      startUrl: 'https://emulator-demo.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'token-1',
      expiresAt: '2026-12-07T18:00:00Z',
      refreshToken: 'refresh-1',
      clientId: 'id',
      clientSecret: 'secret',
      registrationExpiresAt: '2027-03-07T10:00:00Z',
    };
    const previous = process.umask(0o000);
    try {
      await cache.write('corp', record);
    } finally {
      process.umask(previous);
    }
    const folder = path.dirname(cache.path('corp'));
    assert.equal((await stat(folder)).mode & 0o777, 0o700);
    assert.equal((await stat(cache.path('corp'))).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(folder), [path.basename(cache.path('corp'))]);
    assert.deepEqual(JSON.parse(await readFile(cache.path('corp'), 'utf8')), record);
    assert.deepEqual(await cache.read('corp'), record);

    await cache.write('corp', { ...record, accessToken: 'token-2' });
    assert.equal((await cache.read('corp'))?.accessToken, 'token-2');
    assert.equal((await stat(cache.path('corp'))).mode & 0o777, 0o600);

    await cache.remove('corp');
    assert.equal(await cache.read('corp'), undefined);
    await cache.remove('corp');
  });
});

test('a failed write leaves the old file and no temporary file', async () => {
  await withHome(async (home) => {
    const real = createTokenCache(home);
    const record: SsoTokenRecord = {
      startUrl: 's',
      region: 'us-east-1',
      accessToken: 'old',
      expiresAt: '2026-12-07T18:00:00Z',
    };
    await real.write('corp', record);
    const fs = await import('node:fs/promises');
    const failing = createTokenCache(home, {
      ...fs,
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    });
    await assert.rejects(failing.write('corp', { ...record, accessToken: 'new' }), /disk full/);
    assert.equal((await real.read('corp'))?.accessToken, 'old');
    assert.deepEqual(await readdir(path.dirname(real.path('corp'))), [path.basename(real.path('corp'))]);
  });
});
