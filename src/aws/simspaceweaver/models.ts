// The shapes of the three SimSpace Weaver operations we call, from the model
// ../shared/aws-models/simspaceweaver/service-2.json (apiVersion 2022-10-28). Timestamps are Dates.
import type { ResponseMetadata } from '@smithy/types';

export type SimulationStatus =
  | 'UNKNOWN'
  | 'STARTING'
  | 'STARTED'
  | 'STOPPING'
  | 'STOPPED'
  | 'FAILED'
  | 'DELETING'
  | 'DELETED'
  | 'SNAPSHOT_IN_PROGRESS';
export type SimulationTargetStatus = 'UNKNOWN' | 'STARTED' | 'STOPPED' | 'DELETED';
export type ClockStatus = 'UNKNOWN' | 'STARTING' | 'STARTED' | 'STOPPING' | 'STOPPED';
export type ClockTargetStatus = 'UNKNOWN' | 'STARTED' | 'STOPPED';
export type LifecycleManagementStrategy = 'Unknown' | 'PerWorker' | 'BySpatialSubdivision' | 'ByRequest';

export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

export interface S3Location {
  BucketName?: string;
  ObjectKey?: string;
}

export interface S3Destination {
  BucketName: string | undefined;
  ObjectKeyPrefix?: string;
}

export interface SimulationMetadata {
  Arn?: string;
  CreationTime?: Date;
  Name?: string;
  Status?: SimulationStatus | string;
  TargetStatus?: SimulationTargetStatus | string;
}

export interface SimulationClock {
  Status?: ClockStatus | string;
  TargetStatus?: ClockTargetStatus | string;
}

export interface Domain {
  Lifecycle?: LifecycleManagementStrategy | string;
  Name?: string;
}

export interface LiveSimulationState {
  Clocks?: SimulationClock[];
  Domains?: Domain[];
}

export interface LoggingConfiguration {
  Destinations?: Array<{ CloudWatchLogsLogGroup?: { LogGroupArn?: string } }>;
}

export interface ListSimulationsInput {
  /** At least 1. */
  MaxResults?: number;
  NextToken?: string;
}

export interface ListSimulationsOutput extends MetadataBearer {
  NextToken?: string;
  Simulations?: SimulationMetadata[];
}

export interface DescribeSimulationInput {
  /** The simulation's name (1–64 characters of `[a-zA-Z0-9_.-]`). */
  Simulation: string | undefined;
}

export interface DescribeSimulationOutput extends MetadataBearer {
  Arn?: string;
  CreationTime?: Date;
  Description?: string;
  ExecutionId?: string;
  LiveSimulationState?: LiveSimulationState;
  LoggingConfiguration?: LoggingConfiguration;
  MaximumDuration?: string;
  Name?: string;
  RoleArn?: string;
  /** @deprecated SchemaError is no longer used, check StartError instead. */
  SchemaError?: string;
  SchemaS3Location?: S3Location;
  SnapshotS3Location?: S3Location;
  StartError?: string;
  Status?: SimulationStatus | string;
  TargetStatus?: SimulationTargetStatus | string;
}

export interface CreateSnapshotInput {
  Simulation: string | undefined;
  Destination: S3Destination | undefined;
}

export type CreateSnapshotOutput = MetadataBearer;

/** Per-call options (the SDK's `send(command, { abortSignal })`). */
export interface CallOptions {
  abortSignal?: AbortSignal;
}
