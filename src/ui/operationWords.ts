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
