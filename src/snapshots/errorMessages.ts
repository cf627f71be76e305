// Every modeled error of the four create calls (see each operation's `errors` in ../shared/aws-models),
// mapped to one sentence that says what happened and what to do. Pure: no `vscode` import.

/** What the create flow knows about the failed call, to name things in the message. */
export interface CreateErrorContext {
  readonly serviceId: string;
  readonly serviceLabel: string;
  readonly operation: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceName: string;
  /** The snapshot name or description the user gave, when there is one. */
  readonly snapshotName?: string;
}

/** The facts read off an SDK (or our SimSpace Weaver client's) error. */
export interface ErrorFacts {
  readonly code: string;
  readonly message: string;
  readonly httpStatus?: number;
  readonly attempts?: number;
  readonly quotaCode?: string;
  readonly serviceCode?: string;
  /** Storage Gateway's `error.errorCode` (e.g. GatewayNotConnected). */
  readonly gatewayErrorCode?: string;
  readonly reason?: string;
}

/** The IAM action each create call needs (DocumentDB uses the `rds:` prefix). */
export const iamActions: Readonly<Record<string, string>> = {
  'neptune-graph': 'neptune-graph:CreateGraphSnapshot',
  storagegateway: 'storagegateway:CreateSnapshot',
  docdb: 'rds:CreateDBClusterSnapshot',
  simspaceweaver: 'simspaceweaver:CreateSnapshot',
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the code, message and extra members of an error, whatever client threw it. */
export function errorFacts(error: unknown): ErrorFacts {
  const e = record(error);
  const meta = record(e.$metadata);
  const gateway = record(e.error);
  const name = str(e.name) === 'Error' ? undefined : str(e.name);
  const rawCode = name ?? str(e.code) ?? str(e.Code) ?? str(e.__type) ?? 'Error';
  // awsJson error types may arrive as "namespace#Code" or "Code:url".
  const code = rawCode.replace(/^.*#/, '').replace(/:.*$/, '');
  const message = str(e.message) ?? str(e.Message) ?? (error instanceof Error ? error.message : String(error));
  return {
    code,
    message,
    httpStatus: typeof meta.httpStatusCode === 'number' ? meta.httpStatusCode : undefined,
    attempts: typeof meta.attempts === 'number' ? meta.attempts : undefined,
    quotaCode: str(e.quotaCode),
    serviceCode: str(e.serviceCode),
    gatewayErrorCode: str(gateway.errorCode),
    reason: str(e.reason),
  };
}

const throttlingCodes = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);
const accessDeniedCodes = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'NotAuthorized',
]);
const credentialCodes = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'AuthFailure',
  'TokenRefreshRequired',
]);
const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError']);

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function quotaText(facts: ErrorFacts): string {
  if (!facts.quotaCode) return '';
  return facts.serviceCode
    ? ` (quota code ${facts.quotaCode}, service ${facts.serviceCode})`
    : ` (quota code ${facts.quotaCode})`;
}

function neptune(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ServiceQuotaExceededException':
      return `You have reached a Neptune Analytics quota${quotaText(facts)}: ${sentence(facts.message)} Delete graph snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.`;
    case 'ConflictException':
      return `Graph ${c.resourceName} cannot take this snapshot now (${facts.reason ?? 'conflict'}): ${sentence(facts.message)} If the name "${c.snapshotName ?? ''}" is already used, pick another; otherwise wait for the graph's other operation to finish and retry.`;
    case 'ValidationException':
      return `Neptune Analytics rejected the input${facts.reason ? ` (${facts.reason})` : ''}: ${sentence(facts.message)} Fix the value and retry.`;
    case 'ResourceNotFoundException':
      return `Graph ${c.resourceName} was not found in ${c.region}: it may have been deleted. Refresh the tree and pick another graph.`;
    case 'InternalServerException':
      return `Neptune Analytics had an internal error: ${sentence(facts.message)} Retry in a few minutes.`;
    default:
      return undefined;
  }
}

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

