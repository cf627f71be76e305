// restJson1 bindings of the four operations, from the model's `http` traits and member locations:
// ListSimulations    GET  /listsimulations?maxResults=&nextToken=
// DescribeSimulation GET  /describesimulation?simulation=
// CreateSnapshot     POST /createsnapshot   {"Destination": {...}, "Simulation": "..."}
// StartSimulation    POST /startsimulation  {"Name": "...", "RoleArn": "...", "SnapshotS3Location": {...}, ...}
// Output members are picked by name (unmodeled ones dropped) and timestamps (epoch seconds) become Dates.
import type {
  CreateSnapshotInput,
  CreateSnapshotOutput,
  DescribeSimulationInput,
  DescribeSimulationOutput,
  ListSimulationsInput,
  ListSimulationsOutput,
  S3Location,
  SimulationMetadata,
  StartSimulationInput,
  StartSimulationOutput,
} from './models';

type Json = Record<string, unknown>;

export interface Operation<I, O> {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  query(input: I): Record<string, string>;
  body(input: I): unknown;
  parse(json: Json): Omit<O, '$metadata'>;
}

function compactQuery(entries: Record<string, string | number | undefined>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) query[key] = String(value);
  return query;
}

/** Epoch seconds (the restJson1 default) or an ISO-8601 string → Date. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000));
  if (typeof value === 'string' && value !== '') {
    const n = Number(value);
    const date = Number.isFinite(n) ? new Date(Math.round(n * 1000)) : new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Copies the named members that are present, converting the ones listed in `convert`. */
function pick<T>(json: Json, members: readonly string[], convert: Record<string, (v: unknown) => unknown> = {}): T {
  const out: Json = {};
  for (const member of members) {
    const value = json[member];
    if (value === undefined || value === null) continue;
    const converted = convert[member] ? convert[member](value) : value;
    if (converted !== undefined) out[member] = converted;
  }
  return out as T;
}

const asJson = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

function simulationMetadata(value: unknown): SimulationMetadata {
  return pick(asJson(value), ['Arn', 'CreationTime', 'Name', 'Status', 'TargetStatus'], {
    CreationTime: parseTimestamp,
  });
}

export const listSimulations: Operation<ListSimulationsInput, ListSimulationsOutput> = {
  name: 'ListSimulations',
  method: 'GET',
  path: '/listsimulations',
  query: (input) => compactQuery({ maxResults: input.MaxResults, nextToken: input.NextToken }),
  body: () => undefined,
  parse: (json) =>
    pick(json, ['NextToken', 'Simulations'], {
      Simulations: (list) => (Array.isArray(list) ? list.map(simulationMetadata) : undefined),
    }),
};

export const describeSimulation: Operation<DescribeSimulationInput, DescribeSimulationOutput> = {
  name: 'DescribeSimulation',
  method: 'GET',
  path: '/describesimulation',
  query: (input) => compactQuery({ simulation: input.Simulation }),
  body: () => undefined,
  parse: (json) =>
    pick(
      json,
      [
        'Arn',
        'CreationTime',
        'Description',
        'ExecutionId',
        'LiveSimulationState',
        'LoggingConfiguration',
        'MaximumDuration',
        'Name',
        'RoleArn',
        'SchemaError',
        'SchemaS3Location',
        'SnapshotS3Location',
        'StartError',
        'Status',
        'TargetStatus',
      ],
      { CreationTime: parseTimestamp },
    ),
};

export const createSnapshot: Operation<CreateSnapshotInput, CreateSnapshotOutput> = {
  name: 'CreateSnapshot',
  method: 'POST',
  path: '/createsnapshot',
  query: () => ({}),
  body: (input) => {
    const destination =
      input.Destination === undefined
        ? undefined
        : compactQuery({
            BucketName: input.Destination.BucketName,
            ObjectKeyPrefix: input.Destination.ObjectKeyPrefix,
          });
    return pick<Json>({ Destination: destination, Simulation: input.Simulation }, ['Destination', 'Simulation']);
  },
  parse: () => ({}),
};

const s3Location = (location: S3Location | undefined) =>
  location === undefined ? undefined : compactQuery({ BucketName: location.BucketName, ObjectKey: location.ObjectKey });

export const startSimulation: Operation<StartSimulationInput, StartSimulationOutput> = {
  name: 'StartSimulation',
  method: 'POST',
  path: '/startsimulation',
  query: () => ({}),
  body: (input) =>
    pick<Json>(
      {
        ClientToken: input.ClientToken,
        Description: input.Description,
        MaximumDuration: input.MaximumDuration,
        Name: input.Name,
        RoleArn: input.RoleArn,
        SchemaS3Location: s3Location(input.SchemaS3Location),
        SnapshotS3Location: s3Location(input.SnapshotS3Location),
        Tags: input.Tags,
      },
      [
        'ClientToken',
        'Description',
        'MaximumDuration',
        'Name',
        'RoleArn',
        'SchemaS3Location',
        'SnapshotS3Location',
        'Tags',
      ],
    ),
  parse: (json) => pick(json, ['Arn', 'CreationTime', 'ExecutionId'], { CreationTime: parseTimestamp }),
};
