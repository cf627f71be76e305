// SimSpace Weaver CreateSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models). Pure: no `vscode`, no SDK.
import { sentence, type CreateErrorContext, type ErrorFacts } from './errorText';
import * as l10n from '../l10n';

export function explainSimSpaceWeaverError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return l10n.t(
        'Simulation {0} cannot take a snapshot now: {1} A snapshot needs a STARTED simulation with no other snapshot in progress; wait, then retry.',
        c.resourceName,
        sentence(facts.message),
      );
    case 'ValidationException':
      return l10n.t(
        'SimSpace Weaver rejected the request: {0} Check that the simulation is STARTED and that the bucket exists in {1}, then retry.',
        sentence(facts.message),
        c.region,
      );
    case 'ResourceNotFoundException':
      return l10n.t(
        'SimSpace Weaver could not find the simulation or the bucket: {0} Refresh the tree, or check the bucket name.',
        sentence(facts.message),
      );
    case 'InternalServerException':
      return l10n.t('SimSpace Weaver had an internal error: {0} Retry in a few minutes.', sentence(facts.message));
    default:
      return undefined;
  }
}
