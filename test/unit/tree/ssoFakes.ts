// A fake IAM Identity Center for the tree's unit tests: sessions, sign-in states, accounts (paged by an offset token)
// and roles as the facade of src/aws/sso/identityCenter.ts gives them, every call recorded; and an explorer model on it.
import { classifyAwsError } from '../../../src/aws/errors';
import { coveredProfiles } from '../../../src/aws/sso/ssoConfig';
import { ssoProfileName } from '../../../src/aws/sso/ssoProfiles';
import { ExplorerModel, type ExplorerModelDeps } from '../../../src/tree/model/explorerModel';
import type {
  ExplorerNode,
  ProfileEntry,
  SsoAccountEntry,
  SsoAccountNode,
  SsoSessionEntry,
  SsoSessionNode,
} from '../../../src/tree/model/nodes';
import type { IdentityCenterSource, SsoRoleEntry, SsoSessionStatus } from '../../../src/tree/model/ssoTree';
import { defaultTreeSettings, type TreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeService, noClients } from '../../support/fakeService';

export interface SsoCall {
  readonly op: 'sessions' | 'status' | 'listAccounts' | 'listRoles';
  readonly session?: string;
  readonly accountId?: string;
  readonly nextToken?: string;
  readonly pageSize?: number;
}

export function sessionEntry(name: string, extra: Partial<SsoSessionEntry> = {}): SsoSessionEntry {
  return {
    name,
    startUrl: `https://${name}.awsapps.com/start`,
    region: 'eu-central-1',
    legacy: false,
    cacheKey: name,
    scopes: [],
    profiles: [],
    ...extra,
  };
}

export const account = (name: string, id: string): SsoAccountEntry => ({ id, name, email: `${name}@example.com` });

export class FakeIdentityCenter implements IdentityCenterSource {
  readonly calls: SsoCall[] = [];
  readonly statuses = new Map<string, SsoSessionStatus>();
  /** Accounts of every session. */
  accounts: SsoAccountEntry[] = [];
  /** Account id → its role names. */
  readonly roles = new Map<string, string[]>();
  /** What listAccounts fails with (none: it answers). */
  accountsError: ((session: string) => Error | undefined) | undefined;
  statusError: Error | undefined;

  constructor(public sessionList: SsoSessionEntry[]) {}

  async sessions(): Promise<readonly SsoSessionEntry[]> {
    this.calls.push({ op: 'sessions' });
    return this.sessionList;
  }

  async status(session: string): Promise<SsoSessionStatus> {
    this.calls.push({ op: 'status', session });
    if (this.statusError) throw this.statusError;
    return this.statuses.get(session) ?? { signedIn: false };
  }

  async listAccounts(session: string, nextToken: string | undefined, pageSize: number) {
    this.calls.push({ op: 'listAccounts', session, pageSize, ...(nextToken ? { nextToken } : {}) });
    const error = this.accountsError?.(session);
    if (error) throw error;
    const start = nextToken ? Number(nextToken) : 0;
    const end = start + pageSize;
    return {
      items: this.accounts.slice(start, end),
      ...(end < this.accounts.length ? { nextToken: String(end) } : {}),
    };
  }

  async listRoles(session: string, accountId: string, nextToken: string | undefined) {
    this.calls.push({ op: 'listRoles', session, accountId, ...(nextToken ? { nextToken } : {}) });
    const found = this.sessionList.find((s) => s.name === session);
    const covered = coveredProfiles(found ? [found] : []);
    const items: SsoRoleEntry[] = (this.roles.get(accountId) ?? []).map((name) => {
      const synthetic = ssoProfileName(session, accountId, name);
      return { accountId, name, profile: covered.get(synthetic) ?? synthetic };
    });
    return { items };
  }

  count(op: SsoCall['op']): number {
    return this.calls.filter((c) => c.op === op).length;
  }
}

export interface SsoSetup {
  readonly model: ExplorerModel;
  readonly ic: FakeIdentityCenter;
  readonly service: FakeService;
  readonly settings: { value: TreeSettings };
  readonly changes: Array<ExplorerNode | undefined>;
  readonly clock: { now: number };
}

export function ssoSetup(
  opts: {
    sessions?: SsoSessionEntry[];
    profiles?: ProfileEntry[];
    settings?: Partial<TreeSettings>;
    deps?: Partial<ExplorerModelDeps>;
  } = {},
): SsoSetup {
  const ic = new FakeIdentityCenter(opts.sessions ?? [sessionEntry('corp')]);
  const service = new FakeService('neptune-graph', 'Neptune Analytics');
  const settings = { value: { ...defaultTreeSettings, ...opts.settings } };
  const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
  const profiles = opts.profiles ?? [];
  const model = new ExplorerModel({
    profiles: async () => profiles,
    clients: noClients,
    services: [service],
    settings: () => settings.value,
    classifyError: classifyAwsError,
    throttleRetry: { attempts: 0 },
    identityCenter: ic,
    now: () => clock.now,
    ...opts.deps,
  });
  const changes: Array<ExplorerNode | undefined> = [];
  model.onDidChange((n) => changes.push(n));
  return { model, ic, service, settings, changes, clock };
}

/** The root's session node of that name. */
export async function sessionNode(model: ExplorerModel, name = 'corp'): Promise<SsoSessionNode> {
  const found = (await model.getChildren()).find(
    (n): n is SsoSessionNode => n.kind === 'ssoSession' && n.session.name === name,
  );
  if (!found) throw new Error(`no session node ${name}`);
  return found;
}

/** The account node of that id under the session (first page). */
export async function accountNode(model: ExplorerModel, id: string, session = 'corp'): Promise<SsoAccountNode> {
  const found = (await model.getChildren(await sessionNode(model, session))).find(
    (n): n is SsoAccountNode => n.kind === 'ssoAccount' && n.account.id === id,
  );
  if (!found) throw new Error(`no account node ${id}`);
  return found;
}

export const labelsOf = (model: ExplorerModel, nodes: readonly ExplorerNode[]): string[] =>
  nodes.map((n) => model.describe(n).label);
