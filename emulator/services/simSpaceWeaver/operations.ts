/**
 * SimSpace Weaver's operations: ListSimulations, DescribeSimulation, CreateSnapshot (to an S3 bucket, where the
 * snapshot's object is written) and StartSimulation (from a snapshot object, or a schema).
 */
import { simSpaceWeaverSnapshotKey } from '../../../src/validation/index';
import { startSimulationIssues } from '../../../src/validation/simSpaceWeaverRestore';
import { ApiError } from '../../protocols/types';
import { isBusy } from '../../state/lifecycle';
import { pageFor, type PagingStyle } from '../paging';
import { bucketsOf, objectAt, putObject } from '../s3/state';
import { type CallContext, type Handler } from '../types';
import { type SimulationRecord, simSpaceWeaverQuotas, simulationsIn, startTokensIn } from './state';

export const validation = (message: string) => new ApiError('ValidationException', 400, message);
const conflict = (message: string) => new ApiError('ConflictException', 409, message);

const PAGING: PagingStyle = {
  token: 'NextToken',
  size: 'MaxResults',
  defaultSize: 100, // undocumented default
  invalidToken: () => validation('The pagination token is not valid.'),
};

const arn = (ctx: CallContext, name: string) =>
  `arn:aws:simspaceweaver:${ctx.region}:${ctx.account.accountId}:simulation/${name}`;

function status(s: SimulationRecord, now: number): string {
  if (isBusy(s.startingUntil, now)) return 'STARTING';
  return isBusy(s.busyUntil, now) ? 'SNAPSHOT_IN_PROGRESS' : s.status;
}

/** The documented rules the model lacks (src/validation, as the extension applies them), before any handler runs. */
export function checkStartSimulation(operation: string, input: Record<string, unknown>): void {
  if (operation !== 'StartSimulation') return;
  const issues = startSimulationIssues(input);
  if (issues.length) throw validation(issues.join(' '));
}

interface Location {
  BucketName: string;
  ObjectKey: string;
}

/** The bucket of a StartSimulation location must exist in the simulation's Region (ValidationException otherwise). */
function checkBucket(ctx: CallContext, member: string, location: Location): void {
  const bucket = bucketsOf(ctx.account).get(location.BucketName);
  if (!bucket) throw validation(`${member}: the bucket ${location.BucketName} does not exist.`);
  if (bucket.region !== ctx.region) {
    throw validation(
      `${member}: the bucket ${bucket.name} is in ${bucket.region}; it must be in the simulation's Region ${ctx.region}.`,
    );
  }
}

/** The request without its ClientToken, keys sorted: what a retry with the same token must repeat. */
function fingerprint(input: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  const { ClientToken: _token, ...members } = input;
  return JSON.stringify(sorted(members));
}

