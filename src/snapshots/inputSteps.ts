// The per-service input steps of the create flow (from `service.rules`), SimSpace Weaver's bucket steps
// and the final confirm step. Pure: no `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { AwsContext, SnapshotInput, SnapshotService } from '../services/service';
import type { InputField, Issue, Tag } from '../validation/types';
import { formatTags, parseTags, simSpaceWeaverSnapshotKey } from '../validation';
import type { Prompter, StepMessage } from './prompter';
import type { FlowState, FlowStep, Move, SummaryLine } from './createFlow';
import { findTakenName, uniqueNameField } from './nameCheck';

export interface BucketChoice {
  readonly name: string;
  readonly region?: string;
}

export interface InputDeps {
  readonly clients: AwsClients;
  /** `snapshotExplorer.defaultTags`: prefilled in the tags box. */
  defaultTags(): Readonly<Record<string, string>>;
  /** The S3 buckets in the context's region (SimSpace Weaver writes its snapshot there). */
  listBuckets(ctx: AwsContext): Promise<readonly BucketChoice[]>;
  now(): Date;
  /** How long the on-Enter name check may take (default 10 s). */
  readonly nameCheckTimeoutMs?: number;
}

/** The API member that names the resource in each create call (for the confirmation). */
const resourceParameter: Readonly<Record<string, string>> = {
  'neptune-graph': 'graphIdentifier',
  storagegateway: 'VolumeARN',
  docdb: 'DBClusterIdentifier',
  simspaceweaver: 'Simulation',
};

const text = {
  typeBucket: '$(edit) Type a bucket name…',
  typeBucketDetail: 'A bucket in the same region as the simulation',
  pickBucket: (region: string) => `Pick the S3 bucket the snapshot is written to (in ${region}), e.g. my-sim-snapshots`,
  noBuckets: (region: string) => `No buckets listed in ${region}`,
  bucketsFailed: (reason: string) => `Could not list buckets: ${reason}`,
  objectKey: (location: string) => `The snapshot will be written to ${location}`,
  tagsPrompt: (max: number) => `Tags as key=value pairs separated by commas (at most ${max}); leave empty for none`,
  tagsPlaceholder: 'e.g. team=data, env=prod',
  create: '$(check) Create snapshot',
  cancel: '$(close) Cancel',
  goBack: 'Go back to change this value.',
  storedAs: (value: string) => `stored as ${value}`,
  none: '(none)',
  confirm: (operation: string) => `Check what will be sent with ${operation}, then create`,
};

export function isBucketField(service: SnapshotService, field: InputField): boolean {
  return service.id === 'simspaceweaver' && /bucket/i.test(field.key);
}

function isPrefixField(service: SnapshotService, field: InputField): boolean {
  return service.id === 'simspaceweaver' && /prefix/i.test(field.key);
}

/**
 * The finding to show for a value: the first error, else the first warning, else the first info. The validation
 * messages already name the offending part (a character's position, the tag pair), so they are shown as they are.
 */
