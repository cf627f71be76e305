// The shapes of the four SimSpace Weaver operations we call, from the model
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

export interface StartSimulationInput {
  /** 1–64 characters of `[a-zA-Z0-9_.-]`. */
  Name: string | undefined;
  RoleArn: string | undefined;
  Description?: string;
  /** `\d{1,5}[mhdMHD]`: minutes, hours or days, at most 14D (the default). */
  MaximumDuration?: string;
  /** Either this or SnapshotS3Location. */
  SchemaS3Location?: S3Location;
  /** Either this or SchemaS3Location: the snapshot .zip to start from (a bucket in the simulation's Region). */
  SnapshotS3Location?: S3Location;
  /** 1–50 tags. */
  Tags?: Record<string, string>;
  /** The idempotency token (32–128 of `[a-zA-Z0-9-]`); a random UUID when absent, as the SDK does. */
  ClientToken?: string;
}

export interface StartSimulationOutput extends MetadataBearer {
  Arn?: string;
  CreationTime?: Date;
  ExecutionId?: string;
}

/** Per-call options (the SDK's `send(command, { abortSignal })`). */
export interface CallOptions {
  abortSignal?: AbortSignal;
}
