/**
 * The roles STS lets callers assume, as data: every role of the demo organisation (`arn:aws:iam::<account>:role/<role
 * name>`) and the extra demo roles of assume-role profiles (`deploy`, and `admin-mfa`, which requires the demo MFA
 * device and code); the demo MFA device and code, and the demo web identity token with the claims it stands for.
 */
import { FULL_ACCESS } from '../../identity/policies';
import { findRole, type OrgAccount, type OrgRole } from '../../identity/organization';

/** The demo virtual MFA device's serial number (an ARN of the default account) and the one code it accepts. */
export const DEMO_MFA_SERIAL = 'arn:aws:iam::123456789012:mfa/demo';
export const DEMO_MFA_CODE = '123456';

/** The one web identity token AssumeRoleWithWebIdentity accepts, and the claims it stands for. */
export const DEMO_WEB_IDENTITY = Object.freeze({
  token: 'emulator-demo-web-identity-token',
  subject: 'emulator-demo-user',
  audience: 'emulator-demo-client',
  provider: 'emulator-demo-idp',
});

/** A role outside the organisation's permission sets, for assume-role profiles. */
export interface ExtraRole {
  accountId: string;
  role: OrgRole;
}

export const EXTRA_ROLES: readonly ExtraRole[] = Object.freeze([
  { accountId: '210987654321', role: { name: 'deploy', policy: FULL_ACCESS } },
  { accountId: '210987654321', role: { name: 'admin-mfa', policy: FULL_ACCESS, requireMfa: true } },
]);

/** A role ARN's account and role name (the last part of its path), or undefined when it is not a role ARN. */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const match = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(arn);
  return match ? { accountId: match[1]!, roleName: match[2]! } : undefined;
}

/** The role an ARN names, if the organisation or the extra demo roles have it. */
export function assumableRole(
  organization: readonly OrgAccount[],
  accountId: string,
  roleName: string,
  extra: readonly ExtraRole[] = EXTRA_ROLES,
): OrgRole | undefined {
  return (
    findRole(organization, accountId, roleName) ??
    extra.find((r) => r.accountId === accountId && r.role.name === roleName)?.role
  );
}