export function firstIssue(issues: readonly Issue[]): StepMessage | undefined {
  const issue =
    issues.find((i) => i.severity === 'error') ??
    issues.find((i) => i.severity === 'warning') ??
    issues.find((i) => i.severity === 'info');
  if (!issue) return undefined;
  return { message: issue.message, severity: issue.severity };
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
      const initial = remembered ?? field.defaultValue?.({ resourceName: resource.name, now: deps.now() }) ?? '';
      const uniqueCheck = uniqueNameField[service.id] === field.key;
      const ctx = { profile: state.profile, region: state.region, clients: deps.clients };
      const answer = await prompter.input({
        ...info,
        id: `field:${field.key}`,
        value: initial,
        prompt: field.prompt,
        placeholder: field.placeholder,
        validate: (value) => {
          const issue = firstIssue(field.validate(value));
          if (issue || !isPrefixField(service, field)) return issue;
          const bucket = bucketValue(service, state);
          const key = simSpaceWeaverSnapshotKey(value, resource.id, deps.now());
          return { message: text.objectKey(`s3://${bucket}/${key}`), severity: 'info' };
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

function bucketValue(service: SnapshotService, state: FlowState): string {
  const field = service.rules.fields.find((f) => isBucketField(service, f));
  return (field && state.values[field.key]) || '<bucket>';
}

function bucketPickStep(prompter: Prompter, deps: InputDeps, field: InputField): FlowStep {
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
          const typeItem = { label: text.typeBucket, detail: text.typeBucketDetail, value: typed };
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

function tagsStep(prompter: Prompter, deps: InputDeps, service: SnapshotService): FlowStep {
  const rules = service.rules.tags;
  return {
    id: 'tags',
    run: async (state, info) => {
      if (!rules) return 'next';
      const answer = await prompter.input({
        ...info,
        id: 'tags',
        value: state.tagsText ?? defaultTagsText(deps.defaultTags()),
        prompt: text.tagsPrompt(rules.maxTags),
        placeholder: text.tagsPlaceholder,
        validate: (value) => firstIssue(parseTags(value, rules).issues),
      });
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

export function summarize(state: FlowState, input: SnapshotInput, now: Date): SummaryLine[] {
  const { service, resource } = state;
  if (!service || !resource) return [];
  const lines: SummaryLine[] = [
    { label: 'Operation', value: `${service.createOperation} (profile ${state.profile}, ${state.region})` },
    { label: resourceParameter[service.id] ?? 'Resource', value: resource.id },
  ];
  for (const field of service.rules.fields) {
    const value = input.values[field.key];
    if (value === undefined) continue;
    const stored = field.normalize?.(value);
    lines.push({
      label: field.key,
      value: stored !== undefined && stored !== value ? `${value} (${text.storedAs(stored)})` : value,
    });
  }
  if (service.id === 'simspaceweaver') {
    const prefix = service.rules.fields.find((f) => isPrefixField(service, f));
    const key = simSpaceWeaverSnapshotKey((prefix && input.values[prefix.key]) ?? '', resource.id, now);
    lines.push({ label: 'Object key', value: `s3://${bucketValue(service, state)}/${key}` });
  }
  if (service.rules.tags) {
    lines.push({ label: 'Tags', value: input.tags.length ? formatTags(input.tags) : text.none });
  }
  return lines;
}

function confirmStep(prompter: Prompter, deps: InputDeps): FlowStep {
  return {
    id: 'confirm',
    run: async (state, info): Promise<Move> => {
      state.request = undefined;
      const { service, resource } = state;
      if (!service || !resource || !state.profile || !state.region) return 'back';
      const input = buildInput(service, state);
      const summary = summarize(state, input, deps.now());
      const answer = await prompter.pick<'create' | 'cancel' | 'line'>({
        ...info,
        id: 'confirm',
        placeholder: text.confirm(service.createOperation),
        items: [
          { label: text.create, description: service.createOperation, value: 'create' },
          ...summary.map((line) => ({
            label: line.label,
            description: line.value,
            value: 'line' as const,
            disabledReason: text.goBack,
          })),
          { label: text.cancel, value: 'cancel' },
        ],
      });
      if (answer.kind !== 'value') return answer.kind;
      if (answer.value === 'cancel') return 'cancel';
      if (answer.value === 'line') return 'back';
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
      if (isBucketField(service, field)) {
        steps.push(bucketPickStep(prompter, deps, field));
        if (state.bucketMode === 'typed') steps.push(fieldStep(prompter, deps, service, field));
      } else {
        steps.push(fieldStep(prompter, deps, service, field));
      }
    }
    if (service.rules.tags) steps.push(tagsStep(prompter, deps, service));
  }
  steps.push(confirmStep(prompter, deps));
  return steps;
}
