// Storage Gateway delete (EC2 DeleteSnapshot of the volume snapshot): one sentence per error EC2 documents for it
// (the EC2 model names none), saying what happened and what to do. Access denied, throttling and credentials are the
// common sentences' (src/snapshots/errorMessages.ts). Pure: no `vscode`, no SDK.
import type { DeleteErrorContext } from './deletion';
import { sentence, type ErrorFacts } from './errorText';

type Sentence = (c: DeleteErrorContext, facts: ErrorFacts) => string;

const named = (c: DeleteErrorContext): string => (c.snapshotName ? ` ${c.snapshotName}` : '');

const codes: Readonly<Record<string, Sentence>> = {
  'InvalidSnapshot.NotFound': (c) =>
    `The snapshot${named(c)} no longer exists in ${c.region}: it was already deleted. Refresh the tree.`,
  'InvalidSnapshot.InUse': (c, facts) =>
    `The snapshot${named(c)} is in use: ${sentence(facts.message)} If an AMI uses it, deregister the AMI first; ` +
    'if a volume is being created or restored from it (a Storage Gateway volume too), wait until the volume is ' +
    'available. Then retry.',
  'InvalidSnapshotID.Malformed': (c) =>
    `EC2 refused the snapshot id of${named(c)} as malformed (it expects snap- and hex digits). Refresh the tree.`,
  IncorrectState: (c, facts) =>
    `The snapshot${named(c)} cannot be deleted in its current state: ${sentence(facts.message)} Wait until it is completed, then retry.`,
};

export function explainStorageGatewayDeleteError(facts: ErrorFacts, c: DeleteErrorContext): string | undefined {
  return codes[facts.code]?.(c, facts);
}
