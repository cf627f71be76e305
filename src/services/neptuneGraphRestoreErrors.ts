// Neptune Analytics RestoreGraphFromSnapshot: one sentence for each of its modeled errors (the operation's `errors` in
// ../shared/aws-models/neptune-graph): what happened and what to do. Pure: no `vscode`, no SDK.
import { quotaText, sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';

/** The request members a ValidationException's message may name, with the words the form uses for them. */
const members: ReadonlyArray<readonly [string, string]> = [
  ['graphName', 'the graph name'],
  ['provisionedMemory', 'the provisioned memory'],
  ['replicaCount', 'the replica count'],
  ['publicConnectivity', 'public connectivity'],
  ['deletionProtection', 'deletion protection'],
  ['snapshotIdentifier', 'the snapshot identifier'],
  ['tags', 'the tags'],
  ['tag', 'the tags'],
];

/** The member the message names (the first, case-insensitively), in the form's words. */
export function namedMember(message: string): string | undefined {
  const lower = message.toLowerCase();
  return members.find(([member]) => new RegExp(`\\b${member.toLowerCase()}\\b`).test(lower))?.[1];
}

function conflictSentence(facts: ErrorFacts, c: RestoreErrorContext): string {
  const what = sentence(facts.message);
  const snapshot = c.snapshotName ? `snapshot ${c.snapshotName}` : 'the snapshot';
  if (/already exists|name .*(taken|in use)/i.test(facts.message)) {
    return `A graph named "${c.newName}" already exists in ${c.region}: ${what} Pick another name and retry.`;
  }
  if (/snapshot/i.test(facts.message)) {
    return `Neptune Analytics cannot restore ${snapshot} now: ${what} Wait until the snapshot is AVAILABLE (refresh the tree), then retry.`;
  }
  return `Neptune Analytics refused to make graph "${c.newName}" now (${facts.reason ?? 'conflict'}): ${what} Wait for the other operation to finish, then retry.`;
}

export function explainNeptuneGraphRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return conflictSentence(facts, c);
    case 'ServiceQuotaExceededException':
      return `You have reached a Neptune Analytics quota in ${c.region}${quotaText(facts)}: ${sentence(facts.message)} Delete graphs you no longer need, or ask for a higher quota in the Service Quotas console, then retry.`;
    case 'ResourceNotFoundException':
      return `${c.snapshotName ? `Snapshot ${c.snapshotName}` : 'The snapshot'} was not found in ${c.region}: it may have been deleted. Refresh the tree and pick another snapshot.`;
    case 'ValidationException': {
      const member = namedMember(facts.message);
      return `Neptune Analytics rejected ${member ?? 'the input'}${facts.reason ? ` (${facts.reason})` : ''}: ${sentence(facts.message)} Fix ${member ? 'it' : 'the values'} and retry.`;
    }
    case 'ThrottlingException':
      return `Neptune Analytics is throttling requests in ${c.region}: ${sentence(facts.message)} Wait a minute, then retry.`;
    case 'InternalServerException':
      return `Neptune Analytics had an internal error: ${sentence(facts.message)} Retry in a few minutes; check whether graph "${c.newName}" was made before retrying.`;
    default:
      return undefined;
  }
}
