// The explorer's data, without `vscode`: one paged loader per expanded branch, every branch loading on its own
// (a failure stays in its branch), refresh that cancels in-flight calls, a name filter and the in-progress
// marker. `getChildren` never rejects and never notifies: failures become error nodes.
import type { Logger } from '../../log';
import type { Page } from '../../services/service';
import { loadChildPage, type BranchPageDeps } from './branchPages';
import { describeNode, type DescribeState, type NodeView } from './describe';
import { messages } from './messages';
import {
  errorNode,
  isBranchOwner,
  loadMoreNode,
  placeholderNode,
  profileNode,
  type BranchOwner,
  type ErrorNode,
  type ExplorerNode,
  type LoadMoreNode,
  type PlaceholderNode,
  type ProfileEntry,
  type ResourceNode,
  type ServiceNode,
} from './nodes';
import { PagedLoader } from './pagedLoader';
import { SnapshotLister, type SnapshotListerOptions } from './snapshotLister';
import { retryThrottled, type ThrottleRetryOptions } from './throttleRetry';
import { toTreeError, type ErrorClassifier } from './treeError';
import { visibleProfiles } from './treeSettings';
import { branchesUnder, matchesFilter, newestFirst, ownersForTarget, placeOf, type RefreshTarget } from './treeQueries';

export interface ExplorerModelDeps extends BranchPageDeps {
  readonly profiles: () => Promise<readonly ProfileEntry[]>;
  readonly classifyError?: ErrorClassifier;
  readonly log?: Logger;
  /** How a throttled branch load is tried again (after the SDK's own retries). */
  readonly throttleRetry?: ThrottleRetryOptions;
  /** How resources' snapshots are batched and how long an answer serves (tests set the clock). */
  readonly snapshotListing?: SnapshotListerOptions;
}

export type ChangeListener = (node: ExplorerNode | undefined) => void;

const rootKey = 'root';

interface Branch {
  readonly owner: BranchOwner | undefined;
  readonly loader: PagedLoader<ExplorerNode>;
  more?: LoadMoreNode;
  error?: { readonly cause: unknown; readonly node: ErrorNode };
  empty?: PlaceholderNode;
}

export class ExplorerModel implements DescribeState {
  private branches = new Map<string, Branch>();
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly profilesListeners = new Set<(discovered: number) => void>();
  private inProgress: ReadonlySet<string> = new Set();
  /**
   * Views of resource and snapshot nodes, which depend only on the node (immutable until its branch is refreshed)
   * and, for resources, the in-progress marker. The view asks for every child's item after each "Load more…", so
   * without this a long list rebuilds thousands of tooltips per page.
   */
  private readonly views = new WeakMap<ExplorerNode, { readonly inProgress: boolean; readonly view: NodeView }>();
  private filterText = '';
  private disposed = false;
  /** How many profiles the last root load discovered (0: the tree is empty and the welcome view shows). */
  private discovered: number | undefined;

  /** Lists resources' snapshots, batching those expanded together; a refresh drops its answers. */
  private readonly snapshots: SnapshotLister;

  constructor(private readonly deps: ExplorerModelDeps) {
    this.snapshots = new SnapshotLister({
      onFallback: (place, reason) => deps.log?.debug(`Snapshots of ${place}: listing resource by resource (${reason})`),
      ...deps.snapshotListing,
    });
  }

  // ---- events ----

  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires after each load of the profile list with the number of profiles discovered (before settings hide any). */
  onDidLoadProfiles(listener: (discovered: number) => void): { dispose(): void } {
    this.profilesListeners.add(listener);
    return { dispose: () => this.profilesListeners.delete(listener) };
  }

  private fire(node: ExplorerNode | undefined): void {
    if (this.disposed) return;
    for (const listener of this.changeListeners) {
      try {
        listener(node);
      } catch (error) {
        this.deps.log?.error(error instanceof Error ? error : String(error));
      }
    }
  }

  // ---- reading ----

