// SimSpace Weaver snapshot locations: s3:// URIs and the time stamp in the object key the service writes
// (prefix/snapshot/<simulation>-YYMMdd-HHmm-ss.zip).

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

/** The UTC time written in a snapshot object key (…-YYMMdd-HHmm-ss.zip), or undefined when the key has none. */
export function snapshotKeyTime(key: string): Date | undefined {
  const match = /-(\d{2})(\d{2})(\d{2})-(\d{2})(\d{2})-(\d{2})\.zip$/.exec(key);
  if (!match) return undefined;
  const [yy, mm, dd, hh, mi, ss] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59) return undefined;
  return new Date(Date.UTC(2000 + yy, mm - 1, dd, hh, mi, ss));
}
