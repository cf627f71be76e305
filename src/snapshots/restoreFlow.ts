// The restore flow: from the palette profile → region → service → resource → snapshot, or straight from a snapshot
// in the tree; then the service's restore form is read (its defaults come from the snapshot and its source), its
// fields are asked, and a review shows the exact requests. The caller sends them (restorer.ts). Pure: no `vscode`
// import; it talks to the user through a `Prompter`.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import { formatDateTime } from '../dates';
import type { OperationForm } from '../services/forms';
import type { ResourceTarget, Snapshot, SnapshotInput, SnapshotService } from '../services/service';
import { formatTags } from '../validation';
import { errorText, paletteSteps, type PaletteDeps } from './paletteSteps';
import type { PickItem, Prompter, StepInfo } from './prompter';
import type { RestoreFlowResult, FormFlowState, FormStep } from './formState';
import { formSteps } from './formSteps';
import { sourceResource } from './operation';
import * as l10n from '../l10n';

export type { RestoreFlowResult, FormRequest, FormFlowState } from './formState';

export interface RestoreFlowDeps extends PaletteDeps {
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly log: Logger;
  /** A fresh idempotency token (one per flow). */
  newToken(): string;
  /** Runs a read the user waits for (the form's defaults), shown as busy; the signal aborts it. */
  busy<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

export interface RestoreStart {
  /** The snapshot's resource (from a tree node). */
  readonly target?: ResourceTarget;
  /** The snapshot (from a tree node): the flow starts at its form. */
  readonly snapshot?: Snapshot;
  /** Values to prefill (Retry after a failure). */
  readonly previous?: SnapshotInput;
}

const text = {
  title: () => l10n.t('Restore Snapshot'),
  titleOf: (label: string, snapshot: string) => l10n.t('Restore {0} Snapshot: {1}', label, snapshot),
  pickSnapshot: (resource: string) => l10n.t('Pick the snapshot of {0} to restore', resource),
  noSnapshots: (resource: string) => l10n.t('{0} has no snapshots. Go back to pick another.', resource),
  snapshotsFailed: (reason: string) => l10n.t('Could not list the snapshots: {0}', reason),
  cannotRestore: (name: string, reason: string) => l10n.t('Cannot restore {0}: {1}.', name, reason),
  noRestore: (label: string) => l10n.t('{0} snapshots cannot be restored from here.', label),
  reading: (name: string) => l10n.t('Reading what restoring {0} needs…', name),
  prepareFailed: (name: string, reason: string) => l10n.t('Could not read what restoring {0} needs: {1}', name, reason),
};

const review = {
  get verb(): string {
    return l10n.t('Restore');
  },
};

/** The most pages of snapshots the palette lists. */
const maxSnapshotPages = 5;

/** Why this snapshot cannot be restored, or undefined. */
export function restoreRefusal(service: SnapshotService, snapshot: Snapshot): string | undefined {
  if (!service.restore) return text.noRestore(service.label);
  const reason = service.restore.refusal?.(snapshot);
  return reason ? text.cannotRestore(snapshot.name, reason) : undefined;
}

export function restoreTitle(state: Pick<FormFlowState, 'service' | 'snapshot'>): string {
  return state.service && state.snapshot ? text.titleOf(state.service.label, state.snapshot.name) : text.title();
}

function snapshotStep(prompter: Prompter, deps: RestoreFlowDeps): FormStep {
  return {
    id: 'snapshot',
    run: async (state, info) => {
      const { service, resource } = state;
      if (!service || !resource || !state.profile || !state.region) return 'back';
      const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
      for (;;) {
        const answer = await prompter.pick<Snapshot | null>({
          ...info,
          id: 'snapshot',
          placeholder: text.pickSnapshot(resource.name),
          activeValue: state.snapshot ?? null,
          same: (a, b) => a?.id === b?.id,
          items: async (signal): Promise<PickItem<Snapshot | null>[]> => {
            try {
              const snapshots: Snapshot[] = [];
              let nextToken: string | undefined;
              let pages = 0;
              do {
                const page = await service.listSnapshots({ ...ctx, signal }, resource, { nextToken });
                snapshots.push(...page.items);
                nextToken = page.nextToken;
              } while (nextToken && ++pages < maxSnapshotPages && !signal.aborted);
              if (snapshots.length === 0) {
                const none = text.noSnapshots(resource.name);
                return [{ label: none, value: null, disabledReason: none }];
              }
              return snapshots.map((s) => ({
                label: s.name,
                description: [s.status, formatDateTime(s.createdAt)].filter(Boolean).join(' · '),
                detail: s.name === s.id ? undefined : s.id,
                value: s,
                disabledReason: restoreRefusal(service, s),
              }));
            } catch (error) {
              deps.log.warn(`Listing snapshots of ${resource.id} failed`, error);
              const reason = text.snapshotsFailed(errorText(error));
              return [{ label: reason, value: null, disabledReason: reason }];
            }
          },
        });
        if (answer.kind !== 'value') return answer.kind;
        if (!answer.value) continue;
        if (answer.value.id !== state.snapshot?.id) forgetForm(state);
        state.snapshot = answer.value;
        return 'next';
      }
    },
  };
}

function forgetForm(state: FormFlowState): void {
  state.form = undefined;
  for (const key of Object.keys(state.values)) delete state.values[key];
  state.tagsText = undefined;
}

async function prepareForm(deps: RestoreFlowDeps, state: FormFlowState): Promise<OperationForm> {
  const { service, snapshot } = state;
  if (!service?.restore || !snapshot || !state.profile || !state.region) throw new Error(l10n.t('nothing to restore'));
  const restore = service.restore;
  const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
  return deps.busy(text.reading(snapshot.name), (signal) =>
    restore.prepare({ ...ctx, signal }, snapshot, sourceResource(state.resource)),
  );
}

/**
 * Runs the prompts. Resolves to the requests to send, or cancel, or a refusal to show. Nothing is sent to AWS here
 * except the reads that fill the defaults and lists and the on-Enter name checks.
 */
export async function runRestoreFlow(
  prompter: Prompter,
  deps: RestoreFlowDeps,
  start: RestoreStart = {},
): Promise<RestoreFlowResult> {
  const state: FormFlowState = { values: {}, clientToken: deps.newToken() };
  const fixed = start.target;
  if (fixed) Object.assign(state, { profile: fixed.profile, region: fixed.region, service: fixed.service });
  if (fixed) state.resource = fixed.resource;
  if (fixed && start.snapshot) {
    const refusal = restoreRefusal(fixed.service, start.snapshot);
    if (refusal) return { kind: 'refused', message: refusal };
    state.snapshot = start.snapshot;
  }
  if (start.previous) {
    Object.assign(state.values, start.previous.values);
    state.tagsText = formatTags(start.previous.tags);
  }
  const before: FormStep[] = fixed
    ? []
    : paletteSteps<FormFlowState>(prompter, deps, {
        services: deps.services.filter((s) => s.restore),
        onResourceChange: (s) => {
          s.snapshot = undefined;
          forgetForm(s);
        },
      });
  if (!start.snapshot) before.push(snapshotStep(prompter, deps));

  let index = 0;
  for (;;) {
    if (index >= before.length && !state.form) {
      try {
        state.form = await prepareForm(deps, state);
      } catch (error) {
        if (state.snapshot && error instanceof Error && error.name === 'AbortError') return { kind: 'cancel' };
        deps.log.warn(`Reading the restore form of ${state.snapshot?.id ?? '?'} failed`, error);
        return { kind: 'refused', message: text.prepareFailed(state.snapshot?.name ?? '', errorText(error)) };
      }
    }
    const steps = [
      ...before,
      ...(state.form && index >= before.length ? formSteps(prompter, state, state.form, review) : []),
    ];
    const step = steps[index];
    if (!step) break;
    const total = before.length + (state.form ? formSteps(prompter, state, state.form, review).length : 1);
    const info: StepInfo = { title: restoreTitle(state), step: index + 1, totalSteps: Math.max(total, index + 1) };
    const result = await step.run(state, info);
    if (result === 'cancel') return { kind: 'cancel' };
    const jump = state.jumpTo === undefined ? -1 : steps.findIndex((s) => s.id === `form:${state.jumpTo}`);
    state.jumpTo = undefined;
    if (result === 'back') index = jump >= 0 ? jump : Math.max(0, index - 1);
    else index++;
    if (state.request && index >= steps.length) return { kind: 'restore', request: state.request };
  }
  return state.request ? { kind: 'restore', request: state.request } : { kind: 'cancel' };
}
