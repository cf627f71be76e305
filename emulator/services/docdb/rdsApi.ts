/**
 * The RDS cluster snapshot API as DocumentDB serves it (awsQuery, signing name `rds`): its protocol, error shapes,
 * documented rules beyond the model and operations (snapshots, and restore: ./restore), over the RDS family's shared state (./state). Another RDS-family
 * service (Neptune) builds its API with this too, from its own model and its own documented rules.
 */
import { type ServiceModel } from '../../model/types';
import { awsQueryProtocol } from '../../protocols/awsQuery';
import { ApiError } from '../../protocols/types';
import { queryAuthErrors } from '../authErrors';
import { type ServiceApi } from '../types';
import { checkCopyInput, copyOperations } from './copy';
import { clusterSnapshotDeletions, deleteClusterSnapshot } from './delete';
import { docDbOperations, invalid, type Tag } from './operations';
import { checkRestoreInput, restoreOperations } from './restore';
import { checkMaxRecords, identifierOrArn, type RdsRules } from './rules';

export { rdsRules, type RdsRules, type RdsValidators } from './rules';

export function rdsFamilyApi(model: ServiceModel, rules: RdsRules): ServiceApi {
  return {
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
        rules.checkIdentifier('DBClusterSnapshotIdentifier', input.DBClusterSnapshotIdentifier as string);
        rules.checkIdentifier('DBClusterIdentifier', input.DBClusterIdentifier as string);
        rules.checkTags(input.Tags as Tag[] | undefined);
      }
      if (operation === 'RestoreDBClusterFromSnapshot' || operation === 'CreateDBInstance') {
        checkRestoreInput(rules.restore, operation, input);
        rules.checkTags(input.Tags as Tag[] | undefined);
      }
      if (operation === 'CopyDBClusterSnapshot') checkCopyInput(rules, input);
      if (operation === 'DeleteDBClusterSnapshot') {
        identifierOrArn('DBClusterSnapshotIdentifier', input.DBClusterSnapshotIdentifier as string, 'cluster-snapshot');
      }
    },
    operations: clusterSnapshotDeletions.sweeping({
      ...docDbOperations,
      ...restoreOperations,
      ...copyOperations,
      DeleteDBClusterSnapshot: deleteClusterSnapshot,
    }),
  };
}
