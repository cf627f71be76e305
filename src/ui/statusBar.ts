// One status bar item for all snapshot operations: hidden when idle, "$(sync~spin) 2 snapshots, 1 restore · 45%" while
// work is in flight, a tooltip listing them, an accessible label in words (no icon names); a click opens the list of
// operations.
import { commandIds } from '../commandIds';
import * as vscode from 'vscode';
import { formatDuration, isRunning, summarizeRunning, type Operation } from '../snapshots/operation';
import type { Tracker } from '../snapshots/tracker';
import { runningWord } from './operationWords';

export const showOperationsCommand = commandIds.showOperations;

/** What runs, in words ("2 snapshots, 1 restore"), and the overall progress; undefined when idle. */
function runningWords(ops: readonly Operation[]): { what: string; progress?: number } | undefined {
  const { count, progress } = summarizeRunning(ops);
  if (count === 0) return undefined;
  const running = ops.filter(isRunning);
  const restores = running.filter((op) => op.kind === 'restore').length;
  const others = running.length - restores;
  const parts = [
    others === 0 ? '' : others === 1 ? vscode.l10n.t('1 snapshot') : vscode.l10n.t('{0} snapshots', others),
    restores === 0 ? '' : restores === 1 ? vscode.l10n.t('1 restore') : vscode.l10n.t('{0} restores', restores),
  ].filter(Boolean);
  return { what: parts.join(', '), ...(progress === undefined ? {} : { progress }) };
}

/** The item's text for the running operations, or undefined when idle. */
export function statusText(ops: readonly Operation[]): string | undefined {
  const words = runningWords(ops);
  if (!words) return undefined;
  const { what, progress } = words;
  return progress === undefined ? `$(sync~spin) ${what}` : `$(sync~spin) ${what} · ${progress}%`;
}

/**
 * What a screen reader says for the item: words only (no icon names, no Markdown), e.g. "Snapshot operations in
 * progress: 2 snapshots, 1 restore, 45 percent done. Press Enter to see every operation."
 */
export function statusAccessibleLabel(ops: readonly Operation[]): string | undefined {
  const words = runningWords(ops);
  if (!words) return undefined;
  const what =
    words.progress === undefined ? words.what : vscode.l10n.t('{0}, {1} percent done', words.what, words.progress);
  return vscode.l10n.t('Snapshot operations in progress: {0}. Press Enter to see every operation.', what);
}

export function operationLine(op: Operation, serviceLabel: string, now: number): string {
  const progress = op.progress === undefined ? '' : ` ${op.progress}%`;
  const state = op.state === 'requested' ? vscode.l10n.t('requested') : runningWord(op);
  if (op.kind === 'restore') {
    return vscode.l10n.t(
      '{0} · {1} → {2}: {3}{4} ({5})',
      serviceLabel,
      op.snapshotName,
      op.target?.name ?? '',
      state,
      progress,
      formatDuration(now - op.startedAt),
    );
  }
  return vscode.l10n.t(
    '{0} · {1} · {2}: {3}{4} ({5})',
    serviceLabel,
    op.resourceName,
    op.snapshotName,
    state,
    progress,
    formatDuration(now - op.startedAt),
  );
}

export function createStatusBar(
  tracker: Tracker,
  serviceLabel: (id: string) => string,
  now: () => number = Date.now,
): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('snapshotExplorer.operations', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Snapshot Operations');
  item.command = showOperationsCommand;
  const update = () => {
    const ops = tracker.operations();
    const text = statusText(ops);
    if (!text) {
      item.hide();
      return;
    }
    item.text = text;
    item.accessibilityInformation = { label: statusAccessibleLabel(ops) ?? text, role: 'button' };
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${vscode.l10n.t('In progress')}**\n\n`);
    for (const op of ops.filter(isRunning)) {
      tooltip.appendMarkdown('- ');
      tooltip.appendText(operationLine(op, serviceLabel(op.service), now()));
      tooltip.appendMarkdown('\n');
    }
    tooltip.appendMarkdown(`\n${vscode.l10n.t('Click to see every operation.')}`);
    item.tooltip = tooltip;
    item.show();
  };
  const subscription = tracker.onDidChange(update);
  update();
  return new vscode.Disposable(() => {
    subscription.dispose();
    item.dispose();
  });
}
