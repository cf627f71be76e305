/**
 * Every emulated account's state, by account id: the default account and the data file's other accounts, seeded
 * when the emulator starts (or resets), and any other account (one an issued credential names) empty, with the data
 * file's quotas, on first use.
 */
import { accountSeed, buildAccount, DEFAULT_ACCOUNT_ID, type SeedFile, type ServiceData } from './seed';
import { type AccountState } from './types';

export class AccountStates {
  private readonly byId = new Map<string, AccountState>();
  readonly defaultAccountId: string;

  constructor(
    private readonly file: SeedFile,
    private readonly services: readonly { readonly data?: ServiceData }[],
    private readonly loadedAt: number,
    private readonly snapshotMs: number,
  ) {
    this.defaultAccountId = file.accountId ?? DEFAULT_ACCOUNT_ID;
    this.byId.set(this.defaultAccountId, buildAccount(file, services, loadedAt, snapshotMs));
    for (const id of Object.keys(file.accounts ?? {})) {
      if (id !== this.defaultAccountId) this.get(id);
    }
  }

  /** The account's state, built from its part of the data file (empty without one) on first use. */
  get(accountId: string): AccountState {
    let account = this.byId.get(accountId);
    if (!account) {
      account = buildAccount(accountSeed(this.file, accountId), this.services, this.loadedAt, this.snapshotMs);
      this.byId.set(accountId, account);
    }
    return account;
  }

  /** The default account (the demo access keys'). */
  get default(): AccountState {
    return this.get(this.defaultAccountId);
  }

  /** The accounts that have state, the default first. */
  all(): AccountState[] {
    return [...this.byId.values()];
  }
}
