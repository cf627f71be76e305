// The input steps of the create flow, one per field of `service.rules` rendered by its kind (a bucket is picked
// from the region's buckets), the tags step and the final confirm step. Pure: no `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { AwsContext, SnapshotInput, SnapshotService } from '../services/service';
import type { InputField, Tag, TagRules } from '../validation/types';
import { formatTags, parseTags } from '../validation';
import type { InputStep, Prompter, StepInfo } from './prompter';
import { issuesMessage } from './stepMessages';
import type { FlowState, FlowStep, Move, SummaryLine } from './flowState';
import { findTakenName, isUniqueNameField } from './nameCheck';
import * as l10n from '../l10n';

export { firstIssue, issuesMessage } from './stepMessages';

export interface BucketChoice {
  readonly name: string;
  readonly region?: string;
}

export interface InputDeps {
  readonly clients: AwsClients;
  /** `snapshotExplorer.defaultTags`: prefilled in the tags box. */
  defaultTags(): Readonly<Record<string, string>>;
  /** The S3 buckets in the context's region (for fields of kind `bucket`). */
  listBuckets(ctx: AwsContext): Promise<readonly BucketChoice[]>;
  now(): Date;
  /** How long the on-Enter name check may take (default 10 s). */
  readonly nameCheckTimeoutMs?: number;
}

const text = {
  typeBucket: () => l10n.t('Type a bucket name…'),
  typeBucketDetail: (noun: string) => l10n.t('A bucket in the same region as the {0}', noun),
  pickBucket: (region: string) =>
    l10n.t('Pick the S3 bucket the snapshot is written to (in {0}), e.g. my-sim-snapshots', region),
  noBuckets: (region: string) => l10n.t('No buckets listed in {0}', region),
  bucketsFailed: (reason: string) => l10n.t('Could not list buckets: {0}', reason),
  objectKey: (location: string, note: string | undefined) =>
    l10n.t('The snapshot will be written to {0}{1}', location, note ? ` (${note})` : ''),
  tagsPrompt: (max: number) =>
    l10n.t('Tags as key=value pairs separated by commas (at most {0}); leave empty for none', max),
  tagsPlaceholder: () => l10n.t('e.g. team=data, env=prod'),
  create: () => l10n.t('Create snapshot'),
  cancel: () => l10n.t('Cancel'),
  goBack: () => l10n.t('Enter: change this value'),
  storedAs: (value: string) => l10n.t('stored as {0}', value),
  none: () => l10n.t('(none)'),
  confirm: (operation: string) => l10n.t('Check what will be sent with {0}, then create', operation),
};

export function isBucketField(field: InputField): boolean {
  return field.kind === 'bucket';
}

/** The `snapshotExplorer.defaultTags` setting as tags text (non-string values are skipped). */
export function defaultTagsText(setting: unknown): string {
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) return '';
  const tags = Object.entries(setting as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => ({ key, value }));
  return formatTags(tags);
}

function fieldStep(prompter: Prompter, deps: InputDeps, service: SnapshotService, field: InputField): FlowStep {
  return {
    id: `field:${field.key}`,
    run: async (state, info) => {
      const resource = state.resource;
      if (!resource || !state.profile || !state.region) return 'back';
      const remembered = state.values[field.key];
      const suggestion = field.defaultValue?.({ resourceName: resource.name, now: deps.now() });
      const initial = remembered ?? suggestion ?? '';
      const uniqueCheck = isUniqueNameField(service, field);
      const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
      const answer = await prompter.input({
        ...info,
        id: `field:${field.key}`,
        value: initial,
        prompt: field.prompt,
        placeholder: field.placeholder,
        ...(suggestion ? { suggestion } : {}),
        validate: (value) => {
          const issue = issuesMessage(field.validate(value));
          const destination = service.destination;
          if (issue || !destination || field.kind !== 'prefix') return issue;
          // AWS stamps the object with the time it takes it: the key shows the stamp's pattern, not a guess.
          const location = destination.location({ ...state.values, [field.key]: value }, resource.id);
          return { message: text.objectKey(location, destination.stampNote), severity: 'info' };
        },
        accept: uniqueCheck
          ? (value, signal) => findTakenName({ ...ctx, signal }, service, resource, field, value)
          : undefined,
        acceptTimeoutMs: deps.nameCheckTimeoutMs,
      });
      if (answer.kind !== 'value') return answer.kind;
      state.values[field.key] = answer.value;
      return 'next';
    },
  };
}

