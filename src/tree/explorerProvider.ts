// The thin `vscode` side of the tree: maps the model's node views to TreeItems and forwards its change events.
import * as vscode from 'vscode';
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
  item.id = view.id;
  if (view.description !== undefined) item.description = view.description;
  if (view.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(view.tooltip);
  if (view.icon !== undefined) {
    item.iconPath = new vscode.ThemeIcon(view.icon, view.iconColor ? new vscode.ThemeColor(view.iconColor) : undefined);
  }
  item.contextValue = view.contextValue;
  if (view.command) item.command = { command: view.command, title: view.label, arguments: [node] };
  return item;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  private readonly subscription: { dispose(): void };
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: ExplorerModel) {
    this.subscription = model.onDidChange((node) => this.emitter.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node, this.model.describe(node));
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.model.getChildren(node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.model.getParent(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
