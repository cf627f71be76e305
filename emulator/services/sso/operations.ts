/**
 * The SSO portal's operations (the AWS access portal's API): ListAccounts and ListAccountRoles of the demo
 * organisation, paged; GetRoleCredentials (temporary credentials of a role in an account, 1 hour); Logout. Each call
 * carries the access token of an SSO OIDC sign-in in `x-amz-sso_bearer_token`.
 */
import { findAccount, findRole } from '../../identity/organization';
import { ApiError } from '../../protocols/types';
import { type PagingStyle, pageFor } from '../paging';
import { type AccessToken, DEMO_USER_NAME, ssoDirectoryIn, validAccessToken } from '../ssoOidc/state';
import { type CallContext, type Handler } from '../types';

/** How long GetRoleCredentials' credentials last (AWS: the permission set's session duration, 1 hour by default). */
export const ROLE_CREDENTIALS_SECONDS = 60 * 60;
/** The page size of ListAccounts and ListAccountRoles without maxResults (the model allows 1–100). */
export const DEFAULT_PAGE_SIZE = 20;

export const unauthorized = (): ApiError =>
  new ApiError('UnauthorizedException', 401, 'Session token not found or invalid');

const PAGING: PagingStyle = {
  token: 'nextToken',
  size: 'maxResults',
  defaultSize: DEFAULT_PAGE_SIZE,
  invalidToken: () => new ApiError('InvalidRequestException', 400, 'Invalid nextToken'),
};

/** The signed-in session of the call's bearer token; UnauthorizedException when it is missing, unknown or expired. */
function signedIn(ctx: CallContext, input: Record<string, unknown>): AccessToken {
  const token = input.accessToken;
  const record =
    typeof token === 'string' ? validAccessToken(ssoDirectoryIn(ctx.directory), token, ctx.now) : undefined;
  if (!record) throw unauthorized();
  return record;
}

function accountOf(ctx: CallContext, accountId: unknown) {
  const account = typeof accountId === 'string' ? findAccount(ctx.organization, accountId) : undefined;
  if (!account) throw new ApiError('ResourceNotFoundException', 404, 'The specified account does not exist.');
  return account;
}

const listAccounts: Handler = (ctx, input) => {
  signedIn(ctx, input);
  const page = pageFor(ctx.organization, input, 'sso-accounts', PAGING);
  return {
    accountList: page.items.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: a.email })),
    nextToken: page.next,
  };
};

const listAccountRoles: Handler = (ctx, input) => {
  signedIn(ctx, input);
  const account = accountOf(ctx, input.accountId);
  const page = pageFor(account.roles, input, `sso-roles:${account.id}`, PAGING);
  return { roleList: page.items.map((r) => ({ roleName: r.name, accountId: account.id })), nextToken: page.next };
};

const getRoleCredentials: Handler = (ctx, input) => {
  signedIn(ctx, input);
  const account = accountOf(ctx, input.accountId);
  const role = findRole(ctx.organization, account.id, input.roleName as string);
  if (!role) throw new ApiError('ResourceNotFoundException', 404, 'The specified role does not exist.');
  const credential = ctx.issued.issue({
    accountId: account.id,
    roleName: role.name,
    sessionName: DEMO_USER_NAME,
    policy: role.policy,
    durationSeconds: ROLE_CREDENTIALS_SECONDS,
    now: ctx.now,
  });
  return {
    roleCredentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      sessionToken: credential.sessionToken,
      // Epoch milliseconds, as the portal answers (the SDK's fromSSO reads it so).
      expiration: credential.expiration,
    },
  };
};

/** Ends the sign-in: its access tokens and its refresh token stop working (issued role credentials do not). */
const logout: Handler = (ctx, input) => {
  signedIn(ctx, input).session.loggedOut = true;
  return {};
};

export const ssoOperations: Readonly<Record<string, Handler>> = {
  ListAccounts: listAccounts,
  ListAccountRoles: listAccountRoles,
  GetRoleCredentials: getRoleCredentials,
  Logout: logout,
};
