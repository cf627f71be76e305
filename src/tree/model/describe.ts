// How each node is drawn, as data: label, description, Markdown tooltip, codicon id, contextValue, collapsible
// state. The `vscode` layer maps this to a TreeItem one to one.
import { commandIds } from '../../commandIds';
import type { Snapshot } from '../../services/service';
import { formatTags } from '../../validation/tags';
import { messages } from './messages';
import type { ExplorerNode, ProfileEntry, ResourceNode, ServiceNode, SnapshotNode, TreeError } from './nodes';
import type { SnapshotTagsView } from './snapshotTags';

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
  /** What a snapshot's tooltip can say about its tags. */
  snapshotTags(node: SnapshotNode): SnapshotTagsView;
}

/** Escapes text for Markdown, so names and messages from AWS cannot inject links or formatting. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

function table(rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  return rows
    .filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([k, v]) => `**${md(k)}:** ${md(v)}`)
    .join('  \n');
}

export function authKindLabel(kind: string): string {
  const k = kind.toLowerCase();
  if (k.includes('sso')) return messages.authKinds.sso;
  if (k.includes('web')) return messages.authKinds.webIdentity;
  if (k.includes('role')) return messages.authKinds.role;
  if (k.includes('process')) return messages.authKinds.process;
  if (k.includes('env')) return messages.authKinds.env;
  if (k.includes('static') || k.includes('key')) return messages.authKinds.static;
  return kind;
}

export function formatDate(date: Date | undefined): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function profileError(profile: ProfileEntry): string | undefined {
  const e = profile.error;
  if (e === undefined || e === null || e === false) return undefined;
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The service's detail rows minus those repeating what the tooltip already shows from the common fields
 * (its id, ARN, status and creation time), so no fact appears twice.
 */
function extraDetails(
  item: { readonly id: string; readonly arn?: string; readonly status: string; readonly createdAt?: Date },
  details: ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, string]> {
  const shown = new Set([item.id, item.arn, item.status, item.createdAt?.toISOString()]);
  return details.filter(([, value]) => !shown.has(value));
}

/** The group of a region's snapshots whose resource is elsewhere: a folder, no resource actions. */
function describeUnattached(node: ResourceNode): NodeView {
  const { resource, service } = node.target;
  return {
    id: node.id,
    label: resource.name,
    description: messages.unattachedDescription,
    tooltip: messages.unattachedTooltip(service.resourceNoun.many),
    icon: 'folder-library',
    contextValue: `unattached ${service.id}`,
    collapsible: 'collapsed',
  };
}

function describeResource(node: ResourceNode, state: DescribeState): NodeView {
  if (node.target.resource.unattached) return describeUnattached(node);
  const { resource, service, profile, region } = node.target;
  const inProgress = state.isInProgress(node.key);
  const parts = [resource.status, resource.summary, inProgress ? messages.inProgress : undefined].filter(
    (p): p is string => !!p,
  );
  const tokens = ['resource', resource.snapshottable.ok ? 'snapshottable' : 'notSnapshottable', service.id];
  if (resource.arn) tokens.push('hasArn');
  if (inProgress) tokens.push('inProgress');
  const tooltip = [
    `**${md(resource.name)}**`,
    '',
    table([
      [
        messages.field.id,
        (resource.displayId ?? resource.id) !== resource.name ? (resource.displayId ?? resource.id) : undefined,
      ],
      [messages.field.arn, resource.arn],
      [messages.field.created, formatDate(resource.createdAt)],
      [messages.field.status, resource.status],
      [messages.field.gateway, resource.parent ? `${resource.parent.name} (${resource.parent.id})` : undefined],
      ...extraDetails(resource, resource.details),
      [messages.field.region, region],
      [messages.field.profile, profile],
      [messages.field.notSnapshottable, resource.snapshottable.ok ? undefined : resource.snapshottable.reason],
      [messages.field.snapshot, inProgress ? messages.inProgress : undefined],
    ]),
  ].join('\n');
  return {
    id: node.id,
    label: resource.name,
    description: parts.join(' · '),
    tooltip,
    icon: inProgress ? 'loading~spin' : service.icon,
    contextValue: tokens.join(' '),
    collapsible: 'collapsed',
  };
}

function snapshotIcon(snapshot: Snapshot): { icon: string; color?: string } {
  switch (snapshot.state) {
    case 'creating':
      return { icon: 'loading~spin' };
    case 'available':
      return { icon: 'archive' };
    case 'failed':
      return { icon: 'error', color: 'errorForeground' };
    case 'deleting':
      return { icon: 'trash' };
    default:
      return { icon: 'question' };
  }
}

function tagsText(view: SnapshotTagsView): string | undefined {
  if (view.kind === 'known') return view.tags.length ? formatTags(view.tags) : messages.noTags;
  return view.kind === 'failed' ? messages.tagsFailed(view.message) : undefined;
}

