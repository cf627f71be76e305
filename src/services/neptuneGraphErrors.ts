// Neptune Analytics CreateGraphSnapshot: one sentence for each of its modeled errors (see the operation's `errors`
// in ../shared/aws-models). Pure: no `vscode`, no SDK.
import { quotaText, sentence, type CreateErrorContext, type ErrorFacts } from './errorText';
import * as l10n from '../l10n';

export function explainNeptuneGraphError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ServiceQuotaExceededException':
      return l10n.t(
        'You have reached a Neptune Analytics quota{0}: {1} Delete graph snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.',
        quotaText(facts),
        sentence(facts.message),
      );
    case 'ConflictException':
      return l10n.t(
        'Graph {0} cannot take this snapshot now ({1}): {2} If the name "{3}" is already used, pick another; otherwise wait for the graph\'s other operation to finish and retry.',
        c.resourceName,
        facts.reason ?? 'conflict',
        sentence(facts.message),
        c.snapshotName ?? '',
      );
    case 'ValidationException':
      return l10n.t(
        'Neptune Analytics rejected the input{0}: {1} Fix the value and retry.',
        facts.reason ? ` (${facts.reason})` : '',
        sentence(facts.message),
      );
    case 'ResourceNotFoundException':
      return l10n.t(
        'Graph {0} was not found in {1}: it may have been deleted. Refresh the tree and pick another graph.',
        c.resourceName,
        c.region,
      );
    case 'InternalServerException':
      return l10n.t('Neptune Analytics had an internal error: {0} Retry in a few minutes.', sentence(facts.message));
    default:
      return undefined;
  }
}
