import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceNotFoundException, ThrottlingException } from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { byId, fakeAws, pageOf } from './fakeAws';

const graph = (id: string, status = 'AVAILABLE') => ({
  id,
  name: `name-${id}`,
  arn: `arn:aws:neptune-graph:us-east-1:123456789012:graph/${id}`,
  status,
  provisionedMemory: 128,
  replicaCount: 1,
});

const resource = { id: 'g-0123456789', name: 'g', service: 'neptune-graph' } as Resource;

const statusRef = (snapshotId: string, resourceId = 'g-0123456789'): SnapshotRef => ({
  service: 'neptune-graph',
  profile: 'dev',
  region: 'us-east-1',
  resourceId,
  snapshotId,
  requestedAt: 0,
});

describe('Neptune Analytics service', () => {
  it('lists graphs with the page token and size, mapping memory, replicas and snapshottability', async () => {
    const { ctx, calls } = fakeAws({
      ListGraphsCommand: () => ({
        graphs: [graph('g-aaaaaaaaaa'), graph('g-bbbbbbbbbb', 'SNAPSHOTTING')],
        nextToken: 'n2',
      }),
    });
    const page = await svc.listResources(ctx, { nextToken: 'n1', pageSize: 500 });
    assert.deepEqual(calls[0]?.input, { nextToken: 'n1', maxResults: 100 });
    assert.equal(calls[0]?.kind, 'neptune-graph');
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.equal(page.nextToken, 'n2');
    assert.equal(page.items[0]?.id, 'g-aaaaaaaaaa');
    assert.equal(page.items[0]?.name, 'name-g-aaaaaaaaaa');
    assert.equal(page.items[0]?.summary, '128 m-NCU · 1 replica');
    assert.deepEqual(page.items[0]?.snapshottable, { ok: true });
    assert.equal(page.items[1]?.snapshottable.ok, false);
    assert.match((page.items[1]?.snapshottable as { reason: string }).reason, /already in progress/);
  });

  it('omits an empty next token and bounds a tiny page size to 1', async () => {
    const { ctx, calls } = fakeAws({ ListGraphsCommand: () => ({ graphs: [], nextToken: '' }) });
    const page = await svc.listResources(ctx, { pageSize: 0 });
    assert.equal(calls[0]?.input.maxResults, 1);
    assert.equal(page.nextToken, undefined);
  });

  it('getResource returns undefined for a missing graph and rethrows other errors', async () => {
    const missing = fakeAws({
      GetGraphCommand: () => {
        throw new ResourceNotFoundException({ message: 'no such graph', $metadata: {} });
      },
    });
    assert.equal(await svc.getResource(missing.ctx, 'g-zzzzzzzzzz'), undefined);
    assert.deepEqual(missing.calls[0]?.input, { graphIdentifier: 'g-zzzzzzzzzz' });
    const throttled = fakeAws({
      GetGraphCommand: () => {
        throw new ThrottlingException({ message: 'slow down', $metadata: {} });
      },
    });
    await assert.rejects(svc.getResource(throttled.ctx, 'g-zzzzzzzzzz'), ThrottlingException);
  });

  it('lists snapshots of one graph, newest first, with states mapped', async () => {
    const { ctx, calls } = fakeAws({
      ListGraphSnapshotsCommand: () => ({
        graphSnapshots: [
          {
            id: 'gs-1',
            name: 'old',
            arn: 'a1',
            status: 'AVAILABLE',
            snapshotCreateTime: new Date('2024-01-01T00:00:00Z'),
          },
          {
            id: 'gs-2',
            name: 'new',
            arn: 'a2',
            status: 'CREATING',
            snapshotCreateTime: new Date('2024-06-01T00:00:00Z'),
          },
          { id: 'gs-3', name: 'bad', arn: 'a3', status: 'FAILED' },
        ],
      }),
    });
    const page = await svc.listSnapshots(ctx, resource, { pageSize: 10 });
    assert.deepEqual(calls[0]?.input, { graphIdentifier: 'g-0123456789', maxResults: 10 });
    assert.deepEqual(
      page.items.map((s) => [s.id, s.state]),
      [
        ['gs-2', 'creating'],
        ['gs-1', 'available'],
        ['gs-3', 'failed'],
      ],
    );
    assert.equal(page.items[0]?.resourceId, 'g-0123456789');
  });

  it('creates a snapshot with the name and a tag map (no tags member when there are none)', async () => {
    const { ctx, calls } = fakeAws({
      CreateGraphSnapshotCommand: (input) => ({ id: 'gs-9', name: input.snapshotName, arn: 'arn', status: 'CREATING' }),
    });
    const snap = await svc.createSnapshot(ctx, resource, {
      values: { snapshotName: 'nightly-1' },
      tags: [
        { key: 'team', value: 'graph' },
        { key: 'env', value: '' },
      ],
    });
    assert.deepEqual(calls[0]?.input, {
      graphIdentifier: 'g-0123456789',
      snapshotName: 'nightly-1',
      tags: { team: 'graph', env: '' },
    });
    assert.equal(snap.id, 'gs-9');
    assert.equal(snap.state, 'creating');
    await svc.createSnapshot(ctx, resource, { values: { snapshotName: 'n2' }, tags: [] });
    assert.deepEqual(calls[1]?.input, { graphIdentifier: 'g-0123456789', snapshotName: 'n2' });
  });

  it('reads a single snapshot with one GetGraphSnapshot, absent when gone, rethrowing other errors', async () => {
    const { ctx, calls } = fakeAws({
      GetGraphSnapshotCommand: (input) => {
        if (input.snapshotIdentifier === 'gs-gone')
          throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
        return { id: input.snapshotIdentifier, name: 'n', arn: 'a', status: 'CREATING' };
      },
    });
    const one = await svc.getSnapshotStatuses(ctx, [statusRef('gs-1'), statusRef('gs-1')]);
    assert.deepEqual(
      calls.map((c) => [c.name, c.input]),
      [['GetGraphSnapshotCommand', { snapshotIdentifier: 'gs-1' }]],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.equal(one.get('gs-1')?.state, 'creating');
    assert.equal(one.get('gs-1')?.resourceId, 'g-0123456789', 'the graph comes from the ref when the answer lacks it');
    assert.equal((await svc.getSnapshotStatuses(ctx, [statusRef('gs-gone')])).size, 0);
    assert.equal((await svc.getSnapshotStatuses(ctx, [])).size, 0);
    assert.equal(calls.length, 2, 'no call for no refs');
    const throttled = fakeAws({
      GetGraphSnapshotCommand: () => {
        throw new ThrottlingException({ message: 'slow down', $metadata: {} });
      },
    });
    await assert.rejects(svc.getSnapshotStatuses(throttled.ctx, [statusRef('gs-1')]), ThrottlingException);
  });

  it('reads 100 snapshots over 26 graphs with the region-wide listing: 2 calls, not 100', async () => {
    // 130 snapshots in the region: ours are spread over 26 graphs and interleaved with others'.
    const region = Array.from({ length: 130 }, (_, i) => ({
      id: `gs-${String(i).padStart(3, '0')}`,
      name: `s${i}`,
      arn: `a${i}`,
      status: i % 3 === 0 ? 'AVAILABLE' : 'CREATING',
      sourceGraphId: `g-${String(i % 26).padStart(10, '0')}`,
    }));
    const ours = region.filter((_, i) => i % 5 !== 2).slice(0, 100);
    assert.equal(new Set(ours.map((s) => s.sourceGraphId)).size, 26);
    const { ctx, calls, named } = fakeAws({
      ListGraphSnapshotsCommand: (input) => {
        const page = pageOf(region, input.nextToken, input.maxResults);
        return { graphSnapshots: page.items, nextToken: page.next };
      },
    });
    const statuses = await svc.getSnapshotStatuses(
      ctx,
      ours.map((s) => statusRef(s.id, s.sourceGraphId)),
    );
    assert.equal(calls.length, named('ListGraphSnapshotsCommand').length);
    assert.ok(calls.length >= 1 && calls.length <= 2, `${calls.length} calls`);
    assert.deepEqual(calls[0]?.input, { maxResults: 100 }, 'no graphIdentifier: the whole region');
    assert.equal(calls[1]?.input.nextToken, '100');
    assert.equal(statuses.size, 100);
    for (const s of ours) {
      assert.equal(statuses.get(s.id)?.resourceId, s.sourceGraphId);
      assert.equal(statuses.get(s.id)?.state, s.status === 'AVAILABLE' ? 'available' : 'creating');
    }
  });

  it('stops listing once every wanted snapshot is seen, and leaves out the ones never seen', async () => {
    const region = Array.from({ length: 250 }, (_, i) => ({ id: `gs-${i}`, name: `s${i}`, status: 'CREATING' }));
    const { ctx, named } = fakeAws({
      ListGraphSnapshotsCommand: (input) => {
        const page = pageOf(region, input.nextToken, input.maxResults);
        return { graphSnapshots: page.items, nextToken: page.next };
      },
    });
    const early = await svc.getSnapshotStatuses(ctx, [statusRef('gs-3'), statusRef('gs-98')]);
    assert.equal(named('ListGraphSnapshotsCommand').length, 1, 'both are on the first page');
    assert.deepEqual([...early.keys()].sort(), ['gs-3', 'gs-98']);
    const missing = await svc.getSnapshotStatuses(ctx, [statusRef('gs-3'), statusRef('gs-gone')]);
    assert.equal(named('ListGraphSnapshotsCommand').length, 1 + 3, 'a missing one reads to the last page');
    assert.deepEqual([...missing.keys()], ['gs-3']);
  });

  it('is offered only in the Neptune Analytics regions and links to the console of the region', () => {
    assert.equal(svc.isOfferedIn('us-east-1'), true);
    assert.equal(svc.isOfferedIn('sa-east-1'), false);
    assert.match(
      svc.consoleUrl('eu-west-1', resource),
      /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/neptune\/home\?region=eu-west-1#/,
    );
  });

  it('lists the snapshots of every graph of the region in one ListGraphSnapshots without a graph', async () => {
    const region = [
      { id: 'gs-1', name: 'a', status: 'AVAILABLE', sourceGraphId: 'g-1', snapshotCreateTime: new Date('2024-01-01') },
      { id: 'gs-2', name: 'b', status: 'CREATING', sourceGraphId: 'g-2' },
      { id: 'gs-3', name: 'c', status: 'AVAILABLE', sourceGraphId: 'g-1', snapshotCreateTime: new Date('2024-05-01') },
      { id: 'gs-4', name: 'orphan', status: 'AVAILABLE' },
    ];
    const { ctx, calls } = fakeAws({
      ListGraphSnapshotsCommand: (input) => ({
        graphSnapshots: region.filter((s) => !input.graphIdentifier || s.sourceGraphId === input.graphIdentifier),
      }),
    });
    const batch = svc.batchSnapshots;
    assert.equal(batch?.covers, 'region');
    const answer = await batch.list(ctx, [{ ...resource, id: 'g-1' }]);
    assert.deepEqual(
      calls.map((c) => [c.kind, c.name, c.input]),
      [['neptune-graph', 'ListGraphSnapshotsCommand', { maxResults: 100 }]],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.deepEqual([...(answer?.keys() ?? [])].sort(), ['g-1', 'g-2'], 'by source graph; one without is left out');
    for (const graphId of ['g-1', 'g-2']) {
      const listed = await svc.listSnapshots(ctx, { ...resource, id: graphId }, { pageSize: 100 });
      assert.deepEqual(byId(answer?.get(graphId)), byId(listed.items), `${graphId}: as listSnapshots maps them`);
    }
  });

  it('answers undefined when the region does not fit one page (a next token)', async () => {
    const { ctx } = fakeAws({
      ListGraphSnapshotsCommand: () => ({
        graphSnapshots: [{ id: 'gs-1', name: 'a', status: 'AVAILABLE', sourceGraphId: 'g-1' }],
        nextToken: 'more',
      }),
    });
    assert.equal(await svc.batchSnapshots?.list(ctx, [resource]), undefined);
    const empty = fakeAws({ ListGraphSnapshotsCommand: () => ({ graphSnapshots: [], nextToken: '' }) });
    assert.deepEqual(await svc.batchSnapshots?.list(empty.ctx, [resource]), new Map(), 'an empty token is no page');
  });
});
