// Wires deleting snapshots into VS Code: Delete… on one snapshot or on several selected ones (the tree allows
// multi-selection), one modal confirmation that names every snapshot with its resource, profile and region (and warns
// when one is the newest or the last of its resource), the deletions handed to the tracker, and the tree kept in
// step (deleting snapshots show as such, then drop out). Logic lives in src/snapshots/deleter.ts.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { commandIds } from '../commandIds';
import { confirmation, planDeletion, SnapshotDeleter, type DeleteItem } from '../snapshots/deleter';
import type { Tracker } from '../snapshots/tracker';
import { snapshotArg } from './treeArgs';
import { registerCommand } from './command';
import type { ExplorerHooks } from './explorerHooks';

export interface DeleteUiDeps {
  readonly log: vscode.LogOutputChannel;
  readonly clients: AwsClients;
  readonly tracker: Tracker;
  readonly explorer?: ExplorerHooks;
}

/** The snapshots a command acts on: the selection when the clicked node is part of it, else the clicked node. */
export function selectedItems(clicked: unknown, selection: unknown): DeleteItem[] {
  const all = Array.isArray(selection) ? selection : [];
  const chosen = all.includes(clicked) ? all : [clicked];
  return chosen.map(snapshotArg).filter((i): i is DeleteItem => i !== undefined);
}

export function registerDelete(context: vscode.ExtensionContext, deps: DeleteUiDeps): SnapshotDeleter {
  const { log, clients, tracker, explorer } = deps;
  const deleter = new SnapshotDeleter({ clients, tracker, log });

  async function run(clicked: unknown, selection: unknown): Promise<void> {
    const items = selectedItems(clicked, selection);
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more snapshots in the tree to delete.'));
      return;
    }
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the snapshots to delete…') },
      () => planDeletion(clients, items),
    );
    if (plan.deletable.length === 0) {
      const reasons = plan.refused.map((r) => `${r.item.snapshot.name}: ${r.reason}`).join(' ');
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing to delete. {0}', reasons));
      return;
    }
    const { message, detail, button } = confirmation(plan);
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, button);
    if (choice !== button) return;
    const batch = plan.deletable.length > 1 ? randomUUID() : undefined;
    await Promise.all(plan.deletable.map((item) => deleter.delete(item, batch)));
  }

  // Deleting snapshots show as such once AWS accepted the call, and drop out of the tree when they are gone.
  const shown = new Set<string>();
  const sync = tracker.onDidChange((event) => {
    const op = event.operation;
    if (!explorer || op.kind !== 'delete') return;
    const accepted = event.kind === 'changed' && op.state === 'running' && !shown.has(op.id);
    if (accepted) shown.add(op.id);
    if (event.kind === 'finished') shown.delete(op.id);
    if (accepted || event.kind === 'finished') {
      explorer.refresh({ profile: op.profile, region: op.region, serviceId: op.service, resourceId: op.resourceId });
    }
  });

  context.subscriptions.push(
    { dispose: () => sync.dispose() },
    registerCommand(commandIds.deleteSnapshot, log, (clicked?: unknown, selection?: unknown) =>
      run(clicked, selection),
    ),
  );
  return deleter;
}
