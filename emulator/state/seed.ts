/**
 * The data file (format in emulator/README.md): reading it, and building the account from it. The file's sections are
 * generic here; each service reads its own members of them (`ServiceData`), in the registry's order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BulkSpec } from './bulk';
import { type AccountState, emptyAccount, type RegionState, regionState } from './types';

/** One region of the data file: lists of rows, each list read by the service that owns it. */
export type SeedRegion = Readonly<Record<string, unknown>>;

export interface SeedFile {
  accountId?: string;
  /** Per-service limits by name; each service reads its own, with its default. */
  quotas?: Readonly<Record<string, unknown>>;
  regions: Readonly<Record<string, SeedRegion>>;
  generate?: readonly BulkSpec[];
  /** Other accounts' own data, by 12-digit account id (the quotas are the file's). */
  accounts?: Readonly<Record<string, SeedAccount>>;
}

/** One more account of the data file: its regions' rows and bulk sections, as the default account's. */
export interface SeedAccount {
  regions: Readonly<Record<string, SeedRegion>>;
  generate?: readonly BulkSpec[];
}

/** Where a service puts what it reads: one region's state, with the account and the seeding clock. */
export interface SeedTarget {
  region: string;
  state: RegionState;
  account: AccountState;
  /** When the data was loaded (epoch ms): in-progress snapshots start then. */
  loadedAt: number;
  /** How long a snapshot takes (ms). */
  snapshotMs: number;
}

/** A service's part of the data file and of the health summary. Every member is optional. */
export interface ServiceData {
  /** Account-wide members (its quotas), read once before the regions. */
  seedAccount?(file: SeedFile, account: AccountState): void;
  /** Its lists of one region, rows in file order. Throws on a bad row. */
  seedRegion?(rows: SeedRegion, target: SeedTarget): void;
  /** Its share of one `generate` entry, after every region is read. */
  generate?(spec: BulkSpec, target: SeedTarget): void;
  /** Members it adds to GET /_emulator/health (e.g. a count). */
  health?(account: AccountState): Record<string, unknown>;
}

export const DEFAULT_DATA_FILE = path.join(import.meta.dirname, '..', 'data', 'demo.json');
export const DEFAULT_ACCOUNT_ID = '123456789012';

export function readSeedFile(file: string = DEFAULT_DATA_FILE): SeedFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SeedFile;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.regions !== 'object') {
    throw new Error(`${file}: expected an object with a "regions" member`);
  }
  for (const [id, account] of Object.entries(parsed.accounts ?? {})) {
    if (!/^\d{12}$/.test(id)) throw new Error(`${file}: the account id "${id}" is not 12 digits`);
    if (typeof account !== 'object' || account === null || typeof account.regions !== 'object') {
      throw new Error(`${file}: expected accounts["${id}"] to be an object with a "regions" member`);
    }
  }
  return parsed;
}

/** A quota from the data file, else `fallback`. */
export function quotaOf(file: SeedFile, name: string, fallback: number): number {
  const v = file.quotas?.[name];
  return typeof v === 'number' ? v : fallback;
}

/** The data file's part for another account: its own regions and bulk sections, the file's quotas. */
export function accountSeed(file: SeedFile, accountId: string): SeedFile {
  const own = file.accounts?.[accountId];
  return { accountId, quotas: file.quotas, regions: own?.regions ?? {}, generate: own?.generate };
}

/**
 * Builds the account state from a data file: each service reads its account-wide members, then its lists of every
 * region, then its share of every bulk section.
 */
export function buildAccount(
  file: SeedFile,
  services: readonly { readonly data?: ServiceData }[],
  loadedAt: number,
  snapshotMs: number,
): AccountState {
  const account = emptyAccount(file.accountId ?? DEFAULT_ACCOUNT_ID);
  const target = (region: string): SeedTarget => ({
    region,
    state: regionState(account, region),
    account,
    loadedAt,
    snapshotMs,
  });
  for (const service of services) service.data?.seedAccount?.(file, account);
  for (const [region, rows] of Object.entries(file.regions)) {
    const into = target(region);
    for (const service of services) service.data?.seedRegion?.(rows, into);
  }
  for (const spec of file.generate ?? []) {
    const into = target(spec.region);
    for (const service of services) service.data?.generate?.(spec, into);
  }
  return account;
}