  /** The children of a node (the profiles for `undefined`). Never rejects. */
  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node && !isBranchOwner(node)) return [];
    if (node?.kind === 'service' && !node.offered) return [];
    // A refresh while we wait replaces the branch; then wait for the new one (bounded, in case of refresh storms).
    for (let attempt = 0; attempt < 5; attempt++) {
      const branch = this.branchFor(node);
      await branch.loader.ensureLoaded();
      if (this.branches.get(node?.id ?? rootKey) === branch || this.disposed) return this.render(branch);
    }
    return this.render(this.branchFor(node));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.kind === 'profile' ? undefined : node.parent;
  }

  describe(node: ExplorerNode): NodeView {
    if (node.kind !== 'resource' && node.kind !== 'snapshot') return describeNode(node, this);
    const inProgress = node.kind === 'resource' && this.inProgress.has(node.key);
    const known = this.views.get(node);
    if (known && known.inProgress === inProgress) return known.view;
    const view = describeNode(node, this);
    this.views.set(node, { inProgress, view });
    return view;
  }

  get filter(): string {
    return this.filterText;
  }

  isInProgress(key: string): boolean {
    return this.inProgress.has(key);
  }

  isLoadingMore(owner: ExplorerNode): boolean {
    const branch = this.branches.get(owner.id);
    return !!branch && branch.loader.state === 'loading' && branch.loader.items.length > 0;
  }

  serviceCounts(node: ServiceNode): { loaded: number; shown: number; more: boolean } | undefined {
    const branch = this.branches.get(node.id);
    if (!branch || branch.loader.state === 'idle' || branch.loader.failure?.at === 'first') return undefined;
    const items = branch.loader.items;
    return {
      loaded: items.length,
      shown: items.filter((n) => n.kind !== 'resource' || matchesFilter(n, this.filterText)).length,
      more: !!branch.loader.nextToken,
    };
  }

  /** The loaded resource nodes (all pages, ignoring the filter). */
  *loadedResources(): Iterable<ResourceNode> {
    for (const branch of this.branches.values()) {
      for (const item of branch.loader.items) if (item.kind === 'resource') yield item;
    }
  }

  // ---- actions ----

  /** Loads the page a "Load more…" node stands for; a second call for the same node loads nothing more. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const branch = this.branches.get(node.parent.id);
    if (!branch || branch.more !== node) return;
    const done = branch.loader.loadMore(node.nextToken);
    this.fire(node);
    await done;
    if (this.branches.get(node.parent.id) === branch) this.fire(node.parent);
  }

  /** Loads again what failed in the error node's branch. */
  async retry(node: ErrorNode): Promise<void> {
    const key = node.parent?.id ?? rootKey;
    const branch = this.branches.get(key);
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
    for (const key of branchesUnder(this.branches.keys(), node?.id)) {
      this.branches.get(key)?.loader.cancel();
      this.branches.delete(key);
    }
    // The snapshot answers of the node's profile, region or service are stale now.
    this.snapshots.invalidate(node ? placeOf(node) : {});
    if (node?.kind === 'resource') this.snapshots.refreshed(node);
    this.fire(node);
  }

  /** Refreshes the loaded nodes a target names (the deepest level given); everything when empty. */
  refresh(target: RefreshTarget = {}): void {
    const owners = this.findOwners(target);
    if (owners === undefined) this.refreshNode(undefined);
    else for (const owner of owners) this.refreshNode(owner);
  }

  setFilter(text: string): void {
    const next = text.trim();
    if (next === this.filterText) return;
    this.filterText = next;
    for (const branch of this.branches.values()) if (branch.owner?.kind === 'service') this.fire(branch.owner);
  }

  /** Marks the resources whose snapshot is being taken; a resource entering or leaving reloads its snapshots. */
  setInProgress(keys: ReadonlySet<string>): void {
    const before = this.inProgress;
    this.inProgress = new Set(keys);
    const changed = new Set<string>();
    for (const k of before) if (!keys.has(k)) changed.add(k);
    for (const k of keys) if (!before.has(k)) changed.add(k);
    if (changed.size === 0) return;
    for (const node of [...this.loadedResources()]) if (changed.has(node.key)) this.refreshNode(node);
  }

  /**
   * Finds a resource's node, loading the levels above it and further pages of its service as needed.
   * Returns undefined when the tree does not show it (profile hidden, region not chosen, no such resource).
   */
  async findResource(target: {
    profile: string;
    region: string;
    serviceId: string;
    resourceId: string;
  }): Promise<ResourceNode | undefined> {
    const profile = (await this.getChildren()).find((n) => n.kind === 'profile' && n.profile.name === target.profile);
    if (!profile) return undefined;
    const region = (await this.getChildren(profile)).find((n) => n.kind === 'region' && n.region === target.region);
    if (!region) return undefined;
    const service = (await this.getChildren(region)).find(
      (n): n is ServiceNode => n.kind === 'service' && n.service.id === target.serviceId,
    );
    if (!service?.offered) return undefined;
    for (let page = 0; page < 100; page++) {
      const children = await this.getChildren(service);
      const branch = this.branches.get(service.id);
      const found = branch?.loader.items.find(
        (n): n is ResourceNode => n.kind === 'resource' && n.target.resource.id === target.resourceId,
      );
      const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      if (found || !more) return found;
      await this.loadMore(more);
    }
    return undefined;
  }

  dispose(): void {
    for (const branch of this.branches.values()) branch.loader.cancel();
    this.branches.clear();
    this.disposed = true;
    this.changeListeners.clear();
    this.profilesListeners.clear();
  }

  // ---- internals ----

  private findOwners(target: RefreshTarget): BranchOwner[] | undefined {
    const owners = new Map<string, BranchOwner>();
    for (const branch of this.branches.values()) {
      if (branch.owner) owners.set(branch.owner.id, branch.owner);
      for (const item of branch.loader.items) if (isBranchOwner(item)) owners.set(item.id, item);
    }
    return ownersForTarget(owners.values(), target);
  }

  private branchFor(owner: BranchOwner | undefined): Branch {
    const key = owner?.id ?? rootKey;
    let branch = this.branches.get(key);
    if (!branch) {
      branch = {
        owner,
        loader: new PagedLoader(
          (token, signal) =>
            retryThrottled(
              () => this.loadPage(owner, token, signal),
              signal,
              this.deps.classifyError,
              this.deps.throttleRetry,
            ),
          (n) => n.id,
        ),
      };
      this.branches.set(key, branch);
    }
    return branch;
  }

  private loadPage(
    owner: BranchOwner | undefined,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<ExplorerNode>> {
    if (owner) return loadChildPage(owner, token, signal, this.deps, this.snapshots);
    return this.loadProfiles();
  }

  private async loadProfiles(): Promise<Page<ExplorerNode>> {
    const all = await this.deps.profiles();
    this.discovered = all.length;
    this.reportProfiles(all.length);
    return { items: visibleProfiles(all, this.deps.settings()).map(profileNode) };
  }

  private reportProfiles(discovered: number): void {
    for (const listener of this.profilesListeners) {
      try {
        listener(discovered);
      } catch (error) {
        this.deps.log?.error(error instanceof Error ? error : String(error));
      }
    }
  }

  private render(branch: Branch): ExplorerNode[] {
    const { owner, loader } = branch;
    const failure = loader.failure;
    if (!owner && !failure && this.discovered === 0) return [];
    const failedNode = failure ? this.errorNodeFor(branch, failure) : undefined;
    if (!failure) branch.error = undefined;
    if (failedNode && failure?.at === 'first') return [failedNode];
    let items: ExplorerNode[] = [...loader.items];
    if (owner?.kind === 'service' && this.filterText) {
      items = items.filter((n) => n.kind !== 'resource' || matchesFilter(n, this.filterText));
    }
    if (owner?.kind === 'resource') items = newestFirst(items);
    const out = items;
    if (failedNode) out.push(failedNode);
    else if (loader.nextToken && owner) {
      if (branch.more?.nextToken !== loader.nextToken) branch.more = loadMoreNode(owner, loader.nextToken);
      out.push(branch.more);
    } else branch.more = undefined;
    if (out.length === 0) {
      const message = this.emptyMessage(owner, loader.items.length > 0);
      if (branch.empty?.message !== message) branch.empty = placeholderNode(owner, message);
      out.push(branch.empty);
    }
    return out;
  }

  /** The error node of a failed branch: one node per failure, logged once. */
  private errorNodeFor(branch: Branch, failure: { readonly error: unknown; readonly at: 'first' | 'more' }): ErrorNode {
    if (branch.error && branch.error.cause === failure.error) return branch.error.node;
    const { owner } = branch;
    const error = toTreeError(failure.error, this.deps.classifyError);
    const node = errorNode(owner, error, this.errorContext(owner, failure.at));
    branch.error = { cause: failure.error, node };
    this.deps.log?.warn(
      `${node.context} (${owner?.id ?? 'profiles'}): ${error.message}` +
        (error.code ? ` [${error.code}]` : '') +
        (error.requestId ? ` request id ${error.requestId}` : ''),
    );
    return node;
  }

  private emptyMessage(owner: BranchOwner | undefined, filteredOut: boolean): string {
    switch (owner?.kind) {
      case undefined:
        return messages.allProfilesHidden;
      case 'profile':
        return messages.noRegions;
      case 'service':
        return filteredOut
          ? messages.noneMatch(owner.service.resourceNoun.many, this.filterText)
          : messages.noneInRegion(owner.service.resourceNoun.many);
      default:
        return messages.noSnapshots;
    }
  }

  private errorContext(owner: BranchOwner | undefined, at: 'first' | 'more'): string {
    if (at === 'more') return messages.couldNotLoadMore;
    switch (owner?.kind) {
      case undefined:
        return messages.couldNotListProfiles;
      case 'profile':
        return owner.profile.error
          ? messages.profileUnusable(owner.profile.name)
          : messages.couldNotSignIn(owner.profile.name);
      case 'service':
        return messages.couldNotList(owner.service.resourceNoun.many);
      default:
        return messages.couldNotListSnapshots;
    }
  }
}
