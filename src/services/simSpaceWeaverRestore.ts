// SimSpace Weaver restore: a new simulation started from a snapshot .zip in S3 (StartSimulation with
// SnapshotS3Location), its form's defaults read from the source simulation (DescribeSimulation), and the states of the
// simulations being started (ListSimulations, one listing per region and tick). Rules: ../validation/simSpaceWeaverRestore.
import type { StartSimulationInput } from '../aws/simspaceweaver/models';
import {
  durationMinutes,
  isSimulationClientToken,
  simulationNameDefault,
  simulationTagRules,
  startSimulationMembers,
  validateMaximumDuration,
  validateRoleArn,
  validateSimulationDescription,
  validateSimulationName,
} from '../validation/simSpaceWeaverRestore';
import { findInPages, isErrorNamed } from './common';
import { notAvailableReason, type RestoreSupport } from './restore';
import { type ApiCall, type FormField, type OperationForm, type FormInput, type FormResult } from './forms';
import type { AwsContext, RestoredRef, Snapshot, SnapshotState, TrackedState } from './service';
import { simSpaceWeaverClient } from './simSpaceWeaverClient';
import { explainSimSpaceWeaverRestoreError } from './simSpaceWeaverRestoreErrors';
import { type DescribedSimulation, parseS3Uri, type SimulationSummary } from './simSpaceWeaverSnapshots';
import * as l10n from '../l10n';

/** ListSimulations' page size (the model sets no maximum; 100 is what the console lists). */
const LIST_PAGE_SIZE = 100;
/** StartSimulation's MaximumDuration when the request has none (API reference). */
const API_DEFAULT_DURATION = '14D';

/** The members of DescribeSimulation's output the defaults read. */
interface SourceSimulation extends DescribedSimulation {
  readonly RoleArn?: string;
}

async function client(ctx: AwsContext) {
  return ctx.clients.get(simSpaceWeaverClient, ctx.profile, ctx.region);
}

