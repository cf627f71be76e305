import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateDBClusterSnapshotCommand,
  DBClusterNotFoundFault,
  DBClusterSnapshotAlreadyExistsFault,
  DBClusterSnapshotNotFoundFault,
  DBSnapshotNotFoundFault,
  DeleteDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DocDBClient,
  InvalidDBClusterSnapshotStateFault,
  InvalidDBClusterStateFault,
  ListTagsForResourceCommand,
  SnapshotQuotaExceededFault,
  paginateDescribeDBClusters,
  paginateDescribeDBClusterSnapshots,
} from '@aws-sdk/client-docdb';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

const DOCDB = [{ Name: 'engine', Values: ['docdb'] }];

describe('emulator: docdb over awsQuery (signing name rds) with the real SDK client', () => {
  let emu: TestEmulator;
  let client: DocDBClient;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 4 });
    client = new DocDBClient(emu.config());
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('returns every engine without a filter and only docdb clusters with the engine filter', async () => {
    const all = await client.send(new DescribeDBClustersCommand({}));
    assert.deepEqual(
      all.DBClusters?.map((c) => c.Engine),
      ['docdb', 'docdb', 'docdb', 'neptune', 'aurora-postgresql', 'neptune', 'neptune'],
    );
    const docdb = await client.send(new DescribeDBClustersCommand({ Filters: DOCDB }));
    assert.deepEqual(
      docdb.DBClusters?.map((c) => [c.DBClusterIdentifier, c.Status]),
      [
        ['orders-prod', 'available'],
        ['catalog-dev', 'available'],
        ['analytics-docdb', 'modifying'],
      ],
    );
    const first = docdb.DBClusters![0]!;
    assert.deepEqual(first.ClusterCreateTime, new Date('2024-11-05T12:00:00Z'));
    assert.deepEqual(first.AvailabilityZones, ['us-east-1a', 'us-east-1b', 'us-east-1c']);
    assert.equal(first.DBClusterArn, 'arn:aws:rds:us-east-1:123456789012:cluster:orders-prod');
    assert.equal(first.VpcSecurityGroups?.[0]?.Status, 'active');
  });

  it('describes one cluster by id (case-insensitively) and answers an unknown one with DBClusterNotFoundFault', async () => {
    const one = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'Orders-Prod' }));
    assert.equal(one.DBClusters?.[0]?.DBClusterIdentifier, 'orders-prod');
    await rejects(client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'missing-cluster' })), {
      cls: DBClusterNotFoundFault,
      message: /missing-cluster not found/,
      status: 404,
    });
  });

  it('describes snapshots by cluster, by id and by type', async () => {
    const byCluster = await client.send(new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders-prod' }));
    assert.deepEqual(
      byCluster.DBClusterSnapshots?.map((s) => [
        s.DBClusterSnapshotIdentifier,
        s.SnapshotType,
        s.Status,
        s.PercentProgress,
      ]),
      [
        ['rds:orders-prod-2025-07-20-03-00', 'automated', 'available', 100],
        ['orders-prod-before-upgrade', 'manual', 'available', 100],
      ],
    );
    const manual = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders-prod', SnapshotType: 'manual' }),
    );
    assert.equal(manual.DBClusterSnapshots?.length, 1);
    const byId = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' }),
    );
    assert.equal(byId.DBClusterSnapshots?.[0]?.DBClusterIdentifier, 'catalog-dev');
    await rejects(
      client.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'no-such-snapshot' })),
      {
        cls: DBClusterSnapshotNotFoundFault,
        status: 404,
      },
    );
    const docdbOnly = await client.send(new DescribeDBClusterSnapshotsCommand({ Filters: DOCDB }));
    assert.ok(docdbOnly.DBClusterSnapshots?.every((s) => s.Engine === 'docdb'));
    assert.equal(docdbOnly.DBClusterSnapshots?.length, 4);
  });

  it('creates a snapshot: creating with rising progress, cluster backing-up, then available', async () => {
    const out = await client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'orders-prod',
        DBClusterSnapshotIdentifier: 'Orders-Manual-1',
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    );
    assert.equal(out.DBClusterSnapshot?.DBClusterSnapshotIdentifier, 'orders-manual-1', 'stored lowercase');
    assert.equal(out.DBClusterSnapshot?.Status, 'creating');
    assert.equal(out.DBClusterSnapshot?.PercentProgress, 0);
    emu.clock.advance(2_000);
    const half = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'orders-manual-1' }),
    );
    assert.equal(half.DBClusterSnapshots?.[0]?.PercentProgress, 50);
    const cluster = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-prod' }));
    assert.equal(cluster.DBClusters?.[0]?.Status, 'backing-up');
    await rejects(
      client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'orders-prod',
          DBClusterSnapshotIdentifier: 'second',
        }),
      ),
      { cls: InvalidDBClusterStateFault, message: /backing-up/ },
    );
    emu.clock.advance(2_000);
    const done = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'orders-manual-1' }),
    );
    assert.equal(done.DBClusterSnapshots?.[0]?.Status, 'available');
  });

  it('answers the modeled faults: already exists, cluster not found, cluster not available', async () => {
    await rejects(
      client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'catalog-dev',
          DBClusterSnapshotIdentifier: 'catalog-dev-seed',
        }),
      ),
      { cls: DBClusterSnapshotAlreadyExistsFault, message: /catalog-dev-seed already exists/, status: 400 },
    );
    await rejects(
      client.send(
        new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'ghost', DBClusterSnapshotIdentifier: 'ghost-1' }),
      ),
      { cls: DBClusterNotFoundFault },
    );
    await rejects(
      client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'analytics-docdb',
          DBClusterSnapshotIdentifier: 'a-1',
        }),
      ),
      { cls: InvalidDBClusterStateFault, message: /modifying/ },
    );
  });

  it('enforces the documented identifier and tag rules with InvalidParameterValue', async () => {
    const bad = ['1starts-with-digit', 'ends-with-', 'double--hyphen', 'under_score', 'a'.repeat(64)];
    for (const id of bad) {
      await rejects(
        client.send(
          new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'catalog-dev', DBClusterSnapshotIdentifier: id }),
        ),
        {
          name: 'InvalidParameterValue',
          message: /DBClusterSnapshotIdentifier/,
          status: 400,
        },
      );
    }
    const badTags = [
      [{ Key: 'aws:reserved', Value: 'x' }],
      [{ Key: 'rds:reserved', Value: 'x' }],
      [{ Key: 'k'.repeat(129), Value: 'x' }],
      [{ Key: 'ok', Value: 'v'.repeat(257) }],
      [{ Key: 'bad#char', Value: 'x' }],
      Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
    ];
    for (const Tags of badTags) {
      await rejects(
        client.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: 'catalog-dev',
            DBClusterSnapshotIdentifier: 'tagged',
            Tags,
          }),
        ),
        { name: 'InvalidParameterValue', status: 400 },
      );
    }
    const ok = await client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'catalog-dev',
        DBClusterSnapshotIdentifier: 'tagged',
        Tags: [{ Key: 'Ünïcode key_.:/=+-@', Value: 'späce ok' }],
      }),
    );
    assert.equal(ok.DBClusterSnapshot?.DBClusterSnapshotIdentifier, 'tagged');
  });

  it('reports SnapshotQuotaExceeded (wire code) as SnapshotQuotaExceededFault', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `quota-${i}`);
    const eu = new DocDBClient(emu.config('eu-west-1'));
    // eu-west-1 already holds 206 manual snapshots (bulk data), above the default quota of 100.
    await rejects(
      eu.send(
        new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'eu-sessions', DBClusterSnapshotIdentifier: ids[0] }),
      ),
      {
        cls: SnapshotQuotaExceededFault,
        message: /100 manual snapshots/,
      },
    );
  });

  it('deletes manual snapshots only: deleting for the snapshot time, then gone', async () => {
    const out = await client.send(
      new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' }),
    );
    assert.equal(out.DBClusterSnapshot?.DBClusterSnapshotIdentifier, 'catalog-dev-seed');
    // The answer describes the snapshot as the deletion found it (the API reference's sample: available).
    assert.equal(out.DBClusterSnapshot?.Status, 'available');
    const deleting = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' }),
    );
    assert.equal(deleting.DBClusterSnapshots?.[0]?.Status, 'deleting');
    assert.equal(deleting.DBClusterSnapshots?.[0]?.PercentProgress, 100);
    await rejects(
      client.send(new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' })),
      { cls: InvalidDBClusterSnapshotStateFault, message: /deleting state/ },
    );
    emu.clock.advance(4_000);
    await rejects(
      client.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' })),
      { cls: DBClusterSnapshotNotFoundFault },
    );
    await rejects(
      client.send(new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'catalog-dev-seed' })),
      {
        cls: DBClusterSnapshotNotFoundFault,
      },
    );
    await rejects(
      client.send(
        new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'rds:orders-prod-2025-07-20-03-00' }),
      ),
      {
        cls: InvalidDBClusterSnapshotStateFault,
        message: /Only manual snapshots/,
      },
    );
    const automatedById = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'rds:orders-prod-2025-07-20-03-00' }),
    );
    assert.equal(automatedById.DBClusterSnapshots?.[0]?.SnapshotType, 'automated');
  });

  it('serves ListTagsForResource for clusters and cluster snapshots, with the modeled not-found errors', async () => {
    const arn = (kind: string, id: string) => `arn:aws:rds:us-east-1:123456789012:${kind}:${id}`;
    const snapshot = await client.send(
      new ListTagsForResourceCommand({ ResourceName: arn('cluster-snapshot', 'orders-prod-before-upgrade') }),
    );
    assert.deepEqual(snapshot.TagList, [{ Key: 'purpose', Value: 'upgrade' }]);
    const cluster = await client.send(new ListTagsForResourceCommand({ ResourceName: arn('cluster', 'orders-prod') }));
    assert.deepEqual(cluster.TagList, [{ Key: 'env', Value: 'prod' }]);
    const automated = arn('cluster-snapshot', 'rds:orders-prod-2025-07-20-03-00');
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceName: automated }))).TagList, []);
    await rejects(client.send(new ListTagsForResourceCommand({ ResourceName: arn('cluster-snapshot', 'nope') })), {
      cls: DBSnapshotNotFoundFault,
      status: 404,
    });
    await rejects(client.send(new ListTagsForResourceCommand({ ResourceName: arn('cluster', 'nope') })), {
      cls: DBClusterNotFoundFault,
      status: 404,
    });
  });

  it('pages with Marker at the default MaxRecords (100) and at MaxRecords 20, every item exactly once', async () => {
    const eu = new DocDBClient(emu.config('eu-west-1'));
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateDescribeDBClusters({ client: eu }, { Filters: DOCDB })) {
      sizes.push(page.DBClusters?.length ?? 0);
      ids.push(...(page.DBClusters ?? []).map((c) => c.DBClusterIdentifier!));
    }
    assert.deepEqual(sizes, [100, 100, 6]);
    assert.equal(new Set(ids).size, 206);
    const snapshots: string[] = [];
    for await (const page of paginateDescribeDBClusterSnapshots({ client: eu, pageSize: 20 }, { Filters: DOCDB })) {
      snapshots.push(...(page.DBClusterSnapshots ?? []).map((s) => s.DBClusterSnapshotIdentifier!));
    }
    assert.equal(snapshots.length, 206);
    assert.equal(new Set(snapshots).size, 206);
  });

  it('rejects MaxRecords outside 20–100, unknown filters and bad markers with InvalidParameterValue', async () => {
    for (const MaxRecords of [19, 101]) {
      await rejects(client.send(new DescribeDBClustersCommand({ MaxRecords })), {
        name: 'InvalidParameterValue',
        message: /MaxRecords/,
      });
    }
    await rejects(client.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'color', Values: ['x'] }] })), {
      name: 'InvalidParameterValue',
      message: /color/,
    });
    await rejects(client.send(new DescribeDBClustersCommand({ Marker: 'forged' })), { name: 'InvalidParameterValue' });
    await rejects(
      client.send(
        new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders-prod', DBClusterSnapshotIdentifier: 'x' }),
      ),
      { name: 'InvalidParameterCombination' },
    );
  });
});
