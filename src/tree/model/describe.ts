// How each node is drawn, as data: label, description, Markdown tooltip, codicon id, contextValue, collapsible
// state. The `vscode` layer maps this to a TreeItem one to one.
import { commandIds } from '../../commandIds';
import { formatDateTime } from '../../dates';
import { extraDetails, md, table, type DescribeState, type NodeView } from './describeParts';
import { describeRegion, describeUnreachable } from './describePlaces';
import { describeSnapshot } from './describeSnapshot';
import { describeSsoAccount, describeSsoSession } from './describeSso';
import { messages } from './messages';
import {
  ssoSessionOf,
  type ExplorerNode,
  type ProfileEntry,
  type ResourceNode,
  type ServiceNode,
  type TreeError,
} from './nodes';

export { md, type DescribeState, type NodeView } from './describeParts';

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

function profileError(profile: ProfileEntry): string | undefined {
  const e = profile.error;
  if (e === undefined || e === null || e === false) return undefined;
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  return String(e);
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
  const snapshots = state.snapshotCount?.(node);
  const parts = [
    resource.status,
    // Why it cannot be snapshotted, on the row itself (not only on hover), before the facts a narrow view cuts off.
    resource.snapshottable.ok ? undefined : messages.cannotSnapshot(resource.snapshottable.reason),
    resource.summary,
    snapshots ? messages.snapshotCount(snapshots.count, snapshots.more) : undefined,
    inProgress ? messages.inProgress : undefined,
  ].filter((p): p is string => !!p);
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
      [messages.field.created, formatDateTime(resource.createdAt)],
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
      [messages.field.endOfSupport, service.endOfSupport],
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
    case 'ssoSession':
      return describeSsoSession(node, state.ssoStatus?.(node.session.name), state.now?.() ?? Date.now());
    case 'ssoAccount':
      return describeSsoAccount(node);
    case 'profile': {
      const { profile } = node;
      const error = profileError(profile);
      const region = profile.region;
      // An IAM Identity Center role: its name (or the profile that stands for it) and where it is.
      const role = node.parent ? [profile.description] : undefined;
      return {
        id: node.id,
        label: profile.label ?? profile.name,
        description: (role ?? [authKindLabel(profile.kind), region]).filter(Boolean).join(' · '),
        tooltip: [
          `**${md(profile.name)}**`,
          '',
          table([
            [messages.field.authKind, authKindLabel(profile.kind)],
            [messages.field.profile, node.parent ? profile.name : undefined],
            [messages.field.defaultRegion, node.parent ? undefined : region],
          ]),
          ...(error ? ['', md(error)] : []),
        ].join('\n'),
        icon: error ? 'warning' : node.parent ? 'key' : 'account',
        contextValue: ['profile', ...(error ? ['profileError'] : []), ...(node.parent ? ['ssoRole'] : [])].join(' '),
        collapsible: 'collapsed',
      };
    }
    case 'region':
      return describeRegion(node);
    case 'unreachable':
      return describeUnreachable(node);
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
      // Under an IAM Identity Center session, signing in again is the editor's own device flow.
      if (node.error.reauthenticate) tokens.push(ssoSessionOf(node) ? 'ssoSignIn' : 'reauthenticate');
      return {
        id: node.id,
        label: messages.errorLabel(node.context, node.error.message),
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
