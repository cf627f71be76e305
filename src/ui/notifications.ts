// Exactly one notification per finished operation of any kind (success: Reveal in Tree, which selects the snapshot
// made (snapshotToReveal), / Copy ID; failure: the mapped
// message with Show Logs / Retry; cancelled: that AWS is not stopped), and a cancellable progress
// notification while an operation started in this window runs.
import { commandIds } from '../commandIds';
import * as vscode from 'vscode';
import { isRunning, type Operation } from '../snapshots/operation';
import type { Tracker } from '../snapshots/tracker';
import { batchMessage, failedMessage, operationTitle, resultId, succeededMessage } from './operationWords';

export interface NotificationActions {
  reveal(op: Operation): Promise<void>;
  retry(op: Operation): Promise<void>;
  serviceLabel(id: string): string;
  /** Where a failing action (e.g. Retry) is reported. */
  onError(error: unknown): void;
}

export function finishedNotifications(tracker: Tracker, actions: NotificationActions): vscode.Disposable {
  const shown = new Set<string>();
  const subscription = tracker.onDidChange((event) => {
    if (event.kind !== 'finished' || shown.has(event.operation.id)) return;
    // Its caller reports how it ended (a plan run's one summary); Snapshot Activity lists it.
    if (event.operation.silent) return;
    const { batch } = event.operation;
    if (batch) {
      // Operations confirmed together: one notification once the last of them ended.
      const members = tracker.operations().filter((op) => op.batch === batch);
      if (members.some(isRunning) || shown.has(batch)) return;
      shown.add(batch);
      for (const op of members) shown.add(op.id);
      notifyBatch(members, actions).catch((error: unknown) => actions.onError(error));
      return;
    }
    shown.add(event.operation.id);
    notify(event.operation, actions).catch((error: unknown) => actions.onError(error));
  });
  return new vscode.Disposable(() => subscription.dispose());
}

/** Where Reveal in Tree finds what an operation made: the snapshot it created, or the copy in its destination. */
export interface RevealAddress {
  readonly profile: string;
  readonly region: string;
  readonly serviceId: string;
  readonly resourceId: string;
  readonly snapshotId: string;
  readonly snapshotName: string;
}

/**
 * The snapshot Reveal in Tree selects for an operation: a create's new snapshot, a copy's copy (in the destination
 * region: under a resource of the same id there, else in the region's group of copies). Undefined for what leaves no
 * snapshot to show (a delete, a restore: its new resource is revealed instead) or an id AWS never gave.
 */
export function snapshotToReveal(op: Operation): RevealAddress | undefined {
  const place = { profile: op.profile, serviceId: op.service, resourceId: op.resourceId };
  if (op.kind === 'create' && op.snapshotId)
    return { ...place, region: op.region, snapshotId: op.snapshotId, snapshotName: op.snapshotName };
  if (op.kind === 'copy' && op.target?.id)
    return {
      ...place,
      region: op.target.region ?? op.region,
      snapshotId: op.target.id,
      snapshotName: op.target.name,
    };
  return undefined;
}

/** Says a Retry cannot start: the operation's source snapshot or its resource no longer exists. */
export function sourceGone(op: Operation): void {
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Snapshot {0} of {1} no longer exists in {2}.', op.snapshotName, op.resourceName, op.region),
  );
}

export function cancelledMessage(op: Operation): string {
  if (op.kind === 'restore') {
    return vscode.l10n.t(
      'Stopped waiting for the restore of {0}. This does not stop AWS: {0} may still be made; it will show in the tree.',
      op.target?.name ?? op.snapshotName,
    );
  }
  return vscode.l10n.t(
    'Stopped waiting for snapshot {0} of {1}. This does not stop AWS: the snapshot may still be created; it will show in the tree.',
    op.snapshotName,
    op.resourceName,
  );
}

async function notify(op: Operation, actions: NotificationActions): Promise<void> {
  const service = actions.serviceLabel(op.service);
  if (op.state === 'succeeded') {
    const reveal = vscode.l10n.t('Reveal in Tree');
    const copy = vscode.l10n.t('Copy ID');
    const id = resultId(op);
    const choice = await vscode.window.showInformationMessage(
      succeededMessage(op, service),
      reveal,
      ...(id ? [copy] : []),
    );
    if (choice === reveal) await actions.reveal(op);
    if (choice === copy && id) await vscode.env.clipboard.writeText(id);
  } else if (op.state === 'failed') {
    const logs = vscode.l10n.t('Show Logs');
    const retry = vscode.l10n.t('Retry');
    const choice = await vscode.window.showErrorMessage(failedMessage(op, service), logs, retry);
    if (choice === logs) await vscode.commands.executeCommand(commandIds.showLogs);
    if (choice === retry) await actions.retry(op);
  } else if (op.state === 'cancelled') {
    await vscode.window.showInformationMessage(cancelledMessage(op));
  }
}

/** The one notification of operations confirmed together: all went well, or which failed and why. */
async function notifyBatch(ops: readonly Operation[], actions: NotificationActions): Promise<void> {
  const message = batchMessage(ops, actions.serviceLabel);
  if (ops.every((op) => op.state !== 'failed')) {
    await vscode.window.showInformationMessage(message);
    return;
  }
  const logs = vscode.l10n.t('Show Logs');
  const choice = await vscode.window.showErrorMessage(message, logs);
  if (choice === logs) await vscode.commands.executeCommand(commandIds.showLogs);
}

/** A progress notification for one operation, until it ends; its Cancel stops waiting. */
export function showProgress(tracker: Tracker, op: Operation, serviceLabel: string): void {
  void vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: operationTitle(op, serviceLabel),
      cancellable: true,
    },
    (progress, token) =>
      new Promise<void>((resolve) => {
        let reported = 0;
        const update = (current: Operation) => {
          const percent = current.progress ?? 0;
          const message = current.status ?? (current.state === 'requested' ? vscode.l10n.t('requested') : '');
          progress.report({
            message: current.progress === undefined ? message : `${message} ${percent}%`,
            increment: Math.max(0, percent - reported),
          });
          reported = Math.max(reported, percent);
        };
        const done = () => {
          subscription.dispose();
          cancelSubscription.dispose();
          resolve();
        };
        const subscription = tracker.onDidChange((event) => {
          if (event.operation.id !== op.id) return;
          if (event.kind === 'finished' || event.kind === 'removed') done();
          else update(event.operation);
        });
        const cancelSubscription = token.onCancellationRequested(() => {
          tracker.cancel(op.id);
          done();
        });
        const current = tracker.get(op.id);
        if (!current || !isRunning(current)) done();
        else update(current);
      }),
  );
}
