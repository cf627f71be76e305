import { validateBucketName } from '../../src/validation/index';
import { type ServiceModel } from '../model/types';
import { ApiError } from '../protocols/types';
import { restXmlProtocol } from '../protocols/restXml';
import { s3AuthErrors } from './authErrors';
import { pageOf } from './paging';
import { type ServiceDefinition } from './types';

/** S3: ListBuckets (global: every bucket of the account) and HeadBucket (200 in the bucket's region, 301 elsewhere). */
export function s3Service(model: ServiceModel): ServiceDefinition {
  return {
    id: 's3',
    signingName: 's3',
    model,
    protocol: restXmlProtocol(model, {
      namespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
      // The model leaves it unnamed; S3 keeps it in its docs only.
      rootElements: { ListBuckets: 'ListAllMyBucketsResult' },
      virtualHost: /^(.+?)\.(?:localhost|s3[.-].*)$/,
    }),
    uriEscapePath: false,
    errors: {
      ...s3AuthErrors(),
      validation: (issues) => new ApiError('InvalidArgument', 400, issues.map((i) => i.message).join('; ')),
      throttling: () => new ApiError('SlowDown', 503, 'Please reduce your request rate.'),
      internal: () => new ApiError('InternalError', 500, 'We encountered an internal error. Please try again.'),
    },
    operations: {
      ListBuckets(ctx, input) {
        const prefix = (input.Prefix as string | undefined) ?? '';
        const region = input.BucketRegion as string | undefined;
        const buckets = [...ctx.account.buckets.values()]
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
        const name = input.Bucket as string;
        if (validateBucketName(name).some((i) => i.severity === 'error')) {
          throw new ApiError('InvalidBucketName', 400, 'The specified bucket is not valid.');
        }
        const bucket = ctx.account.buckets.get(name);
        if (!bucket) throw new ApiError('NoSuchBucket', 404, 'The specified bucket does not exist');
        if (bucket.region !== ctx.region) {
          throw new ApiError(
            'PermanentRedirect',
            301,
            'The bucket is in another region.',
            {},
            { 'x-amz-bucket-region': bucket.region },
          );
        }
        return { BucketRegion: bucket.region, AccessPointAlias: false };
      },
    },
  };
}
