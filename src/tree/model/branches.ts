// The explorer model's branches: one paged loader per expanded node (the root's lists the profiles), keyed by the
// node's id. Dropping a node's branch drops every branch under it and cancels their calls.
import type { Page } from '../../services/service';
import {
  isBranchOwner,
  type BranchOwner,
  type ErrorNode,
  type ExplorerNode,
  type LoadMoreNode,
  type PlaceholderNode,
  type ResourceNode,
} from './nodes';
import { PagedLoader } from './pagedLoader';
import { branchesUnder, ownersForTarget, type RefreshTarget } from './treeQueries';

export interface Branch {
  readonly owner: BranchOwner | undefined;
  readonly loader: PagedLoader<ExplorerNode>;
  /** The nodes last rendered after the items, kept so that the same object is shown until it changes. */
  more?: LoadMoreNode;
  error?: { readonly cause: unknown; readonly node: ErrorNode };
  empty?: PlaceholderNode;
}

/** Loads one page of an owner's children (the profiles for `undefined`). */
export type BranchPageLoader = (
  owner: BranchOwner | undefined,
  token: string | undefined,
  signal: AbortSignal,
) => Promise<Page<ExplorerNode>>;

const rootKey = 'root';

function keyOf(node: ExplorerNode | undefined): string {
  return node?.id ?? rootKey;
}

export class Branches {
  private readonly byKey = new Map<string, Branch>();

  constructor(private readonly loadPage: BranchPageLoader) {}

  /** The node's branch (the root's for `undefined`) if it was opened and not dropped since. */
  get(node: ExplorerNode | undefined): Branch | undefined {
    return this.byKey.get(keyOf(node));
  }

  /** The owner's branch, opened (nothing loaded yet) on first use. */
  open(owner: BranchOwner | undefined): Branch {
    const key = keyOf(owner);
    let branch = this.byKey.get(key);
    if (!branch) {
      branch = {
        owner,
        loader: new PagedLoader(
          (token, signal) => this.loadPage(owner, token, signal),
          (n) => n.id,
        ),
      };
      this.byKey.set(key, branch);
    }
    return branch;
  }

  values(): IterableIterator<Branch> {
    return this.byKey.values();
  }

  /** Drops the owner's branch and every branch under it (all of them for `undefined`), cancelling their calls. */
  dropUnder(owner: BranchOwner | undefined): void {
    for (const key of branchesUnder(this.byKey.keys(), owner?.id)) {
      this.byKey.get(key)?.loader.cancel();
      this.byKey.delete(key);
    }
  }

  /** The loaded resource nodes (all pages, ignoring the filter). */
  *loadedResources(): Iterable<ResourceNode> {
    for (const branch of this.byKey.values()) {
      for (const item of branch.loader.items) if (item.kind === 'resource') yield item;
    }
  }

  /** The loaded branch owners a refresh target names; undefined for everything (see `ownersForTarget`). */
  findOwners(target: RefreshTarget): BranchOwner[] | undefined {
    const owners = new Map<string, BranchOwner>();
    for (const branch of this.byKey.values()) {
      if (branch.owner) owners.set(branch.owner.id, branch.owner);
      for (const item of branch.loader.items) if (isBranchOwner(item)) owners.set(item.id, item);
    }
    return ownersForTarget(owners.values(), target);
  }

  /** Cancels every branch's calls and drops them all. */
  clear(): void {
    for (const branch of this.byKey.values()) branch.loader.cancel();
    this.byKey.clear();
  }
}
