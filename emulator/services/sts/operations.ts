/**
 * STS's operations: GetCallerIdentity (who signed the call), AssumeRole (a role of the organisation or an extra demo
 * role, MFA when the role requires it, role chaining limited to one hour as AWS limits it) and
 * AssumeRoleWithWebIdentity (unsigned; the demo web identity token). Credentials are issued through `ctx.issued`, in
 * the role's account, with the role's policy.
 */
import { type IssuedCredential } from '../../identity/issued';
import { type CallerIdentity } from '../../identity/types';
import { ApiError } from '../../protocols/types';
import { type CallContext, type Handler } from '../types';
import { assumableRole, DEMO_MFA_CODE, DEMO_MFA_SERIAL, DEMO_WEB_IDENTITY, parseRoleArn } from './roles';

/** A role session lasts one hour unless DurationSeconds says otherwise; a chained one at most one hour. */
const DEFAULT_DURATION_SECONDS = 3600;
const CHAINED_MAX_SECONDS = 3600;

const validation = (message: string) => new ApiError('ValidationError', 400, message);
const accessDenied = (message: string) => new ApiError('AccessDenied', 403, message);

function callerOf(ctx: CallContext): CallerIdentity {
  // Only operations the model marks `authtype: none` run without a caller, and these are not among them.
  if (!ctx.caller) throw new ApiError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  return ctx.caller;
}

function refuseSessionPolicies(input: Record<string, unknown>): void {
  if (input.Policy !== undefined || input.PolicyArns !== undefined) {
    throw new ApiError(
      'UnsupportedOperation',
      501,
      'The emulator does not apply session policies (Policy, PolicyArns); assume the role without them.',
    );
  }
}

function credentialsView(credential: IssuedCredential): Record<string, unknown> {
  return {
    Credentials: {
      AccessKeyId: credential.accessKeyId,
      SecretAccessKey: credential.secretAccessKey,
      SessionToken: credential.sessionToken,
      Expiration: new Date(credential.expiration),
    },
    AssumedRoleUser: { AssumedRoleId: credential.userId, Arn: credential.arn },
  };
}

const getCallerIdentity: Handler = (ctx) => {
  const caller = callerOf(ctx);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
};

const assumeRole: Handler = (ctx, input) => {
  const caller = callerOf(ctx);
  refuseSessionPolicies(input);
  const roleArn = input.RoleArn as string;
  const target = parseRoleArn(roleArn);
  if (!target) throw validation('Request ARN is invalid');
  const role = assumableRole(ctx.organization, target.accountId, target.roleName);
  if (!role) {
    throw accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  if (role.requireMfa && (input.SerialNumber !== DEMO_MFA_SERIAL || input.TokenCode !== DEMO_MFA_CODE)) {
    throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  }
  const durationSeconds = (input.DurationSeconds as number | undefined) ?? DEFAULT_DURATION_SECONDS;
  if (caller.issued && durationSeconds > CHAINED_MAX_SECONDS) {
    throw validation(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  const credential = ctx.issued.issue({
    accountId: target.accountId,
    roleName: role.name,
    sessionName: input.RoleSessionName as string,
    policy: role.policy,
    durationSeconds,
    now: ctx.now,
  });
  const sourceIdentity = input.SourceIdentity as string | undefined;
  return { ...credentialsView(credential), ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}) };
};

const assumeRoleWithWebIdentity: Handler = (ctx, input) => {
  refuseSessionPolicies(input);
  if (input.WebIdentityToken !== DEMO_WEB_IDENTITY.token) {
    throw new ApiError(
      'InvalidIdentityToken',
      400,
      'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
    );
  }
  const roleArn = input.RoleArn as string;
  const target = parseRoleArn(roleArn);
  if (!target) throw validation('Request ARN is invalid');
  const role = assumableRole(ctx.organization, target.accountId, target.roleName);
  // A role that requires MFA cannot be assumed with a web identity (its token carries no MFA).
  if (!role || role.requireMfa) throw accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  const credential = ctx.issued.issue({
    accountId: target.accountId,
    roleName: role.name,
    sessionName: input.RoleSessionName as string,
    policy: role.policy,
    durationSeconds: (input.DurationSeconds as number | undefined) ?? DEFAULT_DURATION_SECONDS,
    now: ctx.now,
  });
  return {
    ...credentialsView(credential),
    SubjectFromWebIdentityToken: DEMO_WEB_IDENTITY.subject,
    Audience: DEMO_WEB_IDENTITY.audience,
    Provider: DEMO_WEB_IDENTITY.provider,
  };
};

export const stsOperations: Readonly<Record<string, Handler>> = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
};
