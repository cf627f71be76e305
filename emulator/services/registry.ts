import { type Models } from '../model/load';
import { neptuneGraphService } from './neptuneGraph';
import { docDbService } from './docdb';
import { type ServiceDefinition } from './types';

/** Every emulated service, built from its model. */
export function buildServices(models: Models): ServiceDefinition[] {
  return [neptuneGraphService(models['neptune-graph']), docDbService(models.docdb)];
}
