// SimSpace Weaver: simulations and their snapshots (ListSimulations, DescribeSimulation, CreateSnapshot) through our
// own small client. A snapshot is an S3 object; DescribeSimulation reports the latest one as SnapshotS3Location, shown
// only while S3 has that object (one HeadObject: ./simSpaceWeaverObjects). Delete: ./simSpaceWeaverDelete. Every
// snapshot object under a location (S3 ListObjectsV2, for retention): ./simSpaceWeaverListing.
import { simSpaceWeaverClient } from './simSpaceWeaverClient';
import { explainSimSpaceWeaverError } from './simSpaceWeaverErrors';
import {
  simSpaceWeaverRules,
  simSpaceWeaverSnapshotFile,
  simSpaceWeaverSnapshotKey,
  simSpaceWeaverStampPattern,
} from '../validation/index';
import {
  clampPageSize,
  consoleHome,
  details,
  findInPages,
  isErrorNamed,
  isoDate,
  requiredValue,
  toDate,
  offeredIn,
} from './common';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
} from './service';
import {
  type DescribedSimulation,
  parseS3Uri,
  s3ObjectConsoleUrl,
  s3Uri,
  type SimulationSummary,
} from './simSpaceWeaverSnapshots';
import { getSimSpaceWeaverRestoredStatuses, simSpaceWeaverRestore } from './simSpaceWeaverRestore';
import { simSpaceWeaverDelete } from './simSpaceWeaverDelete';
import { snapshotGoneFor, withSnapshotObject } from './simSpaceWeaverObjects';
import { latestSnapshot, listSimSpaceWeaverSnapshotsAt } from './simSpaceWeaverListing';
import * as l10n from '../l10n';

const ID = 'simspaceweaver';
/** ListSimulations' page size for status reads (the model sets no maximum; 100 is what the console lists). */
const LIST_PAGE_SIZE = 100;

/** The regions AWS offered SimSpace Weaver in (AWS General Reference, "SimSpace Weaver endpoints and quotas"). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-central-1',
  'eu-west-1',
  'eu-north-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

/** How far the snapshot's own time stamp (set by AWS, to the second) may lie before our request time (clock skew). */
const CLOCK_SKEW_MS = 30_000;
/** A simulation back to STARTED without a new snapshot this long after the request: the snapshot failed. */
const NO_SNAPSHOT_GRACE_MS = 5 * 60_000;

function reasonNotSnapshottable(status: string): string {
  return status === 'SNAPSHOT_IN_PROGRESS'
    ? l10n.t('a snapshot of this simulation is already in progress')
    : l10n.t('simulation is {0} (a snapshot needs it started)', status.toLowerCase());
}

function toResource(summary: SimulationSummary, described: DescribedSimulation | undefined): Resource {
  const name = described?.Name ?? summary.Name ?? '';
  const status = described?.Status ?? summary.Status ?? 'UNKNOWN';
  const createdAt = toDate(described?.CreationTime ?? summary.CreationTime);
  const schema = described?.SchemaS3Location;
  const latest = described?.SnapshotS3Location;
  // DescribeSimulation holds the simulation's one snapshot: the tree need not describe it again to show it.
  const snapshot = described ? latestSnapshot(name, described) : undefined;
  return {
    service: ID,
    id: name,
    name,
    arn: described?.Arn ?? summary.Arn,
    status,
    summary: described?.MaximumDuration ? l10n.t('max {0}', described.MaximumDuration) : '',
    createdAt,
    snapshottable: status === 'STARTED' ? { ok: true } : { ok: false, reason: reasonNotSnapshottable(status) },
    details: details([
      [l10n.t('Simulation'), name],
      ['ARN', described?.Arn ?? summary.Arn],
      [l10n.t('Status'), status],
      [l10n.t('Target status'), described?.TargetStatus ?? summary.TargetStatus],
      [l10n.t('Description'), described?.Description],
      [l10n.t('Maximum duration'), described?.MaximumDuration],
      [
        l10n.t('Schema'),
        schema?.BucketName && schema.ObjectKey ? s3Uri(schema.BucketName, schema.ObjectKey) : undefined,
      ],
      [
        l10n.t('Latest snapshot'),
        latest?.BucketName && latest.ObjectKey ? s3Uri(latest.BucketName, latest.ObjectKey) : undefined,
      ],
      [l10n.t('Execution ID'), described?.ExecutionId],
      [l10n.t('Start error'), described?.StartError],
      [l10n.t('Schema error'), described?.SchemaError],
      [l10n.t('Created'), isoDate(createdAt)],
    ]),
    ...(described ? { knownSnapshots: snapshot ? [snapshot] : [] } : {}),
  };
}

