// The create-snapshot flow: prompt steps fill a typed state (profile → region → service → resource from the
// palette, or straight to the inputs from a tree node), then a confirm step; the caller runs the one execute
// step. Pure: no `vscode` import; it talks to the user through a `Prompter`.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import type { FlowResult, FlowState, FlowStep } from './flowState';
import type { Prompter, StepInfo } from './prompter';
import { formatTags } from '../validation';
import { inputSteps, type InputDeps } from './inputSteps';
import { paletteSteps, type PaletteDeps } from './paletteSteps';
import * as l10n from '../l10n';

export type { CreateRequest, FlowResult, FlowState, FlowStep, Move, SummaryLine } from './flowState';

export interface CreateFlowDeps extends InputDeps, PaletteDeps {
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly log: Logger;
}

export interface CreateFlowStart {
  /** Start at the inputs for this resource (from a tree node). */
  readonly target?: ResourceTarget;
  /** Values to prefill (Retry after a failure). */
  readonly previous?: SnapshotInput;
}

const text = {
  title: () => l10n.t('Create Snapshot'),
  cannotSnapshot: (name: string, reason: string) => l10n.t('Cannot snapshot {0} now: {1}', name, reason),
};

/** The title every step shows once the resource is known. */
export function flowTitle(state: FlowState): string {
  if (state.service && state.resource)
    return l10n.t('Create {0} Snapshot: {1}', state.service.label, state.resource.name);
  return text.title();
}

function clearInputs(state: FlowState): void {
  for (const key of Object.keys(state.values)) delete state.values[key];
  state.tagsText = undefined;
  state.bucketMode = undefined;
}

/**
 * Runs the prompts. Resolves to the request to send, or cancel. Nothing is sent to AWS here except the
 * reads that fill the pickers and the on-Enter name checks.
 */
export async function runCreateFlow(
  prompter: Prompter,
  deps: CreateFlowDeps,
  start: CreateFlowStart = {},
): Promise<FlowResult> {
  const state: FlowState = { values: {} };
  const fixed = start.target;
  if (fixed) {
    if (!fixed.resource.snapshottable.ok) {
      return {
        kind: 'refused',
        message: text.cannotSnapshot(fixed.resource.name, fixed.resource.snapshottable.reason),
      };
    }
    Object.assign(state, { profile: fixed.profile, region: fixed.region, service: fixed.service });
    state.resource = fixed.resource;
    state.fixedResource = true;
  }
  if (start.previous) prefill(state, start.previous);
  const before: FlowStep[] = fixed
    ? []
    : paletteSteps<FlowState>(prompter, deps, {
        services: deps.services,
        unavailable: (r) => (r.snapshottable.ok ? undefined : r.snapshottable.reason),
        refusedMessage: (r, reason) => text.cannotSnapshot(r.name, reason),
        onResourceChange: clearInputs,
      });

  let index = 0;
  for (;;) {
    // Recomputed each time: the service (and, for SimSpace Weaver, the bucket mode) decides the later steps.
    const steps = [...before, ...inputSteps(prompter, deps, state)];
    const step = steps[index];
    if (!step) break;
    const info: StepInfo = { title: flowTitle(state), step: index + 1, totalSteps: steps.length };
    const result = await step.run(state, info);
    if (result === 'cancel') return { kind: 'cancel' };
    if (result === 'back') index = backTo(steps, index, state);
    else index++;
    if (state.request && index >= steps.length) return { kind: 'create', request: state.request };
  }
  return state.request ? { kind: 'create', request: state.request } : { kind: 'cancel' };
}

/** Where Back goes: the step the confirmation named (Enter on one of its lines), else the step before. */
function backTo(steps: readonly FlowStep[], index: number, state: FlowState): number {
  const jump = state.jumpTo;
  state.jumpTo = undefined;
  const target = jump === undefined ? -1 : steps.findIndex((s) => s.id === jump);
  return target >= 0 ? target : Math.max(0, index - 1);
}

function prefill(state: FlowState, previous: SnapshotInput): void {
  Object.assign(state.values, previous.values);
  state.tagsText = formatTags(previous.tags);
}
