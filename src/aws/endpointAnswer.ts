// Whether a failed call shows that the service's endpoint no longer answers as that service (as after an end of
// support): its host name is not found or refuses connections, or something answered HTTP without the service's
// protocol (an HTML page, no AWS request id). An AWS error, even a 404 or an outage, always carries a request id.

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly requestId?: unknown };
  readonly $response?: { readonly statusCode?: unknown };
}

/** Node socket codes of an endpoint that is not there: no such host, nothing listening. */
const absentHostCodes = new Set(['ENOTFOUND', 'ECONNREFUSED']);

/** What the SDK clients throw when the answer is not in the service's protocol (no error code could be read). */
const unreadableAnswerNames = new Set(['SyntaxError', 'DeserializationError', 'UnknownError', 'NotFound']);

function asObject(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : {};
}

function nodeCode(error: ErrorLike, depth = 0): string | undefined {
  if (typeof error.code === 'string' && absentHostCodes.has(error.code)) return error.code;
  return depth < 5 && error.cause !== undefined ? nodeCode(asObject(error.cause), depth + 1) : undefined;
}

/** True when the error says the endpoint does not answer as the service (see the top of this file). */
export function isEndpointGone(error: unknown): boolean {
  const e = asObject(error);
  if (nodeCode(e)) return true;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  if (typeof status !== 'number') return false;
  const requestId = e.$metadata?.requestId;
  if (typeof requestId === 'string' && requestId !== '') return false;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return unreadableAnswerNames.has(name) || /Deserialization error|without an error code/.test(message);
}
