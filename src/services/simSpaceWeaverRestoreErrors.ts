// SimSpace Weaver StartSimulation (restore from a snapshot): one sentence for each of its modeled errors (the
// operation's `errors` in ../shared/aws-models/simspaceweaver: InternalServerException, AccessDeniedException,
// ValidationException, ServiceQuotaExceededException, ConflictException). Pure: no `vscode`, no SDK.
import { quotaText, sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';
import * as l10n from '../l10n';

/** The StartSimulation member a ValidationException's message names, for the "check …" advice. */
function memberNamed(message: string): string | undefined {
  const lower = message.toLowerCase();
  if (/snapshot|s3|bucket|object|key/.test(lower)) return l10n.t('the snapshot location (bucket and object key)');
  if (/role|arn/.test(lower)) return l10n.t('the IAM role ARN');
  if (/duration/.test(lower)) return l10n.t('the maximum duration');
  if (/description/.test(lower)) return l10n.t('the description');
  if (/tag/.test(lower)) return l10n.t('the tags');
  if (/name/.test(lower)) return l10n.t('the simulation name');
  return undefined;
}

export function explainSimSpaceWeaverRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return l10n.t(
        'SimSpace Weaver cannot start simulation {0}: {1} A simulation of that name may already exist in {2}; choose another name, or wait until the other request ends, then retry.',
        c.newName,
        sentence(facts.message),
        c.region,
      );
    case 'ServiceQuotaExceededException':
      return l10n.t(
        'SimSpace Weaver cannot start another simulation in {0}: {1} Stop or delete a simulation you no longer need, or ask for a higher quota in Service Quotas{2}, then retry.',
        c.region,
        sentence(facts.message),
        quotaText(facts),
      );
    case 'AccessDeniedException':
      return l10n.t(
        'Profile {0} may not start simulation {1}: {2} It needs simspaceweaver:StartSimulation and iam:PassRole on the role, and the role needs s3:GetObject on the snapshot.',
        c.profile,
        c.newName,
        sentence(facts.message),
      );
    case 'ValidationException': {
      const member = memberNamed(facts.message);
      return l10n.t(
        'SimSpace Weaver rejected the request to start {0}: {1} Check {2}{3}, then retry.',
        c.newName,
        sentence(facts.message),
        member ?? 'the values',
        member?.startsWith('the snapshot') ? ` (the object must exist in a bucket in ${c.region})` : '',
      );
    }
    case 'InternalServerException':
      return l10n.t(
        "SimSpace Weaver had an internal error starting {0}: {1} Retry in a few minutes (the request's client token keeps a retry from starting two).",
        c.newName,
        sentence(facts.message),
      );
    default:
      return undefined;
  }
}
