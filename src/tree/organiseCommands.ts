// The tree's organisation commands: Sort By… (the order is kept in the global state across reloads and shown as the
// view's description), Choose Services… (per profile or for every profile) and Hide Service.
import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import type { SnapshotService } from '../services/service';
import { registerCommand } from '../ui/command';
import type { ExplorerModel } from './model/explorerModel';
import { profileNodeOf, type ExplorerNode } from './model/nodes';
import { allProfilesKey, chosenServiceIds } from './model/serviceChoice';
import { parseSortOrder, sortOrders, type SortOrder } from './model/treeOrder';
import type { TreeSettingsSource } from './settings';

/** The global-state key of the chosen order. */
export const sortOrderStateKey = 'snapshotExplorer.sortOrder';

export interface OrganiseDeps {
  readonly model: ExplorerModel;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly log: vscode.LogOutputChannel;
  readonly settings: TreeSettingsSource;
  readonly profiles: () => Promise<ReadonlyArray<{ readonly name: string }>>;
  /** Every service of the registry, in its order. */
  readonly services: readonly SnapshotService[];
  /** Where the order is kept (the extension's global state). */
  readonly state: vscode.Memento;
}

function orderLabel(order: SortOrder): string {
  switch (order) {
    case 'newest':
      return vscode.l10n.t('Newest First');
    case 'oldest':
      return vscode.l10n.t('Oldest First');
    case 'name':
      return vscode.l10n.t('Name');
  }
}

/** The order kept from an earlier session (newest first when none). */
export function storedSortOrder(state: vscode.Memento): SortOrder {
  return parseSortOrder(state.get<unknown>(sortOrderStateKey));
}

/** Shows the order beside the view's title. */
export function showSortOrder(view: vscode.TreeView<ExplorerNode>, order: SortOrder): void {
  view.description = vscode.l10n.t('Sorted: {0}', orderLabel(order));
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value;
}

async function sortBy(deps: OrganiseDeps): Promise<void> {
  const current = deps.model.sortOrder;
  const picked = await vscode.window.showQuickPick(
    sortOrders.map((order) => ({
      label: orderLabel(order),
      ...(order === current ? { description: vscode.l10n.t('current') } : {}),
      order,
    })),
    {
      title: vscode.l10n.t('Sort Resources and Snapshots By'),
      placeHolder: vscode.l10n.t('Newest and oldest go by creation time; those without one come last'),
    },
  );
  if (!picked) return;
  deps.model.setSortOrder(picked.order);
  showSortOrder(deps.view, picked.order);
  await deps.state.update(sortOrderStateKey, picked.order);
}

/** The profile (or `*`) to choose services for: the node's profile, else asked. */
async function servicesKey(deps: OrganiseDeps, node: ExplorerNode | undefined): Promise<string | undefined> {
  const own = profileNodeOf(node)?.profile.name;
  if (own !== undefined) return own;
  const profiles = await deps.profiles();
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Every profile'),
        description: vscode.l10n.t('without its own choice'),
        key: allProfilesKey,
      },
      ...profiles.map((p) => ({ label: p.name, key: p.name })),
    ],
    { title: vscode.l10n.t('Choose Services: profile'), placeHolder: vscode.l10n.t('Profile to choose services for') },
  );
  return picked?.key;
}

async function chooseServices(deps: OrganiseDeps, node: ExplorerNode | undefined): Promise<void> {
  const key = await servicesKey(deps, node);
  if (key === undefined) return;
  const chosen = new Set(chosenServiceIds(key, deps.settings.read().services) ?? deps.services.map((s) => s.id));
  const picked = await vscode.window.showQuickPick(
    deps.services.map((service) => ({
      label: service.label,
      description: service.id,
      ...(service.endOfSupport ? { detail: vscode.l10n.t('End of support: {0}', service.endOfSupport) } : {}),
      picked: chosen.has(service.id),
      id: service.id,
    })),
    {
      canPickMany: true,
      title:
        key === allProfilesKey
          ? vscode.l10n.t('Services of every profile without its own choice')
          : vscode.l10n.t('Services of profile {0}', key),
      placeHolder: vscode.l10n.t('The services the tree shows under each region'),
      ignoreFocusOut: true,
    },
  );
  if (!picked) return;
  const ids = picked.map((item) => item.id);
  await deps.settings.setServices(key, ids);
  deps.log.info(
    `Services of ${key === allProfilesKey ? 'every profile' : `profile ${key}`}: ${ids.join(', ') || '(none)'}`,
  );
}

async function hideService(deps: OrganiseDeps, node: ExplorerNode | undefined): Promise<void> {
  const place =
    node?.kind === 'unreachable'
      ? { profile: node.parent.profile.name, service: node.service }
      : node?.kind === 'service'
        ? { profile: node.profile, service: node.service }
        : undefined;
  if (!place) return;
  await deps.settings.hideService(
    place.profile,
    place.service.id,
    deps.services.map((s) => s.id),
  );
  deps.log.info(`Hid ${place.service.id} from profile ${place.profile}`);
  vscode.window.setStatusBarMessage(
    vscode.l10n.t('{0} hidden from profile {1}: Choose Services… shows it again', place.service.label, place.profile),
    5000,
  );
}

export function registerOrganiseCommands(deps: OrganiseDeps): vscode.Disposable[] {
  showSortOrder(deps.view, deps.model.sortOrder);
  return [
    registerCommand(commandIds.sortBy, deps.log, () => sortBy(deps)),
    registerCommand(commandIds.chooseServices, deps.log, (arg) => chooseServices(deps, isNode(arg) ? arg : undefined)),
    registerCommand(commandIds.hideService, deps.log, (arg) =>
      hideService(deps, isNode(arg) ? arg : deps.view.selection[0]),
    ),
  ];
}
