// The shared types of the flows that fill a service's operation form (restore, copy): the state their steps fill, a
// step, and the request the review confirms. Apart from the flows so that the steps (formSteps.ts) and the flows
// import them without a cycle. No `vscode` import.
import type { ApiCall, OperationForm, FormInput } from '../services/forms';
import type { ResourceTarget, Snapshot } from '../services/service';
import type { Move, PaletteState } from './paletteSteps';
import type { StepInfo } from './prompter';

/** What is sent: the source, the form's exact calls and the name of what they make. */
export interface FormRequest {
  /** The snapshot's resource, where it lives and its service. */
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
  readonly form: OperationForm;
  readonly input: FormInput;
  /** `form.calls(input)`: what the last step showed. */
  readonly calls: readonly ApiCall[];
  readonly newName: string;
  /** Where the calls are sent (a copy's destination); absent: the snapshot's region. */
  readonly region?: string;
}

export type RestoreFlowResult =
  | { readonly kind: 'restore'; readonly request: FormRequest }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refused'; readonly message: string };

/** What the steps fill in. Values stay when the user goes back, so they come back prefilled. */
export interface FormFlowState extends PaletteState {
  snapshot?: Snapshot;
  /** Read once the snapshot is known (its defaults come from AWS). */
  form?: OperationForm;
  /** A copy's destination region. */
  destination?: string;
  /** Answers by field key. */
  readonly values: Record<string, string>;
  tagsText?: string;
  /** Made once per flow: sent as the ClientToken where the API takes one. */
  readonly clientToken: string;
  /** Set by the review step. */
  request?: FormRequest;
  /** Set by the review when the user picked a value to change: the key of the field to go back to. */
  jumpTo?: string;
}

export interface FormStep {
  readonly id: string;
  run(state: FormFlowState, info: StepInfo): Promise<Move>;
}
