/**
 * Amazon Neptune Database (awsQuery, signing name `rds`): the RDS cluster snapshot API with Neptune's documented
 * identifier and tag rules, over the RDS family's shared clusters and snapshots (../docdb/state, seeded from the data
 * file's `docdbClusters` and `docdbSnapshots`, every engine), plus its own bulk counts (./seed). Among the `rds` services
 * it claims the requests of the Neptune SDK client, whose user agent names `api/neptune#<version>`.
 */
import {
  neptuneRestoreRules,
  neptuneRules as neptuneInputRules,
  validateNeptuneIdentifier,
} from '../../../src/validation/neptune';
import { type WireRequest } from '../../protocols/types';
import { rdsFamilyApi, rdsRules } from '../docdb/rdsApi';
import { type EmulatedService } from '../types';
import { neptuneData } from './seed';

const neptuneRules = rdsRules({
  validateIdentifier: validateNeptuneIdentifier,
  tags: neptuneInputRules.tags!,
  restore: neptuneRestoreRules,
});

/** True when the request's `user-agent` or `x-amz-user-agent` names the Neptune SDK (`api/neptune#…`). */
function fromNeptuneSdk(request: WireRequest): boolean {
  return ['user-agent', 'x-amz-user-agent'].some((name) => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value : [value ?? '']).some((v) => /(^|\s)api\/neptune#/.test(v));
  });
}

export const neptune: EmulatedService = {
  id: 'neptune',
  modelFolder: 'neptune',
  routing: { signingName: 'rds', claims: fromNeptuneSdk },
  data: neptuneData,
  build: (model) => rdsFamilyApi(model, neptuneRules),
};
