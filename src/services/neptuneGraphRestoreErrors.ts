// Neptune Analytics RestoreGraphFromSnapshot: one sentence for each of its modeled errors (the operation's `errors` in
// ../shared/aws-models/neptune-graph): what happened and what to do. Pure: no `vscode`, no SDK.
import { quotaText, sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';
import * as l10n from '../l10n';

/** The request members a ValidationException's message may name, with the words the form uses for them. */
const members = (): ReadonlyArray<readonly [string, string]> => [
  ['graphName', l10n.t('the graph name')],
  ['provisionedMemory', l10n.t('the provisioned memory')],
  ['replicaCount', l10n.t('the replica count')],
  ['publicConnectivity', l10n.t('public connectivity')],
  ['deletionProtection', l10n.t('deletion protection')],
  ['snapshotIdentifier', l10n.t('the snapshot identifier')],
  ['tags', l10n.t('the tags')],
  ['tag', l10n.t('the tags')],
];

/** The member the message names (the first, case-insensitively), in the form's words. */
export function namedMember(message: string): string | undefined {
  const lower = message.toLowerCase();
  return members().find(([member]) => new RegExp(`\\b${member.toLowerCase()}\\b`).test(lower))?.[1];
}

function conflictSentence(facts: ErrorFacts, c: RestoreErrorContext): string {
  const what = sentence(facts.message);
  const snapshot = c.snapshotName ? l10n.t('snapshot {0}', c.snapshotName) : l10n.t('the snapshot');
  if (/already exists|name .*(taken|in use)/i.test(facts.message)) {
    return l10n.t(
      'A graph named "{0}" already exists in {1}: {2} Pick another name and retry.',
      c.newName,
      c.region,
      what,
    );
  }
  if (/snapshot/i.test(facts.message)) {
    return l10n.t(
      'Neptune Analytics cannot restore {0} now: {1} Wait until the snapshot is AVAILABLE (refresh the tree), then retry.',
      snapshot,
      what,
    );
  }
  return l10n.t(
    'Neptune Analytics refused to make graph "{0}" now ({1}): {2} Wait for the other operation to finish, then retry.',
    c.newName,
    facts.reason ?? 'conflict',
    what,
  );
}

export function explainNeptuneGraphRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return conflictSentence(facts, c);
    case 'ServiceQuotaExceededException':
      return l10n.t(
        'You have reached a Neptune Analytics quota in {0}{1}: {2} Delete graphs you no longer need, or ask for a higher quota in the Service Quotas console, then retry.',
        c.region,
        quotaText(facts),
        sentence(facts.message),
      );
    case 'ResourceNotFoundException':
      return l10n.t(
        '{0} was not found in {1}: it may have been deleted. Refresh the tree and pick another snapshot.',
        c.snapshotName ? `Snapshot ${c.snapshotName}` : l10n.t('The snapshot'),
        c.region,
      );
    case 'ValidationException': {
      const member = namedMember(facts.message);
      return l10n.t(
        'Neptune Analytics rejected {0}{1}: {2} Fix {3} and retry.',
        member ?? 'the input',
        facts.reason ? ` (${facts.reason})` : '',
        sentence(facts.message),
        member ? l10n.t('it') : l10n.t('the values'),
      );
    }
    case 'ThrottlingException':
      return l10n.t(
        'Neptune Analytics is throttling requests in {0}: {1} Wait a minute, then retry.',
        c.region,
        sentence(facts.message),
      );
    case 'InternalServerException':
      return l10n.t(
        'Neptune Analytics had an internal error: {0} Retry in a few minutes; check whether graph "{1}" was made before retrying.',
        sentence(facts.message),
        c.newName,
      );
    default:
      return undefined;
  }
}
