// The explorer's commands: refresh, load more, retry, reauthenticate, choose regions, copy (ID, ARN, tags), open
// console. The filter's commands are in filterView.ts.
import * as vscode from 'vscode';
import { reauthenticateAdvice } from '../aws/errors';
import type { ProfileInfo } from '../aws/profiles';
import { formatTags } from '../validation/tags';
import type { ExplorerModel } from './model/explorerModel';
import { profileNodeOf, ssoSessionOf, type ExplorerNode, type SnapshotNode } from './model/nodes';
import { regionsFor } from './model/treeSettings';
import { pickRegions } from './regionPicker';
import type { TreeSettingsSource } from './settings';
import { commandIds } from '../commandIds';
import { registerCommand } from '../ui/command';

export interface TreeCommandDeps {
  readonly model: ExplorerModel;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly log: vscode.LogOutputChannel;
  readonly settings: TreeSettingsSource;
  readonly profiles: () => Promise<readonly ProfileInfo[]>;
  /** Every region the region picker offers. */
  readonly regions: readonly string[];
  readonly reauthenticate?: (profile: ProfileInfo) => Promise<void>;
  /** Signs in to an IAM Identity Center session (the device flow); none: Reauthenticate gives the CLI's advice. */
  readonly signIn?: (session?: string) => Promise<void>;
  readonly signOut?: (session?: string) => Promise<void>;
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value;
}

/** The node a command acts on: its argument (inline and context menus), else the selection. */
function nodeArg(deps: TreeCommandDeps, arg: unknown): ExplorerNode | undefined {
  if (isNode(arg)) return arg;
  return deps.view.selection[0];
}

async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}: {1}', what, text), 3000);
}

async function reauthenticate(deps: TreeCommandDeps, node: ExplorerNode | undefined): Promise<void> {
  // A session's branch, a role under it, or a profile that signs in with a session: the editor's own sign-in.
  const session = ssoSessionOf(node);
  if (session && deps.signIn) return deps.signIn(session);
  const profileNode = profileNodeOf(node);
  if (!profileNode) return;
  const all = await deps.profiles();
  const info = all.find((p) => p.name === profileNode.profile.name);
  if (!info)
    throw new Error(vscode.l10n.t('Profile {0} is no longer in the AWS config files.', profileNode.profile.name));
  if (deps.reauthenticate) {
    await deps.reauthenticate(info);
  } else {
    const advice = reauthenticateAdvice(info, all);
    const copyCommand = vscode.l10n.t('Copy Command');
    const choice = await vscode.window.showInformationMessage(advice.message, ...(advice.command ? [copyCommand] : []));
    if (choice === copyCommand && advice.command) await copy(advice.command, vscode.l10n.t('command'));
  }
  deps.model.refreshNode(profileNode);
}

/**
 * Copy Tags: the snapshot's tags as `key=value, key=value` (what Create Snapshot's tags step accepts), read with one
 * call when the listing did not return them (cached with the tooltip's); a snapshot without tags says so.
 */
async function copyTags(deps: TreeCommandDeps, node: SnapshotNode): Promise<void> {
  const { snapshot } = node;
  let tags;
  try {
    tags = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the tags of {0}…', snapshot.name) },
      () => deps.model.readSnapshotTags(node, new AbortController().signal),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(vscode.l10n.t('Could not read the tags of {0}: {1}', snapshot.name, message), { cause: error });
  }
  if (tags.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no tags: nothing copied.', snapshot.name));
    return;
  }
  await copy(formatTags(tags), vscode.l10n.t('tags'));
}

async function chooseRegions(deps: TreeCommandDeps, node: ExplorerNode | undefined): Promise<void> {
  let profile = profileNodeOf(node)?.profile;
  if (!profile) {
    const all = await deps.profiles();
    const picked = await vscode.window.showQuickPick(
      all.map((p) => ({ label: p.name, profile: p })),
      { title: vscode.l10n.t('Choose Regions: profile'), placeHolder: vscode.l10n.t('Profile to choose regions for') },
    );
    profile = picked?.profile;
  }
  if (!profile) return;
  const current = regionsFor(profile, deps.settings.read());
  const chosen = await pickRegions(profile.name, deps.regions, current);
  if (!chosen) return;
  await deps.settings.setProfileRegions(profile.name, chosen);
  deps.log.info(`Regions of profile ${profile.name}: ${chosen.join(', ') || '(none)'}`);
}

export function registerTreeCommands(deps: TreeCommandDeps): vscode.Disposable[] {
  const { model, log } = deps;
  return [
    registerCommand(commandIds.refresh, log, (arg) => (isNode(arg) ? model.refreshNode(arg) : model.refresh())),
    registerCommand(commandIds.loadMore, log, async (arg) => {
      if (isNode(arg) && arg.kind === 'loadMore') await model.loadMore(arg);
    }),
    registerCommand(commandIds.retry, log, async (arg) => {
      const node = nodeArg(deps, arg);
      if (node?.kind === 'error') await model.retry(node);
      else if (node) model.refreshNode(node);
    }),
    registerCommand(commandIds.reauthenticate, log, (arg) => reauthenticate(deps, nodeArg(deps, arg))),
    ...(deps.signIn && deps.signOut ? registerSessionCommands(deps, deps.signIn, deps.signOut) : []),
    registerCommand(commandIds.chooseRegions, log, (arg) => chooseRegions(deps, isNode(arg) ? arg : undefined)),
    registerCommand(commandIds.copyId, log, async (arg) => {
      const node = nodeArg(deps, arg);
      if (node?.kind === 'resource') {
        const { resource } = node.target;
        await copy(resource.displayId ?? resource.id, vscode.l10n.t('ID'));
      } else if (node?.kind === 'snapshot') await copy(node.snapshot.id, vscode.l10n.t('ID'));
    }),
    registerCommand(commandIds.copyArn, log, async (arg) => {
      const node = nodeArg(deps, arg);
      const arn =
        node?.kind === 'resource'
          ? node.target.resource.arn
          : node?.kind === 'snapshot'
            ? node.snapshot.arn
            : undefined;
      if (arn) await copy(arn, vscode.l10n.t('ARN'));
    }),
    registerCommand(commandIds.copyTags, log, async (arg) => {
      const node = nodeArg(deps, arg);
      if (node?.kind === 'snapshot') await copyTags(deps, node);
    }),
    registerCommand(commandIds.openInConsole, log, async (arg) => {
      const node = nodeArg(deps, arg);
      if (node?.kind !== 'resource' && node?.kind !== 'snapshot') return;
      const { service, region, resource } = node.target;
      // Each node its own page: a snapshot's (also one in the group without a resource here), else the resource's.
      if (node.kind === 'resource' && resource.unattached) return;
      const url =
        node.kind === 'snapshot'
          ? service.snapshotConsoleUrl(region, node.snapshot, resource)
          : service.consoleUrl(region, resource);
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
  ];
}

/** Sign In / Sign Out on a session (or a node under one); from the palette, they ask which session. */
function registerSessionCommands(
  deps: TreeCommandDeps,
  signIn: (session?: string) => Promise<void>,
  signOut: (session?: string) => Promise<void>,
): vscode.Disposable[] {
  const sessionArg = (arg: unknown): string | undefined => (isNode(arg) ? ssoSessionOf(arg) : undefined);
  return [
    registerCommand(commandIds.signIn, deps.log, (arg) => signIn(sessionArg(arg))),
    registerCommand(commandIds.signOut, deps.log, (arg) => signOut(sessionArg(arg))),
  ];
}
