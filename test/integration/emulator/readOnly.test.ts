// The emulator's identity policies with the real SDK clients (signed, signatures verified): `demo-readonly` reads
// everything, and every service refuses its calls that change something with that service's modeled access-denied
// error and status, naming the IAM action and the caller's ARN as AWS does; nothing changes. `demo` is not refused.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AccessDeniedException as GraphAccessDenied,
  CreateGraphSnapshotCommand,
  ListGraphSnapshotsCommand,
  NeptuneGraphClient,
} from '@aws-sdk/client-neptune-graph';
import { CreateSnapshotCommand, ListVolumesCommand, StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import { CreateDBClusterSnapshotCommand, DescribeDBClusterSnapshotsCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { CreateDBClusterSnapshotCommand as NeptuneCreateSnapshot, NeptuneClient } from '@aws-sdk/client-neptune';
import { DeleteSnapshotCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AccessDeniedException as WeaverAccessDenied } from '../../../src/aws/simspaceweaver/errors';
import { SimSpaceWeaverClient } from '../../../src/aws/simspaceweaver/client';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

const READONLY = DEMO_CREDENTIALS.find((c) => c.label === 'demo-readonly')!;
const USER_ARN = 'arn:aws:iam::123456789012:user/demo-readonly';
const VOLUME_ARN = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B/volume/vol-1122AABB';

/** IAM's sentence for a refused call, as the emulator (and AWS) words it. */
function denial(action: string, resource?: string): RegExp {
  const on = resource ? ` on resource: ${resource}` : '';
  const text = `User: ${USER_ARN} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`;
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

describe('emulator: the demo-readonly identity may only read', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const readOnly = () => ({
    ...emu.config(),
    credentials: { accessKeyId: READONLY.accessKeyId, secretAccessKey: READONLY.secretAccessKey },
  });

  it('Neptune Analytics: CreateGraphSnapshot → AccessDeniedException 403; the snapshots stay as they were', async () => {
    const client = new NeptuneGraphClient(readOnly());
    const before = await client.send(new ListGraphSnapshotsCommand({ graphIdentifier: 'g-cust0demo1' }));
    await rejects(
      client.send(new CreateGraphSnapshotCommand({ graphIdentifier: 'g-cust0demo1', snapshotName: 'denied-one' })),
      { cls: GraphAccessDenied, status: 403, message: denial('neptune-graph:CreateGraphSnapshot') },
    );
    const after = await client.send(new ListGraphSnapshotsCommand({ graphIdentifier: 'g-cust0demo1' }));
    assert.deepEqual(after.graphSnapshots, before.graphSnapshots);
  });

  it('Storage Gateway: CreateSnapshot → AccessDeniedException 400 (its Common Errors), naming the volume', async () => {
    const client = new StorageGatewayClient(readOnly());
    assert.ok((await client.send(new ListVolumesCommand({}))).VolumeInfos?.length);
    await rejects(client.send(new CreateSnapshotCommand({ VolumeARN: VOLUME_ARN, SnapshotDescription: 'denied' })), {
      name: 'AccessDeniedException',
      status: 400,
      message: denial('storagegateway:CreateSnapshot', VOLUME_ARN),
    });
  });

  it('DocumentDB and Neptune Database: CreateDBClusterSnapshot → AccessDenied 403 (rds: actions)', async () => {
    const docdb = new DocDBClient(readOnly());
    await rejects(
      docdb.send(
        new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'orders-prod', DBClusterSnapshotIdentifier: 'no-1' }),
      ),
      { name: 'AccessDenied', status: 403, message: denial('rds:CreateDBClusterSnapshot') },
    );
    await rejects(
      new NeptuneClient(readOnly()).send(
        new NeptuneCreateSnapshot({ DBClusterIdentifier: 'social-neptune', DBClusterSnapshotIdentifier: 'no-2' }),
      ),
      { name: 'AccessDenied', status: 403, message: denial('rds:CreateDBClusterSnapshot') },
    );
    const snapshots = await docdb.send(new DescribeDBClusterSnapshotsCommand({}));
    assert.ok(!snapshots.DBClusterSnapshots?.some((s) => /^no-/.test(s.DBClusterSnapshotIdentifier ?? '')));
  });

  it('SimSpace Weaver: CreateSnapshot → AccessDeniedException 403', async () => {
    const client = new SimSpaceWeaverClient(readOnly());
    await rejects(
      client.createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'weaver-demo-snapshots-use1' } }),
      { cls: WeaverAccessDenied, status: 403, message: denial('simspaceweaver:CreateSnapshot') },
    );
    assert.equal((await client.describeSimulation({ Simulation: 'city-traffic' })).Status, 'STARTED');
  });

  it('EC2: DeleteSnapshot → UnauthorizedOperation 403 with an encoded authorization failure message', async () => {
    const client = new EC2Client(readOnly());
    const error = await rejects(client.send(new DeleteSnapshotCommand({ SnapshotId: 'snap-0a1b2c3d4e5f60001' })), {
      name: 'UnauthorizedOperation',
      status: 403,
      message: /^You are not authorized to perform this operation\. User: .*ec2:DeleteSnapshot/,
    });
    assert.match(error.message, denial('ec2:DeleteSnapshot'));
    const encoded = /Encoded authorization failure message: (\S+)$/.exec(error.message)?.[1] ?? '';
    const decoded = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as {
      allowed: boolean;
      context: { action: string; principal: { arn: string } };
    };
    assert.deepEqual(
      [decoded.allowed, decoded.context.action, decoded.context.principal.arn],
      [false, 'ec2:DeleteSnapshot', USER_ARN],
    );
    const left = await client.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0a1b2c3d4e5f60001'] }));
    assert.equal(left.Snapshots?.length, 1);
  });

  it('S3: DeleteObject → AccessDenied 403; listing still works', async () => {
    const client = new S3Client({ ...readOnly(), forcePathStyle: true });
    const bucket = 'weaver-demo-snapshots-use1';
    const before = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const key = before.Contents?.[0]?.Key ?? 'drills/snapshot/crowd-evacuation-250612-1500-00.zip';
    await rejects(client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), {
      name: 'AccessDenied',
      status: 403,
      message: denial('s3:DeleteObject'),
    });
    const after = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    assert.deepEqual(
      after.Contents?.map((o) => o.Key),
      before.Contents?.map((o) => o.Key),
    );
  });

  it('logs each refusal with its error code, and lets the demo identity make the same call', async () => {
    await rejects(
      new NeptuneGraphClient(readOnly()).send(
        new CreateGraphSnapshotCommand({ graphIdentifier: 'g-cust0demo1', snapshotName: 'denied-two' }),
      ),
      { cls: GraphAccessDenied },
    );
    const made = await new NeptuneGraphClient(emu.config()).send(
      new CreateGraphSnapshotCommand({ graphIdentifier: 'g-cust0demo1', snapshotName: 'allowed-two' }),
    );
    assert.equal(made.name, 'allowed-two');
    assert.deepEqual(
      (await emu.calls()).map((c) => [c.operation, c.status, c.error ?? '', c.accessKeyId]),
      [
        ['CreateGraphSnapshot', 403, 'AccessDeniedException', READONLY.accessKeyId],
        ['CreateGraphSnapshot', 201, '', DEMO_CREDENTIALS[0]!.accessKeyId],
      ],
    );
  });
});
