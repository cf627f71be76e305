// Turns whatever a load threw into the data of an error node: a message, the AWS error code, the request id,
// and the kind (from the AWS access layer's classifier) that decides whether "Reauthenticate" is offered.

import * as l10n from '../../l10n';
import { messages } from './messages';
import type { TreeError } from './nodes';

/** What the classifier (`classifyAwsError` of src/aws/errors.ts) tells about an error; only `kind` is required. */
export interface ClassifiedError {
  readonly kind: string;
  readonly message?: string;
  readonly code?: string;
  readonly requestId?: string;
  /** The HTTP status AWS answered with, when it answered. */
  readonly httpStatus?: number;
}

export type ErrorClassifier = (error: unknown) => ClassifiedError;

/** Kinds (of `AwsErrorKind`) for which getting fresh credentials is the fix. */
const reauthKinds = new Set(['credentials-expired', 'credentials-missing', 'credentials-invalid']);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The AWS error code of an SDK error (`name`/`Code`), ignoring the generic names of plain JS errors. */
export function awsErrorCode(error: unknown): string | undefined {
  const code = str(field(error, 'Code')) ?? str(field(error, 'code')) ?? str(field(error, 'name'));
  return code === 'Error' || code === 'TypeError' ? undefined : code;
}

export function awsRequestId(error: unknown): string | undefined {
  const metadata = field(error, '$metadata');
  return str(field(metadata, 'requestId')) ?? str(field(error, 'RequestId')) ?? str(field(error, 'requestId'));
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = str(field(error, 'message')) ?? str(field(error, 'Message'));
  if (message) return message;
  return awsErrorCode(error) ?? l10n.t('Unknown error');
}

export function toTreeError(error: unknown, classify?: ErrorClassifier): TreeError {
  let classified: ClassifiedError | undefined;
  try {
    classified = classify?.(error);
  } catch {
    classified = undefined;
  }
  const kind = classified?.kind ?? 'other';
  const code = classified?.code ?? awsErrorCode(error);
  const requestId = classified?.requestId ?? awsRequestId(error);
  // Our HTTP handler's timeout (no answer at all) says so in words; its own message names the handler's internals.
  const noAnswer = (code === 'TimeoutError' || code === 'ETIMEDOUT') && classified?.httpStatus === undefined;
  return {
    message: noAnswer ? messages.noAnswer : (classified?.message ?? errorMessage(error)),
    kind,
    ...(code ? { code } : {}),
    ...(requestId ? { requestId } : {}),
    reauthenticate: reauthKinds.has(kind),
  };
}

/** True for the rejection of a call whose AbortSignal fired (never shown: a refresh replaced it). */
export function isAbortError(error: unknown): boolean {
  const name = field(error, 'name');
  return name === 'AbortError' || name === 'RequestAbortedError';
}
