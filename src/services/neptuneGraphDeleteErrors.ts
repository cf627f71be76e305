// Neptune Analytics DeleteGraphSnapshot: one sentence for each of its modeled errors (the operation's `errors` in
// ../shared/aws-models/neptune-graph: ThrottlingException, ValidationException, ConflictException,
// InternalServerException, ResourceNotFoundException): what happened and what to do. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { DeleteErrorContext } from './deletion';

export function explainNeptuneGraphDeleteError(facts: ErrorFacts, c: DeleteErrorContext): string | undefined {
  const snapshot = c.snapshotName ? `Snapshot ${c.snapshotName}` : 'The snapshot';
  switch (facts.code) {
    case 'ResourceNotFoundException':
      return `${snapshot} of graph ${c.resourceName} was not found in ${c.region}: it is already deleted (or was never there). Refresh the tree.`;
    case 'ConflictException':
      return `${snapshot} cannot be deleted now (${facts.reason ?? 'conflict'}): ${sentence(facts.message)} It is still being created, already being deleted, or in use by another operation (such as a restore from it); wait for that to finish, refresh the tree and retry.`;
    case 'ValidationException':
      return `Neptune Analytics rejected the request${facts.reason ? ` (${facts.reason})` : ''}: ${sentence(facts.message)} Check that the snapshot identifier is a graph snapshot id (gs-…), refresh the tree and retry.`;
    case 'ThrottlingException':
      return `Neptune Analytics is throttling requests in ${c.region}: ${sentence(facts.message)} Wait a minute, then retry.`;
    case 'InternalServerException':
      return `Neptune Analytics had an internal error: ${sentence(facts.message)} Refresh the tree to see whether the snapshot is being deleted; if it is still available, retry in a few minutes.`;
    default:
      return undefined;
  }
}
