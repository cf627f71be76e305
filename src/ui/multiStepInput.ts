// The VS Code side of the `Prompter` contract: one InputBox or QuickPick per step, with the title, the "2/5"
// counter, a Back button from step 2, ignoreFocusOut, a validation message on every keystroke (an error
// blocks Enter, a warning does not), busy on-Enter checks with a timeout, and no double submit. A step's suggested
// value stays reachable (the placeholder, and a "Use suggested value" button); items carry their icons in `iconPath`,
// never as `$(…)` in the label, so a screen reader reads words only.
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

/** The button that puts the step's suggested value back in the box. */
interface SuggestionButton extends vscode.QuickInputButton {
  readonly suggestion: string;
}

function suggestionButton(suggestion: string): SuggestionButton {
  return {
    iconPath: new vscode.ThemeIcon('discard'),
    tooltip: vscode.l10n.t('Use suggested value: {0}', suggestion),
    suggestion,
  };
}

/** A pick item as VS Code shows it: the icon apart from the words; a disabled one says so in words. */
export function toQuickPickItem<T>(entry: PickItem<T>): Item<T> {
  const reason = entry.disabledReason;
  const icon = reason ? 'circle-slash' : entry.icon;
  return {
    entry,
    label: entry.label,
    ...(icon ? { iconPath: new vscode.ThemeIcon(icon) } : {}),
    description: entry.description,
    detail:
      reason && reason !== entry.label
        ? vscode.l10n.t('Not available: {0}', reason)
        : reason
          ? undefined
          : entry.detail,
  };
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
    // The suggestion shows when the box is emptied; the example otherwise.
    box.placeholder = step.suggestion
      ? vscode.l10n.t('Suggested: {0} (use the button to put it back)', step.suggestion)
      : step.placeholder;
    box.ignoreFocusOut = true;
    const back = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const suggest = step.suggestion ? suggestionButton(step.suggestion) : undefined;
    /** Back, and the suggestion's button while the value differs from the suggestion. */
    const buttonsFor = (value: string) => (suggest && value !== suggest.suggestion ? [...back, suggest] : back);
    box.buttons = buttonsFor(step.value);
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
          box.buttons = buttonsFor(value);
          box.validationMessage = toValidation(step.validate(value));
        }),
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) return finish({ kind: 'back' });
          if (suggest && button === suggest) {
            // Setting the value fires no change event: do what a keystroke does.
            generation++;
            box.busy = false;
            checking = false;
            box.value = suggest.suggestion;
            box.buttons = buttonsFor(suggest.suggestion);
            box.validationMessage = toValidation(step.validate(suggest.suggestion));
          }
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
    const toItem = (entry: PickItem<T>): Item<T> => toQuickPickItem(entry);

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
