// Which errors the SimSpace Weaver client retries, classified as the AWS SDK's retry middleware does
// (@smithy service-error-classification): throttling, transient (timeouts, socket errors, 500/502/503/504),
// other server errors, and client errors (never retried).
import type { RetryErrorInfo, RetryErrorType } from '@smithy/types';
import { NODE_TRANSIENT_CODES, THROTTLING_CODES, TRANSIENT_CODES, TRANSIENT_STATUS } from '../errorCodes';

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function fields(error: unknown): ErrorFields {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : {};
}

function isTransient(error: unknown, depth = 0): boolean {
  const e = fields(error);
  if (e.name === 'AbortError') return false;
  return (
    (typeof e.name === 'string' && TRANSIENT_CODES.has(e.name)) ||
    (typeof e.code === 'string' && NODE_TRANSIENT_CODES.has(e.code)) ||
    TRANSIENT_STATUS.has(e.$metadata?.httpStatusCode ?? 0) ||
    (e.cause !== undefined && depth < 10 && isTransient(e.cause, depth + 1))
  );
}

export function retryErrorType(error: unknown): RetryErrorType {
  const e = fields(error);
  const status = e.$metadata?.httpStatusCode;
  if (status === 429 || (typeof e.name === 'string' && THROTTLING_CODES.has(e.name))) return 'THROTTLING';
  if (isTransient(error)) return 'TRANSIENT';
  if (status !== undefined && status >= 500 && status <= 599) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

/** A `Retry-After` (seconds or HTTP date) or `x-amz-retry-after` (milliseconds) header as a time to wait until. */
export function retryAfterHint(
  headers: Readonly<Record<string, string | undefined>>,
  now = Date.now(),
): Date | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const name = key.toLowerCase();
    if (name === 'x-amz-retry-after' && Number.isFinite(Number(value))) return new Date(now + Number(value));
    if (name === 'retry-after') {
      if (/^\d+(\.\d+)?$/.test(value.trim())) return new Date(now + Number(value) * 1000);
      const date = Date.parse(value);
      if (!Number.isNaN(date)) return new Date(date);
    }
  }
  return undefined;
}

export function retryErrorInfo(error: unknown, headers?: Readonly<Record<string, string | undefined>>): RetryErrorInfo {
  const hint = headers ? retryAfterHint(headers) : undefined;
  // The error itself goes along, as the SDK's retry middleware passes it (the policy does not resend a timed-out call).
  return {
    errorType: retryErrorType(error),
    // SdkError narrows `cause` to an Error; the policy reads only the name, code and status.
    ...(error instanceof Error ? { error: error as RetryErrorInfo['error'] } : {}),
    ...(hint ? { retryAfterHint: hint } : {}),
  };
}
