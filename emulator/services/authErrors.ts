/** The errors services of one protocol family share: authentication failures, and the restJson services' faults. */
import { ApiError } from '../protocols/types';
import { type ServiceErrors } from './types';

const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

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
