// The explorer's name filter as pure rules: what matches (a resource whose name or ID contains the text, any case;
// snapshots are not searched), which nodes a filter shows (a profile, region or service without a match is hidden,
// one whose listing failed never is), how a shown node is drawn (its branches expanded, under an id of the filter's
// own so VS Code does not reuse the unfiltered node's collapsed state) and the counts the view's message states.
import type { Branch } from './branches';
import type { NodeView } from './describeParts';
import type { BranchOwner, ExplorerNode, ResourceNode, ServiceNode, SsoAccountNode } from './nodes';
import { matchesFilter } from './treeQueries';

/** What the filter needs to know of a loaded branch. */
export interface BranchFacts {
  /** Every item loaded (all pages). */
  readonly items: readonly ExplorerNode[];
  /** A page of the branch failed: its error node shows, so the branch is never hidden. */
  readonly failed: boolean;
  /** The listing has more pages (Search Everywhere loads them). */
  readonly more: boolean;
}

/** An owner's branch as loaded (the root's for `undefined`); undefined when no page of it has landed yet. */
export type BranchLookup = (owner: BranchOwner | undefined) => BranchFacts | undefined;

/** The facts of a branch; undefined while its first page has not landed (unknown is shown, never hidden). */
export function branchFacts(branch: Branch | undefined): BranchFacts | undefined {
  if (!branch) return undefined;
  const { loader } = branch;
  const firstPending = loader.items.length === 0 && !loader.nextToken && !loader.failure;
  if (loader.state === 'idle' || (loader.state === 'loading' && firstPending)) return undefined;
  return { items: loader.items, failed: !!loader.failure, more: !!loader.nextToken };
}

/** A resource the filter matches (the group of a region's unattached snapshots is not a resource). */
export function isMatch(node: ExplorerNode, filter: string): node is ResourceNode {
  return node.kind === 'resource' && !node.target.resource.unattached && matchesFilter(node, filter);
}

/**
 * Whether the filter shows a node: a resource when it matches; a profile, region or offered service when a match
 * is loaded under it, its listing failed, or it is not loaded yet; every other node (errors, "Load more…") always.
 */
export function isShown(node: ExplorerNode, filter: string, lookup: BranchLookup): boolean {
  if (!filter) return true;
  switch (node.kind) {
    case 'resource':
      return isMatch(node, filter);
    case 'service':
      if (!node.offered) return false;
      return branchShown(node, filter, lookup);
    case 'ssoAccount':
      // An account shows when its name or id matches (the filter finds accounts by name), or something under it does.
      return accountMatches(node, filter) || branchShownIfLoaded(node, filter, lookup);
    case 'ssoSession':
    case 'profile':
    case 'region':
      return branchShown(node, filter, lookup);
    default:
      return true;
  }
}

/** Case-insensitive substring match of the filter on an account's name or id. */
export function accountMatches(node: SsoAccountNode, filter: string): boolean {
  const needle = filter.toLowerCase();
  return node.account.name.toLowerCase().includes(needle) || node.account.id.includes(needle);
}

/** An account nobody expanded is not searched (no calls for collapsed accounts): only what is loaded counts. */
function branchShownIfLoaded(owner: BranchOwner, filter: string, lookup: BranchLookup): boolean {
  const facts = lookup(owner);
  if (!facts) return false;
  return facts.failed || facts.items.some((child) => isShown(child, filter, lookup));
}

/** Whether a node lies under (or is) an account whose name the filter matches: all of it shows then. */
function underMatchingAccount(node: ExplorerNode | undefined, filter: string): boolean {
  for (let current = node; current; current = current.kind === 'ssoSession' ? undefined : current.parent) {
    if (current.kind === 'ssoAccount') return accountMatches(current, filter);
  }
  return false;
}

function branchShown(owner: BranchOwner, filter: string, lookup: BranchLookup): boolean {
  const facts = lookup(owner);
  if (!facts || facts.failed) return true;
  return facts.items.some((child) => isShown(child, filter, lookup));
}

/** A branch's rendered children as the filter shows them (a resource's snapshots are all shown). */
export function filterChildren(
  owner: BranchOwner | undefined,
  children: readonly ExplorerNode[],
  filter: string,
  lookup: BranchLookup,
): ExplorerNode[] {
  if (!filter || owner?.kind === 'resource' || underMatchingAccount(owner, filter)) return [...children];
  return children.filter((child) => isShown(child, filter, lookup));
}

/** The prefix of every node id while a filter is set: each filter text gets ids (and so expansion state) of its own. */
export function filterIdPrefix(filter: string): string {
  return `filter:${encodeURIComponent(filter)}|`;
}

/**
 * A node's view under the filter: the filter's id, and a profile, region or offered service expanded, so the path
 * to every match (or error) is open without a click. Resources stay collapsed (expanding one lists its snapshots).
 */
export function filteredView(node: ExplorerNode, view: NodeView, filter: string): NodeView {
  if (!filter) return view;
  const expand =
    node.kind === 'ssoSession' ||
    (node.kind === 'profile' && !underMatchingAccount(node, filter)) ||
    (node.kind === 'region' && !underMatchingAccount(node, filter)) ||
    (node.kind === 'service' && node.offered && !underMatchingAccount(node, filter));
  return { ...view, id: `${filterIdPrefix(filter)}${view.id}`, ...(expand ? { collapsible: 'expanded' } : {}) };
}

/** What the view's message says of a filter. A place is one service in one region of one profile. */
export interface FilterSummary {
  /** Matching resources loaded. */
  readonly matches: number;
  /** Places with at least one match loaded. */
  readonly placesWithMatches: number;
  /** Places listed (at least one page loaded). */
  readonly placesSearched: number;
  /** Places whose listing has more pages not loaded yet (and did not fail): what Search Everywhere loads. */
  readonly placesWithMore: number;
  /** Places whose listing failed (their error node shows). */
  readonly placesFailed: number;
}

/** Counts the loaded places (service branches) under the filter. */
export function filterSummary(branches: Iterable<Branch>, filter: string): FilterSummary {
  let matches = 0;
  let placesWithMatches = 0;
  let placesSearched = 0;
  let placesWithMore = 0;
  let placesFailed = 0;
  for (const branch of branches) {
    if (branch.owner?.kind !== 'service') continue;
    const facts = branchFacts(branch);
    if (!facts) continue;
    placesSearched += 1;
    const found = facts.items.filter((item) => isMatch(item, filter)).length;
    matches += found;
    if (found > 0) placesWithMatches += 1;
    if (facts.failed) placesFailed += 1;
    else if (facts.more) placesWithMore += 1;
  }
  return { matches, placesWithMatches, placesSearched, placesWithMore, placesFailed };
}

/** The loaded places whose listing has more pages and did not fail, in the order they were opened. */
export function placesWithMore(branches: Iterable<Branch>): ServiceNode[] {
  const out: ServiceNode[] = [];
  for (const branch of branches) {
    if (branch.owner?.kind !== 'service') continue;
    const facts = branchFacts(branch);
    if (facts?.more && !facts.failed) out.push(branch.owner);
  }
  return out;
}
