/**
 * The errors services of one protocol family share: authentication failures, access denied (authorization), and the
 * restJson services' faults.
 */
import { type ServiceModel } from '../model/types';
import { ApiError } from '../protocols/types';
import { type ServiceErrors } from './types';

const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** Authentication errors of JSON (Coral) services: neptune-graph, storagegateway, simspaceweaver. */
export function jsonAuthErrors(malformedStatus: number): {
  missingAuth(): ApiError;
  malformedAuth(reason: string): ApiError;
  unknownKey(): ApiError;
  badSignature(): ApiError;
} {
  return {
    missingAuth: () => new ApiError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token'),
    malformedAuth: (reason) => new ApiError('IncompleteSignatureException', malformedStatus, reason),
    unknownKey: () => new ApiError('UnrecognizedClientException', 403, INVALID_TOKEN),
    badSignature: () => new ApiError('InvalidSignatureException', 403, BAD_SIGNATURE),
  };
}

/** Authentication errors of the query protocols (DocumentDB/RDS, EC2). */
export function queryAuthErrors(ec2: boolean): {
  missingAuth(): ApiError;
  malformedAuth(reason: string): ApiError;
  unknownKey(): ApiError;
  badSignature(): ApiError;
} {
  return {
    missingAuth: () =>
      new ApiError('MissingAuthenticationToken', ec2 ? 401 : 403, 'Request is missing Authentication Token'),
    malformedAuth: (reason) => new ApiError('IncompleteSignature', 400, reason),
    unknownKey: () =>
      ec2
        ? new ApiError('AuthFailure', 401, 'AWS was not able to validate the provided access credentials')
        : new ApiError('InvalidClientTokenId', 403, INVALID_TOKEN),
    badSignature: () => new ApiError('SignatureDoesNotMatch', 403, BAD_SIGNATURE),
  };
}

/** S3's authentication errors (rest-xml). */
export function s3AuthErrors(): {
  missingAuth(): ApiError;
  malformedAuth(reason: string): ApiError;
  unknownKey(): ApiError;
  badSignature(): ApiError;
} {
  return {
    missingAuth: () => new ApiError('AccessDenied', 403, 'Access Denied'),
    malformedAuth: (reason) => new ApiError('AuthorizationHeaderMalformed', 400, reason),
    unknownKey: () =>
      new ApiError('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'),
    badSignature: () =>
      new ApiError(
        'SignatureDoesNotMatch',
        403,
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      ),
  };
}

/** Everything but validation for the restJson (Coral) services: their auth errors, 429 throttling, 500 internal. */
export function restJsonErrors(): Omit<ServiceErrors, 'validation'> {
  return {
    ...jsonAuthErrors(403),
    throttling: () => new ApiError('ThrottlingException', 429, 'Rate exceeded'),
    internal: () => new ApiError('InternalServerException', 500, 'Internal server error'),
  };
}

/**
 * The error for a call signed with temporary credentials that have expired, in the service's shape: its model's
 * `ExpiredTokenException` when it has one (STS: 400); otherwise by protocol, as AWS answers: awsQuery (DocumentDB,
 * Neptune) `ExpiredToken` 403, JSON services `ExpiredTokenException` 403, EC2 `RequestExpired` 400, S3 `ExpiredToken`
 * 400. A service may answer its own (`ServiceErrors.expiredToken`).
 */
export function expiredTokenError(model: ServiceModel): ApiError {
  const modeled = model.shapes.ExpiredTokenException?.error;
  if (modeled?.httpStatusCode !== undefined) {
    return new ApiError(modeled.code ?? 'ExpiredTokenException', modeled.httpStatusCode, EXPIRED_TOKEN);
  }
  switch (model.metadata.protocol) {
    case 'json':
    case 'rest-json':
      return new ApiError('ExpiredTokenException', 403, EXPIRED_TOKEN);
    case 'ec2':
      return new ApiError('RequestExpired', 400, 'Request has expired.');
    case 'rest-xml':
      return new ApiError('ExpiredToken', 400, 'The provided token has expired.');
    default:
      return new ApiError('ExpiredToken', 403, EXPIRED_TOKEN);
  }
}

/** What a refused call's message names: who called, the IAM action, and the resource when the call named one. */
export interface DeniedCall {
  /** The caller's ARN, e.g. arn:aws:iam::123456789012:user/demo-readonly. */
  readonly principal: string;
  /** e.g. rds:CreateDBClusterSnapshot. */
  readonly action: string;
  readonly resource?: string;
}

/**
 * An authorization failure in the shape the service reports it: its model's `AccessDeniedException` when it has one
 * (neptune-graph, simspaceweaver: 403); otherwise by protocol: awsJson `AccessDeniedException` 400 (Storage Gateway's
 * Common Errors), awsQuery `AccessDenied` 403 (DocumentDB, Neptune), EC2 `UnauthorizedOperation` 403 with its encoded
 * authorization failure message, S3 `AccessDenied` 403. The message is IAM's: "User: <arn> is not authorized to
 * perform: <action> [on resource: <arn>] because no identity-based policy allows the <action> action".
 */
export function accessDeniedError(model: ServiceModel, call: DeniedCall): ApiError {
  const on = call.resource ? ` on resource: ${call.resource}` : '';
  const iam = `User: ${call.principal} is not authorized to perform: ${call.action}${on} because no identity-based policy allows the ${call.action} action`;
  const modeled = model.shapes.AccessDeniedException?.error?.httpStatusCode;
  if (modeled !== undefined) return new ApiError('AccessDeniedException', modeled, iam);
  switch (model.metadata.protocol) {
    case 'json':
      return new ApiError('AccessDeniedException', 400, iam);
    case 'ec2': {
      // AWS encrypts this message (sts:DecodeAuthorizationMessage reads it); the emulator's is base64url JSON.
      const encoded = Buffer.from(
        JSON.stringify({
          allowed: false,
          explicitDeny: false,
          context: { principal: { arn: call.principal }, action: call.action, resource: call.resource ?? '*' },
        }),
      ).toString('base64url');
      return new ApiError(
        'UnauthorizedOperation',
        403,
        `You are not authorized to perform this operation. ${iam}. Encoded authorization failure message: ${encoded}`,
      );
    }
    default:
      return new ApiError('AccessDenied', 403, iam);
  }
}
