// The words for an operation's kind and state, shared by Snapshot Activity, the status bar and the notifications.
import * as vscode from 'vscode';
import type { Operation } from '../snapshots/operation';

/** What a running operation is doing, in a word. */
export function runningWord(op: Pick<Operation, 'kind'>): string {
  switch (op.kind) {
    case 'create':
      return vscode.l10n.t('creating');
    case 'restore':
      return vscode.l10n.t('restoring');
    case 'delete':
      return vscode.l10n.t('deleting');
    case 'copy':
      return vscode.l10n.t('copying');
  }
}

/** How an operation that went well ended, in a word. */
export function succeededWord(op: Pick<Operation, 'kind'>): string {
  switch (op.kind) {
    case 'create':
      return vscode.l10n.t('available');
    case 'restore':
      return vscode.l10n.t('restored');
    case 'delete':
      return vscode.l10n.t('deleted');
    case 'copy':
      return vscode.l10n.t('copied');
  }
}

/** The id a finished operation's Copy ID copies: the new resource's for a restore or copy, else the snapshot's. */
export function resultId(op: Operation): string | undefined {
  return op.kind === 'restore' || op.kind === 'copy' ? op.target?.id : op.snapshotId;
}

/** What the operation is about, for a progress notification's title. */
export function operationTitle(op: Operation, service: string): string {
  switch (op.kind) {
    case 'restore':
      return vscode.l10n.t('Restoring {0} from {1} snapshot {2}', op.target?.name ?? '', service, op.snapshotName);
    case 'delete':
      return vscode.l10n.t('Deleting {0} snapshot {1} of {2}', service, op.snapshotName, op.resourceName);
    case 'copy':
      return vscode.l10n.t('Copying {0} snapshot {1} to {2}', service, op.snapshotName, op.target?.region ?? '');
    case 'create':
      return vscode.l10n.t('{0} snapshot {1} of {2}', service, op.snapshotName, op.resourceName);
  }
}

/** The one notification's sentence when an operation went well. */
export function succeededMessage(op: Operation, service: string): string {
  switch (op.kind) {
    case 'restore':
      return vscode.l10n.t(
        '{0} is restored from {1} snapshot {2} and available.',
        op.target?.name ?? '',
        service,
        op.snapshotName,
      );
    case 'delete':
      return vscode.l10n.t('{0} snapshot {1} of {2} is deleted.', service, op.snapshotName, op.resourceName);
    case 'copy':
      return vscode.l10n.t('{0} snapshot {1} is copied to {2}.', service, op.snapshotName, op.target?.region ?? '');
    case 'create':
      return vscode.l10n.t('{0} snapshot {1} of {2} is available.', service, op.snapshotName, op.resourceName);
  }
}

/** The one notification's sentence when an operation failed; `error` says what to do. */
export function failedMessage(op: Operation, service: string): string {
  const error = op.error ?? '';
  switch (op.kind) {
    case 'restore':
      return vscode.l10n.t(
        'Restoring {0} from {1} snapshot {2} failed: {3}',
        op.target?.name ?? '',
        service,
        op.snapshotName,
        error,
      );
    case 'delete':
      return vscode.l10n.t(
        'Deleting {0} snapshot {1} of {2} failed: {3}',
        service,
        op.snapshotName,
        op.resourceName,
        error,
      );
    case 'copy':
      return vscode.l10n.t('Copying {0} snapshot {1} failed: {2}', service, op.snapshotName, error);
    case 'create':
      return vscode.l10n.t('{0} snapshot {1} of {2} failed: {3}', service, op.snapshotName, op.resourceName, error);
  }
}

/** The sentence of operations confirmed together (deletions): how many went well, and each failure with its reason. */
export function batchMessage(ops: readonly Operation[], serviceLabel: (id: string) => string): string {
  const failed = ops.filter((op) => op.state === 'failed');
  const done = ops.filter((op) => op.state === 'succeeded').length;
  if (ops.length === 1 && ops[0]) {
    return ops[0].state === 'failed'
      ? failedMessage(ops[0], serviceLabel(ops[0].service))
      : succeededMessage(ops[0], serviceLabel(ops[0].service));
  }
  const head =
    failed.length === 0
      ? vscode.l10n.t('Deleted {0} snapshots.', done)
      : vscode.l10n.t('Deleted {0} of {1} snapshots.', done, ops.length);
  const failures = failed.map((op) =>
    vscode.l10n.t('{0} of {1}: {2}', op.snapshotName, op.resourceName, op.error ?? ''),
  );
  const cancelled = ops.filter((op) => op.state === 'cancelled').length;
  const stopped = cancelled ? [vscode.l10n.t('Stopped waiting for {0}: AWS may still delete them.', cancelled)] : [];
  return [head, ...failures, ...stopped].join(' ');
}
