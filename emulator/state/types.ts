/** In-memory state of one emulated AWS account: its regions' slices and its account-wide slices, by service. */
import { SliceStore } from './slices';

/** The slices of one region; each service reads its own through its typed accessor. */
export type RegionState = SliceStore<'region'>;

export interface AccountState {
  accountId: string;
  /** Every region that has been seeded or called, in that order (GET /_emulator/health lists them). */
  regions: Map<string, RegionState>;
  /** Account-wide slices (global names, quotas from the data file). */
  shared: SliceStore<'account'>;
}

export function emptyAccount(accountId: string): AccountState {
  return { accountId, regions: new Map(), shared: new SliceStore('account') };
}

/** The region's state, created empty on first use (every region exists; most are empty). */
export function regionState(account: AccountState, region: string): RegionState {
  let state = account.regions.get(region);
  if (!state) {
    state = new SliceStore('region');
    account.regions.set(region, state);
  }
  return state;
}
