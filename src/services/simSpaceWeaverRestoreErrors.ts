// SimSpace Weaver StartSimulation (restore from a snapshot): one sentence for each of its modeled errors (the
// operation's `errors` in ../shared/aws-models/simspaceweaver: InternalServerException, AccessDeniedException,
// ValidationException, ServiceQuotaExceededException, ConflictException). Pure: no `vscode`, no SDK.
import { quotaText, sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';

/** The StartSimulation member a ValidationException's message names, for the "check …" advice. */
function memberNamed(message: string): string | undefined {
  const lower = message.toLowerCase();
  if (/snapshot|s3|bucket|object|key/.test(lower)) return 'the snapshot location (bucket and object key)';
  if (/role|arn/.test(lower)) return 'the IAM role ARN';
  if (/duration/.test(lower)) return 'the maximum duration';
  if (/description/.test(lower)) return 'the description';
  if (/tag/.test(lower)) return 'the tags';
  if (/name/.test(lower)) return 'the simulation name';
  return undefined;
}

export function explainSimSpaceWeaverRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return `SimSpace Weaver cannot start simulation ${c.newName}: ${sentence(facts.message)} A simulation of that name may already exist in ${c.region}; choose another name, or wait until the other request ends, then retry.`;
    case 'ServiceQuotaExceededException':
      return `SimSpace Weaver cannot start another simulation in ${c.region}: ${sentence(facts.message)} Stop or delete a simulation you no longer need, or ask for a higher quota in Service Quotas${quotaText(facts)}, then retry.`;
    case 'AccessDeniedException':
      return `Profile ${c.profile} may not start simulation ${c.newName}: ${sentence(facts.message)} It needs simspaceweaver:StartSimulation and iam:PassRole on the role, and the role needs s3:GetObject on the snapshot.`;
    case 'ValidationException': {
      const member = memberNamed(facts.message);
      return `SimSpace Weaver rejected the request to start ${c.newName}: ${sentence(facts.message)} Check ${member ?? 'the values'}${member?.startsWith('the snapshot') ? ` (the object must exist in a bucket in ${c.region})` : ''}, then retry.`;
    }
    case 'InternalServerException':
      return `SimSpace Weaver had an internal error starting ${c.newName}: ${sentence(facts.message)} Retry in a few minutes (the request's client token keeps a retry from starting two).`;
    default:
      return undefined;
  }
}
