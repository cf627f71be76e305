// "Snapshot Activity": every operation (create, restore, …), newest first, with service, resource, name, start
// time, duration, state and progress. Finished ones open the resource in the tree; running ones can be
// cancelled (which only stops waiting); "Clear Finished" drops the history (failed ones only when the user confirms).
// Each row's accessible label says in words what it is and its state.
import { commandIds } from '../commandIds';
import * as vscode from 'vscode';
import { formatDateTime } from '../dates';
import { formatDuration, isRunning, type Operation } from '../snapshots/operation';
import type { Tracker } from '../snapshots/tracker';
import { runningWord, succeededWord } from './operationWords';

export const activityViewId = 'snapshotExplorer.activity';
export const revealOperationCommand = commandIds.revealSnapshot;

const icons: Record<Operation['state'], [string, string?]> = {
  requested: ['sync~spin'],
  running: ['sync~spin'],
  succeeded: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash'],
};

export function stateLabel(op: Operation): string {
  switch (op.state) {
    case 'requested':
      return vscode.l10n.t('requested');
    case 'running': {
      const verb = runningWord(op);
      return op.progress === undefined ? verb : vscode.l10n.t('{0} {1}%', verb, op.progress);
    }
    case 'succeeded':
      return succeededWord(op);
    case 'failed':
      return vscode.l10n.t('failed');
    case 'cancelled':
      return vscode.l10n.t('stopped waiting');
  }
}

/** What the row is about, in words: "Snapshot x of y", "Restore of z from snapshot x", … */
function activitySubject(op: Operation, serviceLabel: string): string {
  switch (op.kind) {
    case 'create':
      return vscode.l10n.t('{0} snapshot {1} of {2}', serviceLabel, op.snapshotName, op.resourceName);
    case 'restore':
      return vscode.l10n.t(
        'Restore of {0} from {1} snapshot {2}',
        op.target?.name ?? '',
        serviceLabel,
        op.snapshotName,
      );
    case 'delete':
      return vscode.l10n.t('Deletion of {0} snapshot {1} of {2}', serviceLabel, op.snapshotName, op.resourceName);
    case 'copy':
      return vscode.l10n.t(
        'Copy of {0} snapshot {1} to {2}',
        serviceLabel,
        op.snapshotName,
        op.target?.region ?? op.region,
      );
  }
}

/** A row's accessible label: what it is, its state and how long it took, in words (no icon names). */
export function activityAccessibleLabel(op: Operation, serviceLabel: string, duration: string): string {
  return vscode.l10n.t('{0}, {1}, {2}', activitySubject(op, serviceLabel), stateLabel(op), duration);
}

/**
 * Clear Finished: drops the operations that ended well or were stopped; failed ones stay (their Retry and error are
 * what is left of them) unless the user confirms, in a modal, to clear them too.
 */
export async function clearFinishedOperations(tracker: Pick<Tracker, 'operations' | 'clearFinished'>): Promise<void> {
  const failed = tracker.operations().filter((op) => op.state === 'failed').length;
  if (failed === 0) return tracker.clearFinished();
  const keep = vscode.l10n.t('Clear Finished, Keep Failed');
  const all = vscode.l10n.t('Clear All Including Failed');
  const choice = await vscode.window.showWarningMessage(
    failed === 1
      ? vscode.l10n.t('Clear the finished operations? 1 failed operation is in the list.')
      : vscode.l10n.t('Clear the finished operations? {0} failed operations are in the list.', failed),
    {
      modal: true,
      detail: vscode.l10n.t('Failed operations keep their error and Retry… unless you clear them too.'),
    },
    keep,
    all,
  );
  if (choice === keep) tracker.clearFinished((op) => op.state !== 'failed');
  else if (choice === all) tracker.clearFinished();
}

