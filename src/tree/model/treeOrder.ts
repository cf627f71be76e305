// The order the tree shows resources and snapshots in (the user's "Sort By…" choice): newest first, oldest first or
// by name. Pure: the `vscode` side stores the choice and hands it to the model.
import type { ExplorerNode } from './nodes';

export type SortOrder = 'newest' | 'oldest' | 'name';

/** Every order, in the order the picker offers them. */
export const sortOrders: readonly SortOrder[] = ['newest', 'oldest', 'name'];

export const defaultSortOrder: SortOrder = 'newest';

/** A stored value as an order; anything unknown is the default. */
export function parseSortOrder(value: unknown): SortOrder {
  return typeof value === 'string' && (sortOrders as readonly string[]).includes(value)
    ? (value as SortOrder)
    : defaultSortOrder;
}

interface Sortable {
  readonly name: string;
  readonly createdAt: Date | undefined;
}

/** What a node is sorted by; undefined for nodes that keep their place after the sorted ones (groups, Load more…). */
function sortable(node: ExplorerNode): Sortable | undefined {
  if (node.kind === 'snapshot') return { name: node.snapshot.name, createdAt: node.snapshot.createdAt };
  if (node.kind === 'resource' && !node.target.resource.unattached) {
    return { name: node.target.resource.name, createdAt: node.target.resource.createdAt };
  }
  return undefined;
}

function time(item: Sortable): number | undefined {
  const t = item.createdAt?.getTime();
  return t === undefined || Number.isNaN(t) ? undefined : t;
}

const byName = (a: Sortable, b: Sortable): number =>
  a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Dated items by date (newest or oldest first), undated ones after them; equal dates keep the API's order. */
function byDate(direction: 1 | -1): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta === undefined || tb === undefined) return ta === undefined ? (tb === undefined ? 0 : 1) : -1;
    return (ta - tb) * direction;
  };
}

const comparators: Record<SortOrder, (a: Sortable, b: Sortable) => number> = {
  newest: byDate(-1),
  oldest: byDate(1),
  name: byName,
};

/**
 * The resources and snapshots among `nodes` in the chosen order (a stable sort: ties keep the API's order), then the
 * other nodes (the group of copies from other regions, placeholders) in their own order.
 */
export function sortChildren(nodes: readonly ExplorerNode[], order: SortOrder): ExplorerNode[] {
  const keyed: Array<{ node: ExplorerNode; key: Sortable }> = [];
  const rest: ExplorerNode[] = [];
  for (const node of nodes) {
    const key = sortable(node);
    if (key) keyed.push({ node, key });
    else rest.push(node);
  }
  const compare = comparators[order];
  keyed.sort((a, b) => compare(a.key, b.key));
  return [...keyed.map((k) => k.node), ...rest];
}
