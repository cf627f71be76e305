// SimSpace Weaver snapshot locations: s3:// URIs and the time stamp in the object key the service writes
// (prefix/snapshot/<simulation>-YYMMdd-HHmm-ss.zip), and what S3 says of a snapshot object (size, encryption).
import { consoleHost } from './common';
import type { SnapshotEncryption } from './resourceTypes';

interface S3Location {
  readonly BucketName?: string;
  readonly ObjectKey?: string;
}

/** The members of ListSimulations' SimulationMetadata this module reads. */
export interface SimulationSummary {
  readonly Name?: string;
  readonly Arn?: string;
  readonly Status?: string;
  readonly TargetStatus?: string;
  readonly CreationTime?: Date;
}

/** The members of DescribeSimulation's output this module reads. */
export interface DescribedSimulation extends SimulationSummary {
  readonly Description?: string;
  readonly ExecutionId?: string;
  readonly MaximumDuration?: string;
  readonly SchemaS3Location?: S3Location;
  readonly SnapshotS3Location?: S3Location;
  readonly StartError?: string;
  readonly SchemaError?: string;
}

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  return match ? { bucket: match[1] as string, key: match[2] as string } : undefined;
}

/**
 * The S3 console's page of a snapshot object, s3/object/<bucket>?region=…&prefix=<key> (on the console host of the
 * region's partition); undefined when the id is not an s3:// location.
 */
export function s3ObjectConsoleUrl(region: string, uri: string): string | undefined {
  const where = parseS3Uri(uri);
  if (!where) return undefined;
  const key = encodeURIComponent(where.key).replace(/%2F/g, '/');
  const bucket = encodeURIComponent(where.bucket);
  return `https://${consoleHost(region)}/s3/object/${bucket}?region=${encodeURIComponent(region)}&prefix=${key}`;
}

/** The UTC time written in a snapshot object key (…-YYMMdd-HHmm-ss.zip), or undefined when the key has none. */
export function snapshotKeyTime(key: string): Date | undefined {
  const match = /-(\d{2})(\d{2})(\d{2})-(\d{2})(\d{2})-(\d{2})\.zip$/.exec(key);
  if (!match) return undefined;
  const [yy, mm, dd, hh, mi, ss] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59) return undefined;
  return new Date(Date.UTC(2000 + yy, mm - 1, dd, hh, mi, ss));
}

/** What S3 says of a snapshot object (HeadObject, ListObjectsV2), as far as the tree shows it. */
export interface SnapshotObjectFacts {
  readonly sizeBytes?: number;
  readonly encryption?: SnapshotEncryption;
}

/** HeadObject's members about the object's size and encryption. */
export interface ObjectHead {
  readonly ContentLength?: number;
  readonly ServerSideEncryption?: string;
  readonly SSEKMSKeyId?: string;
}

/**
 * HeadObject's answer as the object's facts: SSE-S3 (`AES256`: Amazon S3 managed keys), SSE-KMS and DSSE-KMS (the
 * KMS key it names); no ServerSideEncryption header (an object written before S3 encrypted every new object): not
 * encrypted.
 */
export function objectFacts(head: ObjectHead): SnapshotObjectFacts {
  const sse = head.ServerSideEncryption;
  const encryption: SnapshotEncryption =
    sse === undefined
      ? { encrypted: false }
      : sse === 'AES256'
        ? { encrypted: true, managedKey: 's3' }
        : head.SSEKMSKeyId
          ? { encrypted: true, kmsKey: head.SSEKMSKeyId }
          : { encrypted: true };
  return { ...(head.ContentLength !== undefined ? { sizeBytes: head.ContentLength } : {}), encryption };
}
