// The explorer's data, without `vscode`: one paged loader per expanded branch, every branch loading on its own
// (a failure stays in its branch), refresh that cancels in-flight calls, a name filter and the in-progress
// marker. `getChildren` never rejects and never notifies: failures become error nodes. The parts live apart:
// the branches (`branches`), what a branch shows (`branchRender`), the markers, the view cache and `reveal`.
import type { Tag } from '../../validation/types';
import type { Page } from '../../services/service';
import { loadChildPage } from './branchPages';
import { renderBranch } from './branchRender';
import { Branches, type Branch } from './branches';
import type { NodeView } from './describe';
import { Listeners } from './listeners';
import { TreeMarkers } from './markers';
import { ModelState } from './modelState';
import { NodeViews } from './nodeViews';
import {
  isBranchOwner,
  type BranchOwner,
  type ErrorNode,
  type ExplorerNode,
  type LoadMoreNode,
  type ResourceNode,
  type SnapshotNode,
  type SsoSessionNode,
} from './nodes';
import { FilteredTree } from './filteredTree';
import { findResource, findSnapshot, type ResourceAddress, type RevealSource, type SnapshotAddress } from './reveal';
import { SlowLoads } from './slowLoads';
import { SsoStatuses } from './ssoStatuses';
import { loadRoot } from './ssoTree';
import type { SnapshotLister } from './snapshotLister';
import { SnapshotTagReader } from './snapshotTags';
import { retryThrottled } from './throttleRetry';
import { TreeOrganiser } from './treeOrganiser';
import type { SortOrder } from './treeOrder';
import { placeOf, type RefreshTarget } from './treeQueries';

import { snapshotListerFor, type ExplorerModelDeps } from './explorerModelDeps';

export type { ExplorerModelDeps };

export type ChangeListener = (node: ExplorerNode | undefined) => void;

export class ExplorerModel {
  private readonly branches: Branches;
  private readonly changeListeners: Listeners<ExplorerNode | undefined>;
  private readonly profilesListeners: Listeners<number>;
  private readonly markers = new TreeMarkers();
  /** The name filter's loading, showing and counting; Search Everywhere's pages (see `filteredTree`). */
  readonly filtering: FilteredTree;
  private readonly views: NodeViews;
  private disposed = false;
  /** How many profiles the last root load discovered (0: the tree is empty and the welcome view shows). */
  private discovered: number | undefined;

  /** Lists resources' snapshots, batching those expanded together; a refresh drops its answers. */
  private readonly snapshots: SnapshotLister;
  /** Snapshots' tags for their tooltips, read on hover where the listing did not return them. */
  private readonly tags: SnapshotTagReader;
  /** Branches loading for longer than a few seconds. */
  private readonly slowLoads: SlowLoads;
  /** The order, the counts and the services unreachable in every region of a profile. */
  private readonly organiser: TreeOrganiser;
  /** IAM Identity Center sessions' sign-in states. */
  readonly sso: SsoStatuses;

  constructor(private readonly deps: ExplorerModelDeps) {
    this.snapshots = snapshotListerFor(deps);
    const retry = { ...deps.throttleRetry, alreadyRetried: (error: unknown) => this.snapshots.retried(error) };
    this.slowLoads = new SlowLoads((owner) => this.fire(owner), deps.slowLoads?.timers, deps.slowLoads?.afterMs);
    this.branches = new Branches((owner, token, signal) =>
      this.slowLoads.watch(owner, () =>
        retryThrottled(() => this.loadPage(owner, token, signal), signal, deps.classifyError, retry),
      ),
    );
    this.changeListeners = new Listeners(deps.log);
    this.profilesListeners = new Listeners(deps.log);
    this.filtering = new FilteredTree(
      {
        branches: this.branches,
        filter: () => this.markers.filter,
        disposed: () => this.disposed,
        fire: (node) => this.fire(node),
        renderedChildren: (node) => this.renderedChildren(node),
      },
      deps.log,
    );
    this.tags = new SnapshotTagReader(deps.clients, deps.log);
    this.organiser = new TreeOrganiser(
      this.branches,
      (node) => this.fire(node),
      () => this.disposed,
      deps,
    );
    this.sso = new SsoStatuses(deps.identityCenter, (node) => this.fire(node), deps.log);
    const { branches, markers, organiser, tags, sso } = this;
    this.views = new NodeViews(new ModelState({ branches, markers, organiser, tags, sso, now: deps.now }));
  }

