// A Prompter driven by a script of user actions, for tests of the create flow without VS Code.
// It behaves like the QuickInput prompter: an input whose validation reports an error is not accepted, a
// disabled item is not selectable, on-Enter checks run (with their timeout) and can refuse.
import assert from 'node:assert/strict';
import {
  runAcceptCheck,
  type Answer,
  type InputStep,
  type PickItem,
  type PickStep,
  type Prompter,
  type StepMessage,
} from '../../src/snapshots/prompter';

export type Action =
  /** Type this value (replacing the box's value) and press Enter. */
  | { readonly id: string; readonly type: string }
  /** Press Enter on the value the box opened with. */
  | { readonly id: string; readonly enter: true }
  /** Pick the item whose label (or value, via the predicate) matches. */
  | { readonly id: string; readonly pick: string | ((item: PickItem<unknown>) => boolean) }
  | { readonly id: string; readonly back: true }
  | { readonly id: string; readonly cancel: true };

export interface ShownStep {
  readonly id: string;
  readonly kind: 'input' | 'pick';
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** The value an input box opened with. */
  readonly value?: string;
  readonly items?: readonly PickItem<unknown>[];
  readonly message?: string;
}

export class ScriptedPrompter implements Prompter {
  readonly shown: ShownStep[] = [];
  /** Why an Enter was refused (validation error, on-Enter check, disabled item). */
  readonly refusals: { id: string; message: string }[] = [];
  /** The validation message after each typed value. */
  readonly messages: { id: string; value: string; message?: StepMessage }[] = [];
  private readonly script: Action[];

  constructor(script: readonly Action[]) {
    this.script = [...script];
  }

  remaining(): number {
    return this.script.length;
  }

  private next(id: string): Action {
    const action = this.script.shift();
    assert.ok(action, `the script ended, but the flow showed step "${id}"`);
    assert.equal(action.id, id, `the script expected step "${action.id}", the flow showed "${id}"`);
    return action;
  }

  async input(step: InputStep): Promise<Answer<string>> {
    this.shown.push({
      id: step.id,
      kind: 'input',
      title: step.title,
      step: step.step,
      totalSteps: step.totalSteps,
      value: step.value,
    });
    let unchecked: string | undefined;
    for (;;) {
      const action = this.next(step.id);
      if ('back' in action) return { kind: 'back' };
      if ('cancel' in action) return { kind: 'cancel' };
      if ('pick' in action) assert.fail(`step "${step.id}" is an input box, not a pick`);
      const value = 'type' in action ? action.type : step.value;
      const message = step.validate(value);
      this.messages.push({ id: step.id, value, message });
      if (message?.severity === 'error') {
        this.refusals.push({ id: step.id, message: message.message });
        continue;
      }
      if (unchecked === value) return { kind: 'value', value };
      const verdict = await runAcceptCheck(step, value);
      if (verdict.verdict === 'ok') return { kind: 'value', value };
      if (verdict.verdict === 'unchecked') unchecked = value;
      this.refusals.push({ id: step.id, message: verdict.message });
    }
  }

  async pick<T>(step: PickStep<T>): Promise<Answer<T>> {
    const items = typeof step.items === 'function' ? await step.items(new AbortController().signal) : step.items;
    this.shown.push({
      id: step.id,
      kind: 'pick',
      title: step.title,
      step: step.step,
      totalSteps: step.totalSteps,
      items: items as readonly PickItem<unknown>[],
      message: step.message,
    });
    for (;;) {
      const action = this.next(step.id);
      if ('back' in action) return { kind: 'back' };
      if ('cancel' in action) return { kind: 'cancel' };
      if (!('pick' in action)) assert.fail(`step "${step.id}" is a pick, not an input box`);
      const match = action.pick;
      const item = items.find((i) => (typeof match === 'string' ? i.label === match : match(i as PickItem<unknown>)));
      assert.ok(item, `step "${step.id}" has no item ${String(match)}: ${items.map((i) => i.label).join(', ')}`);
      if (item.disabledReason) {
        this.refusals.push({ id: step.id, message: item.disabledReason });
        continue;
      }
      return { kind: 'value', value: item.value };
    }
  }
}

/** Picks an item by value regardless of whether it is disabled (as a misbehaving prompter would). */
export class ForcefulPrompter extends ScriptedPrompter {
  override async pick<T>(step: PickStep<T>): Promise<Answer<T>> {
    const items = typeof step.items === 'function' ? await step.items(new AbortController().signal) : step.items;
    const disabled = items.find((i) => i.disabledReason && i.value !== null);
    if (disabled && this.shown.filter((s) => s.id === step.id).length === 0) {
      this.shown.push({
        id: step.id,
        kind: 'pick',
        title: step.title,
        step: step.step,
        totalSteps: step.totalSteps,
        items: items as readonly PickItem<unknown>[],
      });
      return { kind: 'value', value: disabled.value };
    }
    return super.pick(step);
  }
}
