/** SimSpace Weaver's operations: ListSimulations, DescribeSimulation and CreateSnapshot (to an S3 bucket). */
import { simSpaceWeaverSnapshotKey } from '../../../src/validation/index';
import { ApiError } from '../../protocols/types';
import { isBusy } from '../../state/lifecycle';
import { pageFor, type PagingStyle } from '../paging';
import { bucketsOf } from '../s3/state';
import { type CallContext, type Handler } from '../types';
import { type SimulationRecord, simulationsIn } from './state';

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
  return isBusy(s.busyUntil, now) ? 'SNAPSHOT_IN_PROGRESS' : s.status;
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
      SchemaS3Location: { BucketName: s.schemaBucket, ObjectKey: s.schemaKey },
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
    return {};
  },
};
