/** AWS SimSpace Weaver (restJson1): simulations, their snapshots to S3, and new simulations started from them. */
import { summarizeIssues } from '../../model/validate';
import { restJsonProtocol } from '../../protocols/restJson';
import { restJsonErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { checkStartSimulation, simSpaceWeaverOperations, validation } from './operations';
import { simSpaceWeaverData } from './seed';

export const simSpaceWeaver: EmulatedService = {
  id: 'simspaceweaver',
  modelFolder: 'simspaceweaver',
  routing: {
    signingName: 'simspaceweaver',
    claims: (request) => /^\/(listsimulations|describesimulation|createsnapshot|startsimulation)/.test(request.rawPath),
  },
  data: simSpaceWeaverData,
  build: (model) => ({
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: { ...restJsonErrors(), validation: (issues) => validation(summarizeIssues(issues)) },
    operations: simSpaceWeaverOperations,
    extraValidation: checkStartSimulation,
  }),
};
