/** S3's operations: ListBuckets (global: every bucket of the account) and HeadBucket (200 in its region, 301 elsewhere). */
import { ApiError } from '../../protocols/types';
import { pageOf } from '../paging';
import { type Handler } from '../types';
import { bucketHere } from './objects';
import { bucketsOf } from './state';

export const s3Operations: Readonly<Record<string, Handler>> = {
  ListBuckets(ctx, input) {
    const prefix = (input.Prefix as string | undefined) ?? '';
    const region = input.BucketRegion as string | undefined;
    const buckets = [...bucketsOf(ctx.account).values()]
      .filter((b) => b.name.startsWith(prefix) && (region === undefined || b.region === region))
      .sort((a, b) => a.name.localeCompare(b.name));
    const max = (input.MaxBuckets as number | undefined) ?? 10_000;
    const result = pageOf(
      buckets,
      input.ContinuationToken as string | undefined,
      max,
      `buckets:${prefix}:${region ?? ''}`,
    );
    if (!result) throw new ApiError('InvalidArgument', 400, 'The continuation token provided is incorrect');
    return {
      Buckets: result.items.map((b) => ({
        Name: b.name,
        CreationDate: new Date(b.createTime),
        BucketRegion: b.region,
      })),
      Owner: { DisplayName: 'emulator', ID: `${ctx.account.accountId}emulatorcanonicalid` },
      ContinuationToken: result.next,
      Prefix: input.Prefix,
    };
  },
  HeadBucket(ctx, input) {
    // HEAD answers carry no body: the code, status and x-amz-bucket-region header are what a client sees.
    const bucket = bucketHere(ctx, input.Bucket as string);
    return { BucketRegion: bucket.region, AccessPointAlias: false };
  },
};