export class ActivityTreeProvider implements vscode.TreeDataProvider<Operation>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Operation | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly tracker: Tracker,
    private readonly serviceLabel: (id: string) => string,
    private readonly now: () => number = Date.now,
  ) {
    this.subscription = tracker.onDidChange(() => this.refresh());
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
    // Durations of running operations move: redraw every few seconds while any runs.
    const running = this.tracker.running().length > 0;
    if (running && !this.ticker) this.ticker = setInterval(() => this.changed.fire(undefined), 5000);
    if (!running && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  getChildren(element?: Operation): Operation[] {
    return element ? [] : this.tracker.operations();
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(op: Operation): vscode.TreeItem {
    // A restore is named by what it makes; every other kind by its snapshot.
    const restore = op.kind === 'restore';
    const item = new vscode.TreeItem(
      restore ? (op.target?.name ?? op.snapshotName) : op.snapshotName,
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = op.id;
    const end = op.endedAt ?? this.now();
    const duration = formatDuration(end - op.startedAt);
    // A restore says what it was made from; a copy where it goes.
    const source = restore
      ? vscode.l10n.t('from {0}', op.snapshotName)
      : op.kind === 'copy' && op.target?.region
        ? vscode.l10n.t('{0} → {1}', op.resourceName, op.target.region)
        : op.resourceName;
    item.description = `${stateLabel(op)} · ${this.serviceLabel(op.service)} · ${source} · ${duration}`;
    const [icon, color] = icons[op.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `snapshotOperation.${op.state}.${op.kind}${op.snapshotId ? '.hasId' : ''}`;
    item.tooltip = this.tooltip(op, duration);
    item.accessibilityInformation = { label: activityAccessibleLabel(op, this.serviceLabel(op.service), duration) };
    if (!isRunning(op) && op.state !== 'failed') {
      item.command = { command: revealOperationCommand, title: vscode.l10n.t('Reveal in Tree'), arguments: [op] };
    }
    return item;
  }

  private tooltip(op: Operation, duration: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    const row = (label: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      md.appendMarkdown(`**${label}:** `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    };
    row(vscode.l10n.t('Service'), this.serviceLabel(op.service));
    row(vscode.l10n.t('Resource'), `${op.resourceName} (${op.resourceId})`);
    row(vscode.l10n.t('Profile / region'), `${op.profile} / ${op.region}`);
    row(vscode.l10n.t('Snapshot'), op.snapshotName);
    row(vscode.l10n.t('Snapshot ID'), op.snapshotId);
    if (op.kind === 'restore') {
      row(vscode.l10n.t('Restored to'), op.target?.name);
      row(vscode.l10n.t('New resource ID'), op.target?.id);
    }
    if (op.kind === 'copy') {
      row(vscode.l10n.t('Copy'), op.target?.name);
      row(vscode.l10n.t('Copy ID'), op.target?.id);
      row(vscode.l10n.t('Destination region'), op.target?.region);
    }
    row(vscode.l10n.t('Started'), formatDateTime(op.startedAt));
    row(vscode.l10n.t('Duration'), duration);
    const state = stateLabel(op);
    // The service's status word only when it says more than the state (not "available (available)").
    const status = op.status && !state.toLowerCase().includes(op.status.toLowerCase()) ? op.status : undefined;
    row(vscode.l10n.t('State'), status ? `${state} (${status})` : state);
    row(vscode.l10n.t('Error'), op.error);
    row(vscode.l10n.t('Last polling problem'), isRunning(op) ? op.pollError : undefined);
    if (op.state === 'cancelled')
      row(
        vscode.l10n.t('Note'),
        op.kind === 'restore'
          ? vscode.l10n.t('Only the waiting stopped: AWS may still make the restored resource.')
          : vscode.l10n.t('Only the waiting stopped: AWS may still create the snapshot.'),
      );
    return md;
  }

  dispose(): void {
    this.subscription.dispose();
    if (this.ticker) clearInterval(this.ticker);
    this.changed.dispose();
  }
}