function bucketPickStep(prompter: Prompter, deps: InputDeps, service: SnapshotService, field: InputField): FlowStep {
  return {
    id: 'bucket',
    run: async (state, info) => {
      if (!state.profile || !state.region) return 'back';
      const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
      const typed = { kind: 'typed' } as const;
      const current = state.values[field.key];
      const answer = await prompter.pick<{ kind: 'listed'; name: string } | typeof typed>({
        ...info,
        id: 'bucket',
        placeholder: text.pickBucket(state.region),
        activeValue: state.bucketMode === 'typed' ? typed : current ? { kind: 'listed', name: current } : undefined,
        same: (a, b) => a.kind === b.kind && (a.kind === 'typed' || (b.kind === 'listed' && a.name === b.name)),
        items: async (signal) => {
          const typeItem = {
            label: text.typeBucket(),
            icon: 'edit',
            detail: text.typeBucketDetail(service.resourceNoun.one),
            value: typed,
          };
          try {
            const buckets = await deps.listBuckets({ ...ctx, signal });
            const listed = buckets.map((b) => ({
              label: b.name,
              description: b.region,
              value: { kind: 'listed' as const, name: b.name },
            }));
            if (listed.length === 0)
              return [
                typeItem,
                {
                  label: text.noBuckets(state.region ?? ''),
                  value: typed,
                  disabledReason: text.noBuckets(state.region ?? ''),
                },
              ];
            return [...listed, typeItem];
          } catch (error) {
            const reason = text.bucketsFailed(error instanceof Error ? error.message : String(error));
            return [typeItem, { label: reason, value: typed, disabledReason: reason }];
          }
        },
      });
      if (answer.kind !== 'value') return answer.kind;
      if (answer.value.kind === 'typed') {
        state.bucketMode = 'typed';
      } else {
        state.bucketMode = 'listed';
        state.values[field.key] = answer.value.name;
      }
      return 'next';
    },
  };
}

/** The tags box: key=value pairs checked on every keystroke with the rules of what they tag. */
export function tagsInput(info: StepInfo, rules: TagRules, value: string): InputStep {
  return {
    ...info,
    id: 'tags',
    value,
    prompt: text.tagsPrompt(rules.maxTags),
    placeholder: text.tagsPlaceholder(),
    validate: (typed) => issuesMessage(parseTags(typed, rules).issues),
  };
}

function tagsStep(prompter: Prompter, deps: InputDeps, service: SnapshotService): FlowStep {
  const rules = service.rules.tags;
  return {
    id: 'tags',
    run: async (state, info) => {
      if (!rules) return 'next';
      const answer = await prompter.input(
        tagsInput(info, rules, state.tagsText ?? defaultTagsText(deps.defaultTags())),
      );
      if (answer.kind !== 'value') return answer.kind;
      state.tagsText = answer.value;
      return 'next';
    },
  };
}

/** The input the create call gets, from the state (the steps already validated each value). */
export function buildInput(service: SnapshotService, state: FlowState): SnapshotInput {
  const values: Record<string, string> = {};
  for (const field of service.rules.fields) {
    const value = state.values[field.key];
    if (value !== undefined && (value !== '' || field.required)) values[field.key] = value;
  }
  const tags: Tag[] = service.rules.tags && state.tagsText ? parseTags(state.tagsText, service.rules.tags).tags : [];
  return { values, tags };
}

/** The id of the step that asks for a field's value (a listed bucket is picked, a typed one typed). */
function fieldStepId(field: InputField, state: FlowState): string {
  return isBucketField(field) && state.bucketMode !== 'typed' ? 'bucket' : `field:${field.key}`;
}

