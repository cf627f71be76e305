// Several accounts behind one emulator, with the real SDK clients and temporary credentials from STS (signatures
// verified): each account sees its own resources (staging its demo data, an account without data nothing), calls
// run with the role's policy (a read-only role is refused a create, naming the assumed-role ARN), expired
// credentials get each service's expired-token error, a reset forgets every issued credential, and a larger
// organisation (ssoAccounts) has roles to assume in its generated accounts.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AssumeRoleCommand, ExpiredTokenException, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DocDBClient,
} from '@aws-sdk/client-docdb';
import {
  AccessDeniedException as GraphAccessDenied,
  CreateGraphSnapshotCommand,
  ListGraphsCommand,
  ListGraphSnapshotsCommand,
  NeptuneGraphClient,
} from '@aws-sdk/client-neptune-graph';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

const STAGING = '210987654321';

describe('emulator: accounts and temporary credentials', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  /** The client config of a fresh session of `role` in `account` (assumed with the demo keys). */
  async function session(account: string, role: string, name = 'test', DurationSeconds?: number) {
    const out = await new STSClient(emu.config()).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${account}:role/${role}`,
        RoleSessionName: name,
        DurationSeconds,
      }),
    );
    const c = out.Credentials!;
    return {
      ...emu.config(),
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    };
  }

  it('staging sees its own graphs, clusters and snapshots, not prod-data’s; the demo keys see prod-data’s', async () => {
    const staging = await session(STAGING, 'AdministratorAccess');
    const graphs = await new NeptuneGraphClient(staging).send(new ListGraphsCommand({}));
    assert.deepEqual(
      graphs.graphs?.map((g) => [g.name, g.arn]),
      [['staging-graph', `arn:aws:neptune-graph:us-east-1:${STAGING}:graph/g-stag0demo1`]],
    );
    const clusters = await new DocDBClient(staging).send(new DescribeDBClustersCommand({}));
    assert.deepEqual(
      clusters.DBClusters?.map((c) => c.DBClusterIdentifier),
      ['orders-staging'],
    );
    const snapshots = await new DocDBClient(staging).send(new DescribeDBClusterSnapshotsCommand({}));
    assert.deepEqual(
      snapshots.DBClusterSnapshots?.map((s) => s.DBClusterSnapshotIdentifier),
      ['orders-staging-before-migration'],
    );
    const readOnly = new NeptuneGraphClient(await session(STAGING, 'ReadOnlyAccess'));
    assert.deepEqual(
      (await readOnly.send(new ListGraphsCommand({}))).graphs?.map((g) => g.id),
      ['g-stag0demo1'],
    );
    const prodClusters = await new DocDBClient(emu.config()).send(new DescribeDBClustersCommand({}));
    const prodIds = prodClusters.DBClusters?.map((c) => c.DBClusterIdentifier) ?? [];
    assert.ok(prodIds.includes('orders-prod') && !prodIds.includes('orders-staging'), prodIds.join(', '));
    const prodGraphs = await new NeptuneGraphClient(emu.config()).send(new ListGraphsCommand({}));
    assert.ok(!prodGraphs.graphs?.some((g) => g.name === 'staging-graph'));
  });

  it('a snapshot made in staging stays in staging; an account without data is empty and appears in health', async () => {
    const staging = new DocDBClient(await session(STAGING, 'PowerUserAccess'));
    await staging.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'orders-staging',
        DBClusterSnapshotIdentifier: 'staging-manual-1',
      }),
    );
    const inStaging = await staging.send(new DescribeDBClusterSnapshotsCommand({}));
    assert.ok(inStaging.DBClusterSnapshots?.some((s) => s.DBClusterSnapshotIdentifier === 'staging-manual-1'));
    const inProd = await new DocDBClient(emu.config()).send(new DescribeDBClusterSnapshotsCommand({}));
    assert.ok(!inProd.DBClusterSnapshots?.some((s) => s.DBClusterSnapshotIdentifier === 'staging-manual-1'));

    const sandbox = new DocDBClient(await session('333333333333', 'AdministratorAccess'));
    assert.deepEqual((await sandbox.send(new DescribeDBClustersCommand({}))).DBClusters, []);
    const health = (await emu.admin('GET', 'health')).json as { accounts: { id: string; regions: string[] }[] };
    assert.deepEqual(
      health.accounts.map((a) => a.id),
      ['123456789012', STAGING, '333333333333'],
    );
    assert.deepEqual(health.accounts[2]?.regions, ['us-east-1']);
  });

  it('a read-only role is refused a create call, the message naming the assumed-role ARN; nothing changes', async () => {
    const ro = await session(STAGING, 'ReadOnlyAccess', 'auditor');
    const docdb = new DocDBClient(ro);
    const before = await docdb.send(new DescribeDBClusterSnapshotsCommand({}));
    const arn = `arn:aws:sts::${STAGING}:assumed-role/ReadOnlyAccess/auditor`;
    await rejects(
      docdb.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'orders-staging',
          DBClusterSnapshotIdentifier: 'no',
        }),
      ),
      {
        name: 'AccessDenied',
        status: 403,
        message: new RegExp(
          `^User: ${arn} is not authorized to perform: rds:CreateDBClusterSnapshot because no identity-based policy allows the rds:CreateDBClusterSnapshot action$`,
        ),
      },
    );
    await rejects(
      new NeptuneGraphClient(ro).send(
        new CreateGraphSnapshotCommand({ graphIdentifier: 'g-stag0demo1', snapshotName: 'no-snapshot' }),
      ),
      { cls: GraphAccessDenied, status: 403, message: new RegExp(`^User: ${arn} is not authorized`) },
    );
    assert.deepEqual(
      (await docdb.send(new DescribeDBClusterSnapshotsCommand({}))).DBClusterSnapshots,
      before.DBClusterSnapshots,
    );
    const graphSnapshots = await new NeptuneGraphClient(ro).send(new ListGraphSnapshotsCommand({}));
    assert.deepEqual(
      graphSnapshots.graphSnapshots?.map((s) => s.name),
      ['staging-graph-2025-07-01'],
    );
  });

  it('expired credentials are refused with each service’s expired-token error; valid until then', async () => {
    const config = await session(STAGING, 'AdministratorAccess', 'short', 900);
    emu.clock.advance(899_000);
    await new DocDBClient(config).send(new DescribeDBClustersCommand({}));
    emu.clock.advance(1_000);
    await rejects(new DocDBClient(config).send(new DescribeDBClustersCommand({})), {
      name: 'ExpiredToken',
      status: 403,
      message: /^The security token included in the request is expired$/,
    });
    await rejects(new NeptuneGraphClient(config).send(new ListGraphsCommand({})), {
      name: 'ExpiredTokenException',
      status: 403,
    });
    await rejects(new STSClient(config).send(new GetCallerIdentityCommand({})), {
      cls: ExpiredTokenException,
      status: 400,
      message: /^The security token included in the request is expired$/,
    });
  });

  it('an issued key without its session token, or with another one, is refused as an invalid token', async () => {
    const config = await session(STAGING, 'AdministratorAccess');
    const other = await session(STAGING, 'AdministratorAccess', 'other');
    for (const sessionToken of [undefined, other.credentials.sessionToken]) {
      await rejects(
        new DocDBClient({ ...config, credentials: { ...config.credentials, sessionToken } }).send(
          new DescribeDBClustersCommand({}),
        ),
        { name: 'InvalidClientTokenId', status: 403 },
      );
    }
    await rejects(
      new DocDBClient({ ...config, credentials: { ...config.credentials, secretAccessKey: 'wrong' } }).send(
        new DescribeDBClustersCommand({}),
      ),
      { name: 'SignatureDoesNotMatch', status: 403 },
    );
  });

  it('reset forgets every issued credential and the accounts’ changes', async () => {
    const config = await session(STAGING, 'AdministratorAccess');
    await new DocDBClient(config).send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'orders-staging',
        DBClusterSnapshotIdentifier: 'gone-soon',
      }),
    );
    await emu.reset();
    await rejects(new DocDBClient(config).send(new DescribeDBClustersCommand({})), {
      name: 'InvalidClientTokenId',
      status: 403,
    });
    const fresh = new DocDBClient(await session(STAGING, 'AdministratorAccess'));
    const snapshots = await fresh.send(new DescribeDBClusterSnapshotsCommand({}));
    assert.deepEqual(
      snapshots.DBClusterSnapshots?.map((s) => s.DBClusterSnapshotIdentifier),
      ['orders-staging-before-migration'],
    );
  });
});

describe('emulator: an organisation of 100 accounts (ssoAccounts)', () => {
  it('lets STS assume the roles of the generated accounts, and no account beyond them', async () => {
    const emu = await startTestEmulator({ ssoAccounts: 100 });
    try {
      const sts = new STSClient(emu.config());
      const out = await sts.send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::100000000100:role/ReadOnlyAccess', RoleSessionName: 'bench' }),
      );
      assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::100000000100:assumed-role/ReadOnlyAccess/bench');
      await rejects(
        sts.send(
          new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::100000000101:role/ReadOnlyAccess', RoleSessionName: 'bench' }),
        ),
        { name: 'AccessDenied', status: 403 },
      );
    } finally {
      await emu.stop();
    }
  });
});
