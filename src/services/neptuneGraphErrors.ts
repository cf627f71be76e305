// Neptune Analytics CreateGraphSnapshot: one sentence for each of its modeled errors (see the operation's `errors`
// in ../shared/aws-models). Pure: no `vscode`, no SDK.
import { quotaText, sentence, type CreateErrorContext, type ErrorFacts } from './errorText';

export function explainNeptuneGraphError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ServiceQuotaExceededException':
      return `You have reached a Neptune Analytics quota${quotaText(facts)}: ${sentence(facts.message)} Delete graph snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.`;
    case 'ConflictException':
      return `Graph ${c.resourceName} cannot take this snapshot now (${facts.reason ?? 'conflict'}): ${sentence(facts.message)} If the name "${c.snapshotName ?? ''}" is already used, pick another; otherwise wait for the graph's other operation to finish and retry.`;
    case 'ValidationException':
      return `Neptune Analytics rejected the input${facts.reason ? ` (${facts.reason})` : ''}: ${sentence(facts.message)} Fix the value and retry.`;
    case 'ResourceNotFoundException':
      return `Graph ${c.resourceName} was not found in ${c.region}: it may have been deleted. Refresh the tree and pick another graph.`;
    case 'InternalServerException':
      return `Neptune Analytics had an internal error: ${sentence(facts.message)} Retry in a few minutes.`;
    default:
      return undefined;
  }
}
