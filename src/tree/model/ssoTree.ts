// IAM Identity Center in the tree, without `vscode`: the sessions at the root (hiding the hand-written profiles a
// session's role stands for, so each role shows once), a session's accounts (its portal's paged ListAccounts, through
// the account filters) and an account's roles (ListAccountRoles, filtered, the preferred ones first) as profile nodes
// whose regions are the session's. Nothing is fetched for an account nobody expands.
import { accountVisible, orderRoles, roleVisible } from '../../aws/sso/accountFilters';
import { coveredProfiles } from '../../aws/sso/ssoConfig';
import { isSsoProfileName } from '../../aws/sso/ssoProfiles';
import type { Page } from '../../services/service';
import { visibleProfiles, type IdentityCenterSettings, type TreeSettings } from './treeSettings';
import {
  profileNode,
  roleNode,
  ssoAccountNode,
  ssoSessionNode,
  type ExplorerNode,
  type ProfileEntry,
  type SsoAccountEntry,
  type SsoAccountNode,
  type SsoSessionEntry,
  type SsoSessionNode,
} from './nodes';

/** An account's role as the portal lists it, with the profile name its credentials go by. */
export interface SsoRoleEntry {
  readonly accountId: string;
  readonly name: string;
  /** `sso:<session>/<account>/<role>`, or the hand-written profile that names this session, account and role. */
  readonly profile: string;
}

export interface SsoSessionStatus {
  readonly signedIn: boolean;
  readonly expiresAt?: Date;
}

/** What the tree asks of IAM Identity Center (src/aws/sso's facade fits it). */
export interface IdentityCenterSource {
  sessions(): Promise<readonly SsoSessionEntry[]>;
  /** Whether a token is cached for the session, and until when (read from the token cache, no call). */
  status(session: string): Promise<SsoSessionStatus>;
  listAccounts(
    session: string,
    nextToken: string | undefined,
    pageSize: number,
    signal: AbortSignal,
  ): Promise<{ items: readonly SsoAccountEntry[]; nextToken?: string }>;
  listRoles(
    session: string,
    accountId: string,
    nextToken: string | undefined,
    signal: AbortSignal,
  ): Promise<{ items: readonly SsoRoleEntry[]; nextToken?: string }>;
}

/** The hand-written profiles a usable session's role stands for (each role shows once: under the session). */
function coveredNames(sessions: readonly SsoSessionEntry[]): Set<string> {
  return new Set(coveredProfiles(sessions.filter((s) => !s.error)).values());
}

/**
 * The root's children: the IAM Identity Center sessions, then the profiles the settings show, minus those a session's
 * role stands for; `discovered` counts both before settings hide any (0: the welcome view shows).
 */
export async function loadRoot(deps: {
  readonly profiles: () => Promise<readonly ProfileEntry[]>;
  readonly identityCenter?: IdentityCenterSource;
  readonly settings: () => TreeSettings;
}): Promise<{ items: ExplorerNode[]; sessions: SsoSessionNode[]; discovered: number }> {
  const [all, sessions] = await Promise.all([deps.profiles(), deps.identityCenter?.sessions() ?? []]);
  const covered = coveredNames(sessions);
  const sessionNodes = sessions.map(ssoSessionNode);
  const profiles = visibleProfiles(
    all.filter((p) => !covered.has(p.name)),
    deps.settings(),
  );
  return {
    items: [...sessionNodes, ...profiles.map(profileNode)],
    sessions: sessionNodes,
    discovered: all.length + sessions.length,
  };
}

/** The regions of a session's roles from `identityCenter.regions` (the session's entry, else `*`); none: the tree's. */
export function sessionRegions(
  session: SsoSessionEntry,
  settings: IdentityCenterSettings,
): readonly string[] | undefined {
  const own = Object.prototype.hasOwnProperty.call(settings.regions, session.name)
    ? settings.regions[session.name]
    : undefined;
  return own ?? settings.regions['*'];
}

/** One page of a session's accounts, filtered by the settings (a page may hold none and still have more). */
export async function accountPage(
  owner: SsoSessionNode,
  source: IdentityCenterSource,
  settings: IdentityCenterSettings,
  token: string | undefined,
  pageSize: number,
  signal: AbortSignal,
): Promise<Page<ExplorerNode>> {
  if (owner.session.error) throw new Error(owner.session.error);
  const page = await source.listAccounts(owner.session.name, token, pageSize, signal);
  const items = page.items.filter((a) => accountVisible(a, settings)).map((a) => ssoAccountNode(owner, a));
  return { items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** One page of an account's roles as profile nodes, filtered and in preferred order. */
export async function rolePage(
  owner: SsoAccountNode,
  source: IdentityCenterSource,
  settings: IdentityCenterSettings,
  token: string | undefined,
  signal: AbortSignal,
): Promise<Page<ExplorerNode>> {
  const page = await source.listRoles(owner.session, owner.account.id, token, signal);
  const regions = sessionRegions(owner.parent.session, settings);
  const shown = orderRoles(
    page.items.filter((r) => roleVisible(r.name, settings)),
    owner.account,
    settings.preferredRoles,
  );
  const items = shown.map((role) =>
    roleNode(owner, role.name, {
      name: role.profile,
      kind: 'sso',
      region: owner.parent.session.region,
      // A covering hand-written profile shows under its own name, the role's name beside it.
      ...(isSsoProfileName(role.profile) ? { label: role.name } : { label: role.profile, description: role.name }),
      ...(regions ? { regions } : {}),
    }),
  );
  return { items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