  // ---- events ----

  onDidChange(listener: ChangeListener): { dispose(): void } {
    return this.changeListeners.add(listener);
  }

  /** Fires after each load of the profile list with the number of profiles discovered (before settings hide any). */
  onDidLoadProfiles(listener: (discovered: number) => void): { dispose(): void } {
    return this.profilesListeners.add(listener);
  }

  private fire(node: ExplorerNode | undefined): void {
    if (this.disposed) return;
    this.changeListeners.fire(node);
    this.filtering.notify();
  }

  // ---- reading ----

  /**
   * The children of a node (the profiles for `undefined`). Never rejects. While a filter is set, the levels under
   * each child are loaded first (down to each service's first page, a few at once) and only the children holding a
   * match, or an error, are returned.
   */
  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.filtering.children(node, await this.renderedChildren(node));
  }

  /** A branch's children as rendered, ignoring the filter on profiles, regions and services. */
  private async renderedChildren(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (node && !isBranchOwner(node)) return [];
    if (node?.kind === 'service' && !node.offered) return [];
    // A refresh while we wait replaces the branch; then wait for the new one (bounded, in case of refresh storms).
    for (let attempt = 0; attempt < 5; attempt++) {
      const branch = this.branches.open(node);
      const first = branch.loader.state === 'idle';
      await branch.loader.ensureLoaded();
      if (this.branches.get(node) === branch || this.disposed) {
        this.organiser.loaded(node, first);
        return this.render(branch);
      }
    }
    return this.render(this.branches.open(node));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.kind === 'ssoSession' ? undefined : node.parent;
  }

  describe(node: ExplorerNode): NodeView {
    return this.filtering.view(node, this.views.describe(node));
  }

  /**
   * The node's view once what its tooltip lacks has been read (a snapshot's tags: one call, on hover). Never
   * rejects: a failed read says so in the tooltip; an aborted one leaves it to the next hover.
   */
  async resolve(node: ExplorerNode, signal: AbortSignal): Promise<NodeView> {
    if (node.kind === 'snapshot') await this.tags.read(node, signal);
    return this.describe(node);
  }

  /** A snapshot's tags for Copy Tags: known ones, else read once (cached with the hover's); rejects when unreadable. */
  readSnapshotTags(node: SnapshotNode, signal: AbortSignal): Promise<readonly Tag[]> {
    return this.tags.tags(node, signal);
  }

  get filter(): string {
    return this.markers.filter;
  }

  /** The order of resources and snapshots. */
  get sortOrder(): SortOrder {
    return this.organiser.order;
  }

  /**
   * Shows resources and snapshots in another order (no call to AWS). The whole tree is drawn again: firing a service
   * and a resource under it at once can make VS Code register the resource's children twice.
   */
  setSortOrder(order: SortOrder): void {
    if (this.organiser.setOrder(order)) this.fire(undefined);
  }

  /** True while the node's branch has been loading for more than a few seconds (its description says so). */
  isLoadingSlowly(node: ExplorerNode): boolean {
    return this.slowLoads.isSlow(node);
  }

  /** The loaded resource nodes (all pages, ignoring the filter). */
  loadedResources(): Iterable<ResourceNode> {
    return this.branches.loadedResources();
  }

  // ---- actions ----

  /** Loads the page a "Load more…" node stands for; a second call for the same node loads nothing more. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const branch = this.branches.get(node.parent);
    if (!branch || branch.more !== node) return;
    const done = branch.loader.loadMore(node.nextToken);
    this.fire(node);
    await done;
    if (this.branches.get(node.parent) === branch) this.fire(node.parent);
  }

  /** Loads again what failed in the error node's branch. */
  async retry(node: ErrorNode): Promise<void> {
    const branch = this.branches.get(node.parent);
    if (!branch || branch.error?.node !== node) return;
    const done = branch.loader.retry();
    this.fire(node.parent);
    await done;
  }

  /** Drops a node's branch and every branch under it, cancelling their calls; the tree loads them again. */
  refreshNode(node?: ExplorerNode): void {
    if (this.disposed) return;
    if (node && !isBranchOwner(node)) {
      this.refreshNode(node.parent);
      return;
    }
    this.branches.dropUnder(node);
    this.organiser.refreshed(node);
    // The snapshot answers of the node's profile, region or service are stale now.
    this.snapshots.invalidate(node && node.kind !== 'ssoSession' && node.kind !== 'ssoAccount' ? placeOf(node) : {});
    if (node?.kind === 'resource') this.snapshots.refreshed(node);
    this.fire(node);
  }

  /** Refreshes the loaded nodes a target names (the deepest level given); everything when empty. */
  refresh(target: RefreshTarget = {}): void {
    const owners = this.branches.findOwners(target);
    if (owners === undefined) this.refreshNode(undefined);
    else for (const owner of owners) this.refreshNode(owner);
  }

  /** Sets the name filter; the whole tree is drawn again (its nodes' ids and expansion change with the filter). */
  setFilter(text: string): void {
    if (!this.markers.setFilter(text)) return;
    this.fire(undefined);
  }

  /** Marks the resources whose snapshot is being taken; a resource entering or leaving reloads its snapshots. */
  setInProgress(keys: ReadonlySet<string>): void {
    const changed = this.markers.setInProgress(keys);
    if (changed.size === 0) return;
    for (const node of [...this.loadedResources()]) if (changed.has(node.key)) this.refreshNode(node);
  }

  /**
   * Finds a resource's node, loading the levels above it and further pages of its service as needed.
   * Returns undefined when the tree does not show it (profile hidden, region not chosen, no such resource).
   */
  findResource(target: ResourceAddress): Promise<ResourceNode | undefined> {
    return findResource(this.revealSource(), target);
  }

  /** Finds a snapshot's node (its resource's snapshots read again first); see `findSnapshot` in ./reveal. */
  findSnapshot(target: SnapshotAddress): ReturnType<typeof findSnapshot> {
    return findSnapshot({ ...this.revealSource(), refreshNode: (node) => this.refreshNode(node) }, target);
  }

  private revealSource(): RevealSource {
    return {
      // Unfiltered: a resource the filter hides is still found (revealing it clears the filter).
      getChildren: (node) => this.renderedChildren(node),
      loadMore: (node) => this.loadMore(node),
      loadedItems: (node) => this.branches.get(node)?.loader.items ?? [],
    };
  }

  dispose(): void {
    this.branches.clear();
    this.disposed = true;
    this.changeListeners.clear();
    this.profilesListeners.clear();
    this.filtering.clear();
  }

  // ---- internals ----

  private loadPage(
    owner: BranchOwner | undefined,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<ExplorerNode>> {
    if (owner) return loadChildPage(owner, token, signal, this.deps, this.snapshots);
    return this.loadProfiles();
  }

  private async loadProfiles(): Promise<Page<ExplorerNode>> {
    const root = await loadRoot(this.deps);
    this.discovered = root.discovered;
    this.profilesListeners.fire(root.discovered);
    void this.sso.read(root.sessions);
    return { items: root.items };
  }

  /** Whether a node is still the one its parent's branch holds (a refresh replaces nodes with new objects). */
  isCurrent(node: ExplorerNode): boolean {
    return this.branches.get(this.getParent(node))?.loader.items.includes(node) ?? false;
  }

  /** The sessions and profiles at the root, as loaded (none before the first load). */
  rootNodes(): readonly ExplorerNode[] {
    return this.branches.get(undefined)?.loader.items ?? [];
  }

  /** The IAM Identity Center session nodes at the root, as loaded. */
  sessionNodes(): SsoSessionNode[] {
    return this.rootNodes().filter((n): n is SsoSessionNode => n.kind === 'ssoSession');
  }

  private render(branch: Branch): ExplorerNode[] {
    return renderBranch(branch, {
      markers: this.markers,
      discovered: this.discovered,
      classifyError: this.deps.classifyError,
      log: this.deps.log,
      order: this.organiser.order,
      reach: this.organiser.reach,
    });
  }
}
