import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictException, ResourceNotFoundException } from '../../../src/aws/simspaceweaver/errors';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { parseS3Uri, snapshotKeyTime } from '../../../src/services/simSpaceWeaverSnapshots';
import { fakeAws, pageOf } from './fakeAws';

const described = (name: string, status: string, snapshotKey?: string) => ({
  Name: name,
  Arn: `arn:aws:simspaceweaver:us-east-1:123456789012:simulation/${name}`,
  Status: status,
  MaximumDuration: '2D',
  SchemaS3Location: { BucketName: 'schemas', ObjectKey: 'schema.yaml' },
  SnapshotS3Location: snapshotKey ? { BucketName: 'snaps', ObjectKey: snapshotKey } : undefined,
  $metadata: {},
});

const resource = { id: 'city', name: 'city', service: 'simspaceweaver' } as Resource;

const ref = (snapshotId: string, requestedAt: number, resourceId = 'city'): SnapshotRef => ({
  service: 'simspaceweaver',
  profile: 'dev',
  region: 'us-east-1',
  resourceId,
  snapshotId,
  requestedAt,
});

/** The key the service writes for a snapshot taken at `date`. */
const keyAt = (date: Date, prefix = 'p') => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}`;
  return `${prefix}/snapshot/city-${stamp}.zip`;
};

describe('SimSpace Weaver service', () => {
  it('lists simulations and describes each for its details; snapshottable only when STARTED', async () => {
    const { ctx, calls, named } = fakeAws({
      listSimulations: () => ({
        Simulations: [
          { Name: 'city', Status: 'STARTED' },
          { Name: 'forest', Status: 'STOPPED' },
        ],
        NextToken: 'n2',
        $metadata: {},
      }),
      describeSimulation: (input) =>
        described(String(input.Simulation), input.Simulation === 'city' ? 'STARTED' : 'STOPPED'),
    });
    const page = await svc.listResources(ctx, { pageSize: 10, nextToken: 'n1' });
    assert.equal(calls[0]?.kind, 'simspaceweaver');
    assert.deepEqual(calls[0]?.input, { MaxResults: 10, NextToken: 'n1' });
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.equal(named('describeSimulation').length, 2);
    assert.equal(page.nextToken, 'n2');
    assert.equal(page.items[0]?.summary, 'max 2D');
    assert.deepEqual(page.items[0]?.snapshottable, { ok: true });
    assert.deepEqual(page.items[1]?.snapshottable, {
      ok: false,
      reason: 'simulation is stopped (a snapshot needs it started)',
    });
    assert.ok(page.items[0]?.details.some(([k, v]) => k === 'Schema' && v === 's3://schemas/schema.yaml'));
  });

  it('lists the latest snapshot location as the one snapshot, with the time from its key', async () => {
    const { ctx } = fakeAws({
      describeSimulation: () => described('city', 'STARTED', 'p/snapshot/city-240305-1422-09.zip'),
      HeadObjectCommand: () => ({}),
    });
    const page = await svc.listSnapshots(ctx, resource, {});
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]?.id, 's3://snaps/p/snapshot/city-240305-1422-09.zip');
    assert.equal(page.items[0]?.state, 'available');
    assert.equal(page.items[0]?.createdAt?.toISOString(), '2024-03-05T14:22:09.000Z');
    const none = fakeAws({ describeSimulation: () => described('city', 'STARTED') });
    assert.deepEqual((await svc.listSnapshots(none.ctx, resource, {})).items, []);
  });

  it('creates a snapshot to the destination and returns it creating, with the expected key as id', async () => {
    const { ctx, calls } = fakeAws({ createSnapshot: () => ({ $metadata: {} }) });
    const before = Date.now();
    const s = await svc.createSnapshot(ctx, resource, {
      values: { BucketName: 'snaps', ObjectKeyPrefix: 'p' },
      tags: [],
    });
    assert.deepEqual(calls[0]?.input, {
      Simulation: 'city',
      Destination: { BucketName: 'snaps', ObjectKeyPrefix: 'p' },
    });
    assert.equal(s.state, 'creating');
    const location = parseS3Uri(s.id);
    assert.equal(location?.bucket, 'snaps');
    assert.match(location?.key ?? '', /^p\/snapshot\/city-\d{6}-\d{4}-\d{2}\.zip$/);
    const stamped = snapshotKeyTime(location?.key ?? '')?.getTime() ?? 0;
    assert.ok(stamped >= Math.floor(before / 1000) * 1000 && stamped <= Date.now());
    const noPrefix = await svc.createSnapshot(ctx, resource, {
      values: { BucketName: 'snaps', ObjectKeyPrefix: '' },
      tags: [],
    });
    assert.deepEqual(calls[1]?.input, { Simulation: 'city', Destination: { BucketName: 'snaps' } });
    assert.match(noPrefix.id, /^s3:\/\/snaps\/snapshot\/city-/);
  });

  it('passes the service errors through as their classes', async () => {
    const { ctx } = fakeAws({
      createSnapshot: () => {
        throw new ConflictException({ message: 'busy', $metadata: {} });
      },
    });
    await assert.rejects(
      svc.createSnapshot(ctx, resource, { values: { BucketName: 'b' }, tags: [] }),
      ConflictException,
    );
  });

  it('tracks a snapshot: in progress is creating, then a newer location in the bucket is available', async () => {
    const requestedAt = Date.UTC(2024, 2, 5, 14, 22, 9, 500);
    const expected = `s3://snaps/${keyAt(new Date(requestedAt))}`;
    let state: { status: string; key?: string } = {
      status: 'SNAPSHOT_IN_PROGRESS',
      key: 'p/snapshot/city-240101-0000-00.zip',
    };
    const { ctx, named } = fakeAws({
      describeSimulation: () => described('city', state.status, state.key),
      HeadObjectCommand: () => ({}),
    });

    let s = (await svc.getSnapshotStatuses(ctx, [ref(expected, requestedAt)])).get(expected);
    assert.equal(s?.state, 'creating');

    state = { status: 'STARTED', key: keyAt(new Date(requestedAt + 3000)) };
    s = (await svc.getSnapshotStatuses(ctx, [ref(expected, requestedAt)])).get(expected);
    assert.equal(s?.state, 'available');
    assert.equal(s?.id, `s3://snaps/${keyAt(new Date(requestedAt + 3000))}`);
    assert.equal(named('describeSimulation').length, 2);
  });

  it('does not take an older snapshot for ours; fails when the simulation stops or no snapshot appears', async () => {
    const requestedAt = Date.now();
    const expected = `s3://snaps/${keyAt(new Date(requestedAt))}`;
    const old = keyAt(new Date(requestedAt - 3_600_000));
    const started = fakeAws({
      describeSimulation: () => described('city', 'STARTED', old),
      HeadObjectCommand: () => ({}),
    });
    assert.equal(
      (await svc.getSnapshotStatuses(started.ctx, [ref(expected, requestedAt)])).get(expected)?.state,
      'creating',
    );
    const late = requestedAt - 10 * 60_000;
    assert.equal((await svc.getSnapshotStatuses(started.ctx, [ref(expected, late)])).get(expected)?.state, 'failed');
    const stopped = fakeAws({
      describeSimulation: () => described('city', 'STOPPED', old),
      HeadObjectCommand: () => ({}),
    });
    assert.equal(
      (await svc.getSnapshotStatuses(stopped.ctx, [ref(expected, requestedAt)])).get(expected)?.state,
      'failed',
    );
  });

  it('reads a single simulation with one DescribeSimulation and leaves it out when it is gone', async () => {
    const { ctx, calls } = fakeAws({
      describeSimulation: (input) => {
        if (input.Simulation === 'gone') throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
        return described(String(input.Simulation), 'SNAPSHOT_IN_PROGRESS');
      },
    });
    const now = Date.now();
    const one = await svc.getSnapshotStatuses(ctx, [ref('s3://b/a', now), ref('s3://b/b', now)]);
    assert.deepEqual(
      calls.map((c) => [c.name, c.input]),
      [['describeSimulation', { Simulation: 'city' }]],
    );
    assert.deepEqual([...one.keys()].sort(), ['s3://b/a', 's3://b/b']);
    assert.equal((await svc.getSnapshotStatuses(ctx, [ref('s3://b/c', now, 'gone')])).size, 0);
    assert.equal((await svc.getSnapshotStatuses(ctx, [])).size, 0);
    assert.equal(calls.length, 2, 'no call for no refs');
  });

  it('reads 100 simulations with one ListSimulations, describing only those whose snapshot ended', async () => {
    const requestedAt = Date.UTC(2024, 2, 5, 14, 22, 9);
    const names = Array.from({ length: 100 }, (_, i) => `sim-${i}`);
    // Three have finished: two wrote a new snapshot, one stopped without one.
    const ended: Record<string, { status: string; key?: string }> = {
      'sim-7': { status: 'STARTED', key: keyAt(new Date(requestedAt + 2000)) },
      'sim-42': { status: 'STARTED', key: keyAt(new Date(requestedAt + 5000)) },
      'sim-99': { status: 'STOPPED', key: keyAt(new Date(requestedAt - 86_400_000)) },
    };
    const listing = [...names, 'not-ours-1', 'not-ours-2'].map((name) => ({
      Name: name,
      Status: ended[name]?.status ?? 'SNAPSHOT_IN_PROGRESS',
    }));
    const { ctx, calls, named } = fakeAws({
      listSimulations: (input) => {
        const page = pageOf(listing, input.NextToken, input.MaxResults);
        return { Simulations: page.items, NextToken: page.next };
      },
      describeSimulation: (input) => {
        const name = String(input.Simulation);
        return described(name, ended[name]?.status ?? 'SNAPSHOT_IN_PROGRESS', ended[name]?.key);
      },
      HeadObjectCommand: () => ({}),
    });
    const refs = names.map((n) => ref(`s3://snaps/p/snapshot/${n}.zip`, requestedAt, n));
    const statuses = await svc.getSnapshotStatuses(ctx, refs);
    assert.equal(named('listSimulations').length, 1, 'every simulation is on the first page of 100');
    assert.deepEqual(named('listSimulations')[0]?.input, { MaxResults: 100 });
    assert.deepEqual(
      named('describeSimulation')
        .map((c) => c.input.Simulation)
        .sort(),
      ['sim-42', 'sim-7', 'sim-99'],
    );
    assert.equal(named('HeadObjectCommand').length, 3, 'and a HeadObject of the object each names');
    assert.equal(calls.length, 7);
    assert.equal(statuses.size, 100);
    assert.equal(statuses.get(refs[0]?.snapshotId ?? '')?.state, 'creating');
    assert.equal(statuses.get(refs[0]?.snapshotId ?? '')?.status, 'SNAPSHOT_IN_PROGRESS');
    assert.equal(statuses.get(refs[7]?.snapshotId ?? '')?.state, 'available');
    assert.equal(statuses.get(refs[7]?.snapshotId ?? '')?.id, `s3://snaps/${ended['sim-7']?.key}`);
    assert.equal(statuses.get(refs[42]?.snapshotId ?? '')?.state, 'available');
    assert.equal(statuses.get(refs[99]?.snapshotId ?? '')?.state, 'failed', 'stopped with only an older snapshot');
  });

  it('pages ListSimulations only until every simulation is seen; a simulation not listed is left out', async () => {
    const listing = Array.from({ length: 250 }, (_, i) => ({ Name: `sim-${i}`, Status: 'SNAPSHOT_IN_PROGRESS' }));
    const { ctx, named } = fakeAws({
      listSimulations: (input) => {
        const page = pageOf(listing, input.NextToken, input.MaxResults);
        return { Simulations: page.items, NextToken: page.next };
      },
    });
    const now = Date.now();
    const early = await svc.getSnapshotStatuses(ctx, [ref('s3://b/1', now, 'sim-1'), ref('s3://b/2', now, 'sim-120')]);
    assert.equal(named('listSimulations').length, 2);
    assert.equal(named('listSimulations')[1]?.input.NextToken, '100');
    assert.equal(early.size, 2);
    const missing = await svc.getSnapshotStatuses(ctx, [ref('s3://b/1', now, 'sim-1'), ref('s3://b/x', now, 'gone')]);
    assert.equal(named('listSimulations').length, 2 + 3, 'a missing simulation reads to the last page');
    assert.deepEqual([...missing.keys()], ['s3://b/1']);
  });

  it('is offered only where AWS offered SimSpace Weaver', () => {
    for (const r of [
      'us-east-1',
      'us-east-2',
      'us-west-2',
      'eu-central-1',
      'eu-west-1',
      'ap-southeast-1',
      'ap-southeast-2',
      'eu-north-1',
    ]) {
      assert.equal(svc.isOfferedIn(r), true, r);
    }
    assert.equal(svc.isOfferedIn('eu-west-2'), false);
    assert.equal(svc.isOfferedIn('ap-northeast-1'), false);
  });

  it('listed and found simulations carry the snapshot DescribeSimulation returned, as listSnapshots shows it', async () => {
    const key = 'p/snapshot/city-240305-1422-09.zip';
    const { ctx, named } = fakeAws({
      listSimulations: () => ({
        Simulations: [
          { Name: 'city', Status: 'STARTED' },
          { Name: 'forest', Status: 'STOPPED' },
          { Name: 'gone', Status: 'DELETING' },
        ],
        $metadata: {},
      }),
      describeSimulation: (input) => {
        if (input.Simulation === 'gone') throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
        return described(String(input.Simulation), 'STARTED', input.Simulation === 'city' ? key : undefined);
      },
      HeadObjectCommand: () => ({}),
    });
    const [city, forest, gone] = (await svc.listResources(ctx, {})).items;
    const describes = named('describeSimulation').length;
    assert.deepEqual(city?.knownSnapshots, (await svc.listSnapshots(ctx, resource, {})).items);
    assert.equal(city?.knownSnapshots?.[0]?.id, `s3://snaps/${key}`);
    assert.deepEqual(forest?.knownSnapshots, [], 'described without a snapshot: known to have none');
    assert.equal(gone?.knownSnapshots, undefined, 'not described: the tree asks');
    assert.equal(
      named('describeSimulation').length,
      describes + 1,
      'listSnapshots describes again (the tree need not)',
    );
    assert.deepEqual((await svc.getResource(ctx, 'city'))?.knownSnapshots, city?.knownSnapshots);
  });
});