/** The snapshot's simulation as DescribeSimulation answers, or undefined when it no longer exists. */
async function readSource(
  ctx: AwsContext,
  simulation: string,
  signal?: AbortSignal,
): Promise<SourceSimulation | undefined> {
  try {
    return await (await client(ctx)).describeSimulation({ Simulation: simulation }, { abortSignal: signal });
  } catch (error) {
    if (isErrorNamed(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

/** The listed simulations among `names`, reading ListSimulations' pages only until all are found. */
async function listNamed(
  ctx: AwsContext,
  names: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<Map<string, SimulationSummary>> {
  const c = await client(ctx);
  return findInPages(
    names,
    (s: SimulationSummary) => s.Name,
    async (token) => {
      const out = await c.listSimulations({ MaxResults: LIST_PAGE_SIZE, NextToken: token }, { abortSignal: signal });
      return { items: out.Simulations, next: out.NextToken };
    },
  );
}

/** A simulation's status as the restore's state: STARTED (or being snapshotted) is a simulation that serves. */
export function restoredState(status: string): SnapshotState {
  switch (status) {
    case 'STARTING':
      return 'creating';
    case 'STARTED':
    case 'SNAPSHOT_IN_PROGRESS':
      return 'available';
    // Stopped before it served (a start error, or a duration of 0): the restore did not give a running simulation.
    case 'FAILED':
    case 'STOPPING':
    case 'STOPPED':
      return 'failed';
    case 'DELETING':
    case 'DELETED':
      return 'deleting';
    default:
      return 'unknown';
  }
}

const KEYS = { name: 'Name', role: 'RoleArn', duration: 'MaximumDuration', description: 'Description' } as const;

/** StartSimulation's input as this restore sends it (a type alias, so it is also a ApiCall's input). */
type StartSimulationRequest = {
  readonly Name: string | undefined;
  readonly RoleArn: string | undefined;
  readonly MaximumDuration?: string;
  readonly Description?: string;
  readonly SnapshotS3Location: { readonly BucketName: string; readonly ObjectKey: string };
  readonly Tags?: Record<string, string>;
  readonly ClientToken?: string;
};

interface StartSimulationCall extends ApiCall {
  readonly operation: 'StartSimulation';
  readonly input: StartSimulationRequest;
}

/** The one StartSimulation request of these values, from the snapshot at `bucket`/`key`. */
export function startSimulationCall(location: { bucket: string; key: string }, input: FormInput): StartSimulationCall {
  const value = (key: string): string | undefined => input.values[key] || undefined;
  const description = value(KEYS.description);
  const duration = value(KEYS.duration);
  return {
    operation: 'StartSimulation',
    input: {
      Name: value(KEYS.name),
      RoleArn: value(KEYS.role),
      ...(duration !== undefined ? { MaximumDuration: duration } : {}),
      ...(description !== undefined ? { Description: description } : {}),
      SnapshotS3Location: { BucketName: location.bucket, ObjectKey: location.key },
      ...(input.tags.length ? { Tags: Object.fromEntries(input.tags.map((t) => [t.key, t.value])) } : {}),
      // A token the model refuses would fail the call: then our client makes one (the SDK's behaviour).
      ...(isSimulationClientToken(input.clientToken) ? { ClientToken: input.clientToken } : {}),
    },
  };
}

function fields(ctx: AwsContext, snapshot: Snapshot, source: SourceSimulation | undefined, now: Date): FormField[] {
  const fromSource = l10n.t("the source simulation's");
  const sourceDuration = source?.MaximumDuration;
  const durationDefault =
    sourceDuration !== undefined && durationMinutes(sourceDuration) !== undefined
      ? { value: sourceDuration, source: fromSource }
      : { value: API_DEFAULT_DURATION, source: l10n.t("the API's default") };
  const name: FormField = {
    key: KEYS.name,
    kind: 'text',
    label: l10n.t('Simulation name'),
    prompt: l10n.t('A name not used in this Region: 1–64 letters, digits, hyphens, underscores and dots'),
    placeholder: 'e.g. city-traffic-restored',
    required: true,
    defaultValue: {
      value: simulationNameDefault(snapshot.resourceId, now),
      source: l10n.t("the source simulation's name and the time"),
    },
    validate: (value) => validateSimulationName(value),
    async accept(value, signal) {
      const found = await listNamed(ctx, new Set([value]), signal);
      const existing = found.get(value);
      return existing
        ? l10n.t(
            'A simulation named {0} already exists in {1} ({2}); choose another name.',
            value,
            ctx.region,
            existing.Status ?? 'UNKNOWN',
          )
        : undefined;
    },
  };
  const role: FormField = {
    key: KEYS.role,
    kind: 'text',
    label: l10n.t('IAM role ARN'),
    prompt: l10n.t('The role the simulation assumes: arn:aws:iam::<12-digit account>:role/<name>'),
    placeholder: 'e.g. arn:aws:iam::123456789012:role/weaver-app-role',
    required: true,
    ...(source?.RoleArn ? { defaultValue: { value: source.RoleArn, source: fromSource } } : {}),
    validate: (value) => validateRoleArn(value),
  };
  const duration: FormField = {
    key: KEYS.duration,
    kind: 'text',
    label: l10n.t('Maximum duration'),
    prompt: l10n.t('How long it may run: 1–5 digits and m (minutes), h (hours) or d (days), at most 14D'),
    placeholder: 'e.g. 2D, 12h, 90m',
    required: false,
    defaultValue: durationDefault,
    validate: (value) => validateMaximumDuration(value),
  };
  const description: FormField = {
    key: KEYS.description,
    kind: 'text',
    label: l10n.t('Description (optional)'),
    prompt: l10n.t('At most 500 characters'),
    placeholder: l10n.t('e.g. Restarted from the Monday snapshot'),
    required: false,
    ...(source?.Description ? { defaultValue: { value: source.Description, source: fromSource } } : {}),
    validate: (value) => validateSimulationDescription(value),
  };
  return [name, role, duration, description];
}

export const simSpaceWeaverRestore: RestoreSupport = {
  operation: 'StartSimulation',
  iamActions: ['simspaceweaver:StartSimulation', 'iam:PassRole', 's3:GetObject'],
  makes: 'simulation',
  modelMembers: { StartSimulation: startSimulationMembers },
  refusal: (snapshot) => notAvailableReason(snapshot),

  async prepare(ctx: AwsContext, snapshot: Snapshot): Promise<OperationForm> {
    const location = parseS3Uri(snapshot.id);
    if (!location) throw new Error(l10n.t('The snapshot {0} is not an S3 location (s3://bucket/key).', snapshot.id));
    const source = await readSource(ctx, snapshot.resourceId, ctx.signal);
    const calls = (input: FormInput): readonly StartSimulationCall[] => [startSimulationCall(location, input)];
    return {
      fields: fields(ctx, snapshot, source, new Date()),
      tags: simulationTagRules,
      nameField: KEYS.name,
      calls,
      async send(input: FormInput, signal?: AbortSignal): Promise<FormResult> {
        const [call] = calls(input);
        if (!call) throw new Error(l10n.t('StartSimulation: nothing to send.'));
        // The input calls() built (the request shown to the user) is the one sent.
        const request: StartSimulationInput = {
          ...call.input,
          SnapshotS3Location: { ...call.input.SnapshotS3Location },
        };
        await (await client(ctx)).startSimulation(request, { abortSignal: signal ?? ctx.signal });
        const name = String(call.input.Name);
        return { id: name, name, state: 'creating', status: 'STARTING' };
      },
    };
  },

  explainError: explainSimSpaceWeaverRestoreError,
};

/**
 * The simulations being started: one DescribeSimulation for a single one, else ListSimulations (paged, stopping once
 * every one is found), so a tick costs one listing per region whatever the number of restores. Absent: not listed.
 */
export async function getSimSpaceWeaverRestoredStatuses(
  ctx: AwsContext,
  refs: readonly RestoredRef[],
): Promise<Map<string, TrackedState>> {
  const result = new Map<string, TrackedState>();
  const names = new Set(refs.map((r) => r.resourceId));
  const [only, ...others] = names;
  if (only === undefined) return result;
  const found: Map<string, SimulationSummary> =
    others.length === 0
      ? new Map(await readSource(ctx, only, ctx.signal).then((s) => (s ? ([[only, s]] as const) : [])))
      : await listNamed(ctx, names, ctx.signal);
  for (const [name, simulation] of found) {
    const status = simulation.Status ?? 'UNKNOWN';
    result.set(name, { id: name, state: restoredState(status), status });
  }
  return result;
}
