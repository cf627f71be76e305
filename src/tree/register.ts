// Builds the explorer (model, provider, tree view, commands) and returns the API other parts call.
import { commandIds } from '../commandIds';
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { ec2Client } from '../aws/helperClients';
import { isEndpointGone } from '../aws/endpointAnswer';
import { classifyAwsError } from '../aws/errors';
import type { ProfileInfo } from '../aws/profiles';
import { configFilePath, credentialsFilePath } from '../aws/paths';
import { sortRegions } from '../services/regions';
import type { ResourceTarget, SnapshotService } from '../services/service';
import { registerTreeCommands } from './commands';
import { ExplorerProvider } from './explorerProvider';
import { registerOrganiseCommands, storedSortOrder } from './organiseCommands';
import { FilterView, registerFilterCommands } from './filterView';
import { ExplorerModel } from './model/explorerModel';
import type { SnapshotAddress } from './model/reveal';
import { matchesFilter, type RefreshTarget } from './model/treeQueries';
import type { ExplorerNode } from './model/nodes';
import type { IdentityCenterSource } from './model/ssoTree';
import { regionsFor } from './model/treeSettings';
import { onDidChangeSettings } from '../ui/settings';
import { createTreeSettingsSource, treeSettingKeys, type TreeSettingsSource } from './settings';

export type { RefreshTarget } from './model/treeQueries';
export { resourceKey, targetKey } from './model/nodes';

export const viewId = 'snapshotExplorer.resources';
export const noProfilesContextKey = 'snapshotExplorer.noProfiles';

export interface ExplorerDeps {
  readonly log: vscode.LogOutputChannel;
  /** Every discovered profile, read again on each refresh (e.g. `() => discoverProfiles(process.env)`). */
  readonly profiles: () => Promise<readonly ProfileInfo[]>;
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  /** Where the tree's settings come from; default: the `snapshotExplorer.*` configuration. */
  readonly settings?: TreeSettingsSource;
  /**
   * Resolves a profile's credentials once when it expands, rejecting with the reason they fail.
   * Default: ask a client of the factory for its credentials.
   */
  readonly checkCredentials?: (profile: string, signal: AbortSignal) => Promise<void>;
  /** Gets fresh credentials for a profile (e.g. `aws sso login`); default: show how, with the command to copy. */
  readonly reauthenticate?: (profile: ProfileInfo) => Promise<void>;
  /** Called when the AWS config or credentials file changes, before the tree reloads (drop cached clients). */
  readonly onAwsFilesChanged?: () => void;
  /** IAM Identity Center's sessions, accounts and roles; none: no session nodes. */
  readonly identityCenter?: IdentityCenterSource;
  /** Sign In / Sign Out of a session (the session's node, its error nodes, Reauthenticate under it). */
  readonly signIn?: (session?: string) => Promise<void>;
  readonly signOut?: (session?: string) => Promise<void>;
}

export interface ExplorerApi {
  /** Reloads the loaded nodes the target names (deepest field given); everything without a target. */
  refresh(target?: RefreshTarget): void;
  /** Shows a resource in the tree (loading the levels above it), selected, with its snapshots reloaded. */
  revealResource(target: ResourceTarget): Promise<void>;
  /**
   * Shows a snapshot in the tree, selected: its resource's snapshots read again, or the region's group of snapshots
   * without a resource there (a copy). Says so when the tree does not show it.
   */
  revealSnapshot(target: SnapshotRevealTarget): Promise<void>;
  /** The resources (keys `${profile}|${region}|${serviceId}|${resourceId}`) whose snapshot is being taken. */
  setInProgress(keys: ReadonlySet<string>): void;
  /**
   * A session was signed in or out (or its token refreshed): its state is read again and its branches, with the
   * root profiles that sign in with it, load again, so an error node turns into accounts without a window reload.
   */
  sessionChanged(session: string): void;
  /** Reads every shown session's sign-in state again ("expires in … min"); no AWS call. */
  redrawSessions(): void;
}

/** A snapshot to reveal: where it is (src/tree/model/reveal's address) and its name, for the messages. */
export interface SnapshotRevealTarget extends SnapshotAddress {
  readonly snapshotName: string;
}

/** Longer than VS Code's debounce of tree refreshes (200 ms): a second reveal comes after the refresh it raced. */
const REFRESH_SETTLE_MS = 400;

/** Says that the tree does not show `name` in that profile and region, offering Choose Regions…. */
async function notShown(name: string, profile: string, region: string): Promise<void> {
  const choose = vscode.l10n.t('Choose Regions…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      '{0} is not shown in the explorer: check that profile {1} and region {2} are shown.',
      name,
      profile,
      region,
    ),
    choose,
  );
  if (choice === choose) await vscode.commands.executeCommand(commandIds.chooseRegions);
}

