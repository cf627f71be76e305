/**
 * IAM Identity Center's portal API (`sso`, restJson1, signing name `awsssoportal`): the accounts and roles of the
 * demo organisation and their credentials, for the bearer token of an SSO OIDC sign-in. Its operations are unsigned
 * (`authtype: none`), so requests are told apart from the other REST services by their paths.
 */
import { summarizeIssues } from '../../model/validate';
import { restJsonProtocol } from '../../protocols/restJson';
import { ApiError, type WireRequest } from '../../protocols/types';
import { restJsonErrors } from '../authErrors';
import { type EmulatedService } from '../types';
import { ssoOperations, unauthorized } from './operations';

const ROUTES: readonly string[] = [
  'GET /assignment/accounts',
  'GET /assignment/roles',
  'GET /federation/credentials',
  'POST /logout',
];

/** The portal's requests: its four method + path pairs. */
export function isSsoPortalRequest(request: WireRequest): boolean {
  return ROUTES.includes(`${request.method} ${request.rawPath.replace(/\/+$/, '')}`);
}

export const sso: EmulatedService = {
  id: 'sso',
  modelFolder: 'sso',
  routing: { signingName: 'awsssoportal', claims: isSsoPortalRequest },
  build: (model) => ({
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: {
      ...restJsonErrors(),
      throttling: () => new ApiError('TooManyRequestsException', 429, 'Rate exceeded'),
      // A call without its bearer token is not signed in (the portal's 401), whatever else is wrong with it.
      validation: (issues) =>
        issues.some((i) => i.kind === 'required' && i.path === 'accessToken')
          ? unauthorized()
          : new ApiError('InvalidRequestException', 400, summarizeIssues(issues)),
    },
    operations: ssoOperations,
  }),
};