function storageGateway(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
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

function docdb(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'DBClusterSnapshotAlreadyExistsFault':
    case 'DBClusterSnapshotAlreadyExists':
      return `A cluster snapshot named "${c.snapshotName ?? ''}" already exists in ${c.region} (identifiers are unique per account and region). Choose another identifier.`;
    case 'InvalidDBClusterStateFault':
      return `Cluster ${c.resourceName} is not available: a snapshot can only be taken while its status is "available". Wait until it is, then retry.`;
    case 'DBClusterNotFoundFault':
      return `Cluster ${c.resourceName} was not found in ${c.region}: it may have been deleted. Refresh the tree.`;
    case 'SnapshotQuotaExceededFault':
    case 'SnapshotQuotaExceeded':
      return `You have reached the DocumentDB quota of manual cluster snapshots in ${c.region}. Delete manual snapshots you no longer need, or ask for a higher quota in the Service Quotas console, then retry.`;
    case 'InvalidDBClusterSnapshotStateFault':
      return `A cluster snapshot named "${c.snapshotName ?? ''}" exists in a state that blocks this request (e.g. being deleted). Choose another identifier, or wait and retry.`;
    default:
      return undefined;
  }
}

function simSpaceWeaver(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  switch (facts.code) {
    case 'ConflictException':
      return `Simulation ${c.resourceName} cannot take a snapshot now: ${sentence(facts.message)} A snapshot needs a STARTED simulation with no other snapshot in progress; wait, then retry.`;
    case 'ValidationException':
      return `SimSpace Weaver rejected the request: ${sentence(facts.message)} Check that the simulation is STARTED and that the bucket exists in ${c.region}, then retry.`;
    case 'ResourceNotFoundException':
      return `SimSpace Weaver could not find the simulation or the bucket: ${sentence(facts.message)} Refresh the tree, or check the bucket name.`;
    case 'InternalServerException':
      return `SimSpace Weaver had an internal error: ${sentence(facts.message)} Retry in a few minutes.`;
    default:
      return undefined;
  }
}

const perService: Readonly<Record<string, (facts: ErrorFacts, c: CreateErrorContext) => string | undefined>> = {
  'neptune-graph': neptune,
  storagegateway: storageGateway,
  docdb,
  simspaceweaver: simSpaceWeaver,
};

function common(facts: ErrorFacts, c: CreateErrorContext): string | undefined {
  const action = iamActions[c.serviceId] ?? `${c.serviceId}:${c.operation}`;
  if (accessDeniedCodes.has(facts.code) || (facts.httpStatus === 403 && !credentialCodes.has(facts.code))) {
    return `Access denied: profile ${c.profile} may not call ${action}. Ask your administrator for that IAM permission (on this resource), then retry.`;
  }
  if (throttlingCodes.has(facts.code) || facts.httpStatus === 429) {
    const tries = facts.attempts && facts.attempts > 1 ? ` even after ${facts.attempts} attempts` : '';
    return `AWS throttled the ${c.operation} request${tries}. Wait a minute, then retry.`;
  }
  if (credentialCodes.has(facts.code)) {
    return `The credentials of profile ${c.profile} were rejected or have expired (${facts.code}). Refresh them (e.g. aws sso login --profile ${c.profile}), then retry.`;
  }
  if (networkCodes.has(facts.code)) {
    return `Could not reach ${c.serviceLabel} in ${c.region} (${facts.code}). Check your network or the endpoint setting, then retry.`;
  }
  return undefined;
}

/** The sentence to show when a create call fails. */
export function createErrorMessage(error: unknown, c: CreateErrorContext): string {
  const facts = errorFacts(error);
  const specific = perService[c.serviceId]?.(facts, c) ?? common(facts, c);
  if (specific) return specific;
  return `${c.operation} failed (${facts.code}): ${sentence(facts.message)}`;
}
