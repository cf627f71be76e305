// The explorer's cache of node views. A resource's or snapshot's view depends only on the node (immutable until its
// branch is refreshed), for a resource its in-progress marker and snapshot count, and for a snapshot what is known of its tags; the tree
// asks for every child's item after each "Load more…", so without this cache a long list rebuilds thousands of
// tooltips per page.
import { describeNode, type DescribeState, type NodeView } from './describe';
import type { ExplorerNode } from './nodes';

interface CachedView {
  /** The resource's in-progress marker and snapshot count, or the snapshot's tags view (compared by identity). */
  readonly input: unknown;
  readonly view: NodeView;
}

export class NodeViews {
  private readonly views = new WeakMap<ExplorerNode, CachedView>();

  constructor(private readonly state: DescribeState) {}

  describe(node: ExplorerNode): NodeView {
    if (node.kind !== 'resource' && node.kind !== 'snapshot') return describeNode(node, this.state);
    const input = node.kind === 'resource' ? this.resourceInput(node) : this.state.snapshotTags(node);
    const known = this.views.get(node);
    if (known && known.input === input) return known.view;
    const view = describeNode(node, this.state);
    this.views.set(node, { input, view });
    return view;
  }

  private resourceInput(node: Extract<ExplorerNode, { kind: 'resource' }>): string {
    const count = this.state.snapshotCount?.(node);
    return `${this.state.isInProgress(node.key)}|${count ? `${count.count}${count.more ? '+' : ''}` : ''}`;
  }
}
