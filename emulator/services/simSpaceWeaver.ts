import { simSpaceWeaverSnapshotKey } from '../../src/validation/index';
import { type ServiceModel } from '../model/types';
import { summarizeIssues } from '../model/validate';
import { ApiError } from '../protocols/types';
import { restJsonProtocol } from '../protocols/restJson';
import { isBusy } from '../state/lifecycle';
import { type SimulationRecord } from '../state/types';
import { jsonAuthErrors } from './authErrors';
import { pageOf } from './paging';
import { type CallContext, type ServiceDefinition } from './types';

const DEFAULT_PAGE = 100; // undocumented default

const validation = (message: string) => new ApiError('ValidationException', 400, message);
const conflict = (message: string) => new ApiError('ConflictException', 409, message);

const arn = (ctx: CallContext, name: string) =>
  `arn:aws:simspaceweaver:${ctx.region}:${ctx.account.accountId}:simulation/${name}`;

function status(s: SimulationRecord, now: number): string {
  return isBusy(s.busyUntil, now) ? 'SNAPSHOT_IN_PROGRESS' : s.status;
}

function find(ctx: CallContext, name: string): SimulationRecord {
  const simulation = ctx.state.simulations.find((s) => s.name === name);
  if (!simulation) throw new ApiError('ResourceNotFoundException', 404, `Simulation ${name} does not exist.`);
  return simulation;
}

/** Transitional states: the call may succeed later (ConflictException); other non-STARTED states cannot take snapshots. */
const TRANSITIONAL = new Set(['STARTING', 'STOPPING', 'DELETING', 'SNAPSHOT_IN_PROGRESS']);

export function simSpaceWeaverService(model: ServiceModel): ServiceDefinition {
  return {
    id: 'simspaceweaver',
    signingName: 'simspaceweaver',
    model,
    protocol: restJsonProtocol(model),
    uriEscapePath: true,
    errors: {
      ...jsonAuthErrors(403),
      validation: (issues) => validation(summarizeIssues(issues)),
      throttling: () => new ApiError('ThrottlingException', 429, 'Rate exceeded'),
      internal: () => new ApiError('InternalServerException', 500, 'Internal server error'),
    },
    operations: {
      ListSimulations(ctx, input) {
        const result = pageOf(
          ctx.state.simulations,
          input.NextToken as string | undefined,
          (input.MaxResults as number | undefined) ?? DEFAULT_PAGE,
          'simulations',
        );
        if (!result) throw validation('The pagination token is not valid.');
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
        if (TRANSITIONAL.has(current))
          throw conflict(`Simulation ${s.name} is ${current}; try again when it is STARTED.`);
        if (current !== 'STARTED')
          throw validation(`Simulation ${s.name} is ${current}; only a STARTED simulation can be snapshotted.`);
        const destination = input.Destination as { BucketName: string; ObjectKeyPrefix?: string };
        const bucket = ctx.account.buckets.get(destination.BucketName);
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
    },
  };
}
