// The create-snapshot flow: prompt steps fill a typed state (profile → region → service → resource from the
// palette, or straight to the inputs from a tree node), then a confirm step; the caller runs the one execute
// step. Pure: no `vscode` import; it talks to the user through a `Prompter`.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { Resource, ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import type { FlowResult, FlowState, FlowStep, Move } from './flowState';
import type { Answer, Prompter, StepInfo } from './prompter';
import { formatTags } from '../validation';
import { inputSteps, type InputDeps } from './inputSteps';

export type { CreateRequest, FlowResult, FlowState, FlowStep, Move, SummaryLine } from './flowState';

export interface CreateFlowDeps extends InputDeps {
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly log: Logger;
  profiles(): Promise<ReadonlyArray<{ readonly name: string }>>;
  regionsFor(profile: string): readonly string[];
}

export interface CreateFlowStart {
  /** Start at the inputs for this resource (from a tree node). */
  readonly target?: ResourceTarget;
  /** Values to prefill (Retry after a failure). */
  readonly previous?: SnapshotInput;
}

const text = {
  title: 'Create Snapshot',
  pickProfile: 'Pick the AWS profile, e.g. default',
  noProfiles: 'No AWS profiles found: add one to your AWS config or credentials file.',
  pickRegion: 'Pick the region, e.g. us-east-1',
  noRegions: 'No regions are set for this profile: see the snapshotExplorer.regions setting.',
  pickService: 'Pick the service, e.g. DocumentDB',
  notOffered: (label: string, region: string) => `${label} is not offered in ${region}.`,
  pickResource: (many: string) => `Pick one of the ${many}`,
  loadFailed: (what: string, reason: string) => `Could not list ${what}: ${reason}`,
  noResources: (many: string, region: string) => `No ${many} in this region (${region}). Go back to pick another.`,
  tooMany: 'More resources exist than are listed here: start from the resource in the tree.',
  cannotSnapshot: (name: string, reason: string) => `Cannot snapshot ${name} now: ${reason}`,
};

/** The most pages of resources the palette lists before suggesting the tree. */
const maxResourcePages = 10;

/** The title every step shows once the resource is known. */
export function flowTitle(state: FlowState): string {
  if (state.service && state.resource) return `Create ${state.service.label} Snapshot: ${state.resource.name}`;
  return text.title;
}

async function move<T>(answer: Promise<Answer<T>>, apply: (value: T) => Move | Promise<Move>): Promise<Move> {
  const result = await answer;
  if (result.kind === 'value') return apply(result.value);
  return result.kind;
}

