/** AWS Storage Gateway (awsJson1_1, `X-Amz-Target`): gateways, volumes and volume snapshots. */
import { summarizeIssues } from '../../model/validate';
import { ApiError } from '../../protocols/types';
import { awsJsonProtocol } from '../../protocols/awsJson';
import { jsonAuthErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { checkSnapshotTags, gatewayError, storageGatewayOperations } from './operations';
import { storageGatewayData } from './seed';

export const storageGateway: EmulatedService = {
  id: 'storagegateway',
  modelFolder: 'storagegateway',
  routing: {
    signingName: 'storagegateway',
    claims: (request, model) =>
      String(request.headers['x-amz-target'] ?? '').startsWith(`${model.metadata.targetPrefix}.`),
  },
  data: storageGatewayData,
  build: (model) => ({
    protocol: awsJsonProtocol(model),
    uriEscapePath: true,
    errors: {
      ...jsonAuthErrors(400),
      validation: (issues) => gatewayError('InvalidParameters', summarizeIssues(issues)),
      throttling: () => new ApiError('ThrottlingException', 400, 'Rate exceeded'),
      internal: () =>
        new ApiError('InternalServerError', 500, 'An internal server error occurred.', {
          error: { errorCode: 'InternalError' },
        }),
    },
    operations: storageGatewayOperations,
    extraValidation: checkSnapshotTags,
  }),
};
