// Neptune Analytics DeleteGraphSnapshot: one sentence for each of its modeled errors (the operation's `errors` in
// ../shared/aws-models/neptune-graph: ThrottlingException, ValidationException, ConflictException,
// InternalServerException, ResourceNotFoundException): what happened and what to do. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { DeleteErrorContext } from './deletion';
import * as l10n from '../l10n';

export function explainNeptuneGraphDeleteError(facts: ErrorFacts, c: DeleteErrorContext): string | undefined {
  const snapshot = c.snapshotName ? l10n.t('Snapshot {0}', c.snapshotName) : l10n.t('The snapshot');
  switch (facts.code) {
    case 'ResourceNotFoundException':
      return l10n.t(
        '{0} of graph {1} was not found in {2}: it is already deleted (or was never there). Refresh the tree.',
        snapshot,
        c.resourceName,
        c.region,
      );
    case 'ConflictException':
      return l10n.t(
        '{0} cannot be deleted now ({1}): {2} It is still being created, already being deleted, or in use by another operation (such as a restore from it); wait for that to finish, refresh the tree and retry.',
        snapshot,
        facts.reason ?? 'conflict',
        sentence(facts.message),
      );
    case 'ValidationException':
      return l10n.t(
        'Neptune Analytics rejected the request{0}: {1} Check that the snapshot identifier is a graph snapshot id (gs-…), refresh the tree and retry.',
        facts.reason ? ` (${facts.reason})` : '',
        sentence(facts.message),
      );
    case 'ThrottlingException':
      return l10n.t(
        'Neptune Analytics is throttling requests in {0}: {1} Wait a minute, then retry.',
        c.region,
        sentence(facts.message),
      );
    case 'InternalServerException':
      return l10n.t(
        'Neptune Analytics had an internal error: {0} Refresh the tree to see whether the snapshot is being deleted; if it is still available, retry in a few minutes.',
        sentence(facts.message),
      );
    default:
      return undefined;
  }
}
