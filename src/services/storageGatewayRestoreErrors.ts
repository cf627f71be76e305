// Storage Gateway restore (CreateCachediSCSIVolume, CreateStorediSCSIVolume): one sentence for each modeled error
// (InvalidGatewayRequestException, InternalServerError) and each of the model's ErrorCode values these calls can
// carry, saying what happened and what to do. Pure: no `vscode`, no SDK.
import { sentence, type ErrorFacts } from './errorText';
import type { RestoreErrorContext } from './restore';
import * as l10n from '../l10n';

type Sentence = (c: RestoreErrorContext, facts: ErrorFacts) => string;

const gatewayCodes: Readonly<Record<string, Sentence>> = {
  GatewayNotConnected: () =>
    l10n.t('The gateway is not connected to AWS. Make sure its VM is running and can reach AWS, then retry.'),
  GatewayNotFound: () => l10n.t('The gateway no longer exists. Choose another gateway.'),
  InvalidGateway: () =>
    l10n.t(
      'That gateway cannot take this volume: cached volumes go on cached gateways, stored volumes on stored ones. Choose another gateway.',
    ),
  TargetAlreadyExists: (c) =>
    l10n.t('A volume on the gateway already uses the target name {0}. Choose another target name.', c.newName),
  TargetInvalid: (c) =>
    l10n.t(
      'AWS refused the target name {0}. Use 1–200 lowercase letters, digits, hyphens, periods or semicolons.',
      c.newName,
    ),
  SnapshotIdInvalid: (c) =>
    l10n.t(
      'AWS cannot restore the snapshot{0}: it is not a completed snapshot in {1}. Refresh the tree.',
      c.snapshotName ? ` ${c.snapshotName}` : '',
      c.region,
    ),
  SnapshotNotFound: (c) => l10n.t('The snapshot no longer exists in {0}. Refresh the tree.', c.region),
  SnapshotDeleted: () => l10n.t('The snapshot was deleted. Refresh the tree.'),
  SnapshotInProgress: () => l10n.t('The snapshot is still being made. Restore it once it is completed.'),
  DiskAlreadyAllocated: () =>
    l10n.t('That local disk is already in use (by a volume, the cache or the upload buffer). Choose a free disk.'),
  DiskDoesNotExist: () =>
    l10n.t("That local disk is no longer on the gateway. Reopen the restore to read the gateway's disks."),
  DiskSizeLessThanVolumeSize: () =>
    l10n.t("That local disk is smaller than the snapshot's volume. Choose a disk at least as large as the snapshot."),
  DiskSizeGreaterThanVolumeMaxSize: () =>
    l10n.t('That local disk is larger than a stored volume can be (16 TiB). Choose a smaller disk.'),
  DiskSizeNotGigAligned: () => l10n.t('That local disk is not a whole number of GiB. Choose another disk.'),
  NoDisksAvailable: () => l10n.t('The gateway has no free local disk. Add a disk to the gateway VM, then retry.'),
  LocalStorageLimitExceeded: () =>
    l10n.t("The gateway's local storage limit is reached. Add cache or upload buffer to the gateway, then retry."),
  MaximumVolumeCountExceeded: () =>
    l10n.t('The gateway already has as many volumes as it can hold (32). Delete one or choose another gateway.'),
  VolumeAlreadyExists: () => l10n.t('A volume for this request already exists on the gateway. Refresh the tree.'),
  VolumeNotReady: () => l10n.t('The gateway is not ready to make the volume. Wait a minute, then retry.'),
  UnauthorizedOperation: () =>
    l10n.t(
      'You may not make volumes on this gateway (storagegateway:CreateCachediSCSIVolume / CreateStorediSCSIVolume and AddTagsToResource are needed).',
    ),
  OutdatedGateway: () => l10n.t("The gateway's software is too old for this request. Update the gateway, then retry."),
  NotSupported: () => l10n.t('The gateway does not support this request. Check its type and software version.'),
  GatewayInternalError: () => l10n.t("The gateway reported an internal error. Check the gateway's health, then retry."),
  GatewayProxyNetworkConnectionBusy: () => l10n.t("The gateway's network connection is busy. Retry in a few minutes."),
  StagingAreaFull: () => l10n.t("The gateway's staging area is full. Wait for uploads to drain, then retry."),
  ServiceUnavailable: () => l10n.t('Storage Gateway is unavailable. Retry in a few minutes.'),
  RequestTimeout: () => l10n.t('The gateway did not answer in time. Retry in a few minutes.'),
};

export function explainStorageGatewayRestoreError(facts: ErrorFacts, c: RestoreErrorContext): string | undefined {
  const sub = facts.gatewayErrorCode;
  const known = sub ? gatewayCodes[sub] : undefined;
  if (known) return known(c, facts);
  switch (facts.code) {
    case 'InvalidGatewayRequestException':
      if (/idempotent|client ?token/i.test(facts.message)) {
        return l10n.t(
          'Storage Gateway refused the retried request: {0} Start the restore again.',
          sentence(facts.message),
        );
      }
      return l10n.t(
        'Storage Gateway refused the new volume{0}: {1} Check the gateway, target name, size and disk, then retry.',
        sub ? ` (${sub})` : '',
        sentence(facts.message),
      );
    case 'InternalServerError':
      return l10n.t(
        'Storage Gateway had an internal error{0}: {1} Retry in a few minutes.',
        sub ? ` (${sub})` : '',
        sentence(facts.message),
      );
    default:
      return undefined;
  }
}
