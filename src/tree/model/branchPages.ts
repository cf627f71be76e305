// Loads one page of a branch's children from AWS (or from settings, for a profile's regions).
import type { AwsClients } from '../../aws/clients';
import type { AwsContext, Page, Resource, SnapshotService } from '../../services/service';
import { messages } from './messages';
import { regionNode, resourceNode, serviceNode, snapshotNode, type BranchOwner, type ExplorerNode } from './nodes';
import { servicesFor } from './serviceChoice';
import { accountPage, rolePage, type IdentityCenterSource } from './ssoTree';
import type { SnapshotLister } from './snapshotLister';
import { clampPageSize, defaultIdentityCenterSettings, regionsFor, type TreeSettings } from './treeSettings';

export interface BranchPageDeps {
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly settings: () => TreeSettings;
  readonly checkCredentials?: (profile: string, signal: AbortSignal) => Promise<void>;
  /** IAM Identity Center's sessions, accounts and roles (none: no session nodes). */
  readonly identityCenter?: IdentityCenterSource;
}

function hasError(error: unknown): boolean {
  return error !== undefined && error !== null && error !== false;
}

export async function loadChildPage(
  owner: BranchOwner,
  token: string | undefined,
  signal: AbortSignal,
  deps: BranchPageDeps,
  snapshots: SnapshotLister,
): Promise<Page<ExplorerNode>> {
  const ctx = (profile: string, region: string): AwsContext => ({ profile, region, clients: deps.clients, signal });
  const pageSize = clampPageSize(deps.settings().pageSize);
  const page = { ...(token ? { nextToken: token } : {}), pageSize };
  switch (owner.kind) {
    case 'ssoSession':
    case 'ssoAccount': {
      const source = deps.identityCenter;
      if (!source) return { items: [] };
      const settings = deps.settings().identityCenter ?? defaultIdentityCenterSettings;
      return owner.kind === 'ssoSession'
        ? accountPage(owner, source, settings, token, pageSize, signal)
        : rolePage(owner, source, settings, token, signal);
    }
    case 'profile': {
      // A profile that cannot be used as written shows why, without trying to sign in.
      if (hasError(owner.profile.error)) throw owner.profile.error;
      await deps.checkCredentials?.(owner.profile.name, signal);
      return { items: regionsFor(owner.profile, deps.settings()).map((r) => regionNode(owner, r)) };
    }
    case 'region': {
      const shown = servicesFor(owner.profile, deps.settings().services, deps.services);
      return { items: shown.map((s) => serviceNode(owner, s)) };
    }
    case 'service': {
      const result = await owner.service.listResources(ctx(owner.profile, owner.region), page);
      const items: ExplorerNode[] = result.items.map((r) => resourceNode(owner, r));
      // After the last page: the group of the region's snapshots whose resource is elsewhere (copies), if any can be.
      if (!result.nextToken && owner.service.listUnattachedSnapshots) {
        items.push(resourceNode(owner, unattachedGroup(owner.service)));
      }
      return { items, ...withToken(result.nextToken) };
    }
    case 'resource': {
      const { profile, region, service, resource } = owner.target;
      if (resource.unattached && service.listUnattachedSnapshots) {
        const result = await service.listUnattachedSnapshots(ctx(profile, region), page);
        return { items: result.items.map((s) => snapshotNode(owner, s)), ...withToken(result.nextToken) };
      }
      const result = await snapshots.page({ ctx: ctx(profile, region), service, resource, owner, token, pageSize });
      return { items: result.items.map((s) => snapshotNode(owner, s)), ...withToken(result.nextToken) };
    }
  }
}

/** The tree's place for a region's snapshots whose resource is not in the region. */
export function unattachedGroup(service: SnapshotService): Resource {
  return {
    service: service.id,
    id: '#unattached',
    name: messages.unattachedName(service.resourceNoun.one),
    status: '',
    summary: '',
    snapshottable: { ok: false, reason: messages.unattachedReason(service.resourceNoun.many) },
    details: [],
    unattached: true,
  };
}

function withToken(nextToken: string | undefined): { nextToken?: string } {
  return nextToken ? { nextToken } : {};
}