/** Resolves a profile's credentials through a client of the factory (the SDK's memoized provider). */
function credentialsThroughClients(
  clients: AwsClients,
  profiles: () => Promise<readonly ProfileInfo[]>,
  settings: TreeSettingsSource,
): (profile: string, signal: AbortSignal) => Promise<void> {
  return async (profile, signal) => {
    const info = (await profiles()).find((p) => p.name === profile);
    const region = (info && regionsFor(info, settings.read())[0]) ?? 'us-east-1';
    const client = await clients.get(ec2Client, profile, region);
    await abortable(client.config.credentials(), signal);
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function registerExplorer(context: vscode.ExtensionContext, deps: ExplorerDeps): ExplorerApi {
  const settings = deps.settings ?? createTreeSettingsSource();
  const model = new ExplorerModel({
    profiles: deps.profiles,
    clients: deps.clients,
    services: deps.services,
    settings: () => settings.read(),
    checkCredentials: deps.checkCredentials ?? credentialsThroughClients(deps.clients, deps.profiles, settings),
    classifyError: classifyAwsError,
    log: deps.log,
    sortOrder: storedSortOrder(context.globalState),
    prefetchServices: true,
    isEndpointGone,
    ...(deps.identityCenter ? { identityCenter: deps.identityCenter } : {}),
  });
  const provider = new ExplorerProvider(model);
  const view = vscode.window.createTreeView<ExplorerNode>(viewId, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // Several snapshots can be deleted at once.
    canSelectMany: true,
  });
  const regions = sortRegions(deps.services.flatMap((s) => s.regions ?? []));
  const filter = new FilterView({ model, view, state: context.workspaceState, log: deps.log });

  context.subscriptions.push(
    { dispose: () => model.dispose() },
    provider,
    view,
    filter,
    ...registerFilterCommands(filter, deps.log),
    model.onDidLoadProfiles((count) => {
      void vscode.commands.executeCommand('setContext', noProfilesContextKey, count === 0);
    }),
    ...registerTreeCommands({
      model,
      view,
      log: deps.log,
      settings,
      profiles: deps.profiles,
      regions,
      ...(deps.reauthenticate ? { reauthenticate: deps.reauthenticate } : {}),
      ...(deps.signIn ? { signIn: deps.signIn } : {}),
      ...(deps.signOut ? { signOut: deps.signOut } : {}),
    }),
    ...registerOrganiseCommands({
      model,
      view,
      log: deps.log,
      settings,
      profiles: deps.profiles,
      services: deps.services,
      state: context.globalState,
    }),
    onDidChangeSettings(treeSettingKeys, () => model.refresh()),
    ...watchAwsFiles(() => {
      deps.onAwsFilesChanged?.();
      model.refresh();
    }),
  );
  // The filter of the last session, shown again (the tree loads filtered from the start).
  filter.restore().catch((error: unknown) => deps.log.error(`Filter restore: ${String(error)}`));

  return {
    refresh: (target) => model.refresh(target),
    setInProgress: (keys) => model.setInProgress(keys),
    sessionChanged(session) {
      const sessions = model.sessionNodes().filter((n) => n.session.name === session);
      void model.sso.read(sessions);
      const profiles = model.rootNodes().filter((n) => n.kind === 'profile' && n.profile.ssoSession === session);
      for (const node of [...sessions, ...profiles]) model.refreshNode(node);
    },
    redrawSessions: () => void model.sso.read(model.sessionNodes()),
    async revealResource(target) {
      const node = await model.findResource({
        profile: target.profile,
        region: target.region,
        serviceId: target.service.id,
        resourceId: target.resource.id,
      });
      if (!node) return notShown(target.resource.name, target.profile, target.region);
      if (!matchesFilter(node, model.filter)) await filter.set('');
      model.refreshNode(node);
      await view.reveal(node, { select: true, focus: true, expand: true });
    },
    async revealSnapshot(target) {
      const { node, owner } = await model.findSnapshot(target);
      if (!owner) return notShown(target.snapshotName, target.profile, target.region);
      if (!node) {
        // Its resource is shown, the snapshot no longer listed (deleted meanwhile): show where it was.
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Snapshot {0} is no longer listed in {1}.', target.snapshotName, target.region),
        );
        if (!matchesFilter(owner, model.filter)) await filter.set('');
        await view.reveal(owner, { select: true, focus: true, expand: true });
        return;
      }
      if (!matchesFilter(owner, model.filter)) await filter.set('');
      try {
        await view.reveal(node, { select: true, focus: true });
      } catch (error) {
        // A refresh of its resource landed meanwhile (e.g. the tracker's, as the operation ended): the node was
        // drawn again as a new element. Find it once more, after VS Code has taken that refresh, and reveal that.
        deps.log.debug(`Reveal of snapshot ${target.snapshotId}: ${String(error)}; trying once more`);
        await new Promise((resolve) => setTimeout(resolve, REFRESH_SETTLE_MS));
        const again = await model.findSnapshot(target);
        await view.reveal(again.node ?? again.owner ?? owner, { select: true, focus: true, expand: !again.node });
      }
    },
  };
}

/** Reloads the tree when the AWS config or credentials file changes (profiles added, regions edited). */
function watchAwsFiles(onChange: () => void): vscode.Disposable[] {
  return [configFilePath(process.env), credentialsFilePath(process.env)].map((file) => {
    const uri = vscode.Uri.file(file);
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(folder.path.length + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    return watcher;
  });
}
