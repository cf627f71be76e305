// The contract between the create-snapshot flow and whatever asks the user: the VS Code QuickInput helper
// (src/ui/multiStepInput.ts) in the extension, a scripted prompter in tests. No `vscode` import here.
import * as l10n from '../l10n';

/** Where a step sits in the flow: shown as the title and the "2/5" counter; Back is offered from step 2. */
export interface StepInfo {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

/** A finding shown under an input box. An error blocks Enter; a warning or info does not. */
export interface StepMessage {
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

export interface InputStep extends StepInfo {
  /** A stable id for the step (tests script answers by it). */
  readonly id: string;
  /** The value the box opens with (a default, or what the user typed before going back). */
  readonly value: string;
  /** One line stating the rules. */
  readonly prompt: string;
  /** An example value. */
  readonly placeholder: string;
  /**
   * The value the flow suggests (e.g. a name made from the resource and the date): shown as the placeholder once the
   * box is emptied, and offered by a "Use suggested value" button whenever the value differs from it.
   */
  readonly suggestion?: string;
  /** Runs on every keystroke; only the latest result is shown. Undefined means no finding. */
  validate(value: string): StepMessage | undefined;
  /**
   * Runs on Enter after `validate` found no error (checks that need AWS): the box is busy meanwhile, and
   * the answer is dropped when the user edits the value before it comes. Resolves to an error message to
   * show (Enter refused) or undefined to accept. Aborted after `acceptTimeoutMs`.
   */
  accept?(value: string, signal: AbortSignal): Promise<string | undefined>;
  readonly acceptTimeoutMs?: number;
}

export interface PickItem<T> {
  /** Words only: an icon goes in `icon` (a screen reader reads `$(check)` in a label as "check"). */
  readonly label: string;
  /** A codicon id shown before the label (e.g. `check`, `close`). */
  readonly icon?: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  /** Shown but not selectable; the reason is shown when the user tries. */
  readonly disabledReason?: string;
}

export interface PickStep<T> extends StepInfo {
  readonly id: string;
  readonly placeholder: string;
  /** The items, or a loader run while the picker shows as busy. */
  readonly items: readonly PickItem<T>[] | ((signal: AbortSignal) => Promise<readonly PickItem<T>[]>);
  /** The value chosen before going back, to highlight again. */
  readonly activeValue?: T;
  /** Compare values (for activeValue); defaults to ===. */
  readonly same?: (a: T, b: T) => boolean;
  /** Shown above the items, e.g. why the last choice was refused. */
  readonly message?: string;
}

export type Answer<T> =
  { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

export interface Prompter {
  input(step: InputStep): Promise<Answer<string>>;
  pick<T>(step: PickStep<T>): Promise<Answer<T>>;
}

/** The verdict of an input step's on-Enter check. */
export type AcceptVerdict =
  | { readonly verdict: 'ok' }
  | { readonly verdict: 'refused'; readonly message: string }
  /** The check could not run (timeout, network): the user may press Enter again to go on without it. */
  | { readonly verdict: 'unchecked'; readonly message: string };

export const defaultAcceptTimeoutMs = 10_000;

/**
 * Runs a step's on-Enter check with its timeout. Shared by the VS Code prompter and the scripted one,
 * so both treat refusals, timeouts and failures alike.
 */
export async function runAcceptCheck(
  step: InputStep,
  value: string,
  timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void } = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): Promise<AcceptVerdict> {
  if (!step.accept) return { verdict: 'ok' };
  const controller = new AbortController();
  const timeoutMs = step.acceptTimeoutMs ?? defaultAcceptTimeoutMs;
  let timedOut = false;
  const timeout = new Promise<'timeout'>((resolve) => {
    const handle = timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
    controller.signal.addEventListener('abort', () => timers.clearTimeout(handle), { once: true });
  });
  try {
    const result = await Promise.race([step.accept(value, controller.signal), timeout]);
    if (result === 'timeout' || timedOut) {
      return {
        verdict: 'unchecked',
        message: l10n.t(
          'The check did not answer within {0} s. Press Enter again to go on without it.',
          Math.round(timeoutMs / 1000),
        ),
      };
    }
    return result === undefined ? { verdict: 'ok' } : { verdict: 'refused', message: result };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'unchecked',
      message: l10n.t('The check failed ({0}). Press Enter again to go on without it.', reason),
    };
  } finally {
    controller.abort();
  }
}
