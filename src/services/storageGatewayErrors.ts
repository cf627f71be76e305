// Storage Gateway CreateSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models), including the gateway error codes its errors carry. Pure: no `vscode`, no SDK.
import { sentence, type CreateErrorContext, type ErrorFacts } from './errorText';
import * as l10n from '../l10n';

const gatewayCodes: Readonly<Record<string, (c: CreateErrorContext) => string>> = {
  GatewayNotConnected: () =>
    l10n.t(
      "The volume's gateway is not connected to AWS. Make sure the gateway VM is running and can reach AWS, then retry.",
    ),
  GatewayNotFound: () => l10n.t("The volume's gateway no longer exists. Refresh the tree."),
  SnapshotInProgress: (c) =>
    l10n.t('A snapshot of {0} is already in progress. Wait for it to finish, then retry.', c.resourceName),
  VolumeNotReady: (c) =>
    l10n.t(
      'Volume {0} is not ready for a snapshot (it may be bootstrapping, restoring or passing through). Wait until its status is AVAILABLE, then retry.',
      c.resourceName,
    ),
  VolumeNotFound: (c) => l10n.t('Volume {0} no longer exists. Refresh the tree.', c.resourceName),
  VolumeIdInvalid: (c) =>
    l10n.t('AWS does not recognise the volume ARN of {0}. Refresh the tree and retry.', c.resourceName),
  OutdatedGateway: () => l10n.t("The gateway's software is too old for this request. Update the gateway, then retry."),
  GatewayInternalError: () => l10n.t("The gateway reported an internal error. Check the gateway's health, then retry."),
  GatewayProxyNetworkConnectionBusy: () => l10n.t("The gateway's network connection is busy. Retry in a few minutes."),
  LocalStorageLimitExceeded: () => l10n.t("The gateway's local storage is full. Free or add local disk, then retry."),
  StagingAreaFull: () => l10n.t("The gateway's staging area is full. Wait for uploads to drain, then retry."),
  ServiceUnavailable: () => l10n.t('Storage Gateway is unavailable. Retry in a few minutes.'),
};

export function explainStorageGatewayError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  const sub = facts.gatewayErrorCode;
  const known = sub ? gatewayCodes[sub] : undefined;
  if (known) return known(c);
  switch (facts.code) {
    case 'InvalidGatewayRequestException':
      if (sub === 'InvalidParameters' || !sub) {
        return l10n.t(
          'Storage Gateway rejected the request{0}: {1} Fix the description or tags and retry.',
          sub ? ` (${sub})` : '',
          sentence(facts.message),
        );
      }
      return l10n.t(
        'Storage Gateway refused the snapshot ({0}): {1} Check the gateway and volume, then retry.',
        sub,
        sentence(facts.message),
      );
    case 'InternalServerError':
      return l10n.t(
        'Storage Gateway had an internal error{0}: {1} Retry in a few minutes.',
        sub ? ` (${sub})` : '',
        sentence(facts.message),
      );
    case 'ServiceUnavailableError':
      return l10n.t('Storage Gateway is unavailable{0}. Retry in a few minutes.', sub ? ` (${sub})` : '');
    default:
      return undefined;
  }
}
