// Loads one page of a branch's children from AWS (or from settings, for a profile's regions).
import type { AwsClients } from '../../aws/clients';
import type { AwsContext, Page, SnapshotService } from '../../services/service';
import { regionNode, resourceNode, serviceNode, snapshotNode, type BranchOwner, type ExplorerNode } from './nodes';
import type { SnapshotLister } from './snapshotLister';
import { clampPageSize, regionsFor, type TreeSettings } from './treeSettings';

export interface BranchPageDeps {
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly settings: () => TreeSettings;
  readonly checkCredentials?: (profile: string, signal: AbortSignal) => Promise<void>;
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
    case 'profile': {
      // A profile that cannot be used as written shows why, without trying to sign in.
      if (hasError(owner.profile.error)) throw owner.profile.error;
      await deps.checkCredentials?.(owner.profile.name, signal);
      return { items: regionsFor(owner.profile, deps.settings()).map((r) => regionNode(owner, r)) };
    }
    case 'region':
      return { items: deps.services.map((s) => serviceNode(owner, s)) };
    case 'service': {
      const result = await owner.service.listResources(ctx(owner.profile, owner.region), page);
      return { items: result.items.map((r) => resourceNode(owner, r)), ...withToken(result.nextToken) };
    }
    case 'resource': {
      const { profile, region, service, resource } = owner.target;
      const result = await snapshots.page({ ctx: ctx(profile, region), service, resource, owner, token, pageSize });
      return { items: result.items.map((s) => snapshotNode(owner, s)), ...withToken(result.nextToken) };
    }
  }
}

function withToken(nextToken: string | undefined): { nextToken?: string } {
  return nextToken ? { nextToken } : {};
}
