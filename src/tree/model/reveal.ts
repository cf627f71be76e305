// Finds a resource's or a snapshot's node for `reveal`: loads the levels above it through the model, further pages of
// its service until the resource is loaded, then (for a snapshot) the resource's snapshots afresh, page by page. A
// snapshot whose resource is not in its region (a copy) is looked for in the region's group of such snapshots.
import { parseSsoProfileName } from '../../aws/sso/ssoProfiles';
import type {
  ExplorerNode,
  LoadMoreNode,
  ProfileNode,
  ResourceNode,
  ServiceNode,
  SnapshotNode,
  SsoAccountNode,
  SsoSessionNode,
} from './nodes';

/** Where a resource sits in the tree. */
export interface ResourceAddress {
  readonly profile: string;
  readonly region: string;
  readonly serviceId: string;
  readonly resourceId: string;
}

/** Where a snapshot sits: under its resource, else in the region's group of snapshots without a resource there. */
export interface SnapshotAddress extends ResourceAddress {
  /** The snapshot's id (or ARN), as the service lists it. */
  readonly snapshotId: string;
}

/** The model's reading and paging, as `findResource` and `findSnapshot` use them. */
export interface RevealSource {
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  loadMore(node: LoadMoreNode): Promise<void>;
  /** The items a node's branch loaded (all pages, ignoring the filter); none when it is not open. */
  loadedItems(node: ExplorerNode): readonly ExplorerNode[];
  /** Drops a node's branch, so that the next `getChildren` reads it again (a new snapshot is listed). */
  refreshNode?(node: ExplorerNode): void;
}

/** The id of the group of a region's snapshots whose resource is elsewhere (see branchPages' `unattachedGroup`). */
const unattachedId = '#unattached';
/** The most pages read while looking for one node. */
const maxPages = 100;

/** The loaded child of `owner` that `match` accepts, loading further pages until found or none are left. */
async function findInPages<T extends ExplorerNode>(
  source: RevealSource,
  owner: ExplorerNode,
  match: (node: ExplorerNode) => node is T,
): Promise<T | undefined> {
  for (let page = 0; page < maxPages; page++) {
    const children = await source.getChildren(owner);
    const found = source.loadedItems(owner).find(match);
    const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
    if (found || !more) return found;
    await source.loadMore(more);
  }
  return undefined;
}

/**
 * A profile's node: at the root, or (an IAM Identity Center role, `sso:<session>/<account>/<role>`, or a hand-written
 * profile standing for one) under its session's account, whose pages are read until the account is found.
 */
async function findProfile(source: RevealSource, name: string): Promise<ProfileNode | undefined> {
  const root = await source.getChildren();
  const atRoot = root.find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === name);
  if (atRoot) return atRoot;
  const role = parseSsoProfileName(name);
  if (!role) return undefined;
  const session = root.find((n): n is SsoSessionNode => n.kind === 'ssoSession' && n.session.name === role.session);
  if (!session) return undefined;
  const account = await findInPages(
    source,
    session,
    (n): n is SsoAccountNode => n.kind === 'ssoAccount' && n.account.id === role.accountId,
  );
  if (!account) return undefined;
  return findInPages(source, account, (n): n is ProfileNode => n.kind === 'profile' && n.profile.name === name);
}

/** The resource's node; undefined when the tree does not show it (profile hidden, region not chosen, no such resource). */
export async function findResource(source: RevealSource, target: ResourceAddress): Promise<ResourceNode | undefined> {
  const profile = await findProfile(source, target.profile);
  if (!profile) return undefined;
  const region = (await source.getChildren(profile)).find((n) => n.kind === 'region' && n.region === target.region);
  if (!region) return undefined;
  const service = (await source.getChildren(region)).find(
    (n): n is ServiceNode => n.kind === 'service' && n.service.id === target.serviceId,
  );
  if (!service?.offered) return undefined;
  return findInPages(
    source,
    service,
    (n): n is ResourceNode => n.kind === 'resource' && n.target.resource.id === target.resourceId,
  );
}

/**
 * The snapshot's node, its resource's snapshots read again first; undefined when the tree does not show it (its
 * region not shown, or no longer listed). `owner` says where it was looked for (its resource, or the group).
 */
export async function findSnapshot(
  source: RevealSource,
  target: SnapshotAddress,
): Promise<{ readonly node?: SnapshotNode; readonly owner?: ResourceNode }> {
  const resource = await findResource(source, target);
  const owners = resource ? [resource] : [];
  if (!resource) {
    const group = await findResource(source, { ...target, resourceId: unattachedId });
    if (group) owners.push(group);
  }
  for (const owner of owners) {
    source.refreshNode?.(owner);
    const node = await findInPages(
      source,
      owner,
      (n): n is SnapshotNode =>
        n.kind === 'snapshot' && (n.snapshot.id === target.snapshotId || n.snapshot.arn === target.snapshotId),
    );
    if (node) return { node, owner };
  }
  return { owner: owners[0] };
}
