// Storage Gateway CreateSnapshot: one sentence for each of its modeled errors (see the operation's `errors` in
// ../shared/aws-models), including the gateway error codes its errors carry. Pure: no `vscode`, no SDK.
import { sentence, type CreateErrorContext, type ErrorFacts } from './errorText';

const gatewayCodes: Readonly<Record<string, (c: CreateErrorContext) => string>> = {
  GatewayNotConnected: () =>
    "The volume's gateway is not connected to AWS. Make sure the gateway VM is running and can reach AWS, then retry.",
  GatewayNotFound: () => "The volume's gateway no longer exists. Refresh the tree.",
  SnapshotInProgress: (c) =>
    `A snapshot of ${c.resourceName} is already in progress. Wait for it to finish, then retry.`,
  VolumeNotReady: (c) =>
    `Volume ${c.resourceName} is not ready for a snapshot (it may be bootstrapping, restoring or passing through). Wait until its status is AVAILABLE, then retry.`,
  VolumeNotFound: (c) => `Volume ${c.resourceName} no longer exists. Refresh the tree.`,
  VolumeIdInvalid: (c) => `AWS does not recognise the volume ARN of ${c.resourceName}. Refresh the tree and retry.`,
  OutdatedGateway: () => "The gateway's software is too old for this request. Update the gateway, then retry.",
  GatewayInternalError: () => "The gateway reported an internal error. Check the gateway's health, then retry.",
  GatewayProxyNetworkConnectionBusy: () => "The gateway's network connection is busy. Retry in a few minutes.",
  LocalStorageLimitExceeded: () => "The gateway's local storage is full. Free or add local disk, then retry.",
  StagingAreaFull: () => "The gateway's staging area is full. Wait for uploads to drain, then retry.",
  ServiceUnavailable: () => 'Storage Gateway is unavailable. Retry in a few minutes.',
};

export function explainStorageGatewayError(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  const sub = facts.gatewayErrorCode;
  const known = sub ? gatewayCodes[sub] : undefined;
  if (known) return known(c);
  switch (facts.code) {
    case 'InvalidGatewayRequestException':
      if (sub === 'InvalidParameters' || !sub) {
        return `Storage Gateway rejected the request${sub ? ` (${sub})` : ''}: ${sentence(facts.message)} Fix the description or tags and retry.`;
      }
      return `Storage Gateway refused the snapshot (${sub}): ${sentence(facts.message)} Check the gateway and volume, then retry.`;
    case 'InternalServerError':
      return `Storage Gateway had an internal error${sub ? ` (${sub})` : ''}: ${sentence(facts.message)} Retry in a few minutes.`;
    case 'ServiceUnavailableError':
      return `Storage Gateway is unavailable${sub ? ` (${sub})` : ''}. Retry in a few minutes.`;
    default:
      return undefined;
  }
}
