// A read the user waits for in the middle of a multi-step input (a form's defaults), shown where the flow goes on.
import * as vscode from 'vscode';

/**
 * Runs a read the user waits for (a form's defaults) inside the quick input, where the flow goes on: a busy, empty
 * list saying what is read; Escape cancels it (the read is aborted). Shared by the restore and copy flows.
 */
export function busy<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const pick = vscode.window.createQuickPick();
  pick.title = message;
  pick.placeholder = vscode.l10n.t('Reading… (Escape cancels)');
  pick.busy = true;
  pick.ignoreFocusOut = true;
  const controller = new AbortController();
  const hidden = pick.onDidHide(() => controller.abort());
  pick.show();
  return work(controller.signal)
    .then((value) => {
      // Cancelled while a read that ignores its signal went on: the flow ends as cancelled all the same.
      if (controller.signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
      return value;
    })
    .finally(() => {
      hidden.dispose();
      pick.dispose();
    });
}
