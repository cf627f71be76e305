// Copy to Region: from a snapshot in the tree, pick the destination region (the profile's configured regions first,
// then every other region where the service is offered), read the service's copy form for that destination, ask its
// fields, review the exact request; then send it once and hand the copy to the tracker, which reads it in the
// destination region. Pure: no `vscode` import; it talks to the user through a `Prompter`.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { ResourceTarget, Snapshot, SnapshotInput } from '../services/service';
import { formatTags } from '../validation';
import { copyErrorMessage } from './errorMessages';
import type { FormFlowState, FormRequest, FormStep } from './formState';
import { formInputErrors, formSteps } from './formSteps';
import { snapshotSource, sourceResource, type Operation } from './operation';
import { errorText, move } from './paletteSteps';
import type { Prompter, StepInfo } from './prompter';
import type { Tracker } from './tracker';
import * as l10n from '../l10n';

export interface CopyFlowDeps {
  readonly clients: AwsClients;
  readonly log: Logger;
  /** The regions configured for a profile (offered first). */
  regionsFor(profile: string): readonly string[];
  newToken(): string;
  /** Runs a read the user waits for, shown as busy; the signal aborts it. */
  busy<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

export interface CopyStart {
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
  /** Retry: the destination and the answers. */
  readonly destination?: string;
  readonly previous?: SnapshotInput;
}

export type CopyFlowResult =
  | { readonly kind: 'copy'; readonly request: FormRequest & { readonly region: string } }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refused'; readonly message: string };

const text = {
  title: (label: string, snapshot: string) => l10n.t('Copy {0} Snapshot to Region: {1}', label, snapshot),
  pickRegion: (region: string) => l10n.t('Pick the region to copy to (the snapshot is in {0})', region),
  configured: () => l10n.t('configured for this profile'),
  noRegions: () => l10n.t('No other region offers this service.'),
  noCopy: (label: string) => l10n.t('{0} has no copy API: its snapshots cannot be copied to another region.', label),
  cannotCopy: (name: string, reason: string) => l10n.t('Cannot copy {0}: {1}.', name, reason),
  reading: (name: string, region: string) => l10n.t('Reading what copying {0} to {1} needs…', name, region),
  prepareFailed: (name: string, reason: string) => l10n.t('Could not read what copying {0} needs: {1}', name, reason),
};

/** Why this snapshot cannot be copied, or undefined. */
export function copyRefusal(target: ResourceTarget, snapshot: Snapshot): string | undefined {
  const copy = target.service.copy;
  if (!copy) return text.noCopy(target.service.label);
  const reason = copy.refusal(snapshot);
  return reason ? text.cannotCopy(snapshot.name, reason) : undefined;
}

/** The destinations: the profile's configured regions first, then the service's other regions; never the source. */
export function destinationRegions(
  target: ResourceTarget,
  configured: readonly string[],
): Array<{ region: string; configured: boolean }> {
  const offered = (r: string) => target.service.isOfferedIn(r) && r !== target.region;
  const first = configured.filter(offered);
  const rest = (target.service.regions ?? []).filter((r) => offered(r) && !first.includes(r));
  return [
    ...first.map((region) => ({ region, configured: true })),
    ...rest.map((region) => ({ region, configured: false })),
  ];
}

function regionStep(prompter: Prompter, deps: CopyFlowDeps, target: ResourceTarget): FormStep {
  return {
    id: 'destination',
    run: (state, info) =>
      move(
        prompter.pick<string | null>({
          ...info,
          id: 'destination',
          placeholder: text.pickRegion(target.region),
          activeValue: state.destination,
          items: (() => {
            const regions = destinationRegions(target, deps.regionsFor(target.profile));
            if (regions.length === 0)
              return [{ label: text.noRegions(), value: null, disabledReason: text.noRegions() }];
            return regions.map((r) => ({
              label: r.region,
              description: r.configured ? text.configured() : undefined,
              value: r.region,
            }));
          })(),
        }),
        (region) => {
          if (!region) return 'back';
          if (region !== state.destination) {
            state.form = undefined;
            for (const key of Object.keys(state.values)) delete state.values[key];
          }
          state.destination = region;
          return 'next';
        },
      ),
  };
}

const review = {
  get verb(): string {
    return l10n.t('Copy');
  },
};

/** Runs the prompts; resolves to the request to send, or cancel, or a refusal to show. */
export async function runCopyFlow(prompter: Prompter, deps: CopyFlowDeps, start: CopyStart): Promise<CopyFlowResult> {
  const { target, snapshot } = start;
  const refusal = copyRefusal(target, snapshot);
  const copy = target.service.copy;
  if (refusal || !copy) return { kind: 'refused', message: refusal ?? text.noCopy(target.service.label) };
  const state: FormFlowState = {
    values: { ...start.previous?.values },
    clientToken: deps.newToken(),
    profile: target.profile,
    region: target.region,
    service: target.service,
    resource: target.resource,
    snapshot,
    destination: start.destination,
    tagsText: start.previous ? formatTags(start.previous.tags) : undefined,
  };
  const first = regionStep(prompter, deps, target);
  let index = 0;
  for (;;) {
    if (index >= 1 && !state.form && state.destination) {
      const destination = state.destination;
      const ctx = { profile: target.profile, region: target.region, clients: deps.clients };
      try {
        state.form = await deps.busy(text.reading(snapshot.name, destination), (signal) =>
          copy.prepare({ ...ctx, signal }, snapshot, sourceResource(target.resource), destination),
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return { kind: 'cancel' };
        deps.log.warn(`Reading the copy form of ${snapshot.id} failed`, error);
        return { kind: 'refused', message: text.prepareFailed(snapshot.name, errorText(error)) };
      }
    }
    const later = state.form && index >= 1 ? formSteps(prompter, state, state.form, review) : [];
    const steps = [first, ...later];
    const step = steps[index];
    if (!step) break;
    const total = 1 + (state.form ? formSteps(prompter, state, state.form, review).length : 1);
    const info: StepInfo = {
      title: text.title(target.service.label, snapshot.name),
      step: index + 1,
      totalSteps: Math.max(total, index + 1),
    };
    const result = await step.run(state, info);
    if (result === 'cancel') return { kind: 'cancel' };
    const jump = state.jumpTo === undefined ? -1 : steps.findIndex((s) => s.id === `form:${state.jumpTo}`);
    state.jumpTo = undefined;
    if (result === 'back') index = jump >= 0 ? jump : Math.max(0, index - 1);
    else index++;
    if (state.request && index >= steps.length && state.destination) {
      return { kind: 'copy', request: { ...state.request, region: state.destination } };
    }
  }
  return { kind: 'cancel' };
}

export type CopyOutcome =
  | { readonly kind: 'started' | 'failed'; readonly operation: Operation; readonly message?: string }
  | { readonly kind: 'duplicate' | 'invalid'; readonly message: string };

/** Sends a confirmed copy once and hands it to the tracker (read in the destination region). */
export async function sendCopy(
  deps: { readonly clients: AwsClients; readonly tracker: Tracker; readonly log: Logger },
  request: FormRequest & { readonly region: string },
): Promise<CopyOutcome> {
  const { target, snapshot, form, input, newName, region: destination } = request;
  const { service, profile, region, resource } = target;
  const copy = service.copy;
  if (!copy) return { kind: 'invalid', message: text.noCopy(service.label) };
  const errors = formInputErrors(request);
  if (errors.length) return { kind: 'invalid', message: errors.join(' ') };
  const requestKey = ['copy', profile, destination, service.id, newName.toLowerCase()].join('|');
  if (deps.tracker.findRunning(requestKey)) {
    return {
      kind: 'duplicate',
      message: l10n.t('A copy named "{0}" is already being made in {1}.', newName, destination),
    };
  }
  const operation = deps.tracker.begin({
    kind: 'copy',
    service: service.id,
    profile,
    region,
    resourceId: snapshotSource(resource, snapshot).id,
    resourceName: snapshotSource(resource, snapshot).name,
    snapshotName: snapshot.name,
    snapshotId: snapshot.id,
    target: { name: newName, region: destination },
    input: { values: { ...input.values, destinationRegion: destination }, tags: input.tags },
    requestKey,
  });
  deps.log.info(`${copy.operation} ${snapshot.id} from ${profile}/${region} to ${destination} (${newName})`);
  try {
    const made = await form.send(input);
    deps.tracker.accepted(operation.id, made);
    return { kind: 'started', operation: deps.tracker.get(operation.id) ?? operation };
  } catch (error) {
    const context = { profile, region, resourceName: resource.name, snapshotName: snapshot.name, newName };
    const message = copyErrorMessage(error, service, copy, { ...context, destinationRegion: destination });
    deps.log.error(error instanceof Error ? error : String(error));
    deps.tracker.failed(operation.id, message);
    return { kind: 'failed', operation: deps.tracker.get(operation.id) ?? operation, message };
  }
}
