// The explorer model's side of the name filter: loads the levels a filter needs before it answers (`filterScan`),
// returns only the children holding a match or an error (`treeFilter`), draws shown nodes expanded under the
// filter's ids, counts what is found, and loads Search Everywhere's pages into the tree as they land.
import { createLimiter } from '../../aws/concurrency';
import type { Logger } from '../../log';
import type { Branches } from './branches';
import type { NodeView } from './describeParts';
import { filterScanConcurrency, scanOwners } from './filterScan';
import { Listeners } from './listeners';
import { isBranchOwner, type ExplorerNode, type ServiceNode } from './nodes';
import type { PageOutcome } from './searchEverywhere';
import {
  branchFacts,
  filterChildren,
  filteredView,
  filterSummary,
  isShown,
  placesWithMore,
  type BranchLookup,
  type FilterSummary,
} from './treeFilter';

/** What the filter uses of the explorer model. */
export interface FilterHost {
  readonly branches: Branches;
  /** The filter text ('' for none). */
  filter(): string;
  disposed(): boolean;
  /** Tells the tree a node (the root for `undefined`) changed. */
  fire(node: ExplorerNode | undefined): void;
  /** A branch's children as rendered (loading its first page), ignoring the filter on branches. */
  renderedChildren(node: ExplorerNode | undefined): Promise<ExplorerNode[]>;
}

export class FilteredTree {
  private readonly listeners: Listeners<void>;
  /** Bounds the loads a filter makes to know which branches hold a match. */
  private readonly limiter = createLimiter(() => filterScanConcurrency);
  private readonly lookup: BranchLookup = (owner) => branchFacts(this.host.branches.get(owner));

  constructor(
    private readonly host: FilterHost,
    log: Logger | undefined,
  ) {
    this.listeners = new Listeners(log);
  }

  /** Fires after what the filter shows may have changed (a scan or a page landed, the filter changed). */
  onDidUpdate(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  notify(): void {
    if (this.host.filter() && !this.host.disposed()) this.listeners.fire();
  }

  /** The children the filter shows, once every level under them is loaded down to each service's first page. */
  async children(node: ExplorerNode | undefined, rendered: ExplorerNode[]): Promise<ExplorerNode[]> {
    const filter = this.host.filter();
    if (!filter || node?.kind === 'resource') return rendered;
    const load = (owner: ExplorerNode) =>
      this.host.disposed() ? Promise.resolve([]) : this.host.renderedChildren(owner);
    await scanOwners(rendered, load, this.limiter);
    this.notify();
    return filterChildren(node && isBranchOwner(node) ? node : undefined, rendered, this.host.filter(), this.lookup);
  }

  view(node: ExplorerNode, view: NodeView): NodeView {
    return filteredView(node, view, this.host.filter());
  }

  /** What the filter finds in the loaded places. */
  summary(): FilterSummary {
    return filterSummary(this.host.branches.values(), this.host.filter());
  }

  /** The loaded places (services) whose listing has more pages and did not fail: what Search Everywhere loads. */
  placesWithMore(): ServiceNode[] {
    return placesWithMore(this.host.branches.values());
  }

  /**
   * Loads a place's next page (Search Everywhere) and shows it at once: the service is drawn again, or the whole
   * tree when the page made the service appear under the filter.
   */
  async loadNextPage(node: ServiceNode): Promise<PageOutcome> {
    const branch = this.host.branches.get(node);
    const token = branch?.loader.nextToken;
    // A place refreshed meanwhile has nothing left to search; one whose page failed shows its error node.
    if (!branch) return 'done';
    if (branch.loader.failure) return 'failed';
    if (!token) return 'done';
    const shownBefore = isShown(node, this.host.filter(), this.lookup);
    await branch.loader.loadMore(token);
    if (this.host.branches.get(node) !== branch || this.host.disposed()) return 'done';
    const shownAfter = isShown(node, this.host.filter(), this.lookup);
    if (shownAfter !== shownBefore) this.host.fire(undefined);
    else if (shownAfter) this.host.fire(node);
    else this.notify();
    if (branch.loader.failure) return 'failed';
    return branch.loader.nextToken ? 'more' : 'done';
  }

  clear(): void {
    this.listeners.clear();
  }
}
