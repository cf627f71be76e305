// DocumentDB and Neptune Database (awsQuery, signing name `rds`) through Python botocore with the seed's docdb and
// neptune models, signatures verified: DescribeDBClusters, DescribeDBClusterSnapshots, CreateDBClusterSnapshot,
// ListTagsForResource, restore (RestoreDBClusterFromSnapshot, CreateDBInstance, DescribeDBInstances) and
// DeleteDBClusterSnapshot; output shapes, paging (Marker/MaxRecords), documented rules, modeled errors and HTTP
// statuses.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeBotocore, everyItemOnce, ok, refused } from './suite';

const arn = (kind: 'cluster' | 'cluster-snapshot', id: string, region = 'us-east-1') =>
  `arn:aws:rds:${region}:123456789012:${kind}:${id}`;
const engine = (name: string) => [{ Name: 'engine', Values: [name] }];

describeBotocore('botocore: docdb and neptune (rds)', (ctx) => {
  for (const [svc, engineName, cluster, snapshot] of [
    ['docdb', 'docdb', 'orders-prod', 'orders-prod-before-upgrade'],
    ['neptune', 'neptune', 'fraud-graph-db', 'fraud-graph-db-before-reindex'],
  ] as const) {
    it(`${svc}: describes clusters and snapshots of its engine in the modeled shapes`, async () => {
      const [clusters, snapshots] = await ctx().boto.run([
        { service: svc, operation: 'DescribeDBClusters', params: { Filters: engine(engineName) } },
        { service: svc, operation: 'DescribeDBClusterSnapshots', params: { DBClusterIdentifier: cluster } },
      ]);
      const list = ok(clusters, svc, 'DescribeDBClusters').DBClusters as {
        DBClusterIdentifier: string;
        Engine: string;
      }[];
      assert.ok(list.length > 0 && list.every((c) => c.Engine === engineName));
      assert.ok(list.some((c) => c.DBClusterIdentifier === cluster));
      const snaps = ok(snapshots, svc, 'DescribeDBClusterSnapshots').DBClusterSnapshots as {
        DBClusterSnapshotIdentifier: string;
      }[];
      assert.ok(snaps.some((s) => s.DBClusterSnapshotIdentifier === snapshot));
    });

    it(`${svc}: creates a snapshot whose tags ListTagsForResource reads back, like the seeded ones`, async () => {
      const created = await ctx().boto.call({
        service: svc,
        operation: 'CreateDBClusterSnapshot',
        params: {
          DBClusterIdentifier: cluster,
          DBClusterSnapshotIdentifier: `${cluster}-botocore`,
          Tags: [{ Key: 'team', Value: 'data' }],
        },
      });
      const out = ok(created, svc, 'CreateDBClusterSnapshot').DBClusterSnapshot as Record<string, unknown>;
      assert.equal(out.Status, 'creating');
      const [fresh, seeded] = await ctx().boto.run([
        { service: svc, operation: 'ListTagsForResource', params: { ResourceName: out.DBClusterSnapshotArn } },
        { service: svc, operation: 'ListTagsForResource', params: { ResourceName: arn('cluster-snapshot', snapshot) } },
      ]);
      assert.deepEqual(ok(fresh, svc, 'ListTagsForResource').TagList, [{ Key: 'team', Value: 'data' }]);
      assert.equal((ok(seeded, svc, 'ListTagsForResource').TagList as unknown[]).length, 1);
    });
  }

  for (const [svc, engineName, cluster, snapshot] of [
    ['docdb', 'docdb', 'orders-prod', 'orders-prod-before-upgrade'],
    ['neptune', 'neptune', 'fraud-graph-db', 'fraud-graph-db-before-reindex'],
  ] as const) {
    it(`${svc}: restores a snapshot into a new cluster with a primary instance, in the modeled shapes`, async () => {
      const restored = `${cluster}-botocore`;
      const [restore, instance, instances, clusters] = await ctx().boto.run([
        {
          service: svc,
          operation: 'RestoreDBClusterFromSnapshot',
          params: {
            DBClusterIdentifier: restored,
            SnapshotIdentifier: arn('cluster-snapshot', snapshot),
            Engine: engineName,
            DeletionProtection: true,
            Tags: [{ Key: 'team', Value: 'data' }],
          },
        },
        {
          service: svc,
          operation: 'CreateDBInstance',
          params: {
            DBInstanceIdentifier: `${restored}-1`,
            DBInstanceClass: 'db.r6g.large',
            Engine: engineName,
            DBClusterIdentifier: restored,
          },
        },
        {
          service: svc,
          operation: 'DescribeDBInstances',
          params: { Filters: [{ Name: 'db-cluster-id', Values: [restored, cluster] }] },
        },
        { service: svc, operation: 'DescribeDBClusters', params: { DBClusterIdentifier: restored } },
      ]);
      const made = ok(restore, svc, 'RestoreDBClusterFromSnapshot').DBCluster as Record<string, unknown>;
      assert.deepEqual([made.DBClusterIdentifier, made.Status, made.Engine], [restored, 'creating', engineName]);
      assert.equal(made.DeletionProtection, true);
      const added = ok(instance, svc, 'CreateDBInstance').DBInstance as Record<string, unknown>;
      assert.deepEqual([added.DBInstanceStatus, added.DBClusterIdentifier], ['creating', restored]);
      const listed = ok(instances, svc, 'DescribeDBInstances').DBInstances as { DBInstanceIdentifier: string }[];
      assert.deepEqual(listed.map((i) => i.DBInstanceIdentifier).sort(), [`${restored}-1`, `${cluster}-instance-1`]);
      const members = (ok(clusters, svc, 'DescribeDBClusters').DBClusters as Record<string, unknown>[])[0]
        ?.DBClusterMembers as { DBInstanceIdentifier: string; IsClusterWriter: boolean }[];
      assert.deepEqual(members, [
        {
          DBInstanceIdentifier: `${restored}-1`,
          IsClusterWriter: true,
          DBClusterParameterGroupStatus: 'in-sync',
          PromotionTier: 1,
        },
      ]);
    });

    it(`${svc}: refuses restores and instances with the modeled errors and statuses`, async () => {
      const restore = (params: Record<string, unknown>) => ({
        service: svc,
        operation: 'RestoreDBClusterFromSnapshot',
        params: { DBClusterIdentifier: 'new-one', SnapshotIdentifier: snapshot, Engine: engineName, ...params },
      });
      const instance = (params: Record<string, unknown>) => ({
        service: svc,
        operation: 'CreateDBInstance',
        params: {
          DBInstanceIdentifier: 'new-one-1',
          DBInstanceClass: 'db.r6g.large',
          Engine: engineName,
          DBClusterIdentifier: cluster,
          ...params,
        },
      });
      const [exists, noSnapshot, noGroup, badId, instanceExists, noCluster, noInstance] = await ctx().boto.run([
        restore({ DBClusterIdentifier: cluster }),
        restore({ SnapshotIdentifier: 'no-such-snapshot' }),
        restore({ DBSubnetGroupName: 'no-such-group' }),
        restore({ DBClusterIdentifier: 'new--one' }),
        instance({ DBInstanceIdentifier: `${cluster}-instance-1` }),
        instance({ DBClusterIdentifier: 'no-such-cluster' }),
        { service: svc, operation: 'DescribeDBInstances', params: { DBInstanceIdentifier: 'no-such-instance' } },
      ]);
      refused(exists, 'DBClusterAlreadyExistsFault', 400);
      refused(noSnapshot, 'DBClusterSnapshotNotFoundFault', 404);
      refused(noGroup, 'DBSubnetGroupNotFoundFault', 404);
      refused(badId, 'InvalidParameterValue', 400, /consecutive hyphens/);
      refused(instanceExists, 'DBInstanceAlreadyExists', 400);
      refused(noCluster, 'DBClusterNotFoundFault', 404);
      refused(noInstance, 'DBInstanceNotFound', 404);
    });
  }

  for (const [svc, cluster, manual, automated] of [
    ['docdb', 'catalog-dev', 'catalog-dev-seed', 'rds:orders-prod-2025-07-20-03-00'],
    ['neptune', 'fraud-graph-db', 'fraud-graph-db-before-reindex', 'rds:fraud-graph-db-2025-07-20-04-00'],
  ] as const) {
    it(`${svc}: deletes a manual snapshot (deleting for the snapshot time, then gone), refuses with the modeled errors`, async () => {
      const del = (id: string) => ({
        service: svc,
        operation: 'DeleteDBClusterSnapshot',
        params: { DBClusterSnapshotIdentifier: id },
      });
      const describe = (id: string) => ({
        service: svc,
        operation: 'DescribeDBClusterSnapshots',
        params: { DBClusterSnapshotIdentifier: id },
      });
      const [deleted, deleting, again, auto, missing, byArn] = await ctx().boto.run([
        del(manual),
        describe(manual),
        del(manual),
        del(automated),
        del('no-such-snapshot'),
        del(arn('cluster-snapshot', 'no-such-snapshot')),
      ]);
      const out = ok(deleted, svc, 'DeleteDBClusterSnapshot').DBClusterSnapshot as Record<string, unknown>;
      // The answer describes the snapshot as the deletion found it (the API reference's sample: available).
      assert.deepEqual(
        [out.DBClusterSnapshotIdentifier, out.DBClusterIdentifier, out.SnapshotType, out.Status],
        [manual, cluster, 'manual', 'available'],
      );
      const listed = ok(deleting, svc, 'DescribeDBClusterSnapshots').DBClusterSnapshots as Record<string, unknown>[];
      assert.equal(listed[0]?.Status, 'deleting');
      refused(again, 'InvalidDBClusterSnapshotStateFault', 400, /deleting state/);
      refused(auto, 'InvalidDBClusterSnapshotStateFault', 400, /Only manual snapshots/);
      refused(missing, 'DBClusterSnapshotNotFoundFault', 404);
      refused(byArn, 'DBClusterSnapshotNotFoundFault', 404);
      ctx().emulator.clock.advance(5_000);
      const [gone, ofCluster] = await ctx().boto.run([
        describe(manual),
        { service: svc, operation: 'DescribeDBClusterSnapshots', params: { DBClusterIdentifier: cluster } },
      ]);
      refused(gone, 'DBClusterSnapshotNotFoundFault', 404);
      const left = ok(ofCluster, svc, 'DescribeDBClusterSnapshots').DBClusterSnapshots as {
        DBClusterSnapshotIdentifier: string;
      }[];
      assert.ok(!left.some((s) => s.DBClusterSnapshotIdentifier === manual));
    });
  }

  it('pages clusters and snapshots with the model paginators (MaxRecords 20): every item once', async () => {
    const [all, docdbOnly, snapshots] = await ctx().boto.run([
      { service: 'docdb', region: 'eu-west-1', operation: 'DescribeDBClusters', paginate: true, pageSize: 20 },
      {
        service: 'neptune',
        region: 'eu-west-1',
        operation: 'DescribeDBClusters',
        params: { Filters: engine('docdb') },
        paginate: true,
        pageSize: 100,
      },
      { service: 'docdb', region: 'eu-west-1', operation: 'DescribeDBClusterSnapshots', paginate: true, pageSize: 50 },
    ]);
    ok(all, 'docdb', 'DescribeDBClusters');
    assert.equal(all!.pages!.length, 11);
    assert.equal(everyItemOnce(all!, 'DBClusters', 'DBClusterIdentifier').length, 208); // 3 demo + 205 bulk
    ok(docdbOnly, 'neptune', 'DescribeDBClusters');
    assert.equal(everyItemOnce(docdbOnly!, 'DBClusters', 'DBClusterIdentifier').length, 206);
    ok(snapshots, 'docdb', 'DescribeDBClusterSnapshots');
    assert.equal(everyItemOnce(snapshots!, 'DBClusterSnapshots', 'DBClusterSnapshotIdentifier').length, 207);
  });

  it('answers the modeled errors with their codes and HTTP statuses', async () => {
    const create = (svc: string, cluster: string, id: string, region = 'us-east-1') => ({
      service: svc,
      region,
      operation: 'CreateDBClusterSnapshot',
      params: { DBClusterIdentifier: cluster, DBClusterSnapshotIdentifier: id },
    });
    const [exists, busy, stopped, missing, quota, reservedTag, noSnapshot, noCluster, notRds, lowMax] =
      await ctx().boto.run([
        create('docdb', 'orders-prod', 'orders-prod-before-upgrade'),
        create('docdb', 'analytics-docdb', 'analytics-now'),
        create('neptune', 'knowledge-neptune-dev', 'knowledge-now'),
        create('docdb', 'no-such-cluster', 'nothing'),
        create('docdb', 'eu-sessions', 'one-too-many', 'eu-west-1'),
        {
          ...create('neptune', 'social-neptune', 'reserved-tag'),
          params: {
            DBClusterIdentifier: 'social-neptune',
            DBClusterSnapshotIdentifier: 'reserved-tag',
            Tags: [{ Key: 'aws:owner', Value: 'me' }],
          },
        },
        {
          service: 'docdb',
          operation: 'ListTagsForResource',
          params: { ResourceName: arn('cluster-snapshot', 'nope') },
        },
        { service: 'neptune', operation: 'ListTagsForResource', params: { ResourceName: arn('cluster', 'nope') } },
        { service: 'docdb', operation: 'ListTagsForResource', params: { ResourceName: 'arn:aws:s3:::bucket' } },
        { service: 'docdb', operation: 'DescribeDBClusters', params: { MaxRecords: 5 } },
      ]);
    refused(exists, 'DBClusterSnapshotAlreadyExistsFault', 400);
    refused(busy, 'InvalidDBClusterStateFault', 400, /modifying/);
    refused(stopped, 'InvalidDBClusterStateFault', 400, /stopped/);
    refused(missing, 'DBClusterNotFoundFault', 404);
    refused(quota, 'SnapshotQuotaExceeded', 400);
    refused(reservedTag, 'InvalidParameterValue', 400, /aws:/);
    refused(noSnapshot, 'DBSnapshotNotFound', 404);
    refused(noCluster, 'DBClusterNotFoundFault', 404);
    refused(notRds, 'InvalidParameterValue', 400);
    refused(lowMax, 'InvalidParameterValue', 400, /MaxRecords/);
  });

  for (const [svc, snapshot] of [
    ['docdb', 'orders-prod-before-upgrade'],
    ['neptune', 'fraud-graph-db-before-reindex'],
  ] as const) {
    it(`${svc}: CopyDBClusterSnapshot within a region, and across regions with botocore's pre-signed URL`, async () => {
      // botocore computes PreSignedUrl from its client-side SourceRegion and removes SourceRegion before sending
      // (validation off: only botocore's sdk-extras models declare that member); the emulator verifies the URL's
      // SigV4 query signature. Without SourceRegion no URL is sent and the cross-region copy is refused.
      const cross = (extra: Record<string, unknown>) => ({
        service: svc,
        region: 'us-west-2',
        operation: 'CopyDBClusterSnapshot',
        params: {
          SourceDBClusterSnapshotIdentifier: arn('cluster-snapshot', snapshot),
          TargetDBClusterSnapshotIdentifier: `${snapshot}-copy`,
          KmsKeyId: 'alias/aws/rds',
          ...extra,
        },
        validate: false,
      });
      const [local, again, unsigned, presigned] = await ctx().boto.run([
        {
          service: svc,
          operation: 'CopyDBClusterSnapshot',
          params: {
            SourceDBClusterSnapshotIdentifier: snapshot,
            TargetDBClusterSnapshotIdentifier: `${snapshot}-copy`,
            CopyTags: true,
          },
        },
        {
          service: svc,
          operation: 'CopyDBClusterSnapshot',
          params: {
            SourceDBClusterSnapshotIdentifier: snapshot,
            TargetDBClusterSnapshotIdentifier: `${snapshot}-copy`,
          },
        },
        cross({}),
        cross({ SourceRegion: 'us-east-1' }),
      ]);
      const copied = ok(local, svc, 'CopyDBClusterSnapshot').DBClusterSnapshot as Record<string, unknown>;
      assert.deepEqual([copied.DBClusterSnapshotIdentifier, copied.Status], [`${snapshot}-copy`, 'creating']);
      refused(again, 'DBClusterSnapshotAlreadyExistsFault', 400);
      refused(unsigned, 'InvalidParameterValue', 400, /no pre-signed URL was given/);
      const there = ok(presigned, svc, 'CopyDBClusterSnapshot').DBClusterSnapshot as Record<string, unknown>;
      assert.equal(there.DBClusterSnapshotArn, arn('cluster-snapshot', `${snapshot}-copy`, 'us-west-2'));
    });
  }
});