function describeSnapshot(node: SnapshotNode, state: DescribeState): NodeView {
  const { snapshot } = node;
  const progress = snapshot.progress !== undefined && snapshot.state === 'creating' ? `${snapshot.progress}%` : '';
  const parts = [snapshot.status, progress, formatDate(snapshot.createdAt)].filter((p): p is string => !!p);
  const tokens = ['snapshot', snapshot.state, node.target.service.id];
  if (snapshot.arn) tokens.push('hasArn');
  // Restore… is in the menu of every snapshot of a service that restores (it says why when it cannot), inline only
  // where it can.
  const restore = node.target.service.restore;
  if (restore) tokens.push('restoreOffered');
  if (restore && !restore.refusal?.(snapshot)) tokens.push('restorable');
  const { delete: deletion, copy } = node.target.service;
  if (deletion) tokens.push('deleteOffered');
  if (copy) tokens.push('copyOffered');
  const { icon, color } = snapshotIcon(snapshot);
  const tags = state.snapshotTags(node);
  return {
    id: node.id,
    label: snapshot.name,
    description: parts.join(' · '),
    tooltip: [
      `**${md(snapshot.name)}**`,
      '',
      table([
        [messages.field.id, snapshot.id !== snapshot.name ? snapshot.id : undefined],
        [messages.field.arn, snapshot.arn],
        [messages.field.created, formatDate(snapshot.createdAt)],
        [messages.field.status, snapshot.status],
        [messages.field.progress, snapshot.progress !== undefined ? `${snapshot.progress}%` : undefined],
        [messages.field.resource, node.target.resource.name],
        ...extraDetails(snapshot, snapshot.details),
        [messages.field.tags, tagsText(tags)],
        [messages.field.region, node.target.region],
        [messages.field.profile, node.target.profile],
      ]),
    ].join('\n'),
    ...(tags.kind === 'unread' ? { resolvable: true } : {}),
    icon,
    ...(color ? { iconColor: color } : {}),
    contextValue: tokens.join(' '),
    collapsible: 'none',
  };
}

function describeService(node: ServiceNode, state: DescribeState): NodeView {
  const { service } = node;
  if (!node.offered) {
    return {
      id: node.id,
      label: service.label,
      description: messages.notOffered,
      tooltip: md(messages.notOfferedTooltip(service.label, node.region)),
      icon: service.icon,
      contextValue: `service notOffered ${service.id}`,
      collapsible: 'none',
    };
  }
  const counts = state.serviceCounts(node);
  let description: string | undefined;
  if (counts) {
    description =
      state.filter && counts.shown !== counts.loaded
        ? messages.matchCount(counts.shown, counts.loaded)
        : messages.count(counts.loaded, service.resourceNoun, counts.more);
  }
  return {
    id: node.id,
    label: service.label,
    ...(description ? { description } : {}),
    tooltip: table([
      [messages.field.service, service.label],
      [messages.field.region, node.region],
      [messages.field.profile, node.profile],
    ]),
    icon: service.icon,
    contextValue: `service offered ${service.id}`,
    collapsible: 'collapsed',
  };
}

function errorTooltip(error: TreeError): string {
  return [
    md(error.message),
    '',
    table([
      [messages.field.code, error.code],
      [messages.field.requestId, error.requestId],
    ]),
    '',
    md(error.reauthenticate ? messages.errorHints.reauthenticate : messages.errorHints.other),
  ].join('\n');
}

export function describeNode(node: ExplorerNode, state: DescribeState): NodeView {
  switch (node.kind) {
    case 'profile': {
      const { profile } = node;
      const error = profileError(profile);
      const region = profile.region;
      return {
        id: node.id,
        label: profile.name,
        description: [authKindLabel(profile.kind), region].filter(Boolean).join(' · '),
        tooltip: [
          `**${md(profile.name)}**`,
          '',
          table([
            [messages.field.authKind, authKindLabel(profile.kind)],
            [messages.field.defaultRegion, region],
          ]),
          ...(error ? ['', md(error)] : []),
        ].join('\n'),
        icon: error ? 'warning' : 'account',
        contextValue: error ? 'profile profileError' : 'profile',
        collapsible: 'collapsed',
      };
    }
    case 'region':
      return {
        id: node.id,
        label: node.region,
        tooltip: table([
          [messages.field.region, node.region],
          [messages.field.profile, node.profile],
        ]),
        icon: 'globe',
        contextValue: 'region',
        collapsible: 'expanded',
      };
    case 'service':
      return describeService(node, state);
    case 'resource':
      return describeResource(node, state);
    case 'snapshot':
      return describeSnapshot(node, state);
    case 'loadMore': {
      const loading = state.isLoadingMore(node.parent);
      return {
        id: node.id,
        label: loading ? messages.loadingMore : messages.loadMore,
        tooltip: md(messages.loadMoreTooltip),
        icon: loading ? 'loading~spin' : 'ellipsis',
        contextValue: 'loadMore',
        collapsible: 'none',
        command: commandIds.loadMore,
      };
    }
    case 'placeholder':
      return { id: node.id, label: node.message, contextValue: 'placeholder', collapsible: 'none' };
    case 'error': {
      const tokens = ['error', 'retryable'];
      if (node.error.reauthenticate) tokens.push('reauthenticate');
      return {
        id: node.id,
        label: `${node.context}: ${node.error.message}`,
        description: node.error.code,
        tooltip: errorTooltip(node.error),
        icon: 'error',
        iconColor: 'errorForeground',
        contextValue: tokens.join(' '),
        collapsible: 'none',
      };
    }
  }
}
