// The SSO token cache the AWS CLI v2 and the SDKs share: `~/.aws/sso/cache/<sha1 hex of the key>.json`, the key being
// the session name (legacy sessions: the start URL). Reading never throws (a missing or garbled file is no token);
// writing goes to a temporary file in the same folder (0600, the folder 0700) that then replaces the old one.
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** One cache file's contents, in the AWS CLI's field names. */
export interface SsoTokenRecord {
  readonly startUrl: string;
  readonly region: string;
  readonly accessToken: string;
  /** ISO 8601; the CLI writes `2026-12-07T10:00:00Z`, the SDK's refresh `2026-12-07T10:00:00.000Z`. */
  readonly expiresAt: string;
  readonly refreshToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** ISO 8601: when the client registration (clientId, clientSecret) expires. */
  readonly registrationExpiresAt?: string;
}

/** The part of node:fs/promises the cache uses (tests may pass their own). */
export type CacheFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'rm' | 'mkdir' | 'chmod'>;

export interface TokenCache {
  /** The cache file of a key (a session name, or a legacy session's start URL). */
  path(key: string): string;
  read(key: string): Promise<SsoTokenRecord | undefined>;
  write(key: string, record: SsoTokenRecord): Promise<void>;
  /** Removes the file; no file is fine. */
  remove(key: string): Promise<void>;
}

/** A date the way the AWS CLI writes it: UTC, seconds, `Z` (`2026-12-07T10:00:00Z`). */
export function cliDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch ms of an ISO date with or without milliseconds; undefined when it is not one. */
export function parseCacheDate(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) {
    return undefined;
  }
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

const OPTIONAL_FIELDS = ['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'] as const;

/** The record of a parsed file; undefined unless it has an access token and a valid expiry. */
export function toTokenRecord(value: unknown): SsoTokenRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const field = data[key];
    return typeof field === 'string' && field !== '' ? field : undefined;
  };
  const accessToken = text('accessToken');
  const expiresAt = text('expiresAt');
  if (accessToken === undefined || parseCacheDate(expiresAt) === undefined || expiresAt === undefined) return undefined;
  const record: Record<string, string> = {
    startUrl: text('startUrl') ?? '',
    region: text('region') ?? '',
    accessToken,
    expiresAt,
  };
  for (const key of OPTIONAL_FIELDS) {
    const field = text(key);
    if (field !== undefined) record[key] = field;
  }
  return record as unknown as SsoTokenRecord;
}

export function createTokenCache(homeDir: string, fs: CacheFs = nodeFs): TokenCache {
  const folder = path.join(homeDir, '.aws', 'sso', 'cache');
  const fileOf = (key: string): string => path.join(folder, `${createHash('sha1').update(key).digest('hex')}.json`);
  return {
    path: fileOf,
    async read(key) {
      try {
        return toTokenRecord(JSON.parse(await fs.readFile(fileOf(key), 'utf8')));
      } catch {
        return undefined;
      }
    },
    async write(key, record) {
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const file = fileOf(key);
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await fs.writeFile(temp, JSON.stringify(record, null, 2), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
        // The mode of writeFile is filtered by the umask; the token file must never be readable by others.
        await fs.chmod(temp, 0o600);
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
