// Which IAM Identity Center accounts and roles the tree shows, and in what order (pure): include/exclude patterns
// (`*` matches any run of characters, case-insensitive, the whole name) on an account's name or id and on a role's
// name; preferred roles per account (a setting: account name, id or pattern → role names, first match first); and
// the session's expiry as the tree says it, with the moment of its one warning.
import * as l10n from '../../l10n';

export interface AccountFilter {
  /** Shown only when one of these matches the account's name or id (none: every account). */
  readonly includeAccounts?: readonly string[];
  /** Hidden when one of these matches the account's name or id. */
  readonly excludeAccounts?: readonly string[];
  readonly includeRoles?: readonly string[];
  readonly excludeRoles?: readonly string[];
}

/** The preferred-roles setting: account name, id or pattern (`*`: every account) → role names, most wanted first. */
export type PreferredRoles = Readonly<Record<string, string | readonly string[]>>;

export interface NamedAccount {
  readonly id: string;
  readonly name: string;
}

const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** True when the pattern (`*` wildcard, case-insensitive) matches the whole value. */
export function matchesPattern(pattern: string, value: string): boolean {
  const source = pattern.trim().split('*').map(escape).join('.*');
  return new RegExp(`^${source}$`, 'is').test(value);
}

const anyMatches = (patterns: readonly string[] | undefined, values: readonly string[]): boolean =>
  (patterns ?? []).some((pattern) => values.some((value) => matchesPattern(pattern, value)));

const hasPatterns = (patterns: readonly string[] | undefined): boolean =>
  (patterns ?? []).some((pattern) => pattern.trim() !== '');

export function accountVisible(account: NamedAccount, filter: AccountFilter): boolean {
  const values = [account.name, account.id];
  if (hasPatterns(filter.includeAccounts) && !anyMatches(filter.includeAccounts, values)) return false;
  return !anyMatches(filter.excludeAccounts, values);
}

export function roleVisible(roleName: string, filter: AccountFilter): boolean {
  if (hasPatterns(filter.includeRoles) && !anyMatches(filter.includeRoles, [roleName])) return false;
  return !anyMatches(filter.excludeRoles, [roleName]);
}

export function filterAccounts<A extends NamedAccount>(accounts: readonly A[], filter: AccountFilter): A[] {
  return accounts.filter((account) => accountVisible(account, filter));
}

export function filterRoles<R extends { readonly name: string }>(roles: readonly R[], filter: AccountFilter): R[] {
  return roles.filter((role) => roleVisible(role.name, filter));
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/**
 * The preferred role names for an account, most wanted first: the entry of its id, then of its name, then of any
 * other matching pattern (in the setting's order), then of `*`.
 */
export function preferredRoleNames(account: NamedAccount, preferred: PreferredRoles): string[] {
  const keys = Object.keys(preferred);
  const exact = (value: string) => keys.filter((key) => key.trim().toLowerCase() === value.toLowerCase());
  const byId = exact(account.id);
  const byName = exact(account.name);
  const patterns = keys.filter(
    (key) =>
      key.trim() !== '*' &&
      !byId.includes(key) &&
      !byName.includes(key) &&
      (matchesPattern(key, account.id) || matchesPattern(key, account.name)),
  );
  const everyAccount = keys.filter((key) => key.trim() === '*');
  return [...byId, ...byName, ...patterns, ...everyAccount].flatMap((key) => list(preferred[key]));
}

/** The roles in preferred order (a preferred name may be a pattern); the others after them, in their own order. */
export function orderRoles<R extends { readonly name: string }>(
  roles: readonly R[],
  account: NamedAccount,
  preferred: PreferredRoles,
): R[] {
  const names = preferredRoleNames(account, preferred);
  const rank = (role: R): number => {
    const index = names.findIndex((name) => matchesPattern(name, role.name));
    return index === -1 ? names.length : index;
  };
  return roles
    .map((role, index) => ({ role, index, rank: rank(role) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ role }) => role);
}

const HOUR_MS = 60 * 60_000;
/** The single expiry warning comes this long before the token expires. */
export const WARNING_LEAD_MS = 10 * 60_000;

/** "expires in 25 min" when less than an hour is left, "expired" once past, undefined otherwise. */
export function expiryText(expiresAt: Date, now: number): string | undefined {
  const left = expiresAt.getTime() - now;
  if (left <= 0) return l10n.t('expired');
  if (left >= HOUR_MS) return undefined;
  return l10n.t('expires in {0} min', Math.max(1, Math.floor(left / 60_000)));
}

/** When to show the one warning that the sign-in is about to expire: 10 minutes before it does. */
export function warnAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - WARNING_LEAD_MS);
}
