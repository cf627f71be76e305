/** Neptune Analytics (`neptune-graph`, restJson1): graphs and their snapshots. */
import { summarizeIssues } from '../../model/validate';
import { restJsonProtocol } from '../../protocols/restJson';
import { restJsonErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { deleteGraphSnapshot, graphSnapshotDeletions } from './delete';
import { checkSnapshotTags, neptuneGraphOperations, validation } from './operations';
import { checkRestoreInput, restoreGraphFromSnapshot } from './restore';
import { neptuneGraphData } from './seed';

export const neptuneGraph: EmulatedService = {
  id: 'neptune-graph',
  modelFolder: 'neptune-graph',
  routing: {
    signingName: 'neptune-graph',
    claims: (request) => /^\/(graphs|snapshots)(\/|$)/.test(request.rawPath),
  },
  data: neptuneGraphData,
  build: (model) => ({
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: {
      ...restJsonErrors(),
      validation: (issues) => validation(summarizeIssues(issues), 'CONSTRAINT_VIOLATION'),
    },
    operations: graphSnapshotDeletions.sweeping({
      ...neptuneGraphOperations,
      RestoreGraphFromSnapshot: restoreGraphFromSnapshot,
      DeleteGraphSnapshot: deleteGraphSnapshot,
    }),
    extraValidation: (operation, input) => {
      checkSnapshotTags(operation, input);
      checkRestoreInput(operation, input);
    },
  }),
};
