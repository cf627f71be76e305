import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictException, ResourceNotFoundException } from '../../../src/aws/simspaceweaver/errors';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { parseS3Uri, snapshotKeyTime } from '../../../src/services/simSpaceWeaverSnapshots';
import { fakeAws } from './fakeAws';

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
    assert.equal(calls[0]?.kind, 'simSpaceWeaver');
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
    const { ctx, named } = fakeAws({ describeSimulation: () => described('city', state.status, state.key) });

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
    const started = fakeAws({ describeSimulation: () => described('city', 'STARTED', old) });
    assert.equal(
      (await svc.getSnapshotStatuses(started.ctx, [ref(expected, requestedAt)])).get(expected)?.state,
      'creating',
    );
    const late = requestedAt - 10 * 60_000;
    assert.equal((await svc.getSnapshotStatuses(started.ctx, [ref(expected, late)])).get(expected)?.state, 'failed');
    const stopped = fakeAws({ describeSimulation: () => described('city', 'STOPPED', old) });
    assert.equal(
      (await svc.getSnapshotStatuses(stopped.ctx, [ref(expected, requestedAt)])).get(expected)?.state,
      'failed',
    );
  });

  it('describes each simulation once for several refs and leaves out deleted simulations', async () => {
    const { ctx, named } = fakeAws({
      describeSimulation: (input) => {
        if (input.Simulation === 'gone') throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
        return described(String(input.Simulation), 'SNAPSHOT_IN_PROGRESS');
      },
    });
    const now = Date.now();
    const statuses = await svc.getSnapshotStatuses(ctx, [
      ref('s3://b/a', now),
      ref('s3://b/b', now),
      ref('s3://b/c', now, 'gone'),
    ]);
    assert.equal(named('describeSimulation').length, 2);
    assert.deepEqual([...statuses.keys()].sort(), ['s3://b/a', 's3://b/b']);
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
});
