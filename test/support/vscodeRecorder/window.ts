// `vscode.window` of the recording fake: tree views, input boxes, quick picks and status bar items it records
// for the test to drive; prompts and notifications answered as the test scripted; progress a test can cancel.
import { EventEmitter } from '../eventEmitter';
import { FakeInputBox, FakeQuickPick, FakeStatusBarItem } from './controls';
import type { FakeView, Notification, ProgressRecord, Records } from './records';

type ProgressTask = (
  progress: { report(value: { message?: string; increment?: number }): void },
  token: { onCancellationRequested(listener: () => void): { dispose(): void } },
) => Promise<unknown>;

export function fakeWindow(rec: Records): Record<string, unknown> {
  const notify =
    (level: Notification['level']) =>
    async (message: string, ...rest: unknown[]) => {
      const actions = rest.filter((r): r is string => typeof r === 'string');
      const options = rest.find((r): r is { modal?: boolean; detail?: string } => typeof r === 'object' && r !== null);
      const n = { level, message, actions, ...(options?.modal ? { modal: true, detail: options.detail } : {}) };
      rec.notifications.push(n);
      rec.messages.push(message);
      return rec.answer(n);
    };
  return {
    createInputBox() {
      const box = new FakeInputBox();
      rec.inputs.push(box);
      return box;
    },
    createQuickPick() {
      const pick = new FakeQuickPick();
      rec.inputs.push(pick);
      return pick;
    },
    createStatusBarItem() {
      const item = new FakeStatusBarItem();
      rec.statusItems.push(item);
      return item;
    },
    createTreeView(id: string, options: { treeDataProvider: FakeView['treeDataProvider'] }) {
      const view: FakeView & { dispose(): void; reveal(node: unknown, options: unknown): Promise<void> } = {
        id,
        message: undefined,
        selection: [],
        treeDataProvider: options.treeDataProvider,
        revealed: [],
        dispose: () => undefined,
        async reveal(node, opts) {
          view.revealed.push({ node, options: opts });
        },
      };
      rec.views.push(view);
      return view;
    },
    showInputBox: async () => rec.answers.inputBox,
    showQuickPick: async (items: Array<{ label: string }>) => rec.answers.quickPick?.(items),
    showInformationMessage: notify('info'),
    showWarningMessage: notify('warning'),
    showErrorMessage: notify('error'),
    setStatusBarMessage: (message: string) => {
      rec.messages.push(message);
      return { dispose: () => undefined };
    },
    withProgress(options: { title: string }, task: ProgressTask) {
      const cancelled = new EventEmitter<void>();
      const record: ProgressRecord = {
        title: options.title,
        reports: [],
        cancel: () => cancelled.fire(),
        done: false,
      };
      rec.progress.push(record);
      return task(
        { report: (value) => void record.reports.push(value) },
        { onCancellationRequested: (listener) => cancelled.event(listener) },
      ).finally(() => {
        record.done = true;
      });
    },
  };
}
