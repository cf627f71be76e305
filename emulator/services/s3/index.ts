/** Amazon S3 as the emulator serves it (rest-xml): the buckets SimSpace Weaver snapshots are written to, their objects. */
import { ApiError } from '../../protocols/types';
import { restXmlProtocol } from '../../protocols/restXml';
import { s3AuthErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { s3ObjectOperations } from './objects';
import { s3Operations } from './operations';
import { s3Data } from './seed';

export const s3: EmulatedService = {
  id: 's3',
  modelFolder: 's3',
  // The REST fallback: an unsigned request that no other REST service claims is S3's (any path can be a bucket).
  routing: { signingName: 's3' },
  data: s3Data,
  build: (model) => ({
    protocol: restXmlProtocol(model, {
      namespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
      // The model leaves it unnamed; S3 keeps it in its docs only.
      rootElements: { ListBuckets: 'ListAllMyBucketsResult' },
      virtualHost: /^(.+?)\.(?:localhost|s3[.-].*)$/,
    }),
    uriEscapePath: false, // S3's signer does not double-encode the path
    errors: {
      ...s3AuthErrors(),
      validation: (issues) => new ApiError('InvalidArgument', 400, issues.map((i) => i.message).join('; ')),
      throttling: () => new ApiError('SlowDown', 503, 'Please reduce your request rate.'),
      internal: () => new ApiError('InternalError', 500, 'We encountered an internal error. Please try again.'),
    },
    operations: { ...s3Operations, ...s3ObjectOperations },
  }),
};