function paletteSteps(prompter: Prompter, deps: CreateFlowDeps): FlowStep[] {
  return [
    {
      id: 'profile',
      run: (state, info) =>
        move(
          prompter.pick({
            ...info,
            id: 'profile',
            placeholder: text.pickProfile,
            activeValue: state.profile,
            items: async () => {
              const profiles = await deps.profiles();
              if (profiles.length === 0)
                return [{ label: text.noProfiles, value: '', disabledReason: text.noProfiles }];
              return profiles.map((p) => ({ label: p.name, value: p.name }));
            },
          }),
          (profile) => {
            if (profile !== state.profile) state.region = undefined;
            state.profile = profile;
            return 'next';
          },
        ),
    },
    {
      id: 'region',
      run: (state, info) =>
        move(
          prompter.pick({
            ...info,
            id: 'region',
            placeholder: text.pickRegion,
            activeValue: state.region,
            items: regionItems(deps.regionsFor(state.profile ?? '')),
          }),
          (region) => {
            if (region !== state.region) state.resource = undefined;
            state.region = region;
            return 'next';
          },
        ),
    },
    {
      id: 'service',
      run: async (state, info) => {
        const region = state.region ?? '';
        let message: string | undefined;
        for (;;) {
          const answer = await prompter.pick<SnapshotService>({
            ...info,
            id: 'service',
            placeholder: text.pickService,
            message,
            activeValue: state.service,
            same: (a, b) => a.id === b.id,
            items: deps.services.map((s) => ({
              label: s.label,
              description: s.resourceNoun.many,
              value: s,
              disabledReason: s.isOfferedIn(region) ? undefined : text.notOffered(s.label, region),
            })),
          });
          if (answer.kind !== 'value') return answer.kind;
          if (!answer.value.isOfferedIn(region)) {
            message = text.notOffered(answer.value.label, region);
            continue;
          }
          if (answer.value.id !== state.service?.id) state.resource = undefined;
          state.service = answer.value;
          return 'next';
        }
      },
    },
    {
      id: 'resource',
      run: async (state, info) => {
        const service = state.service;
        if (!service || !state.profile || !state.region) return 'back';
        const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
        let message: string | undefined;
        for (;;) {
          const answer = await prompter.pick<Resource | null>({
            ...info,
            id: 'resource',
            placeholder: text.pickResource(service.resourceNoun.many),
            message,
            activeValue: state.resource ?? null,
            same: (a, b) => a?.id === b?.id,
            items: async (signal) => {
              try {
                return await loadResourceItems(service, { ...ctx, signal });
              } catch (error) {
                deps.log.warn(`Listing ${service.id} in ${ctx.profile}/${ctx.region} failed`, error);
                const reason = text.loadFailed(service.resourceNoun.many, errorText(error));
                return [{ label: reason, value: null, disabledReason: reason }];
              }
            },
          });
          if (answer.kind !== 'value') return answer.kind;
          const resource = answer.value;
          if (!resource) continue;
          if (!resource.snapshottable.ok) {
            message = text.cannotSnapshot(resource.name, resource.snapshottable.reason);
            continue;
          }
          if (resource.id !== state.resource?.id) clearInputs(state);
          state.resource = resource;
          return 'next';
        }
      },
    },
  ];
}

function regionItems(regions: readonly string[]) {
  if (regions.length > 0) return regions.map((r) => ({ label: r, value: r }));
  return [{ label: text.noRegions, value: '', disabledReason: text.noRegions }];
}

async function loadResourceItems(
  service: SnapshotService,
  ctx: { profile: string; region: string; clients: AwsClients; signal: AbortSignal },
) {
  const resources: Resource[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await service.listResources(ctx, { nextToken });
    resources.push(...page.items);
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < maxResourcePages && !ctx.signal.aborted);
  const items = resources.map((r) => ({
    label: r.name,
    description: [r.status, r.summary].filter(Boolean).join(' · '),
    detail: r.name === r.id ? undefined : r.id,
    value: r as Resource | null,
    disabledReason: r.snapshottable.ok ? undefined : r.snapshottable.reason,
  }));
  if (items.length === 0) {
    const none = text.noResources(service.resourceNoun.many, ctx.region);
    items.push({ label: none, description: '', detail: undefined, value: null, disabledReason: none });
  }
  if (nextToken) {
    items.push({ label: text.tooMany, description: '', detail: undefined, value: null, disabledReason: text.tooMany });
  }
  return items;
}

function clearInputs(state: FlowState): void {
  for (const key of Object.keys(state.values)) delete state.values[key];
  state.tagsText = undefined;
  state.bucketMode = undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  }
  if (start.previous) prefill(state, start.previous);
  const before = fixed ? [] : paletteSteps(prompter, deps);

  let index = 0;
  for (;;) {
    // Recomputed each time: the service (and, for SimSpace Weaver, the bucket mode) decides the later steps.
    const steps = [...before, ...inputSteps(prompter, deps, state)];
    const step = steps[index];
    if (!step) break;
    const info: StepInfo = { title: flowTitle(state), step: index + 1, totalSteps: steps.length };
    const result = await step.run(state, info);
    if (result === 'cancel') return { kind: 'cancel' };
    if (result === 'back') index = Math.max(0, index - 1);
    else index++;
    if (state.request && index >= steps.length) return { kind: 'create', request: state.request };
  }
  return state.request ? { kind: 'create', request: state.request } : { kind: 'cancel' };
}

function prefill(state: FlowState, previous: SnapshotInput): void {
  Object.assign(state.values, previous.values);
  state.tagsText = formatTags(previous.tags);
}
