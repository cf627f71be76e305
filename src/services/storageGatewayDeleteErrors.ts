// Storage Gateway delete (EC2 DeleteSnapshot of the volume snapshot): one sentence per error EC2 documents for it
// (the EC2 model names none), saying what happened and what to do. Access denied, throttling and credentials are the
// common sentences' (src/snapshots/errorMessages.ts). Pure: no `vscode`, no SDK.
import type { DeleteErrorContext } from './deletion';
import { sentence, type ErrorFacts } from './errorText';
import * as l10n from '../l10n';

type Sentence = (c: DeleteErrorContext, facts: ErrorFacts) => string;

const named = (c: DeleteErrorContext): string => (c.snapshotName ? ` ${c.snapshotName}` : '');

const codes: Readonly<Record<string, Sentence>> = {
  'InvalidSnapshot.NotFound': (c) =>
    l10n.t('The snapshot{0} no longer exists in {1}: it was already deleted. Refresh the tree.', named(c), c.region),
  'InvalidSnapshot.InUse': (c, facts) =>
    l10n.t(
      'The snapshot{0} is in use: {1} If an AMI uses it, deregister the AMI first; if a volume is being created or restored from it (a Storage Gateway volume too), wait until the volume is available. Then retry.',
      named(c),
      sentence(facts.message),
    ),
  'InvalidSnapshotID.Malformed': (c) =>
    l10n.t(
      'EC2 refused the snapshot id of{0} as malformed (it expects snap- and hex digits). Refresh the tree.',
      named(c),
    ),
  IncorrectState: (c, facts) =>
    l10n.t(
      'The snapshot{0} cannot be deleted in its current state: {1} Wait until it is completed, then retry.',
      named(c),
      sentence(facts.message),
    ),
};

export function explainStorageGatewayDeleteError(facts: ErrorFacts, c: DeleteErrorContext): string | undefined {
  return codes[facts.code]?.(c, facts);
}
