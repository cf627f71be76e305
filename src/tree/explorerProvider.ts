// The thin `vscode` side of the tree: maps the model's node views to TreeItems, forwards its change events, and
// resolves a tooltip that needs one more call (a snapshot's tags) when the user hovers (TreeItem resolve).
import * as vscode from 'vscode';
import { accessibleLabel } from './model/accessibleLabel';
import type { NodeView } from './model/describe';
import type { ExplorerModel } from './model/explorerModel';
import type { ExplorerNode } from './model/nodes';

const collapsible: Record<NodeView['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(node: ExplorerNode, view: NodeView): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, collapsible[view.collapsible]);
  // An error node has no id of its own: it stands for one failure, VS Code keeps no state for it, and a new failure
  // of the same branch (a retry, a refresh) must not collide with the one VS Code may still hold ("Element with id
  // … is already registered"). VS Code gives it a handle under its parent.
  if (node.kind !== 'error') item.id = view.id;
  if (view.description !== undefined) item.description = view.description;
  // A resolvable tooltip stays unset: VS Code resolves only unset properties (resolveTreeItem, on hover).
  if (view.tooltip !== undefined && !view.resolvable) item.tooltip = new vscode.MarkdownString(view.tooltip);
  if (view.icon !== undefined) {
    item.iconPath = new vscode.ThemeIcon(view.icon, view.iconColor ? new vscode.ThemeColor(view.iconColor) : undefined);
  }
  item.contextValue = view.contextValue;
  // A screen reader hears what the row is and its state in words ("Neptune Analytics snapshot x, available").
  item.accessibilityInformation = { label: accessibleLabel(node, view) };
  if (view.command) item.command = { command: view.command, title: view.label, arguments: [node] };
  return item;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  private readonly subscription: { dispose(): void };
  /** The newest getChildren call per node id (the root's under ''), to answer only the newest of overlapping ones. */
  private readonly calls = new Map<string, number>();
  private callCount = 0;
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: ExplorerModel) {
    this.subscription = model.onDidChange((node) => this.emitter.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = toTreeItem(node, this.model.describe(node));
    if (this.model.isLoadingSlowly(node)) {
      const slow = vscode.l10n.t('still loading…');
      item.description =
        typeof item.description === 'string' && item.description ? `${item.description} · ${slow}` : slow;
      // A screen reader hears it too.
      if (item.accessibilityInformation) {
        item.accessibilityInformation = {
          ...item.accessibilityInformation,
          label: `${item.accessibilityInformation.label}, ${slow}`,
        };
      }
    }
    return item;
  }

  async resolveTreeItem(
    item: vscode.TreeItem,
    node: ExplorerNode,
    token: vscode.CancellationToken,
  ): Promise<vscode.TreeItem> {
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      const view = await this.model.resolve(node, controller.signal);
      if (view.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(view.tooltip);
    } finally {
      cancelled.dispose();
    }
    return item;
  }

  /**
   * The children of a node. When VS Code asks again for the same node's children before the first answer came (it
   * does after a change event for a node it is still loading, e.g. when "still loading…" is drawn), only the newest
   * call answers them and the older one answers none: VS Code would otherwise register the same ids twice ("Element
   * with id … is already registered") and leave the branch broken. Nor does a node a refresh has replaced.
   */
  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    // By id: after a refresh the same node may come as a new object.
    const key = node?.id ?? '';
    const call = ++this.callCount;
    this.calls.set(key, call);
    const children = await this.model.getChildren(node);
    if (this.calls.get(key) !== call) return [];
    // A node its parent's refresh replaced while its children loaded (the new one has the same id): its children
    // would be registered beside those of the new node, under the same ids. VS Code asks the new node for them.
    return !node || this.model.isCurrent(node) ? children : [];
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.model.getParent(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
