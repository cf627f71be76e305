import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DBClusterSnapshotAlreadyExistsFault, InvalidDBClusterStateFault } from '@aws-sdk/client-docdb';
import { docdbService as svc } from '../../../src/services/docdb';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { batchAsListed, demoCount, type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const ref = (snapshotId: string): SnapshotRef => ({
  service: svc.id,
  profile: 'demo',
  region: 'eu-west-1',
  resourceId: '',
  snapshotId,
  requestedAt: Date.now(),
});

describe('DocumentDB against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists only docdb clusters (not the neptune or aurora ones of the same API)', async () => {
    const page = await svc.listResources(h.ctx('us-east-1'), {});
    assert.deepEqual(page.items.map((c) => c.id).sort(), ['analytics-docdb', 'catalog-dev', 'orders-prod']);
    const orders = page.items.find((c) => c.id === 'orders-prod') as Resource;
    assert.match(orders.summary, /^docdb 5\.0\.0 · \d+ instances?$/);
    assert.deepEqual(orders.snapshottable, { ok: true });
    assert.equal(page.items.find((c) => c.id === 'analytics-docdb')?.snapshottable.ok, false);
    assert.equal(await svc.getResource(h.ctx('us-east-1'), 'social-neptune'), undefined);
    assert.equal(await svc.getResource(h.ctx('us-east-1'), 'no-such-cluster'), undefined);
  });

  it('pages through the 200+ clusters of eu-west-1 by marker, each exactly once', async () => {
    const expected = demoCount('eu-west-1', 'docdbClusters', 'docdbClusters', (c) => c.engine !== 'neptune');
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await svc.listResources(h.ctx('eu-west-1'), { pageSize: 30, nextToken: token });
      ids.push(...page.items.map((c) => c.id));
      token = page.nextToken;
    } while (token);
    assert.equal(ids.length, expected);
    assert.equal(new Set(ids).size, expected);
  });

  it('lists a cluster snapshots newest first', async () => {
    const orders = (await svc.getResource(h.ctx('us-east-1'), 'orders-prod')) as Resource;
    const page = await svc.listSnapshots(h.ctx('us-east-1'), orders, {});
    assert.deepEqual(
      page.items.map((s) => s.id),
      ['rds:orders-prod-2025-07-20-03-00', 'orders-prod-before-upgrade'],
    );
  });

  it("reads a cluster snapshot's tags with ListTagsForResource on its ARN", async () => {
    const ctx = h.ctx('us-east-1');
    const orders = (await svc.getResource(ctx, 'orders-prod')) as Resource;
    const page = await svc.listSnapshots(ctx, orders, {});
    const manual = page.items.find((s) => s.id === 'orders-prod-before-upgrade');
    assert.ok(manual && manual.tags === undefined, 'DescribeDBClusterSnapshots returns no tags');
    assert.deepEqual(await svc.snapshotTags?.(ctx, manual), [{ key: 'purpose', value: 'upgrade' }]);
    const automated = page.items.find((s) => s.id.startsWith('rds:'));
    assert.deepEqual(await svc.snapshotTags?.(ctx, automated!), []);
    const calls = (await h.calls()).filter((c) => c.operation === 'ListTagsForResource');
    assert.deepEqual(
      calls.map((c) => [c.service, c.status]),
      [
        ['docdb', 200],
        ['docdb', 200],
      ],
    );
  });

  it('creates two snapshots (identifier lowercased) and tracks both to available', async () => {
    const ctx = h.ctx('us-east-1');
    const orders = (await svc.getResource(ctx, 'orders-prod')) as Resource;
    const catalog = (await svc.getResource(ctx, 'catalog-dev')) as Resource;
    const a = await svc.createSnapshot(ctx, orders, {
      values: { DBClusterSnapshotIdentifier: 'IT-Orders-A' },
      tags: [],
    });
    const b = await svc.createSnapshot(ctx, catalog, {
      values: { DBClusterSnapshotIdentifier: 'it-catalog-b' },
      tags: [{ key: 'team', value: 'qa' }],
    });
    assert.equal(a.id, 'it-orders-a');
    assert.equal(a.state, 'creating');
    const refs: SnapshotRef[] = [a, b].map((s) => ({
      service: svc.id,
      profile: 'demo',
      region: 'us-east-1',
      resourceId: s.resourceId,
      snapshotId: s.id,
      requestedAt: Date.now(),
    }));
    const before = (await h.calls()).length;
    let polls = 0;
    const done = await pollUntil(
      () => (polls++, svc.getSnapshotStatuses(ctx, refs)),
      (m) => m.size === 2 && [...m.values()].every((s) => s.state === 'available'),
    );
    assert.equal(done.get('it-orders-a')?.progress, 100);
    const calls = (await h.calls()).slice(before);
    assert.equal(calls.length, polls, 'one region-wide DescribeDBClusterSnapshots per poll for both clusters');
    assert.ok(calls.every((c) => c.operation === 'DescribeDBClusterSnapshots'));
  });

  it('reads many snapshots of a region with one manual listing, paging only until all are found', async () => {
    // eu-west-1 holds 200+ manual snapshots (bulk-docdb-snapshot-0001…0205 after the seeded ones): pages of 100.
    const ctx = h.ctx('eu-west-1');
    const count = async () => (await h.calls()).filter((c) => c.operation === 'DescribeDBClusterSnapshots').length;
    const firstPage = Array.from({ length: 10 }, (_, i) =>
      ref(`bulk-docdb-snapshot-${String(i + 1).padStart(4, '0')}`),
    );
    const early = await svc.getSnapshotStatuses(ctx, firstPage);
    assert.equal(early.size, 10);
    assert.ok([...early.values()].every((s) => s.state === 'available' && s.resourceId.startsWith('bulk-docdb-')));
    assert.equal(await count(), 1, 'all ten are on the first page');
    await h.reset();
    const spread = await svc.getSnapshotStatuses(ctx, [...firstPage, ref('BULK-DOCDB-SNAPSHOT-0150')]);
    assert.equal(spread.get('BULK-DOCDB-SNAPSHOT-0150')?.id, 'bulk-docdb-snapshot-0150');
    assert.equal(await count(), 2);
    await h.reset();
    const missing = await svc.getSnapshotStatuses(ctx, [firstPage[0] as SnapshotRef, ref('no-such-snapshot')]);
    assert.deepEqual([...missing.keys()], ['bulk-docdb-snapshot-0001'], 'a snapshot that does not exist is left out');
    assert.equal(await count(), 3, 'looking for it reads every page once');
  });

  it('lets a taken identifier and a cluster that is not available fail with the SDK error classes', async () => {
    const ctx = h.ctx('us-east-1');
    const orders = (await svc.getResource(ctx, 'orders-prod')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, orders, {
        values: { DBClusterSnapshotIdentifier: 'orders-prod-before-upgrade' },
        tags: [],
      }),
      DBClusterSnapshotAlreadyExistsFault,
    );
    const analytics = (await svc.getResource(ctx, 'analytics-docdb')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, analytics, { values: { DBClusterSnapshotIdentifier: 'it-analytics' }, tags: [] }),
      InvalidDBClusterStateFault,
    );
  });

  it('lists the automated and manual snapshots of every cluster in one call, the same as listSnapshots', async () => {
    const ctx = h.ctx('us-east-1');
    const clusters = (await svc.listResources(ctx, {})).items;
    const answer = await batchAsListed(h, svc, ctx, clusters, 'DescribeDBClusterSnapshots');
    const ids = clusters.flatMap((c) => answer.get(c.id) ?? []).map((s) => s.id);
    assert.ok(ids.some((id) => id.startsWith('rds:')) && ids.some((id) => !id.startsWith('rds:')), ids.join());
  });

  it('answers undefined for a region whose snapshots take more than one page', async () => {
    const ctx = h.ctx('eu-west-1');
    assert.equal(await svc.batchSnapshots?.list(ctx, []), undefined);
    assert.deepEqual(await operations(h), ['DescribeDBClusterSnapshots']);
  });
});
