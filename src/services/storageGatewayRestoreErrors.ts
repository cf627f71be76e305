// Storage Gateway restore (CreateCachediSCSIVolume, CreateStorediSCSIVolume): one sentence for each modeled error
// (InvalidGatewayRequestException, InternalServerError) and each of the model's ErrorCode values these calls can
// carry, saying what happened and what to do. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';

type Sentence = (c: RestoreErrorContext, facts: ErrorFacts) => string;

const gatewayCodes: Readonly<Record<string, Sentence>> = {
  GatewayNotConnected: () =>
    'The gateway is not connected to AWS. Make sure its VM is running and can reach AWS, then retry.',
  GatewayNotFound: () => 'The gateway no longer exists. Choose another gateway.',
  InvalidGateway: () =>
    'That gateway cannot take this volume: cached volumes go on cached gateways, stored volumes on stored ones. Choose another gateway.',
  TargetAlreadyExists: (c) =>
    `A volume on the gateway already uses the target name ${c.newName}. Choose another target name.`,
  TargetInvalid: (c) =>
    `AWS refused the target name ${c.newName}. Use 1–200 lowercase letters, digits, hyphens, periods or semicolons.`,
  SnapshotIdInvalid: (c) =>
    `AWS cannot restore the snapshot${c.snapshotName ? ` ${c.snapshotName}` : ''}: it is not a completed snapshot in ${c.region}. Refresh the tree.`,
  SnapshotNotFound: (c) => `The snapshot no longer exists in ${c.region}. Refresh the tree.`,
  SnapshotDeleted: () => 'The snapshot was deleted. Refresh the tree.',
  SnapshotInProgress: () => 'The snapshot is still being made. Restore it once it is completed.',
  DiskAlreadyAllocated: () =>
    'That local disk is already in use (by a volume, the cache or the upload buffer). Choose a free disk.',
  DiskDoesNotExist: () =>
    "That local disk is no longer on the gateway. Reopen the restore to read the gateway's disks.",
  DiskSizeLessThanVolumeSize: () =>
    "That local disk is smaller than the snapshot's volume. Choose a disk at least as large as the snapshot.",
  DiskSizeGreaterThanVolumeMaxSize: () =>
    'That local disk is larger than a stored volume can be (16 TiB). Choose a smaller disk.',
  DiskSizeNotGigAligned: () => 'That local disk is not a whole number of GiB. Choose another disk.',
  NoDisksAvailable: () => 'The gateway has no free local disk. Add a disk to the gateway VM, then retry.',
  LocalStorageLimitExceeded: () =>
    "The gateway's local storage limit is reached. Add cache or upload buffer to the gateway, then retry.",
  MaximumVolumeCountExceeded: () =>
    'The gateway already has as many volumes as it can hold (32). Delete one or choose another gateway.',
  VolumeAlreadyExists: () => 'A volume for this request already exists on the gateway. Refresh the tree.',
  VolumeNotReady: () => 'The gateway is not ready to make the volume. Wait a minute, then retry.',
  UnauthorizedOperation: () =>
    'You may not make volumes on this gateway (storagegateway:CreateCachediSCSIVolume / CreateStorediSCSIVolume and AddTagsToResource are needed).',
  OutdatedGateway: () => "The gateway's software is too old for this request. Update the gateway, then retry.",
  NotSupported: () => 'The gateway does not support this request. Check its type and software version.',
  GatewayInternalError: () => "The gateway reported an internal error. Check the gateway's health, then retry.",
  GatewayProxyNetworkConnectionBusy: () => "The gateway's network connection is busy. Retry in a few minutes.",
  StagingAreaFull: () => "The gateway's staging area is full. Wait for uploads to drain, then retry.",
  ServiceUnavailable: () => 'Storage Gateway is unavailable. Retry in a few minutes.',
  RequestTimeout: () => 'The gateway did not answer in time. Retry in a few minutes.',
};

export function explainStorageGatewayRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  const sub = facts.gatewayErrorCode;
  const known = sub ? gatewayCodes[sub] : undefined;
  if (known) return known(c, facts);
  switch (facts.code) {
    case 'InvalidGatewayRequestException':
      if (/idempotent|client ?token/i.test(facts.message)) {
        return `Storage Gateway refused the retried request: ${sentence(facts.message)} Start the restore again.`;
      }
      return `Storage Gateway refused the new volume${sub ? ` (${sub})` : ''}: ${sentence(facts.message)} Check the gateway, target name, size and disk, then retry.`;
    case 'InternalServerError':
      return `Storage Gateway had an internal error${sub ? ` (${sub})` : ''}: ${sentence(facts.message)} Retry in a few minutes.`;
    default:
      return undefined;
  }
}
