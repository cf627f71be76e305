// Storage Gateway's copy errors (EC2 CopySnapshot; the EC2 model lists no errors, so these are the EC2 API reference's
// error codes a copy meets): one sentence each, what happened and what to do. Pure: no `vscode`, no SDK.
import type { CopyErrorContext } from './copy';
import { sentence, type ErrorFacts } from './errorText';
import * as l10n from '../l10n';

export function explainStorageGatewayCopyError(facts: ErrorFacts, c: CopyErrorContext): string | undefined {
  const snapshot = c.snapshotName ? l10n.t('snapshot {0}', c.snapshotName) : l10n.t('the snapshot');
  switch (facts.code) {
    case 'InvalidSnapshot.NotFound':
      return l10n.t('EC2 cannot find {0} in {1} (it may have been deleted). Refresh the tree.', snapshot, c.region);
    case 'InvalidSnapshot.InUse':
    case 'IncorrectState':
      return l10n.t(
        '{0} cannot be copied in its current state (only a completed snapshot can). Wait until it is completed, then retry.',
        snapshot,
      );
    case 'SnapshotLimitExceeded':
    case 'ResourceLimitExceeded':
      return l10n.t(
        'This account has as many snapshots or concurrent snapshot copies in {0} as its quota allows. Wait for copies in progress to end, delete snapshots you no longer need, or ask for a higher quota in Service Quotas, then retry.',
        c.destinationRegion,
      );
    case 'InvalidParameterValue':
    case 'InvalidParameter':
    case 'InvalidParameterCombination':
    case 'InvalidParameterDependency':
      return l10n.t(
        'EC2 refused the copy to {0}: {1} Check the description, encryption and KMS key, then retry.',
        c.destinationRegion,
        sentence(facts.message),
      );
    case 'InvalidKmsKey.NotFound':
    case 'KMS.NotFoundException':
    case 'KMS.DisabledException':
    case 'KMS.KMSInvalidStateException':
    case 'KMS.AccessDeniedException':
    case 'KMSKeyNotAccessible':
      return l10n.t(
        "EC2 cannot use the KMS key for the copy in {0} (it does not exist there, is disabled, or is not granted to you). Name an enabled key of {1} you may use, or leave it empty for the region's default EBS key.",
        c.destinationRegion,
        c.destinationRegion,
      );
    case 'InvalidRequest':
      return l10n.t(
        'EC2 refused the copy request: {0} The pre-signed URL of {1} may have expired: retry.',
        sentence(facts.message),
        c.region,
      );
    default:
      return undefined;
  }
}
