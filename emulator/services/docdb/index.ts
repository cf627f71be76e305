/**
 * Amazon DocumentDB (awsQuery, signing name `rds`): the RDS cluster snapshot API. It is the fallback among `rds`
 * services: another one (Neptune) claims its own requests in its routing hint, and shares this state (./state).
 */
import { ApiError } from '../../protocols/types';
import { awsQueryProtocol } from '../../protocols/awsQuery';
import { queryAuthErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { docDbOperations, invalid, type Tag } from './operations';
import { checkIdentifier, checkMaxRecords, checkTags, identifierOrArn } from './rules';
import { docDbData } from './seed';

export const docDb: EmulatedService = {
  id: 'docdb',
  modelFolder: 'docdb',
  routing: { signingName: 'rds' },
  data: docDbData,
  build: (model) => ({
    protocol: awsQueryProtocol(model),
    uriEscapePath: true,
    errors: {
      ...queryAuthErrors(false),
      validation: (issues) => {
        const required = issues.find((i) => i.kind === 'required');
        if (required) {
          const name = required.path.charAt(0).toUpperCase() + required.path.slice(1);
          return invalid(`The parameter ${name} must be provided and must not be blank.`);
        }
        return invalid(issues.map((i) => i.message).join('; '));
      },
      throttling: () => new ApiError('Throttling', 400, 'Rate exceeded'),
      internal: () =>
        new ApiError(
          'InternalFailure',
          500,
          'The request processing has failed because of an unknown error, exception or failure.',
        ),
    },
    extraValidation(operation, input) {
      checkMaxRecords(input.MaxRecords);
      if (operation === 'CreateDBClusterSnapshot') {
        checkIdentifier('DBClusterSnapshotIdentifier', input.DBClusterSnapshotIdentifier as string);
        checkIdentifier('DBClusterIdentifier', input.DBClusterIdentifier as string);
        checkTags(input.Tags as Tag[] | undefined);
      }
      if (operation === 'DeleteDBClusterSnapshot') {
        identifierOrArn('DBClusterSnapshotIdentifier', input.DBClusterSnapshotIdentifier as string, 'cluster-snapshot');
      }
    },
    operations: docDbOperations,
  }),
};
