// The synthetic profile names of IAM Identity Center roles: `sso:<session>/<accountId>/<roleName>` names one role of
// one account reached through one session, so clients, the tracker and the activity log key on it like on a profile
// of the config file. Session names may contain `/`; account ids are 12 digits and role names hold no `/`.

const PREFIX = 'sso:';
const SUFFIX = /\/(\d{12})\/([\w+=,.@-]+)$/;

export interface SsoProfileParts {
  readonly session: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** The synthetic profile name of a role of an account of a session. */
export function ssoProfileName(session: string, accountId: string, roleName: string): string {
  return `${PREFIX}${session}/${accountId}/${roleName}`;
}

/** The parts of a synthetic profile name; undefined for any other name (a profile of the config file). */
export function parseSsoProfileName(name: string): SsoProfileParts | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const rest = name.slice(PREFIX.length);
  const match = SUFFIX.exec(rest);
  if (!match || match.index === 0) return undefined;
  const [, accountId, roleName] = match;
  if (accountId === undefined || roleName === undefined) return undefined;
  return { session: rest.slice(0, match.index), accountId, roleName };
}

/** True when the name is a synthetic IAM Identity Center profile name. */
export function isSsoProfileName(name: string): boolean {
  return parseSsoProfileName(name) !== undefined;
}
