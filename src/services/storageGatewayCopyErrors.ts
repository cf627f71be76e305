// Storage Gateway's copy errors (EC2 CopySnapshot; the EC2 model lists no errors, so these are the EC2 API reference's
// error codes a copy meets): one sentence each, what happened and what to do. Pure: no `vscode`, no SDK.
import type { CopyErrorContext } from './copy';
import { sentence, type ErrorFacts } from './errorText';

export function explainStorageGatewayCopyError(facts: ErrorFacts, c: CopyErrorContext): string | undefined {
  const snapshot = c.snapshotName ? `snapshot ${c.snapshotName}` : 'the snapshot';
  switch (facts.code) {
    case 'InvalidSnapshot.NotFound':
      return `EC2 cannot find ${snapshot} in ${c.region} (it may have been deleted). Refresh the tree.`;
    case 'InvalidSnapshot.InUse':
    case 'IncorrectState':
      return `${snapshot} cannot be copied in its current state (only a completed snapshot can). Wait until it is completed, then retry.`;
    case 'SnapshotLimitExceeded':
    case 'ResourceLimitExceeded':
      return `This account has as many snapshots or concurrent snapshot copies in ${c.destinationRegion} as its quota allows. Wait for copies in progress to end, delete snapshots you no longer need, or ask for a higher quota in Service Quotas, then retry.`;
    case 'InvalidParameterValue':
    case 'InvalidParameter':
    case 'InvalidParameterCombination':
    case 'InvalidParameterDependency':
      return `EC2 refused the copy to ${c.destinationRegion}: ${sentence(facts.message)} Check the description, encryption and KMS key, then retry.`;
    case 'InvalidKmsKey.NotFound':
    case 'KMS.NotFoundException':
    case 'KMS.DisabledException':
    case 'KMS.KMSInvalidStateException':
    case 'KMS.AccessDeniedException':
    case 'KMSKeyNotAccessible':
      return `EC2 cannot use the KMS key for the copy in ${c.destinationRegion} (it does not exist there, is disabled, or is not granted to you). Name an enabled key of ${c.destinationRegion} you may use, or leave it empty for the region's default EBS key.`;
    case 'InvalidRequest':
      return `EC2 refused the copy request: ${sentence(facts.message)} The pre-signed URL of ${c.region} may have expired: retry.`;
    default:
      return undefined;
  }
}
