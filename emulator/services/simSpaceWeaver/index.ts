/** AWS SimSpace Weaver (restJson1): simulations and their snapshots to S3. */
import { summarizeIssues } from '../../model/validate';
import { restJsonProtocol } from '../../protocols/restJson';
import { restJsonErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { simSpaceWeaverOperations, validation } from './operations';
import { simSpaceWeaverData } from './seed';

export const simSpaceWeaver: EmulatedService = {
  id: 'simspaceweaver',
  modelFolder: 'simspaceweaver',
  routing: {
    signingName: 'simspaceweaver',
    claims: (request) => /^\/(listsimulations|describesimulation|createsnapshot)/.test(request.rawPath),
  },
  data: simSpaceWeaverData,
  build: (model) => ({
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: { ...restJsonErrors(), validation: (issues) => validation(summarizeIssues(issues)) },
    operations: simSpaceWeaverOperations,
  }),
};
