import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DBClusterNotFoundFault, DBClusterSnapshotNotFoundFault } from '@aws-sdk/client-docdb';
import { docdbService as svc } from '../../../src/services/docdb';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { byId, fakeAws, pageOf } from './fakeAws';

const cluster = (id: string, status = 'available', engine = 'docdb') => ({
  DBClusterIdentifier: id,
  DBClusterArn: `arn:aws:rds:us-east-1:123456789012:cluster:${id}`,
  Engine: engine,
  EngineVersion: '5.0.0',
  Status: status,
  DBClusterMembers: [{ DBInstanceIdentifier: 'a' }, { DBInstanceIdentifier: 'b' }, { DBInstanceIdentifier: 'c' }],
});

const snap = (id: string, clusterId: string, status = 'available', progress = 100, at?: string) => ({
  DBClusterSnapshotIdentifier: id,
  DBClusterIdentifier: clusterId,
  Status: status,
  PercentProgress: progress,
  SnapshotCreateTime: at ? new Date(at) : undefined,
});

const ref = (snapshotId: string, resourceId: string): SnapshotRef => ({
  service: 'docdb',
  profile: 'dev',
  region: 'us-east-1',
  resourceId,
  snapshotId,
  requestedAt: 0,
});

const resource = { id: 'orders', service: 'docdb' } as Resource;

