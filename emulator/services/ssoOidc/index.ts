/**
 * IAM Identity Center's OIDC service (`sso-oidc`, restJson1, signing name `sso-oauth`): client registration and the
 * device authorization sign-in. Its operations are unsigned (`authtype: none`), so requests are told apart from the
 * other REST services by their paths.
 */
import { summarizeIssues } from '../../model/validate';
import { restJsonProtocol } from '../../protocols/restJson';
import { type WireRequest } from '../../protocols/types';
import { restJsonErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { oidcError, oidcProtocol } from './errors';
import { ssoOidcOperations } from './operations';

const PATHS: readonly string[] = ['/client/register', '/device_authorization', '/token'];

/** SSO OIDC's requests: POST to one of its three paths (S3 would need a signed request to reach a bucket by them). */
export function isSsoOidcRequest(request: WireRequest): boolean {
  return request.method === 'POST' && PATHS.includes(request.rawPath.replace(/\/+$/, ''));
}

export const ssoOidc: EmulatedService = {
  id: 'sso-oidc',
  modelFolder: 'sso-oidc',
  routing: { signingName: 'sso-oauth', claims: isSsoOidcRequest },
  build: (model) => ({
    protocol: oidcProtocol(restJsonProtocol(model)),
    uriEscapePath: true,
    errors: {
      ...restJsonErrors(),
      internal: () => oidcError('InternalServerException', 'An internal error occurred.'),
      validation: (issues) => oidcError('InvalidRequestException', summarizeIssues(issues)),
    },
    operations: ssoOidcOperations,
  }),
};
