// The restore flow's shared types: the state its steps fill, a step, and what the flow ends with. Apart from
// restoreFlow.ts so that the steps (restoreSteps.ts) and the flow import them without a cycle. No `vscode` import.
import type { ApiCall, OperationForm, FormInput } from '../services/forms';
import type { ResourceTarget, Snapshot } from '../services/service';
import type { Move, PaletteState } from './paletteSteps';
import type { StepInfo } from './prompter';

/** What is sent: the source, the form's exact calls and the new resource's name. */
export interface RestoreRequest {
  /** The snapshot's resource, where it lives and its service. */
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
  readonly form: OperationForm;
  readonly input: FormInput;
  /** `form.calls(input)`: what the last step showed. */
  readonly calls: readonly ApiCall[];
  readonly newName: string;
}

export type RestoreFlowResult =
  | { readonly kind: 'restore'; readonly request: RestoreRequest }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refused'; readonly message: string };

/** What the steps fill in. Values stay when the user goes back, so they come back prefilled. */
export interface RestoreState extends PaletteState {
  snapshot?: Snapshot;
  /** Read once the snapshot is known (its defaults come from AWS). */
  form?: OperationForm;
  /** Answers by field key. */
  readonly values: Record<string, string>;
  tagsText?: string;
  /** Made once per flow: sent as the ClientToken where the API takes one. */
  readonly clientToken: string;
  /** Set by the review step. */
  request?: RestoreRequest;
  /** Set by the review when the user picked a value to change: the key of the field to go back to. */
  jumpTo?: string;
}

export interface RestoreStep {
  readonly id: string;
  run(state: RestoreState, info: StepInfo): Promise<Move>;
}
