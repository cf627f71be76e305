/**
 * The demo organisation (IAM Identity Center's view of it), as data: its accounts, their names and e-mail addresses,
 * and the permission sets (roles) each account offers, with the identity policy a role's credentials get. The first
 * account is the emulator's default account (the demo access keys' account, the existing demo data).
 */
import { FULL_ACCESS, type IdentityPolicy, READ_ONLY_ACCESS } from './policies';

/** A role (permission set) of an account, as the SSO portal lists it and STS assumes it. */
export interface OrgRole {
  name: string;
  policy: IdentityPolicy;
  /** AssumeRole into it needs the demo MFA device and code (see emulator/README.md). */
  requireMfa?: boolean;
}

export interface OrgAccount {
  id: string;
  name: string;
  email: string;
  roles: readonly OrgRole[];
}

/** The number of accounts of the default organisation (the named ones). */
export const DEFAULT_ORGANIZATION_SIZE = 6;

/** The largest organisation the emulator builds (ids of generated accounts stay 12 digits). */
export const MAX_ORGANIZATION_SIZE = 10_000;

const ADMIN: OrgRole = Object.freeze({ name: 'AdministratorAccess', policy: FULL_ACCESS });
const POWER_USER: OrgRole = Object.freeze({ name: 'PowerUserAccess', policy: FULL_ACCESS });
const READ_ONLY: OrgRole = Object.freeze({ name: 'ReadOnlyAccess', policy: READ_ONLY_ACCESS });

const NAMED: readonly (readonly [id: string, name: string, roles: readonly OrgRole[]])[] = [
  ['123456789012', 'prod-data', [ADMIN, READ_ONLY]],
  ['210987654321', 'staging', [ADMIN, POWER_USER, READ_ONLY]],
  ['333333333333', 'sandbox', [ADMIN]],
  ['444444444444', 'analytics', [POWER_USER, READ_ONLY]],
  ['555555555555', 'security-audit', [READ_ONLY]],
  ['666666666666', 'shared-services', [ADMIN, READ_ONLY]],
];

function account(id: string, name: string, roles: readonly OrgRole[]): OrgAccount {
  return Object.freeze({ id, name, email: `${name}@example.com`, roles: Object.freeze([...roles]) });
}

/**
 * The demo organisation: the six named accounts (prod-data 123456789012 first, the default account), then, when `size`
 * is larger, generated accounts `account-007`, `account-008`, … (ids 100000000007, 100000000008, …) with the three
 * roles each, for benchmarks. A `size` below 1 or not an integer is refused (the default account always exists).
 */
export function demoOrganization(size: number = DEFAULT_ORGANIZATION_SIZE): OrgAccount[] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_ORGANIZATION_SIZE) {
    throw new RangeError(`The organisation size must be an integer from 1 to ${MAX_ORGANIZATION_SIZE} (got ${size}).`);
  }
  const accounts = NAMED.slice(0, size).map(([id, name, roles]) => account(id, name, roles));
  for (let n = NAMED.length + 1; n <= size; n++) {
    const id = String(100_000_000_000 + n);
    accounts.push(account(id, `account-${String(n).padStart(3, '0')}`, [ADMIN, POWER_USER, READ_ONLY]));
  }
  return accounts;
}

/** The organisation's account of that id, if any. */
export function findAccount(org: readonly OrgAccount[], accountId: string): OrgAccount | undefined {
  return org.find((a) => a.id === accountId);
}

/** The role of that name in that account of the organisation, if any. */
export function findRole(org: readonly OrgAccount[], accountId: string, roleName: string): OrgRole | undefined {
  return findAccount(org, accountId)?.roles.find((r) => r.name === roleName);
}
