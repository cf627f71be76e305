// How the explorer model organises what it loaded: the order of resources and snapshots, the counts on service and
// resource nodes (a service's first page loaded as soon as its region shows, when `prefetch` is on), and the services
// unreachable in every region of a profile (`serviceReach`). The model calls it after each branch load and refresh.
import type { Branch } from './branches';
import type { BranchOwner, ExplorerNode, ProfileNode, RegionNode, ResourceNode, ServiceNode } from './nodes';
import { ServiceReach, type RegionState } from './serviceReach';
import { defaultSortOrder, type SortOrder } from './treeOrder';
import type { ErrorClassifier } from './treeError';

/** The model's branches, as the organiser reads them. */
export interface OrganiserBranches {
  /** The node's branch if it is open. */
  get(node: ExplorerNode): Branch | undefined;
  /** The node's branch, opened on first use. */
  open(owner: BranchOwner): Branch;
}

/** The model's dependencies the organiser reads (the same fields as `ExplorerModelDeps`). */
export interface OrganiserOptions {
  /** The order at start (the stored choice). */
  readonly sortOrder?: SortOrder;
  /** Load each shown service's first page when its region is shown, so every service node shows its count. */
  readonly prefetchServices?: boolean;
  /** True when an error says the service's endpoint is not the service (`isEndpointGone` of src/aws). */
  readonly isEndpointGone?: (error: unknown) => boolean;
  readonly classifyError?: ErrorClassifier;
}

/** A count and whether more pages exist. */
export interface Count {
  readonly count: number;
  readonly more: boolean;
}

export class TreeOrganiser {
  private current: SortOrder;
  readonly reach: ServiceReach;

  constructor(
    private readonly branches: OrganiserBranches,
    private readonly fire: (node: ExplorerNode | undefined) => void,
    private readonly disposed: () => boolean,
    private readonly options: OrganiserOptions = {},
  ) {
    this.current = options.sortOrder ?? defaultSortOrder;
    this.reach = new ServiceReach(options.isEndpointGone, options.classifyError);
  }

  get order(): SortOrder {
    return this.current;
  }

  /** Changes the order; true when it changed (the caller then draws the services and resources again). */
  setOrder(order: SortOrder): boolean {
    if (order === this.current) return false;
    this.current = order;
    return true;
  }

  /** After a branch's load (`first`: this call loaded it): counts, prefetch, and the unreachable services. */
  loaded(owner: BranchOwner | undefined, first: boolean): void {
    if (!owner || this.disposed()) return;
    if (owner.kind === 'region' && this.options.prefetchServices) this.prefetch(owner);
    if (owner.kind === 'service') this.check(owner.parent.parent);
    // The owner's count in its description (drawn before it was loaded).
    if (first && (owner.kind === 'service' || owner.kind === 'resource')) this.fire(owner);
  }

  /** After a refresh dropped `node`'s branches (everything for undefined): the verdicts that depended on them. */
  refreshed(node: BranchOwner | undefined): void {
    if (!node) this.reach.clear();
    else if (node.kind === 'profile') this.check(node);
    else if (node.kind !== 'ssoSession' && node.kind !== 'ssoAccount') this.check(profileOf(node));
  }

  /** The snapshots of a resource, where known: its loaded branch, else what its listing returned. */
  snapshotCount(node: ResourceNode): Count | undefined {
    if (node.target.resource.unattached) return undefined;
    const branch = this.branches.get(node);
    const state = branch?.loader.state;
    if (branch && (state === 'loaded' || (state === 'loading' && branch.loader.items.length > 0))) {
      return { count: branch.loader.items.length, more: !!branch.loader.nextToken };
    }
    const known = node.target.resource.knownSnapshots;
    return known ? { count: known.length, more: false } : undefined;
  }

  private prefetch(region: RegionNode): void {
    for (const node of this.branches.get(region)?.loader.items ?? []) {
      if (node.kind !== 'service' || !node.offered || this.reach.isLeftOut(node)) continue;
      const branch = this.branches.open(node);
      if (branch.loader.state !== 'idle') continue;
      void branch.loader.ensureLoaded().then(() => {
        if (this.disposed() || this.branches.get(node) !== branch) return;
        this.fire(node);
        this.check(node.parent.parent);
      });
    }
  }

  /** Recomputes a profile's unreachable services; draws the profile again when that changed. */
  private check(profile: ProfileNode): void {
    if (this.reach.update(profile, this.regionStates(profile))) this.fire(profile);
  }

  private regionStates(profile: ProfileNode): RegionState[] {
    const regions = (this.branches.get(profile)?.loader.items ?? []).filter(
      (n): n is RegionNode => n.kind === 'region',
    );
    return regions.map((region) => {
      const branch = this.branches.get(region);
      if (!branch || branch.loader.state !== 'loaded') return { region: region.region, services: undefined };
      const services = branch.loader.items.filter((n): n is ServiceNode => n.kind === 'service');
      return {
        region: region.region,
        services: services.map((node) => {
          const failure = this.branches.get(node)?.loader.failure;
          return {
            service: node.service,
            offered: node.offered,
            ...(failure?.at === 'first' ? { firstFailure: { error: failure.error } } : {}),
          };
        }),
      };
    });
  }
}

function profileOf(node: RegionNode | ServiceNode | ResourceNode): ProfileNode {
  return node.kind === 'region'
    ? node.parent
    : node.kind === 'service'
      ? node.parent.parent
      : node.parent.parent.parent;
}
