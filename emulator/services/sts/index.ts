/**
 * AWS Security Token Service (awsQuery, signing name `sts`): who am I, and temporary credentials for the
 * organisation's roles (./roles, ./operations). An unsigned request (AssumeRoleWithWebIdentity) is claimed by its API
 * version, which no other query service shares.
 */
import { summarizeIssues } from '../../model/validate';
import { formParams } from '../../protocols/formShapes';
import { awsQueryProtocol } from '../../protocols/awsQuery';
import { ApiError } from '../../protocols/types';
import { queryAuthErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { stsOperations } from './operations';

export const sts: EmulatedService = {
  id: 'sts',
  modelFolder: 'sts',
  routing: {
    signingName: 'sts',
    claims: (request, model) => formParams(request.body, request.rawQuery).get('Version') === model.metadata.apiVersion,
  },
  build: (model) => ({
    protocol: awsQueryProtocol(model),
    uriEscapePath: true,
    errors: {
      ...queryAuthErrors(false),
      validation: (issues) => new ApiError('ValidationError', 400, summarizeIssues(issues)),
      throttling: () => new ApiError('Throttling', 400, 'Rate exceeded'),
      internal: () => new ApiError('InternalFailure', 500, 'An internal error occurred.'),
    },
    operations: stsOperations,
  }),
};
