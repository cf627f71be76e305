// What a branch shows: its loaded items (a service's through the name filter; resources and snapshots in the chosen
// order; a region without the services its profile shows as unreachable, a profile with those one-line nodes), then its "Load more…" or error node, or a placeholder when nothing is left. The error node is made
// once per failure and logged once; the other extra nodes stay the same objects until they change.
import type { Logger } from '../../log';
import type { Branch } from './branches';
import type { TreeMarkers } from './markers';
import * as l10n from '../../l10n';
import { messages } from './messages';
import { errorNode, loadMoreNode, placeholderNode, type BranchOwner, type ErrorNode, type ExplorerNode } from './nodes';
import { toTreeError, type ErrorClassifier } from './treeError';
import type { ServiceReach } from './serviceReach';
import { defaultSortOrder, sortChildren, type SortOrder } from './treeOrder';

export interface RenderContext {
  /** The name filter, which a service's branch shows its resources through. */
  readonly markers: TreeMarkers;
  /** How many profiles the last root load discovered (0: the tree is empty and the welcome view shows). */
  readonly discovered: number | undefined;
  readonly classifyError?: ErrorClassifier;
  readonly log?: Logger;
  /** The order of resources and snapshots (default: newest first). */
  readonly order?: SortOrder;
  /** Services unreachable in every region of a profile: left out of its regions, one line under it. */
  readonly reach?: ServiceReach;
}

type Failure = { readonly error: unknown; readonly at: 'first' | 'more' };

export function renderBranch(branch: Branch, ctx: RenderContext): ExplorerNode[] {
  const { owner, loader } = branch;
  const failure = loader.failure;
  if (!owner && !failure && ctx.discovered === 0) return [];
  const failedNode = failure ? errorNodeFor(branch, failure, ctx) : undefined;
  if (!failure) branch.error = undefined;
  if (failedNode && failure?.at === 'first') return [failedNode];
  let items: ExplorerNode[] = [...loader.items];
  if (owner?.kind === 'service' && ctx.markers.filter) items = ctx.markers.shown(items);
  if (owner?.kind === 'service' || owner?.kind === 'resource')
    items = sortChildren(items, ctx.order ?? defaultSortOrder);
  const reach = ctx.reach;
  if (owner?.kind === 'region' && reach) items = items.filter((n) => n.kind !== 'service' || !reach.isLeftOut(n));
  if (owner?.kind === 'profile' && reach) items.push(...reach.nodes(owner));
  const out = items;
  if (failedNode) out.push(failedNode);
  else if (loader.nextToken && owner) {
    if (branch.more?.nextToken !== loader.nextToken) branch.more = loadMoreNode(owner, loader.nextToken);
    out.push(branch.more);
  } else branch.more = undefined;
  if (out.length === 0) {
    const message = emptyMessage(owner, loader.items.length > 0, ctx.markers.filter);
    if (branch.empty?.message !== message) branch.empty = placeholderNode(owner, message);
    out.push(branch.empty);
  }
  return out;
}

/** The error node of a failed branch: one node per failure, logged once. */
function errorNodeFor(branch: Branch, failure: Failure, ctx: RenderContext): ErrorNode {
  if (branch.error && branch.error.cause === failure.error) return branch.error.node;
  const { owner } = branch;
  const error = toTreeError(failure.error, ctx.classifyError);
  const node = errorNode(owner, error, errorContext(owner, failure.at));
  branch.error = { cause: failure.error, node };
  ctx.log?.warn(
    `${node.context} (${owner?.id ?? 'profiles'}): ${error.message}` +
      (error.code ? ` [${error.code}]` : '') +
      (error.requestId ? ` request id ${error.requestId}` : ''),
  );
  return node;
}

function emptyMessage(owner: BranchOwner | undefined, filteredOut: boolean, filter: string): string {
  switch (owner?.kind) {
    case undefined:
      return messages.allProfilesHidden;
    case 'ssoSession':
      return l10n.t('No accounts: none assigned, or the identityCenter settings hide them all');
    case 'ssoAccount':
      return l10n.t('No roles: none assigned, or the identityCenter settings hide them all');
    case 'profile':
      return messages.noRegions;
    case 'region':
      return messages.noServices;
    case 'service':
      return filteredOut
        ? messages.noneMatch(owner.service.resourceNoun.many, filter)
        : messages.noneInRegion(owner.service.resourceNoun.many);
    default:
      return messages.noSnapshots;
  }
}

function errorContext(owner: BranchOwner | undefined, at: 'first' | 'more'): string {
  if (at === 'more') return messages.couldNotLoadMore;
  switch (owner?.kind) {
    case undefined:
      return messages.couldNotListProfiles;
    case 'ssoSession':
      return l10n.t('Could not list the accounts of {0}', owner.session.name);
    case 'ssoAccount':
      return l10n.t('Could not list the roles of {0}', owner.account.name);
    case 'profile':
      return owner.profile.error
        ? messages.profileUnusable(owner.profile.label ?? owner.profile.name)
        : messages.couldNotSignIn(owner.profile.label ?? owner.profile.name);
    case 'service':
      return messages.couldNotList(owner.service.resourceNoun.many);
    default:
      return messages.couldNotListSnapshots;
  }
}
