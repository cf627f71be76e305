// The emulator's Neptune Database service with the real Neptune SDK client (signed, signatures verified): routed by
// its user agent among the `rds` services, over the RDS family's shared clusters, with Neptune's documented rules.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  NeptuneClient,
} from '@aws-sdk/client-neptune';
import { DocDBClient, DescribeDBClustersCommand as DocDbDescribeClusters } from '@aws-sdk/client-docdb';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

const NEPTUNE = [{ Name: 'engine', Values: ['neptune'] }];

describe('emulator: neptune over awsQuery (signing name rds) with the real SDK client', () => {
  let emu: TestEmulator;
  let client: NeptuneClient;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 4 });
    client = new NeptuneClient(emu.config());
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('claims the Neptune client requests, while DocumentDB keeps its own; both see the same clusters', async () => {
    const neptune = await client.send(new DescribeDBClustersCommand({ Filters: NEPTUNE }));
    assert.deepEqual(
      neptune.DBClusters?.map((c) => [c.DBClusterIdentifier, c.Status, c.Port]),
      [
        ['social-neptune', 'available', 8182],
        ['fraud-graph-db', 'available', 8182],
        ['knowledge-neptune-dev', 'stopped', 8182],
      ],
    );
    const viaDocDb = await new DocDBClient(emu.config()).send(new DocDbDescribeClusters({ Filters: NEPTUNE }));
    assert.equal(viaDocDb.DBClusters?.length, 3);
    assert.deepEqual(
      (await emu.calls()).map((c) => [c.service, c.operation, c.status]),
      [
        ['neptune', 'DescribeDBClusters', 200],
        ['docdb', 'DescribeDBClusters', 200],
      ],
    );
    const west = await new NeptuneClient(emu.config('eu-west-1')).send(
      new DescribeDBClustersCommand({ Filters: NEPTUNE }),
    );
    assert.deepEqual(
      west.DBClusters?.map((c) => c.DBClusterIdentifier),
      ['eu-identity-graph', 'eu-lineage-neptune'],
    );
  });

  it('creates a snapshot: creating with rising PercentProgress, then available', async () => {
    const out = await client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'fraud-graph-db',
        DBClusterSnapshotIdentifier: 'Fraud-Before-Load',
        Tags: [{ Key: 'owner', Value: 'graph-team' }],
      }),
    );
    assert.deepEqual(
      [
        out.DBClusterSnapshot?.DBClusterSnapshotIdentifier,
        out.DBClusterSnapshot?.Engine,
        out.DBClusterSnapshot?.Status,
      ],
      ['fraud-before-load', 'neptune', 'creating'],
    );
    emu.clock.advance(3_000);
    const read = () =>
      client.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'fraud-before-load' }));
    assert.equal((await read()).DBClusterSnapshots?.[0]?.PercentProgress, 75);
    emu.clock.advance(1_000);
    assert.equal((await read()).DBClusterSnapshots?.[0]?.Status, 'available');
  });

  it("applies Neptune's documented identifier and tag rules as InvalidParameterValue", async () => {
    const create = (id: string, tags?: { Key: string; Value: string }[]) =>
      client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'social-neptune',
          DBClusterSnapshotIdentifier: id,
          Tags: tags,
        }),
      );
    await rejects(create('9-lives'), {
      name: 'InvalidParameterValue',
      message: /must start with a letter/,
      status: 400,
    });
    await rejects(create('a--b'), { name: 'InvalidParameterValue', message: /two consecutive hyphens/ });
    await rejects(create('ok-id', [{ Key: 'rds:owner', Value: 'x' }]), {
      name: 'InvalidParameterValue',
      message: /rds:/,
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    await rejects(create('ok-id', many), { name: 'InvalidParameterValue', message: /more than 50 tags/ });
    await rejects(create('social-neptune-manual'), { name: 'DBClusterSnapshotAlreadyExistsFault', status: 400 });
  });
});
