// The typed errors of SimSpace Weaver (every error shape of the model), parsed from restJson1 error responses
// the way the AWS SDK does: the code from `x-amzn-errortype`, else the body's `code` / `__type`; the message
// from the modeled `Message` member.
import type { ResponseMetadata } from '@smithy/types';

export interface ServiceExceptionOptions {
  name: string;
  message: string;
  $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
}

/** Every SimSpace Weaver error; an unmodeled code arrives as this class with `name` set to the code. */
export class SimSpaceWeaverServiceException extends Error {
  readonly $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
  /** The modeled message member. */
  readonly Message?: string;

  constructor(options: ServiceExceptionOptions) {
    super(options.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
    this.Message = options.message;
  }
}

type Details = Omit<ServiceExceptionOptions, 'name' | '$fault'>;

/** 403 */
export class AccessDeniedException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'AccessDeniedException', $fault: 'client' });
  }
}
/** 409 */
export class ConflictException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'ConflictException', $fault: 'client' });
  }
}
/** 500 */
export class InternalServerException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'InternalServerException', $fault: 'server' });
  }
}
/** 404 */
export class ResourceNotFoundException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'ResourceNotFoundException', $fault: 'client' });
  }
}
/** 402 */
export class ServiceQuotaExceededException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'ServiceQuotaExceededException', $fault: 'client' });
  }
}
/** 400 */
export class TooManyTagsException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'TooManyTagsException', $fault: 'client' });
  }
}
/** 400 */
export class ValidationException extends SimSpaceWeaverServiceException {
  constructor(details: Details) {
    super({ ...details, name: 'ValidationException', $fault: 'client' });
  }
}

const MODELED: Readonly<Record<string, new (details: Details) => SimSpaceWeaverServiceException>> = {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  TooManyTagsException,
  ValidationException,
};

/** `aws.protocols#Foo:http://…` → `Foo`, as the SDK's restJson1 error-code loader does. */
function sanitizeCode(raw: unknown): string | undefined {
  let code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
  if (!code) return undefined;
  code = code.split(',')[0] ?? code;
  code = code.split(':')[0] ?? code;
  if (code.includes('#')) code = code.split('#')[1] ?? code;
  return code.trim() || undefined;
}

function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface ErrorResponse {
  statusCode: number;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
  metadata: ResponseMetadata;
}

export function errorFromResponse(response: ErrorResponse): SimSpaceWeaverServiceException {
  const body = parseJson(response.body);
  const header = Object.entries(response.headers).find(([key]) => key.toLowerCase() === 'x-amzn-errortype')?.[1];
  const code = sanitizeCode(header) ?? sanitizeCode(body.code) ?? sanitizeCode(body.__type);
  const rawMessage = body.Message ?? body.message;
  const message = typeof rawMessage === 'string' && rawMessage !== '' ? rawMessage : undefined;
  const Modeled = code !== undefined ? MODELED[code] : undefined;
  if (Modeled) return new Modeled({ message: message ?? code ?? 'UnknownError', $metadata: response.metadata });
  return new SimSpaceWeaverServiceException({
    name: code ?? 'UnknownError',
    message: message ?? code ?? `The service answered HTTP ${response.statusCode} without an error code.`,
    $fault: response.statusCode >= 500 ? 'server' : 'client',
    $metadata: response.metadata,
  });
}
