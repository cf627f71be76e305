/** What every wire protocol shares: the request and response as bytes, the parsed call, errors, the protocol contract. */
import { type IncomingHttpHeaders } from 'node:http';

/** A request as the server received it, body read in full. */
export interface WireRequest {
  method: string;
  /** The raw (still percent-encoded) path, e.g. `/graphs/g-abc`. */
  rawPath: string;
  /** The raw query string without `?` (may be empty). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The operation a request names and its input, keyed by the model's member names. */
export interface ParsedCall {
  operation: string;
  input: Record<string, unknown>;
}

/**
 * An error as a service reports it. `code` is the wire code (e.g. `SnapshotQuotaExceeded`, not the SDK class name
 * `SnapshotQuotaExceededFault`); `fields` are extra members of the error body (e.g. a `reason`, or an
 * `error: { errorCode }` object).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: Record<string, unknown> = {},
    /** Extra response headers, e.g. the `x-amz-bucket-region` of a redirect. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
  get sender(): boolean {
    return this.status < 500;
  }
}

/**
 * How a protocol's requests look before they are parsed: `target`, an `X-Amz-Target` header (awsJson); `query`, an
 * `Action=` parameter (awsQuery, ec2); `rest`, neither (restJson, restXml). See requestShapeOf.
 */
export type RequestShape = 'target' | 'query' | 'rest';

/** One wire protocol: from bytes to (operation, input) and from output/error to bytes, driven by the model. */
export interface Protocol {
  /** How its requests look before they are parsed. */
  readonly requestShape: RequestShape;
  /** Finds the operation and decodes its input; throws ApiError for unknown operations or undecodable input. */
  parse(request: WireRequest): ParsedCall;
  serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse;
  serializeError(error: ApiError, operation: string | undefined, requestId: string): WireResponse;
}