async function client(ctx: AwsContext) {
  return ctx.clients.get(simSpaceWeaverClient, ctx.profile, ctx.region);
}

async function describe(ctx: AwsContext, simulation: string): Promise<DescribedSimulation | undefined> {
  const c = await client(ctx);
  try {
    const described = await c.describeSimulation({ Simulation: simulation }, { abortSignal: ctx.signal });
    return await withSnapshotObject(ctx, described);
  } catch (error) {
    if (isErrorNamed(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

/**
 * The simulations of `names` as ListSimulations shows them, described (for SnapshotS3Location) only when they are no
 * longer SNAPSHOT_IN_PROGRESS; a simulation missing from the listing is absent.
 */
async function describeEnded(
  ctx: AwsContext,
  names: ReadonlySet<string>,
): Promise<Map<string, DescribedSimulation | undefined>> {
  const c = await client(ctx);
  const listed = await findInPages(
    names,
    (s: SimulationSummary) => s.Name,
    async (token) => {
      const out = await c.listSimulations(
        { MaxResults: LIST_PAGE_SIZE, NextToken: token },
        { abortSignal: ctx.signal },
      );
      return { items: out.Simulations, next: out.NextToken };
    },
  );
  return new Map<string, DescribedSimulation | undefined>(
    await Promise.all(
      [...listed].map(
        async ([name, summary]) =>
          [name, summary.Status === 'SNAPSHOT_IN_PROGRESS' ? summary : await describe(ctx, name)] as const,
      ),
    ),
  );
}

export const simSpaceWeaverService: SnapshotService = {
  id: ID,
  label: 'SimSpace Weaver',
  endOfSupport: '2026-05-20',
  resourceNoun: {
    get one(): string {
      return l10n.t('simulation');
    },
    get many(): string {
      return l10n.t('simulations');
    },
  },
  icon: 'server-process',
  createOperation: 'CreateSnapshot',
  resourceParameter: 'Simulation',
  rules: simSpaceWeaverRules,
  iamActions: { create: 'simspaceweaver:CreateSnapshot' },
  destination: {
    get label(): string {
      return l10n.t('Object key');
    },
    name: (_values, simulation, at) => simSpaceWeaverSnapshotFile(simulation, at),
    location: (values, simulation, at) =>
      s3Uri(values.BucketName || '<bucket>', simSpaceWeaverSnapshotKey(values.ObjectKeyPrefix ?? '', simulation, at)),
    get stampNote(): string {
      return l10n.t('{0}: the UTC time SimSpace Weaver takes the snapshot', simSpaceWeaverStampPattern);
    },
  },
  explainError: explainSimSpaceWeaverError,
  restore: simSpaceWeaverRestore,
  delete: simSpaceWeaverDelete,
  getRestoredStatuses: getSimSpaceWeaverRestoredStatuses,
  regions,

  isOfferedIn: offeredIn(regions),

  // ListSimulations has only names and states: each simulation on the page is described for its details.
  async listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
    const out = await (
      await client(ctx)
    ).listSimulations(
      { MaxResults: clampPageSize(page.pageSize, 1, 100), NextToken: page.nextToken },
      { abortSignal: ctx.signal },
    );
    const simulations = (out.Simulations ?? []).filter((s) => s.Name);
    const described = await Promise.all(simulations.map((s) => describe(ctx, s.Name as string)));
    return {
      items: simulations.map((s, i) => toResource(s, described[i])),
      nextToken: out.NextToken || undefined,
    };
  },

  async getResource(ctx: AwsContext, id: string): Promise<Resource | undefined> {
    const described = await describe(ctx, id);
    return described ? toResource({ Name: id }, described) : undefined;
  },

  async listSnapshots(ctx: AwsContext, resource: Resource, _page: PageRequest): Promise<Page<Snapshot>> {
    const described = await describe(ctx, resource.id);
    const latest = described ? latestSnapshot(resource.id, described) : undefined;
    return { items: latest ? [latest] : [] };
  },

  listSnapshotsAt: listSimSpaceWeaverSnapshotsAt,

  // CreateSnapshot returns nothing: the snapshot's id is the object key we expect the service to write
  // (prefix/snapshot/<simulation>-YYMMdd-HHmm-ss.zip), and the status check recognises the real one by time.
  async createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot> {
    const bucket = requiredValue(input.values, 'BucketName');
    const prefix = input.values['ObjectKeyPrefix'] || undefined;
    const requestedAt = new Date();
    await (
      await client(ctx)
    ).createSnapshot(
      { Simulation: resource.id, Destination: { BucketName: bucket, ObjectKeyPrefix: prefix } },
      { abortSignal: ctx.signal },
    );
    const key = simSpaceWeaverSnapshotKey(prefix ?? '', resource.id, requestedAt);
    const id = s3Uri(bucket, key);
    return {
      service: ID,
      id,
      name: simSpaceWeaverSnapshotFile(resource.id, requestedAt),
      resourceId: resource.id,
      state: 'creating',
      status: 'SNAPSHOT_IN_PROGRESS',
      createdAt: requestedAt,
      details: details([
        [l10n.t('Destination'), s3Uri(bucket, prefix ?? '')],
        [l10n.t('Expected location'), id],
        [l10n.t('Simulation'), resource.id],
      ]),
    };
  },

  // One simulation: DescribeSimulation. Several: one ListSimulations (paged), then a DescribeSimulation (and HeadObject
  // of the object it names) only of those whose snapshot ended: a tick costs one listing plus the snapshots that just
  // ended, not one call per simulation in flight. A simulation, or snapshot object, that is gone leaves its refs out.
  async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
    const result = new Map<string, Snapshot>();
    const names = new Set(refs.map((r) => r.resourceId));
    const [only, ...others] = names;
    if (only === undefined) return result;
    const described =
      others.length === 0 ? new Map([[only, await describe(ctx, only)]]) : await describeEnded(ctx, names);
    const now = Date.now();
    for (const ref of refs) {
      const simulation = described.get(ref.resourceId);
      if (!simulation || snapshotGoneFor(simulation, ref)) continue;
      const status = simulation.Status ?? 'UNKNOWN';
      const latest = latestSnapshot(ref.resourceId, simulation);
      const expected = parseS3Uri(ref.snapshotId);
      const isOurs =
        latest?.createdAt !== undefined &&
        latest.createdAt.getTime() >= Math.floor(ref.requestedAt / 1000) * 1000 - CLOCK_SKEW_MS &&
        (expected === undefined || simulation.SnapshotS3Location?.BucketName === expected.bucket);
      // While it is written, DescribeSimulation already names the object AWS stamped (to the second it took it, which
      // may be a second after our request time): reported too, so the operation takes that name at once.
      if (latest && isOurs) {
        const writing = status === 'SNAPSHOT_IN_PROGRESS';
        result.set(ref.snapshotId, writing ? { ...latest, state: 'creating', status } : latest);
        continue;
      }
      const waiting =
        status === 'SNAPSHOT_IN_PROGRESS' || (status === 'STARTED' && now - ref.requestedAt < NO_SNAPSHOT_GRACE_MS);
      result.set(ref.snapshotId, {
        service: ID,
        id: ref.snapshotId,
        name: expected?.key.split('/').pop() || ref.snapshotId,
        resourceId: ref.resourceId,
        state: waiting ? 'creating' : 'failed',
        status,
        createdAt: new Date(ref.requestedAt),
        details: details([
          [l10n.t('Expected location'), ref.snapshotId],
          [l10n.t('Simulation'), ref.resourceId],
          [l10n.t('Simulation status'), status],
          [
            l10n.t('Problem'),
            waiting ? undefined : `the simulation is ${status.toLowerCase()} and recorded no new snapshot`,
          ],
        ]),
      });
    }
    return result;
  },

  consoleUrl(region: string, resource: Resource): string {
    return consoleHome(region, 'simspaceweaver', `#/simulations/${encodeURIComponent(resource.id)}`);
  },
  // A snapshot is an S3 object (its id is the s3:// location): the S3 console's page of that object.
  snapshotConsoleUrl(region: string, snapshot: Snapshot, resource: Resource): string {
    return s3ObjectConsoleUrl(region, snapshot.id) ?? simSpaceWeaverService.consoleUrl(region, resource);
  },
};
