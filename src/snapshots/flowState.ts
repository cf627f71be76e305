// The create-snapshot flow's shared types: the state its steps fill, a step, its moves and what the flow ends
// with. Apart from createFlow.ts so that the input steps (inputSteps.ts) and the flow import them without a cycle.
import type { Resource, ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import type { StepInfo } from './prompter';

/** One line of the confirmation: what will be sent. */
export interface SummaryLine {
  readonly label: string;
  readonly value: string;
  /** The id of the step that asked for the value: Enter on the line goes back to it. */
  readonly stepId?: string;
  /** What part of the value means, shown under it (e.g. what a time stamp's pattern stands for). */
  readonly note?: string;
}

export interface CreateRequest {
  readonly target: ResourceTarget;
  readonly input: SnapshotInput;
  readonly summary: readonly SummaryLine[];
}

export type FlowResult =
  | { readonly kind: 'create'; readonly request: CreateRequest }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refused'; readonly message: string };

/** What the steps fill in. Values stay when the user goes back, so they come back prefilled. */
export interface FlowState {
  profile?: string;
  region?: string;
  service?: SnapshotService;
  resource?: Resource;
  /** Started from the resource's node in the tree: the flow has no step that picks it. */
  fixedResource?: boolean;
  /** Typed values by field key. */
  readonly values: Record<string, string>;
  tagsText?: string;
  /** SimSpace Weaver: a listed bucket was picked, or the user chose to type one. */
  bucketMode?: 'listed' | 'typed';
  /** Set by the confirm step. */
  request?: CreateRequest;
  /** Set by the confirm step when the user goes back to change a value: the id of the step that asks for it. */
  jumpTo?: string;
}

export type { Move } from './paletteSteps';
import type { Move } from './paletteSteps';

export interface FlowStep {
  readonly id: string;
  run(state: FlowState, info: StepInfo): Promise<Move>;
}
