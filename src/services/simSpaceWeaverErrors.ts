// SimSpace Weaver CreateSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models). Pure: no `vscode`, no SDK.
import { sentence, type CreateErrorContext, type ErrorFacts } from './errorText';

export function explainSimSpaceWeaverError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return `Simulation ${c.resourceName} cannot take a snapshot now: ${sentence(facts.message)} A snapshot needs a STARTED simulation with no other snapshot in progress; wait, then retry.`;
    case 'ValidationException':
      return `SimSpace Weaver rejected the request: ${sentence(facts.message)} Check that the simulation is STARTED and that the bucket exists in ${c.region}, then retry.`;
    case 'ResourceNotFoundException':
      return `SimSpace Weaver could not find the simulation or the bucket: ${sentence(facts.message)} Refresh the tree, or check the bucket name.`;
    case 'InternalServerException':
      return `SimSpace Weaver had an internal error: ${sentence(facts.message)} Retry in a few minutes.`;
    default:
      return undefined;
  }
}
