// What a screen reader says for each tree row: "<kind> <name>, <state>" in words (no icon names, no Markdown), e.g.
// "Neptune Analytics snapshot customer-graph-2025-07-01, available". Pure: the `vscode` side sets it as the row's
// accessibilityInformation.
import type { NodeView } from './describeParts';
import * as l10n from '../../l10n';
import { ssoAccessibleLabel } from './describeSso';
import { messages } from './messages';
import type { ExplorerNode, LoadMoreNode, ResourceNode, SnapshotNode } from './nodes';

const text = {
  profile: (name: string) => l10n.t('AWS profile {0}', name),
  region: (region: string, profile: string) => l10n.t('Region {0} of profile {1}', region, profile),
  service: (label: string, region: string) => l10n.t('{0} in {1}', label, region),
  resource: (service: string, noun: string, name: string) => l10n.t('{0} {1} {2}', service, noun, name),
  unattached: (name: string) => l10n.t('Group {0}', name),
  snapshot: (service: string, name: string) => l10n.t('{0} snapshot {1}', service, name),
  percent: (state: string, percent: number) => l10n.t('{0}, {1} percent', state, percent),
  cannotSnapshot: (reason: string) => l10n.t('cannot snapshot now: {0}', reason),
  inProgress: () => l10n.t('snapshot in progress'),
  error: (label: string) => l10n.t('Error: {0}', label),
  loadMore: (what: string) => l10n.t('Load more {0}', what),
  loadingMore: (what: string) => l10n.t('Loading more {0}', what),
  snapshots: () => l10n.t('snapshots'),
};

/** "a, b, c" of the parts that say something; a description's " · " separators are read as pauses too. */
function joined(...parts: ReadonlyArray<string | undefined>): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => p.split(' · ').join(', '))
    .join(', ');
}

function resourceLabel(node: ResourceNode, view: NodeView): string {
  const { resource, service } = node.target;
  if (resource.unattached) return joined(text.unattached(resource.name), view.description);
  const inProgress = view.contextValue.split(' ').includes('inProgress');
  return joined(
    text.resource(service.label, service.resourceNoun.one, resource.name),
    resource.status.toLowerCase(),
    inProgress ? text.inProgress() : undefined,
    resource.snapshottable.ok ? undefined : text.cannotSnapshot(resource.snapshottable.reason),
  );
}

function snapshotLabel(node: SnapshotNode): string {
  const { snapshot } = node;
  const state = snapshot.state === 'unknown' ? snapshot.status.toLowerCase() : snapshot.state;
  const progress =
    snapshot.state === 'creating' && snapshot.progress !== undefined ? text.percent(state, snapshot.progress) : state;
  return joined(text.snapshot(node.target.service.label, snapshot.name), progress);
}

function loadMoreLabel(node: LoadMoreNode, view: NodeView): string {
  const owner = node.parent;
  const what = owner.kind === 'service' ? owner.service.resourceNoun.many : text.snapshots();
  return view.label === messages.loadingMore ? text.loadingMore(what) : text.loadMore(what);
}

/** The row's accessible label; `view` is how the row is drawn (its description carries counts and auth kinds). */
export function accessibleLabel(node: ExplorerNode, view: NodeView): string {
  switch (node.kind) {
    case 'ssoSession':
    case 'ssoAccount':
      return ssoAccessibleLabel(node, view);
    case 'profile':
      return joined(
        node.parent
          ? l10n.t('Role {0} in account {1}', view.label, node.parent.account.name)
          : text.profile(node.profile.name),
        view.description,
      );
    case 'region':
      return text.region(node.region, node.profile);
    case 'service':
      return joined(text.service(node.service.label, node.region), view.description);
    case 'resource':
      return resourceLabel(node, view);
    case 'snapshot':
      return snapshotLabel(node);
    case 'loadMore':
      return loadMoreLabel(node, view);
    case 'placeholder':
      return view.label;
    case 'error':
      return joined(text.error(view.label), view.description);
    case 'unreachable':
      return joined(view.label, view.description);
  }
}
