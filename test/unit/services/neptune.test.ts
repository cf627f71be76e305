// Neptune Database's service module with a fake SDK: the RDS family's calls through Neptune's own client (kind
// `neptune`), only engine neptune clusters, its console page and its error sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DBClusterNotFoundFault } from '@aws-sdk/client-neptune';
import { neptuneService as svc } from '../../../src/services/neptune';
import type { Resource } from '../../../src/services/service';
import { fakeAws } from './fakeAws';

const cluster = (id: string, engine = 'neptune', status = 'available') => ({
  DBClusterIdentifier: id,
  Engine: engine,
  EngineVersion: '1.3.2.1',
  Status: status,
  DBClusterMembers: [{ DBInstanceIdentifier: `${id}-writer` }],
});

const graphDb = { id: 'social-neptune', service: 'neptune' } as Resource;

describe('Neptune Database service', () => {
  it('is the fifth RDS-family service: its id, label, icon, IAM action and regions', () => {
    assert.deepEqual([svc.id, svc.label, svc.icon], ['neptune', 'Neptune Database', 'circuit-board']);
    assert.equal(svc.iamActions?.create, 'rds:CreateDBClusterSnapshot');
    assert.deepEqual(svc.uniqueName, { field: 'DBClusterSnapshotIdentifier', scope: 'region' });
    assert.ok(svc.isOfferedIn('us-west-1') && svc.isOfferedIn('ca-west-1') && svc.isOfferedIn('us-gov-east-1'));
    assert.ok(!svc.isOfferedIn('eu-south-1'), 'Milan has DocumentDB, not Neptune');
  });

  it('asks its own client for engine neptune clusters only, and keeps out any other engine', async () => {
    const { ctx, calls } = fakeAws({
      DescribeDBClustersCommand: () => ({
        DBClusters: [
          cluster('social-neptune'),
          cluster('orders-prod', 'docdb'),
          cluster('billing', 'aurora-postgresql'),
        ],
      }),
    });
    const page = await svc.listResources(ctx, { pageSize: 25 });
    assert.deepEqual(
      calls.map((c) => [c.kind, c.name, c.input]),
      [
        [
          'neptune',
          'DescribeDBClustersCommand',
          { Filters: [{ Name: 'engine', Values: ['neptune'] }], MaxRecords: 25 },
        ],
      ],
    );
    assert.deepEqual(
      page.items.map((r) => [r.service, r.id, r.summary]),
      [['neptune', 'social-neptune', 'neptune 1.3.2.1 · 1 instance']],
    );
    assert.equal(page.nextToken, undefined);
  });

  it('finds a neptune cluster by id; a docdb one or a missing one is undefined', async () => {
    const { ctx } = fakeAws({
      DescribeDBClustersCommand: ({ DBClusterIdentifier: id }) => {
        if (id === 'gone') throw new DBClusterNotFoundFault({ message: 'gone', $metadata: {} });
        return { DBClusters: [cluster(String(id), id === 'orders-prod' ? 'docdb' : 'neptune', 'stopped')] };
      },
    });
    const found = await svc.getResource(ctx, 'social-neptune');
    assert.deepEqual(found?.snapshottable, { ok: false, reason: 'cluster is stopped (a snapshot needs it available)' });
    assert.equal(await svc.getResource(ctx, 'orders-prod'), undefined);
    assert.equal(await svc.getResource(ctx, 'gone'), undefined);
  });

  it('creates a snapshot with the lowercased identifier and follows its PercentProgress', async () => {
    const { ctx, named } = fakeAws({
      CreateDBClusterSnapshotCommand: () => ({}),
      DescribeDBClusterSnapshotsCommand: ({ DBClusterSnapshotIdentifier: id }) => ({
        DBClusterSnapshots: [
          {
            DBClusterSnapshotIdentifier: id,
            DBClusterIdentifier: 'social-neptune',
            Status: 'creating',
            PercentProgress: 62,
          },
        ],
      }),
    });
    const created = await svc.createSnapshot(ctx, graphDb, {
      values: { DBClusterSnapshotIdentifier: 'Social-Before-Import' },
      tags: [{ key: 'owner', value: 'graph-team' }],
    });
    assert.deepEqual(named('CreateDBClusterSnapshotCommand')[0]?.input, {
      DBClusterIdentifier: 'social-neptune',
      DBClusterSnapshotIdentifier: 'social-before-import',
      Tags: [{ Key: 'owner', Value: 'graph-team' }],
    });
    assert.deepEqual(
      [created.id, created.state, created.resourceId],
      ['social-before-import', 'creating', 'social-neptune'],
    );
    const ref = {
      service: 'neptune',
      profile: 'dev',
      region: 'us-east-1',
      resourceId: 'social-neptune',
      requestedAt: 0,
    };
    const status = await svc.getSnapshotStatuses(ctx, [{ ...ref, snapshotId: created.id }]);
    assert.deepEqual([status.get(created.id)?.state, status.get(created.id)?.progress], ['creating', 62]);
  });

  it('links to the cluster in the Neptune console', () => {
    assert.equal(
      svc.consoleUrl('eu-west-1', graphDb),
      'https://eu-west-1.console.aws.amazon.com/neptune/home?region=eu-west-1#database:id=social-neptune;is-cluster=true',
    );
  });

  it('says what to do for each modeled error of CreateDBClusterSnapshot, and nothing for others', () => {
    const context = { profile: 'dev', region: 'eu-west-1', resourceName: 'social-neptune', snapshotName: 'nightly' };
    const say = (code: string) => svc.explainError?.({ code, message: 'detail' }, context);
    assert.match(say('DBClusterSnapshotAlreadyExistsFault') ?? '', /"nightly" in eu-west-1.*another identifier/);
    assert.match(say('InvalidDBClusterStateFault') ?? '', /social-neptune.*stopped.*"available"/);
    assert.match(say('DBClusterNotFoundFault') ?? '', /social-neptune does not exist in eu-west-1/);
    assert.match(say('SnapshotQuotaExceeded') ?? '', /quota/);
    assert.equal(say('SnapshotQuotaExceeded'), say('SnapshotQuotaExceededFault'));
    assert.match(say('InvalidDBClusterSnapshotStateFault') ?? '', /"nightly".*being deleted/);
    assert.equal(say('Throttling'), undefined);
  });
});
