/** S3's part of the data file: each region's `buckets`; health counts them. */
import { optionalStr, rowsOf, str, time } from '../../state/rows';
import { type ServiceData } from '../../state/seed';
import { bucketsOf } from './state';

export const s3Data: ServiceData = {
  seedRegion(rows, { region, account, loadedAt }) {
    const buckets = bucketsOf(account);
    for (const b of rowsOf(rows, 'buckets')) {
      const name = str(b, 'name');
      if (buckets.has(name)) throw new Error(`data file: bucket ${name} appears twice (bucket names are global)`);
      const kmsKeyId = optionalStr(b, 'kmsKeyId');
      buckets.set(name, {
        name,
        region,
        createTime: time(b, 'createTime', loadedAt),
        ...(kmsKeyId ? { kmsKeyId } : {}),
      });
    }
  },
  health: (account) => ({ buckets: bucketsOf(account).size }),
};
