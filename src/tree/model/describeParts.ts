// The pieces every node's drawing shares: the view shape and what drawing needs to know (NodeView, DescribeState),
// Markdown escaping and tables, and a resource's or snapshot's own detail rows.
import type { commandIds } from '../../commandIds';
import type { ExplorerNode, ResourceNode, ServiceNode, SnapshotNode } from './nodes';
import type { SnapshotTagsView } from './snapshotTags';
import type { SsoSessionStatus } from './ssoTree';

export interface NodeView {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown (untrusted: no command links). */
  readonly tooltip?: string;
  /**
   * True when the tooltip lacks what one more call reads (a snapshot's tags): the `vscode` side leaves the tooltip
   * to TreeItem resolve, which calls `ExplorerModel.resolve` when the user hovers.
   */
  readonly resolvable?: boolean;
  /** A codicon id, e.g. `account`, `loading~spin`. */
  readonly icon?: string;
  /** A theme color id for the icon, e.g. `errorForeground`. */
  readonly iconColor?: string;
  /** Space-separated tokens; menus match them with `viewItem =~ /\btoken\b/`. */
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** The command a click runs (with the node as argument). */
  readonly command?: typeof commandIds.loadMore;
}

/** What the drawing needs to know beyond the node itself. */
export interface DescribeState {
  isInProgress(key: string): boolean;
  isLoadingMore(owner: ExplorerNode): boolean;
  /** Counts of a loaded service branch: items loaded, items shown under the filter, whether more pages exist. */
  serviceCounts(
    node: ServiceNode,
  ): { readonly loaded: number; readonly shown: number; readonly more: boolean } | undefined;
  readonly filter: string;
  /** How many snapshots a resource has, where known (its snapshots loaded, or its listing returned them). */
  snapshotCount?(node: ResourceNode): { readonly count: number; readonly more: boolean } | undefined;
  /** What a snapshot's tooltip can say about its tags. */
  snapshotTags(node: SnapshotNode): SnapshotTagsView;
  /** An IAM Identity Center session's sign-in, as last read (undefined until then). */
  ssoStatus?(session: string): SsoSessionStatus | undefined;
  /** The clock for "expires in …" (ms since the epoch). */
  now?(): number;
}

/** Escapes text for Markdown, so names and messages from AWS cannot inject links or formatting. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

export function table(rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  return rows
    .filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([k, v]) => `**${md(k)}:** ${md(v)}`)
    .join('  \n');
}

/**
 * The service's detail rows minus those repeating what the tooltip already shows from the common fields
 * (its id, ARN, status and creation time), so no fact appears twice.
 */
export function extraDetails(
  item: { readonly id: string; readonly arn?: string; readonly status: string; readonly createdAt?: Date },
  details: ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, string]> {
  const shown = new Set([item.id, item.arn, item.status, item.createdAt?.toISOString()]);
  return details.filter(([, value]) => !shown.has(value));
}
