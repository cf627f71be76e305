// Small pure helpers of the explorer model: which branches lie under a node, the name filter, snapshot order.
import type { BranchOwner, ExplorerNode, ResourceNode } from './nodes';

/** What `refresh` targets: the deepest field given names the level (all when empty). */
export interface RefreshTarget {
  readonly profile?: string;
  readonly region?: string;
  readonly serviceId?: string;
  readonly resourceId?: string;
}

/** The branch keys at or under a node id (every key when `id` is undefined). Node ids nest with `/`. */
export function branchesUnder(keys: Iterable<string>, id: string | undefined): string[] {
  const all = [...keys];
  if (id === undefined) return all;
  return all.filter((k) => k === id || k.startsWith(`${id}/`));
}

/** Case-insensitive substring match of the filter on a resource's name or id. */
export function matchesFilter(node: ResourceNode, filter: string): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  const { name, id } = node.target.resource;
  return name.toLowerCase().includes(needle) || id.toLowerCase().includes(needle);
}

/** Snapshots newest first (those without a date last, then by name); other nodes keep their place at the end. */
export function newestFirst(nodes: readonly ExplorerNode[]): ExplorerNode[] {
  const time = (n: ExplorerNode): number =>
    n.kind === 'snapshot' && n.snapshot.createdAt ? n.snapshot.createdAt.getTime() : Number.NEGATIVE_INFINITY;
  return [...nodes].sort((a, b) => {
    if (a.kind !== 'snapshot' || b.kind !== 'snapshot')
      return a.kind === 'snapshot' ? -1 : b.kind === 'snapshot' ? 1 : 0;
    const d = time(b) - time(a);
    if (d !== 0 && !Number.isNaN(d)) return d;
    return a.snapshot.name.localeCompare(b.snapshot.name);
  });
}

/** Where a branch owner lives: its profile, and its region and service id at the levels that have them. */
export function placeOf(node: Exclude<BranchOwner, { kind: 'ssoSession' | 'ssoAccount' }>): {
  profile: string;
  region?: string;
  service?: string;
} {
  switch (node.kind) {
    case 'profile':
      return { profile: node.profile.name };
    case 'region':
      return { profile: node.profile, region: node.region };
    case 'service':
      return { profile: node.profile, region: node.region, service: node.service.id };
    case 'resource':
      return { profile: node.target.profile, region: node.target.region, service: node.target.service.id };
  }
}

/**
 * The loaded branch owners a refresh target names, at the deepest level it gives; undefined for an empty
 * target (everything). A resource id not loaded yet (e.g. just created) names its service, so it appears.
 */
export function ownersForTarget(owners: Iterable<BranchOwner>, target: RefreshTarget): BranchOwner[] | undefined {
  const { profile, region, serviceId, resourceId } = target;
  if (profile === undefined && region === undefined && serviceId === undefined && resourceId === undefined) {
    return undefined;
  }
  const all = [...owners].filter(
    (n): n is Exclude<BranchOwner, { kind: 'ssoSession' | 'ssoAccount' }> =>
      n.kind !== 'ssoSession' && n.kind !== 'ssoAccount',
  );
  const level = (kind: BranchOwner['kind']): BranchOwner[] =>
    all.filter((n) => {
      const w = placeOf(n);
      return (
        n.kind === kind &&
        (profile === undefined || w.profile === profile) &&
        (region === undefined || w.region === region) &&
        (serviceId === undefined || w.service === serviceId)
      );
    });
  if (resourceId !== undefined) {
    const found = level('resource').filter((n) => n.kind === 'resource' && n.target.resource.id === resourceId);
    return found.length > 0 ? found : level('service');
  }
  if (serviceId !== undefined) return level('service');
  if (region !== undefined) return level('region');
  return level('profile');
}
