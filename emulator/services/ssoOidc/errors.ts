/**
 * SSO OIDC's errors as the service sends them: the model's exception shapes carry OAuth 2.0's `error` (RFC 6749 /
 * RFC 8628 codes: `authorization_pending`, `slow_down`, …) and `error_description`, with no `message` member; the
 * exception's name is in `x-amzn-errortype`. Also the wire wrapper that writes every error (the core's too) that way.
 */
import { restJsonError } from '../../protocols/restJson';
import { ApiError, type Protocol, type WireResponse } from '../../protocols/types';

export type OidcErrorCode =
  | 'AccessDeniedException'
  | 'AuthorizationPendingException'
  | 'ExpiredTokenException'
  | 'InternalServerException'
  | 'InvalidClientException'
  | 'InvalidClientMetadataException'
  | 'InvalidGrantException'
  | 'InvalidRequestException'
  | 'InvalidScopeException'
  | 'SlowDownException'
  | 'UnauthorizedClientException'
  | 'UnsupportedGrantTypeException';

/** The OAuth error code of each modeled exception (the core's own errors, e.g. throttling, are `invalid_request`). */
const OAUTH_CODES: Readonly<Record<OidcErrorCode, string>> = {
  AccessDeniedException: 'access_denied',
  AuthorizationPendingException: 'authorization_pending',
  ExpiredTokenException: 'expired_token',
  InternalServerException: 'server_error',
  InvalidClientException: 'invalid_client',
  InvalidClientMetadataException: 'invalid_client_metadata',
  InvalidGrantException: 'invalid_grant',
  InvalidRequestException: 'invalid_request',
  InvalidScopeException: 'invalid_scope',
  SlowDownException: 'slow_down',
  UnauthorizedClientException: 'unauthorized_client',
  UnsupportedGrantTypeException: 'unsupported_grant_type',
};

/** One of the model's exceptions (its HTTP status from the model's shapes, as listed in service-2.json). */
export function oidcError(code: OidcErrorCode, description: string): ApiError {
  const status = code === 'InvalidClientException' ? 401 : code === 'InternalServerException' ? 500 : 400;
  return new ApiError(code, status, description);
}

/** restJson1 with SSO OIDC's error body: `{"error": "<oauth code>", "error_description": "…"}`. */
export function oidcProtocol(base: Protocol): Protocol {
  return {
    ...base,
    serializeError(error: ApiError, _operation: string | undefined, requestId: string): WireResponse {
      return restJsonError(error, requestId, {
        error: (OAUTH_CODES as Readonly<Record<string, string>>)[error.code] ?? 'invalid_request',
        error_description: error.message,
        ...error.fields,
      });
    },
  };
}
