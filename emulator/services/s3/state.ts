/** S3's state: the account's buckets. Bucket names are global, so the slice is account-wide; each bucket has a region. */
import { accountSlice } from '../../state/slices';
import { type AccountState } from '../../state/types';

export interface BucketRecord {
  name: string;
  region: string;
  createTime: number;
}

const BUCKETS = accountSlice('s3', () => new Map<string, BucketRecord>());

/** Every bucket of the account by name (other services read it too: SimSpace Weaver's snapshot destinations). */
export function bucketsOf(account: AccountState): Map<string, BucketRecord> {
  return account.shared.get(BUCKETS);
}
