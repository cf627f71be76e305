// The one table of AWS error codes: which codes mean throttling, a transient failure, a network problem, expired or
// invalid credentials, a missing resource, bad input, a conflicting state or a quota. aws/errors.ts classifies errors
// for the UI with it; the SimSpace Weaver client's retry strategy (simspaceweaver/retry.ts) retries with it, as the
// AWS SDK's retry middleware does (@smithy/service-error-classification).

/** Throttling, as the SDK's retry middleware lists it (retried with backoff). */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

/**
 * What the UI calls "throttled": the SDK's throttling codes and `TooManyRequests`, except `LimitExceededException`,
 * which the services also use for a quota (the UI says so instead of "slow down").
 */
export const THROTTLED_CODES: ReadonlySet<string> = new Set(
  [...THROTTLING_CODES, 'TooManyRequests'].filter((code) => code !== 'LimitExceededException'),
);

/** Timeouts the SDK retries as transient. */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([500, 502, 503, 504]);
/** Node socket errors the SDK retries as transient. */
export const NODE_TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Network problems for the UI: the transient ones and the other socket and HTTP-client failures. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  ...NODE_TRANSIENT_CODES,
  ...TRANSIENT_CODES,
  'ECONNABORTED',
  'NetworkingError',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export const EXPIRED_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'UnauthorizedException',
]);

export const INVALID_CODES = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthFailure',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidToken',
]);

export const NOT_FOUND_CODES = /NotFound|NoSuch|^Invalid\w*\.NotFound$|^GatewayNotConnected$/;

export const VALIDATION_CODES = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidParameterValueException',
  'InvalidParameterException',
  'InvalidGatewayRequestException',
  'MissingParameter',
  'BadRequestException',
  'TooManyTagsException',
  'SerializationException',
]);

export const CONFLICT_CODES =
  /Conflict|AlreadyExists|InvalidDBClusterStateFault|InvalidDBClusterSnapshotStateFault|^IncorrectState|InUse/;

export const QUOTA_CODES = /QuotaExceeded|LimitExceeded|SnapshotQuotaExceededFault/;
