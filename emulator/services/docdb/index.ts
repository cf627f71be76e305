/**
 * Amazon DocumentDB (awsQuery, signing name `rds`): the RDS cluster snapshot API. It is the fallback among `rds`
 * services: another one (Neptune) claims its own requests in its routing hint, and shares this state (./state).
 */
import { type EmulatedService } from '../types';
import { rdsFamilyApi } from './rdsApi';
import { docDbRules } from './rules';
import { docDbData } from './seed';

export const docDb: EmulatedService = {
  id: 'docdb',
  modelFolder: 'docdb',
  routing: { signingName: 'rds' },
  data: docDbData,
  build: (model) => rdsFamilyApi(model, docDbRules),
};
