import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ConflictException } from '@aws-sdk/client-neptune-graph';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import type { Resource } from '../../../src/services/service';
import { demoCount, type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

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

  it('lets a duplicate name fail with the SDK error class', async () => {
    const ctx = h.ctx('us-east-1');
    const graph = (await svc.getResource(ctx, 'g-cust0demo1')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, graph, { values: { snapshotName: 'customer-graph-2025-06-01' }, tags: [] }),
      ConflictException,
    );
  });
});
