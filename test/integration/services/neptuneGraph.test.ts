import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ConflictException } from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { batchAsListed, demoCount, type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const ref = (region: string, snapshotId: string, resourceId = ''): SnapshotRef => ({
  service: svc.id,
  profile: 'demo',
  region,
  resourceId,
  snapshotId,
  requestedAt: Date.now(),
});

describe('Neptune Analytics against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists the demo graphs with their memory and snapshottability', async () => {
    const page = await svc.listResources(h.ctx('us-east-1'), {});
    assert.deepEqual(page.items.map((g) => g.id).sort(), ['g-cust0demo1', 'g-frau0demo2', 'g-reco0demo3']);
    const customer = page.items.find((g) => g.id === 'g-cust0demo1') as Resource;
    assert.equal(customer.name, 'customer-graph');
    assert.equal(customer.summary, '128 m-NCU · 1 replica');
    assert.equal(page.items.find((g) => g.id === 'g-reco0demo3')?.snapshottable.ok, false);
  });

  it('pages through the 200+ graphs of eu-west-1, each exactly once', async () => {
    const expected = demoCount('eu-west-1', 'neptuneGraphs', 'neptuneGraphs');
    assert.ok(expected > 200);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await svc.listResources(h.ctx('eu-west-1'), { pageSize: 60, nextToken: token });
      assert.ok(page.items.length <= 60);
      ids.push(...page.items.map((g) => g.id));
      token = page.nextToken;
    } while (token);
    assert.equal(ids.length, expected);
    assert.equal(new Set(ids).size, expected);
  });

  it('lists a graph snapshots newest first, and finds or misses a graph by id', async () => {
    const graph = (await svc.getResource(h.ctx('us-east-1'), 'g-cust0demo1')) as Resource;
    assert.equal(graph.name, 'customer-graph');
    assert.equal(graph.createdAt?.toISOString(), '2025-03-10T09:00:00.000Z');
    assert.equal(await svc.getResource(h.ctx('us-east-1'), 'g-zzzzzzzzzz'), undefined);
    const snaps = await svc.listSnapshots(h.ctx('us-east-1'), graph, {});
    assert.deepEqual(
      snaps.items.map((s) => s.id),
      ['gs-cust0snap2', 'gs-cust0snap1'],
    );
    assert.ok(snaps.items.every((s) => s.resourceId === 'g-cust0demo1'));
  });

  it('creates a snapshot that goes from creating to available', async () => {
    const ctx = h.ctx('us-east-1');
    const graph = (await svc.getResource(ctx, 'g-frau0demo2')) as Resource;
    const created = await svc.createSnapshot(ctx, graph, {
      values: { snapshotName: 'it-fraud-1' },
      tags: [{ key: 'team', value: 'qa' }],
    });
    assert.equal(created.state, 'creating');
    assert.equal(created.name, 'it-fraud-1');
    const ref = {
      service: svc.id,
      profile: 'demo',
      region: 'us-east-1',
      resourceId: graph.id,
      snapshotId: created.id,
      requestedAt: Date.now(),
    };
    const done = await pollUntil(
      () => svc.getSnapshotStatuses(ctx, [ref]),
      (m) => m.get(created.id)?.state === 'available',
    );
    assert.equal(done.get(created.id)?.status, 'AVAILABLE');
    const calls = (await h.calls()).filter((c) => c.operation === 'CreateGraphSnapshot');
    assert.equal(calls.length, 1);
  });

  it("reads a snapshot's tags with one ListTagsForResource (none while listing): seeded and new ones", async () => {
    const ctx = h.ctx('us-east-1');
    const graph = (await svc.getResource(ctx, 'g-frau0demo2')) as Resource;
    const [seeded] = (await svc.listSnapshots(ctx, graph, {})).items;
    assert.equal(seeded?.tags, undefined, 'ListGraphSnapshots returns no tags');
    assert.deepEqual(await svc.snapshotTags?.(ctx, seeded!), [{ key: 'team', value: 'risk' }]);
    const created = await svc.createSnapshot(ctx, graph, {
      values: { snapshotName: 'it-tags-1' },
      tags: [
        { key: 'team', value: 'qa' },
        { key: 'env', value: 'test' },
      ],
    });
    assert.deepEqual(await svc.snapshotTags?.(ctx, created), [
      { key: 'team', value: 'qa' },
      { key: 'env', value: 'test' },
    ]);
    assert.equal((await h.calls()).filter((c) => c.operation === 'ListTagsForResource').length, 2);
  });

  it("refuses a tag key starting with 'aws:' with ValidationException, as the API reference's pattern says", async () => {
    const ctx = h.ctx('us-east-1');
    const graph = (await svc.getResource(ctx, 'g-cust0demo1')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, graph, {
        values: { snapshotName: 'it-aws-tag' },
        tags: [{ key: 'aws:owner', value: 'me' }],
      }),
      (error: Error) => error.name === 'ValidationException' && /aws:owner/.test(error.message),
    );
  });

  it('lets a duplicate name fail with the SDK error class', async () => {
    const ctx = h.ctx('us-east-1');
    const graph = (await svc.getResource(ctx, 'g-cust0demo1')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, graph, { values: { snapshotName: 'customer-graph-2025-06-01' }, tags: [] }),
      ConflictException,
    );
  });
  it('reads many snapshots of a region with one listing, paging only until all are found', async () => {
    // eu-west-1 holds 206 snapshots (1 seeded, then gs-bulk000001…205): pages of 100.
    const ctx = h.ctx('eu-west-1');
    const count = async (operation: string) => (await h.calls()).filter((c) => c.operation === operation).length;
    const firstPage = Array.from({ length: 10 }, (_, i) =>
      ref('eu-west-1', `gs-bulk${String(i + 1).padStart(6, '0')}`),
    );
    const early = await svc.getSnapshotStatuses(ctx, firstPage);
    assert.equal(early.size, 10);
    assert.ok([...early.values()].every((s) => s.state === 'available' && s.resourceId.startsWith('g-bulk')));
    assert.equal(await count('ListGraphSnapshots'), 1, 'all ten are on the first page');
    assert.equal(await count('GetGraphSnapshot'), 0);
    await h.reset();
    const spread = await svc.getSnapshotStatuses(ctx, [...firstPage, ref('eu-west-1', 'gs-bulk000150')]);
    assert.equal(spread.size, 11);
    assert.equal(await count('ListGraphSnapshots'), 2);
    await h.reset();
    const missing = await svc.getSnapshotStatuses(ctx, [
      firstPage[0] as SnapshotRef,
      ref('eu-west-1', 'gs-zzzzzzzzzz'),
    ]);
    assert.deepEqual([...missing.keys()], ['gs-bulk000001'], 'a snapshot that does not exist is left out');
    assert.equal(await count('ListGraphSnapshots'), 3, 'looking for it reads every page once');
  });

  it('tracks two new snapshots on two graphs with one ListGraphSnapshots per poll', async () => {
    const ctx = h.ctx('us-east-1');
    const created = [];
    for (const id of ['g-cust0demo1', 'g-frau0demo2']) {
      const graph = (await svc.getResource(ctx, id)) as Resource;
      created.push(
        await svc.createSnapshot(ctx, graph, { values: { snapshotName: `it-two-${id.slice(2, 6)}` }, tags: [] }),
      );
    }
    const before = (await h.calls()).length; // (a reset would also drop the new snapshots)
    let polls = 0;
    const refs = created.map((s) => ref('us-east-1', s.id, s.resourceId));
    const done = await pollUntil(
      () => (polls++, svc.getSnapshotStatuses(ctx, refs)),
      (m) => m.size === 2 && [...m.values()].every((s) => s.state === 'available'),
    );
    assert.deepEqual(
      created.map((s) => done.get(s.id)?.resourceId),
      ['g-cust0demo1', 'g-frau0demo2'],
    );
    const calls = (await h.calls()).slice(before);
    assert.equal(calls.filter((c) => c.operation === 'ListGraphSnapshots').length, polls);
    assert.equal(calls.length, polls, 'nothing else is called');
  });

  it('lists the snapshots of every graph of a region in one call, per graph the same as listSnapshots', async () => {
    const ctx = h.ctx('us-east-1');
    const graphs = (await svc.listResources(ctx, {})).items;
    const answer = await batchAsListed(h, svc, ctx, graphs, 'ListGraphSnapshots');
    assert.deepEqual([...answer.keys()].sort(), ['g-cust0demo1', 'g-frau0demo2', 'g-reco0demo3']);
  });

  it('answers undefined for a region whose snapshots take more than one page', async () => {
    const ctx = h.ctx('eu-west-1');
    const graphs = (await svc.listResources(ctx, { pageSize: 10 })).items;
    assert.equal(await svc.batchSnapshots?.list(ctx, graphs), undefined);
    assert.deepEqual(await operations(h), ['ListGraphs', 'ListGraphSnapshots']);
  });
});
