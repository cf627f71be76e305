// The explorer's cache of node views. A resource's or snapshot's view depends only on the node (immutable until its
// branch is refreshed) and, for a resource, its in-progress marker; the tree asks for every child's item after each
// "Load more…", so without this cache a long list rebuilds thousands of tooltips per page.
import { describeNode, type DescribeState, type NodeView } from './describe';
import type { ExplorerNode } from './nodes';

export class NodeViews {
  private readonly views = new WeakMap<ExplorerNode, { readonly inProgress: boolean; readonly view: NodeView }>();

  constructor(private readonly state: DescribeState) {}

  describe(node: ExplorerNode): NodeView {
    if (node.kind !== 'resource' && node.kind !== 'snapshot') return describeNode(node, this.state);
    const inProgress = node.kind === 'resource' && this.state.isInProgress(node.key);
    const known = this.views.get(node);
    if (known && known.inProgress === inProgress) return known.view;
    const view = describeNode(node, this.state);
    this.views.set(node, { inProgress, view });
    return view;
  }
}