/** A UUID (the model's ExecutionId pattern) from the emulator's deterministic hashes. */
function executionId(ctx: CallContext): string {
  const h = ctx.nextHash('simulation');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function find(ctx: CallContext, name: string): SimulationRecord {
  const simulation = simulationsIn(ctx.state).find((s) => s.name === name);
  if (!simulation) throw new ApiError('ResourceNotFoundException', 404, `Simulation ${name} does not exist.`);
  return simulation;
}

/** Transitional states: the call may succeed later (ConflictException); other non-STARTED states cannot take snapshots. */
const TRANSITIONAL = new Set(['STARTING', 'STOPPING', 'DELETING', 'SNAPSHOT_IN_PROGRESS']);

export const simSpaceWeaverOperations: Readonly<Record<string, Handler>> = {
  ListSimulations(ctx, input) {
    const result = pageFor(simulationsIn(ctx.state), input, 'simulations', PAGING);
    return {
      Simulations: result.items.map((s) => ({
        Arn: arn(ctx, s.name),
        CreationTime: new Date(s.createTime),
        Name: s.name,
        Status: status(s, ctx.now),
        TargetStatus: s.targetStatus,
      })),
      NextToken: result.next,
    };
  },
  DescribeSimulation(ctx, input) {
    const s = find(ctx, input.Simulation as string);
    return {
      Arn: arn(ctx, s.name),
      CreationTime: new Date(s.createTime),
      Description: s.description,
      ExecutionId: s.executionId,
      MaximumDuration: s.maximumDuration,
      Name: s.name,
      RoleArn: s.roleArn,
      SchemaS3Location: s.schemaBucket ? { BucketName: s.schemaBucket, ObjectKey: s.schemaKey } : undefined,
      SnapshotS3Location: s.snapshotBucket ? { BucketName: s.snapshotBucket, ObjectKey: s.snapshotKey } : undefined,
      Status: status(s, ctx.now),
      TargetStatus: s.targetStatus,
      LoggingConfiguration: { Destinations: [] },
    };
  },
  CreateSnapshot(ctx, input) {
    const s = find(ctx, input.Simulation as string);
    const current = status(s, ctx.now);
    if (TRANSITIONAL.has(current)) throw conflict(`Simulation ${s.name} is ${current}; try again when it is STARTED.`);
    if (current !== 'STARTED')
      throw validation(`Simulation ${s.name} is ${current}; only a STARTED simulation can be snapshotted.`);
    const destination = input.Destination as { BucketName: string; ObjectKeyPrefix?: string };
    const bucket = bucketsOf(ctx.account).get(destination.BucketName);
    if (!bucket) throw validation(`The destination bucket ${destination.BucketName} does not exist.`);
    if (bucket.region !== ctx.region) {
      throw validation(
        `The destination bucket ${bucket.name} is in ${bucket.region}; it must be in the simulation's Region ${ctx.region}.`,
      );
    }
    s.snapshotBucket = bucket.name;
    s.snapshotKey = simSpaceWeaverSnapshotKey(destination.ObjectKeyPrefix ?? '', s.name, new Date(ctx.now));
    if (ctx.snapshotMs > 0) s.busyUntil = ctx.now + ctx.snapshotMs;
    // The .zip is in the bucket once the snapshot is done.
    putObject(ctx.account, {
      bucket: bucket.name,
      key: s.snapshotKey,
      writtenBy: arn(ctx, s.name),
      availableAt: s.busyUntil ?? ctx.now,
    });
    return {};
  },
  // Idempotent by ClientToken (the same request again: the same answer); a role of another account →
  // AccessDeniedException (iam:PassRole); a name in use → ConflictException; past the
  // emulator's simulation limit → ServiceQuotaExceededException; a location whose bucket or snapshot object is missing
  // → ValidationException (the only modeled error for a bad parameter: the API has no ResourceNotFoundException here).
  // The new simulation is STARTING for ctx.restoreMs, then STARTED.
  StartSimulation(ctx, input) {
    const tokens = startTokensIn(ctx.state);
    const token = input.ClientToken as string | undefined;
    const request = fingerprint(input);
    const seen = token === undefined ? undefined : tokens.get(token);
    if (seen) {
      if (seen.fingerprint === request) return seen.output;
      throw conflict(`The client token ${token} was already used with other parameters.`);
    }
    // iam:PassRole never reaches another account's role: the emulator's one source of AccessDeniedException.
    const roleArn = input.RoleArn as string;
    const roleAccount = /^arn:[^:]+:iam::(\d*):/.exec(roleArn)?.[1];
    if (roleAccount !== ctx.account.accountId) {
      throw new ApiError(
        'AccessDeniedException',
        403,
        `You are not authorized to perform: iam:PassRole on resource: ${roleArn} (a role of another account).`,
      );
    }
    const simulations = simulationsIn(ctx.state);
    const name = input.Name as string;
    const existing = simulations.find((s) => s.name === name);
    if (existing) throw conflict(`A simulation named ${name} already exists (${status(existing, ctx.now)}).`);
    const quota = simSpaceWeaverQuotas(ctx.account).simulations;
    if (simulations.filter((s) => s.status !== 'DELETED').length >= quota) {
      throw new ApiError(
        'ServiceQuotaExceededException',
        402,
        `You have reached the limit of ${quota} simulations in ${ctx.region}.`,
      );
    }
    const snapshot = input.SnapshotS3Location as Location | undefined;
    const schema = input.SchemaS3Location as Location | undefined;
    if (snapshot) {
      checkBucket(ctx, 'SnapshotS3Location', snapshot);
      if (!objectAt(ctx.account, snapshot.BucketName, snapshot.ObjectKey, ctx.now)) {
        throw validation(
          `SnapshotS3Location: there is no snapshot s3://${snapshot.BucketName}/${snapshot.ObjectKey} (no such object).`,
        );
      }
    }
    if (schema) checkBucket(ctx, 'SchemaS3Location', schema);
    const record: SimulationRecord = {
      name,
      status: 'STARTED',
      targetStatus: 'STARTED',
      createTime: ctx.now,
      description: input.Description as string | undefined,
      maximumDuration: (input.MaximumDuration as string | undefined) ?? '14D',
      executionId: executionId(ctx),
      roleArn,
      schemaBucket: schema?.BucketName,
      schemaKey: schema?.ObjectKey,
      tags: input.Tags as Record<string, string> | undefined,
      ...(ctx.restoreMs > 0 ? { startingUntil: ctx.now + ctx.restoreMs } : {}),
    };
    simulations.push(record);
    const output = { Arn: arn(ctx, name), CreationTime: new Date(ctx.now), ExecutionId: record.executionId };
    if (token !== undefined) tokens.set(token, { fingerprint: request, output });
    return output;
  },
};