/**
 * The confirmation's lines: what will be sent, each with the step that asked for it. A destination's location shows
 * its time stamp as a pattern (AWS stamps the time it takes the snapshot), so the confirmation promises no file name
 * the service will not write.
 */
export function summarize(state: FlowState, input: SnapshotInput): SummaryLine[] {
  const { service, resource } = state;
  if (!service || !resource) return [];
  const lines: SummaryLine[] = [
    {
      label: l10n.t('Operation'),
      value: l10n.t('{0} (profile {1}, {2})', service.createOperation ?? '', state.profile ?? '', state.region ?? ''),
    },
    {
      label: service.resourceParameter ?? l10n.t('Resource'),
      value: resource.id,
      ...(state.fixedResource ? {} : { stepId: 'resource' }),
    },
  ];
  for (const field of service.rules.fields) {
    const value = input.values[field.key];
    if (value === undefined) continue;
    const stored = field.normalize?.(value);
    lines.push({
      label: field.key,
      value: stored !== undefined && stored !== value ? `${value} (${text.storedAs(stored)})` : value,
      stepId: fieldStepId(field, state),
    });
  }
  const destination = service.destination;
  if (destination) {
    const location = destination.location(state.values, resource.id);
    const prefix = service.rules.fields.find((f) => f.kind === 'prefix');
    lines.push({
      label: destination.label,
      value: location,
      ...(destination.stampNote ? { note: destination.stampNote } : {}),
      ...(prefix ? { stepId: `field:${prefix.key}` } : {}),
    });
  }
  if (service.rules.tags) {
    lines.push({
      label: l10n.t('Tags'),
      value: input.tags.length ? formatTags(input.tags) : text.none(),
      stepId: 'tags',
    });
  }
  return lines;
}

function confirmStep(prompter: Prompter): FlowStep {
  return {
    id: 'confirm',
    run: async (state, info): Promise<Move> => {
      state.request = undefined;
      const { service, resource } = state;
      if (!service || !resource || !state.profile || !state.region) return 'back';
      const input = buildInput(service, state);
      const summary = summarize(state, input);
      // Enter on a line goes back to the step that asked for its value (a line no step asked for: one step back).
      const answer = await prompter.pick<{ readonly action: 'create' | 'cancel' | 'back'; readonly step?: string }>({
        ...info,
        id: 'confirm',
        placeholder: text.confirm(service.createOperation),
        items: [
          { label: text.create(), icon: 'check', description: service.createOperation, value: { action: 'create' } },
          ...summary.map((line) => ({
            label: line.label,
            description: line.value,
            ...(line.stepId || line.note
              ? { detail: [line.note, line.stepId ? text.goBack() : undefined].filter(Boolean).join(' · ') }
              : {}),
            value: { action: 'back' as const, step: line.stepId },
          })),
          { label: text.cancel(), icon: 'close', value: { action: 'cancel' } },
        ],
      });
      if (answer.kind !== 'value') return answer.kind;
      if (answer.value.action === 'cancel') return 'cancel';
      if (answer.value.action === 'back') {
        state.jumpTo = answer.value.step;
        return 'back';
      }
      const target = { profile: state.profile, region: state.region, service, resource };
      state.request = { target, input, summary };
      return 'next';
    },
  };
}

/** The steps after the resource is known; recomputed as the state changes. */
export function inputSteps(prompter: Prompter, deps: InputDeps, state: FlowState): FlowStep[] {
  const service = state.service;
  const steps: FlowStep[] = [];
  if (service) {
    for (const field of service.rules.fields) {
      if (isBucketField(field)) {
        steps.push(bucketPickStep(prompter, deps, service, field));
        if (state.bucketMode === 'typed') steps.push(fieldStep(prompter, deps, service, field));
      } else {
        steps.push(fieldStep(prompter, deps, service, field));
      }
    }
    if (service.rules.tags) steps.push(tagsStep(prompter, deps, service));
  }
  steps.push(confirmStep(prompter));
  return steps;
}
