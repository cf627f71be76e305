/**
 * Amazon EC2 as the emulator serves it (ec2 query protocol): DescribeSnapshots, DeleteSnapshot and CopySnapshot
 * (./copySnapshot) of EBS snapshots.
 */
import { ApiError } from '../../protocols/types';
import { ec2Protocol } from '../../protocols/ec2Query';
import { queryAuthErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { copySnapshot } from './copySnapshot';
import { deleteSnapshot } from './deleteSnapshot';
import { ec2Operations, invalid } from './operations';
import { ec2Data } from './seed';

export const ec2: EmulatedService = {
  id: 'ec2',
  modelFolder: 'ec2',
  routing: {
    signingName: 'ec2',
    // Unsigned query requests of EC2 carry its API version; other query services' do not.
    claims: (request, model) =>
      (request.body.toString('utf8') + request.rawQuery).includes(`Version=${model.metadata.apiVersion}`),
  },
  data: ec2Data,
  build: (model) => ({
    protocol: ec2Protocol(model),
    uriEscapePath: true,
    errors: {
      ...queryAuthErrors(true),
      validation: (issues) => invalid(issues.map((i) => i.message).join('; ')),
      throttling: () => new ApiError('RequestLimitExceeded', 503, 'Request limit exceeded.'),
      internal: () => new ApiError('InternalError', 500, 'An internal error has occurred'),
    },
    operations: { ...ec2Operations, DeleteSnapshot: deleteSnapshot, CopySnapshot: copySnapshot },
  }),
};
