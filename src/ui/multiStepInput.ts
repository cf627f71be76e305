// The VS Code side of the `Prompter` contract: one InputBox or QuickPick per step, with the title, the "2/5"
// counter, a Back button from step 2, ignoreFocusOut, a validation message on every keystroke (an error
// blocks Enter, a warning does not), busy on-Enter checks with a timeout, and no double submit.
import * as vscode from 'vscode';
import {
  runAcceptCheck,
  type Answer,
  type InputStep,
  type PickItem,
  type PickStep,
  type Prompter,
  type StepMessage,
} from '../snapshots/prompter';

const severities: Record<StepMessage['severity'], vscode.InputBoxValidationSeverity> = {
  error: vscode.InputBoxValidationSeverity.Error,
  warning: vscode.InputBoxValidationSeverity.Warning,
  info: vscode.InputBoxValidationSeverity.Info,
};

function toValidation(message: StepMessage | undefined): vscode.InputBoxValidationMessage | undefined {
  return message && { message: message.message, severity: severities[message.severity] };
}

interface Item<T> extends vscode.QuickPickItem {
  readonly entry: PickItem<T>;
}

export class QuickInputPrompter implements Prompter {
  input(step: InputStep): Promise<Answer<string>> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.step = step.step;
    box.totalSteps = step.totalSteps;
    box.value = step.value;
    box.valueSelection = undefined;
    box.prompt = step.prompt;
    box.placeholder = step.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    box.validationMessage = toValidation(step.validate(step.value));

    return new Promise<Answer<string>>((resolve) => {
      const disposables: vscode.Disposable[] = [];
      let settled = false;
      let checking = false;
      /** Bumped on every edit: an on-Enter check whose value changed meanwhile is ignored. */
      let generation = 0;
      /** The value whose check could not run; Enter again on it goes on without the check. */
      let unchecked: string | undefined;
      const finish = (answer: Answer<string>) => {
        if (settled) return;
        settled = true;
        resolve(answer);
        disposables.forEach((d) => d.dispose());
        box.dispose();
      };
      disposables.push(
        box.onDidChangeValue((value) => {
          generation++;
          box.busy = false;
          checking = false;
          box.validationMessage = toValidation(step.validate(value));
        }),
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
        }),
        box.onDidHide(() => finish({ kind: 'cancel' })),
        box.onDidAccept(async () => {
          if (checking || settled) return; // double Enter while a check runs
          const value = box.value;
          const finding = step.validate(value);
          box.validationMessage = toValidation(finding);
          if (finding?.severity === 'error') return;
          if (!step.accept || unchecked === value) return finish({ kind: 'value', value });
          const mine = ++generation;
          checking = true;
          box.busy = true;
          const verdict = await runAcceptCheck(step, value);
          if (settled || mine !== generation) return; // edited meanwhile: only the latest counts
          checking = false;
          box.busy = false;
          if (verdict.verdict === 'ok') return finish({ kind: 'value', value });
          if (verdict.verdict === 'unchecked') unchecked = value;
          box.validationMessage = toValidation({
            message: verdict.message,
            severity: verdict.verdict === 'refused' ? 'error' : 'warning',
          });
        }),
      );
      box.show();
    });
  }

  pick<T>(step: PickStep<T>): Promise<Answer<T>> {
    const quickPick = vscode.window.createQuickPick<Item<T>>();
    quickPick.title = step.title;
    quickPick.step = step.step;
    quickPick.totalSteps = step.totalSteps;
    quickPick.placeholder = step.message ?? step.placeholder;
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const same = step.same ?? ((a: T, b: T) => a === b);
    const toItem = (entry: PickItem<T>): Item<T> => ({
      entry,
      label: entry.disabledReason ? `$(circle-slash) ${entry.label}` : entry.label,
      description: entry.description,
      detail: entry.disabledReason && entry.disabledReason !== entry.label ? entry.disabledReason : entry.detail,
    });

    return new Promise<Answer<T>>((resolve) => {
      const disposables: vscode.Disposable[] = [];
      const loading = new AbortController();
      let settled = false;
      const finish = (answer: Answer<T>) => {
        if (settled) return;
        settled = true;
        loading.abort();
        resolve(answer);
        disposables.forEach((d) => d.dispose());
        quickPick.dispose();
      };
      const show = (entries: readonly PickItem<T>[]) => {
        const items = entries.map(toItem);
        quickPick.items = items;
        const active =
          step.activeValue === undefined ? undefined : items.find((i) => same(i.entry.value, step.activeValue as T));
        const firstEnabled = items.find((i) => !i.entry.disabledReason);
        const chosen = active ?? firstEnabled;
        if (chosen) quickPick.activeItems = [chosen];
      };
      disposables.push(
        quickPick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
        }),
        quickPick.onDidHide(() => finish({ kind: 'cancel' })),
        quickPick.onDidAccept(() => {
          if (quickPick.busy) return;
          const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
          if (!item) return;
          if (item.entry.disabledReason) {
            // Not selectable: say why and stay.
            quickPick.placeholder = item.entry.disabledReason;
            quickPick.selectedItems = [];
            return;
          }
          finish({ kind: 'value', value: item.entry.value });
        }),
      );
      if (typeof step.items === 'function') {
        quickPick.busy = true;
        step
          .items(loading.signal)
          .then((entries) => {
            if (!settled) show(entries);
          })
          .catch((error: unknown) => {
            if (settled) return;
            const reason = error instanceof Error ? error.message : String(error);
            quickPick.placeholder = vscode.l10n.t('Could not load the choices: {0}', reason);
          })
          .finally(() => {
            if (!settled) quickPick.busy = false;
          });
      } else {
        show(step.items);
      }
      quickPick.show();
    });
  }
}