describe('DocumentDB service', () => {
  it('asks only for docdb clusters, bounds MaxRecords to 20..100 and passes the marker', async () => {
    const { ctx, calls } = fakeAws({
      DescribeDBClustersCommand: () => ({
        DBClusters: [cluster('orders'), cluster('neptune-one', 'available', 'neptune')],
        Marker: 'm2',
      }),
    });
    const page = await svc.listResources(ctx, { pageSize: 5, nextToken: 'm1' });
    assert.deepEqual(calls[0]?.input, {
      Filters: [{ Name: 'engine', Values: ['docdb'] }],
      MaxRecords: 20,
      Marker: 'm1',
    });
    assert.equal(calls[0]?.kind, 'docdb');
    assert.deepEqual(
      page.items.map((r) => r.id),
      ['orders'],
    );
    assert.equal(page.items[0]?.summary, 'docdb 5.0.0 · 3 instances');
    assert.equal(page.items[0]?.status, 'available');
    assert.equal(page.nextToken, 'm2');
    await svc.listResources(ctx, { pageSize: 1000 });
    assert.equal(calls[1]?.input.MaxRecords, 100);
  });

  it('is snapshottable only when available, with the status as the reason otherwise', async () => {
    const { ctx } = fakeAws({ DescribeDBClustersCommand: () => ({ DBClusters: [cluster('a', 'backing-up')] }) });
    const [item] = (await svc.listResources(ctx, {})).items;
    assert.deepEqual(item?.snapshottable, {
      ok: false,
      reason: 'cluster is backing-up (a snapshot needs it available)',
    });
  });

  it('getResource finds a docdb cluster, and is undefined for a missing or non-docdb one', async () => {
    const { ctx } = fakeAws({
      DescribeDBClustersCommand: (input) => {
        if (input.DBClusterIdentifier === 'gone') throw new DBClusterNotFoundFault({ message: 'gone', $metadata: {} });
        return {
          DBClusters: [
            cluster(
              String(input.DBClusterIdentifier),
              'available',
              input.DBClusterIdentifier === 'rds' ? 'aurora-postgresql' : 'docdb',
            ),
          ],
        };
      },
    });
    assert.equal((await svc.getResource(ctx, 'orders'))?.id, 'orders');
    assert.equal(await svc.getResource(ctx, 'gone'), undefined);
    assert.equal(await svc.getResource(ctx, 'rds'), undefined);
  });

  it('lists a cluster snapshots newest first with progress', async () => {
    const { ctx, calls } = fakeAws({
      DescribeDBClusterSnapshotsCommand: () => ({
        DBClusterSnapshots: [
          snap('s-old', 'orders', 'available', 100, '2024-01-01T00:00:00Z'),
          snap('s-new', 'orders', 'creating', 40, '2024-02-01T00:00:00Z'),
        ],
        Marker: 'next',
      }),
    });
    const page = await svc.listSnapshots(ctx, resource, { pageSize: 50 });
    assert.deepEqual(calls[0]?.input, { DBClusterIdentifier: 'orders', MaxRecords: 50 });
    assert.deepEqual(
      page.items.map((s) => [s.id, s.state, s.progress]),
      [
        ['s-new', 'creating', 40],
        ['s-old', 'available', 100],
      ],
    );
    assert.equal(page.nextToken, 'next');
  });

  it('creates a snapshot with a lowercased identifier and Key/Value tags', async () => {
    const { ctx, calls } = fakeAws({
      CreateDBClusterSnapshotCommand: (input) => ({
        DBClusterSnapshot: snap(String(input.DBClusterSnapshotIdentifier), 'orders', 'creating', 0),
      }),
    });
    const s = await svc.createSnapshot(ctx, resource, {
      values: { DBClusterSnapshotIdentifier: 'Orders-Nightly' },
      tags: [{ key: 'team', value: 'db' }],
    });
    assert.deepEqual(calls[0]?.input, {
      DBClusterIdentifier: 'orders',
      DBClusterSnapshotIdentifier: 'orders-nightly',
      Tags: [{ Key: 'team', Value: 'db' }],
    });
    assert.equal(s.id, 'orders-nightly');
    assert.equal(s.state, 'creating');
  });

  it('reads a single snapshot by its lowercased id, absent when not found', async () => {
    const { ctx, calls } = fakeAws({
      DescribeDBClusterSnapshotsCommand: (input) => {
        if (input.DBClusterSnapshotIdentifier === 'gone') {
          throw new DBClusterSnapshotNotFoundFault({ message: 'gone', $metadata: {} });
        }
        return { DBClusterSnapshots: [snap(String(input.DBClusterSnapshotIdentifier), 'solo', 'creating', 10)] };
      },
    });
    const one = await svc.getSnapshotStatuses(ctx, [ref('Nightly-1', 'solo')]);
    assert.deepEqual(calls[0]?.input, { DBClusterSnapshotIdentifier: 'nightly-1' });
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.equal(one.get('Nightly-1')?.progress, 10, 'answered under the ref id as given');
    assert.equal((await svc.getSnapshotStatuses(ctx, [ref('gone', 'old')])).size, 0);
    assert.equal((await svc.getSnapshotStatuses(ctx, [])).size, 0);
    assert.equal(calls.length, 2, 'no call for no refs');
  });

  it('reads 100 snapshots of 24 clusters with the region-wide manual listing: 1-2 calls, not one per cluster', async () => {
    // 130 manual snapshots in the region (others' interleaved with ours), each page at most 100.
    const region = Array.from({ length: 130 }, (_, i) =>
      snap(`snap-${i}`, `cluster-${i % 24}`, i % 4 === 0 ? 'available' : 'creating', i % 100),
    );
    const ours = region.filter((_, i) => i % 5 !== 1).slice(0, 100);
    assert.equal(new Set(ours.map((s) => s.DBClusterIdentifier)).size, 24);
    const { ctx, calls, named } = fakeAws({
      DescribeDBClusterSnapshotsCommand: (input) => {
        const page = pageOf(region, input.Marker, input.MaxRecords);
        return { DBClusterSnapshots: page.items, Marker: page.next };
      },
    });
    const statuses = await svc.getSnapshotStatuses(
      ctx,
      ours.map((s) => ref(s.DBClusterSnapshotIdentifier, s.DBClusterIdentifier)),
    );
    assert.equal(calls.length, named('DescribeDBClusterSnapshotsCommand').length);
    assert.equal(calls.length, 2, `${calls.length} calls`);
    assert.deepEqual(calls[0]?.input, { SnapshotType: 'manual', MaxRecords: 100 }, 'no cluster: the whole region');
    assert.deepEqual(calls[1]?.input, { SnapshotType: 'manual', MaxRecords: 100, Marker: '100' });
    assert.equal(statuses.size, 100);
    for (const s of ours) {
      const got = statuses.get(s.DBClusterSnapshotIdentifier);
      assert.equal(got?.resourceId, s.DBClusterIdentifier);
      assert.equal(got?.progress, s.PercentProgress);
      assert.equal(got?.state, s.Status);
    }
  });

  it('follows the marker only until every wanted snapshot is found; missing ones are absent', async () => {
    const region = Array.from({ length: 250 }, (_, i) => snap(`s-${i}`, `c-${i % 3}`, 'creating', 5));
    const { ctx, named } = fakeAws({
      DescribeDBClusterSnapshotsCommand: (input) => {
        const page = pageOf(region, input.Marker, input.MaxRecords);
        return { DBClusterSnapshots: page.items, Marker: page.next };
      },
    });
    const early = await svc.getSnapshotStatuses(ctx, [ref('S-1', 'c-1'), ref('s-150', 'c-0')]);
    assert.equal(named('DescribeDBClusterSnapshotsCommand').length, 2, 'stops after the page holding the last one');
    assert.deepEqual([...early.keys()].sort(), ['S-1', 's-150'], 'matched case-insensitively, keyed by the ref id');
    const missing = await svc.getSnapshotStatuses(ctx, [ref('s-1', 'c-1'), ref('absent', 'c-1')]);
    assert.equal(named('DescribeDBClusterSnapshotsCommand').length, 2 + 3, 'a missing one reads to the last page');
    assert.deepEqual([...missing.keys()], ['s-1']);
  });

  it('links to the cluster in the DocumentDB console', () => {
    assert.equal(
      svc.consoleUrl('eu-west-1', resource),
      'https://eu-west-1.console.aws.amazon.com/docdb/home?region=eu-west-1#cluster-details/orders',
    );
  });

  it('lists the automated and manual snapshots of every cluster in one call without a cluster or type', async () => {
    const region = [
      {
        ...snap('rds:orders-2024-01-01', 'orders', 'available', 100, '2024-01-01T00:00:00Z'),
        SnapshotType: 'automated',
      },
      snap('orders-manual', 'Orders', 'creating', 40, '2024-02-01T00:00:00Z'),
      snap('users-1', 'users', 'available', 100, '2024-03-01T00:00:00Z'),
      { ...snap('no-cluster', 'x'), DBClusterIdentifier: undefined },
    ];
    const { ctx, calls } = fakeAws({
      DescribeDBClusterSnapshotsCommand: (input) => ({
        DBClusterSnapshots: region.filter(
          (s) => !input.DBClusterIdentifier || s.DBClusterIdentifier?.toLowerCase() === input.DBClusterIdentifier,
        ),
      }),
    });
    const batch = svc.batchSnapshots;
    assert.equal(batch?.covers, 'region');
    const answer = await batch.list(ctx, [resource]);
    assert.deepEqual(
      calls.map((c) => [c.kind, c.name, c.input]),
      [['docdb', 'DescribeDBClusterSnapshotsCommand', { MaxRecords: 100 }]],
      'no SnapshotType: automated and manual, as listed per cluster',
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.deepEqual([...(answer?.keys() ?? [])].sort(), ['orders', 'users'], 'by lowercased cluster id');
    for (const id of ['orders', 'users']) {
      const listed = await svc.listSnapshots(ctx, { ...resource, id }, { pageSize: 100 });
      assert.deepEqual(byId(answer?.get(id)), byId(listed.items), `${id}: as listSnapshots maps them`);
    }
    assert.equal(answer?.get('orders')?.length, 2);
  });

  it('answers undefined when the region does not fit one page (a marker)', async () => {
    const { ctx } = fakeAws({
      DescribeDBClusterSnapshotsCommand: () => ({ DBClusterSnapshots: [snap('s-1', 'orders')], Marker: 'm2' }),
    });
    assert.equal(await svc.batchSnapshots?.list(ctx, [resource]), undefined);
  });
});
