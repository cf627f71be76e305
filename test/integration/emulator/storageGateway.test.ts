import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateSnapshotCommand,
  type CreateSnapshotCommandInput,
  DescribeCachediSCSIVolumesCommand,
  DescribeGatewayInformationCommand,
  DescribeStorediSCSIVolumesCommand,
  InvalidGatewayRequestException,
  ListGatewaysCommand,
  ListTagsForResourceCommand,
  ListVolumesCommand,
  StorageGatewayClient,
  paginateListVolumes,
} from '@aws-sdk/client-storage-gateway';
import { DescribeSnapshotsCommand, EC2Client, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';

const GW = 'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B';
const VOL = `${GW}/volume/vol-1122AABB`;
const EU_GW = 'arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-34C5678D';
const EU_OFFLINE_VOL = 'arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-45D6789E/volume/vol-99BB1122';

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await rejects(promise, { cls: InvalidGatewayRequestException, status: 400 });
  return (error as InvalidGatewayRequestException).error?.errorCode;
}

describe('emulator: storagegateway over awsJson1_1 and its EBS snapshots in ec2 DescribeSnapshots', () => {
  let emu: TestEmulator;
  let sgw: StorageGatewayClient;
  let ec2: EC2Client;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 10 });
    sgw = new StorageGatewayClient(emu.config());
    ec2 = new EC2Client(emu.config());
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('lists gateways and their volumes, and describes a gateway', async () => {
    const gateways = await sgw.send(new ListGatewaysCommand({}));
    assert.deepEqual(
      gateways.Gateways?.map((g) => [g.GatewayARN, g.GatewayType, g.GatewayOperationalState]),
      [[GW, 'CACHED', 'ACTIVE']],
    );
    const volumes = await sgw.send(new ListVolumesCommand({ GatewayARN: GW }));
    assert.deepEqual(
      volumes.VolumeInfos?.map((v) => [v.VolumeId, v.VolumeType]),
      [
        ['vol-1122AABB', 'CACHED iSCSI'],
        ['vol-3344CCDD', 'CACHED iSCSI'],
      ],
    );
    const info = await sgw.send(new DescribeGatewayInformationCommand({ GatewayARN: GW }));
    assert.equal(info.GatewayState, 'RUNNING');
    assert.equal(info.GatewayName, 'office-cache-gateway');
    const eu = new StorageGatewayClient(emu.config('eu-west-1'));
    const euGateways = await eu.send(new ListGatewaysCommand({ Limit: 2 }));
    assert.equal(euGateways.Gateways?.length, 2);
    assert.ok(euGateways.Marker, 'a third gateway (bulk) remains');
  });

  it('describes cached and stored volumes by type, with their creation dates', async () => {
    const cached = await sgw.send(new DescribeCachediSCSIVolumesCommand({ VolumeARNs: [VOL] }));
    assert.equal(cached.CachediSCSIVolumes?.[0]?.VolumeSizeInBytes, 500 * 1024 ** 3);
    assert.deepEqual(cached.CachediSCSIVolumes?.[0]?.CreatedDate, new Date('2025-02-01T10:00:00Z'));
    const eu = new StorageGatewayClient(emu.config('eu-west-1'));
    const stored = await eu.send(
      new DescribeStorediSCSIVolumesCommand({ VolumeARNs: [`${EU_GW}/volume/vol-5566EEFF`] }),
    );
    assert.equal(stored.StorediSCSIVolumes?.[0]?.VolumeType, 'STORED iSCSI');
    assert.equal(
      await errorCode(sgw.send(new DescribeStorediSCSIVolumesCommand({ VolumeARNs: [VOL] }))),
      'InvalidParameters',
    );
    assert.equal(
      await errorCode(sgw.send(new DescribeCachediSCSIVolumesCommand({ VolumeARNs: [`${GW}/volume/vol-00000000`] }))),
      'VolumeNotFound',
    );
  });

  it('creates a snapshot that ec2 DescribeSnapshots shows pending with rising Progress, then completed', async () => {
    const out = await sgw.send(
      new CreateSnapshotCommand({
        VolumeARN: VOL,
        SnapshotDescription: 'before upgrade',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    assert.equal(out.VolumeARN, VOL);
    assert.match(out.SnapshotId ?? '', /^snap-[0-9a-f]{17}$/);
    const describe = async () =>
      (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [out.SnapshotId!] }))).Snapshots?.[0];
    let snap = await describe();
    assert.deepEqual(
      [snap?.State, snap?.Progress, snap?.Description, snap?.VolumeId],
      ['pending', '0%', 'before upgrade', 'vol-1122AABB'],
    );
    assert.equal(
      await errorCode(sgw.send(new CreateSnapshotCommand({ VolumeARN: VOL, SnapshotDescription: 'again' }))),
      'SnapshotInProgress',
    );
    emu.clock.advance(3_000);
    snap = await describe();
    assert.deepEqual([snap?.State, snap?.Progress], ['pending', '30%']);
    emu.clock.advance(7_000);
    snap = await describe();
    assert.deepEqual([snap?.State, snap?.Progress], ['completed', '100%']);
    const byVolume = await ec2.send(
      new DescribeSnapshotsCommand({ Filters: [{ Name: 'volume-id', Values: ['vol-1122AABB'] }] }),
    );
    assert.deepEqual(
      byVolume.Snapshots?.map((s) => s.SnapshotId),
      ['snap-0a1b2c3d4e5f60001', 'snap-0a1b2c3d4e5f60002', out.SnapshotId],
    );
  });

  it('refuses snapshots of a volume on a gateway that is not running (GatewayNotConnected) and unknown volumes', async () => {
    const eu = new StorageGatewayClient(emu.config('eu-west-1'));
    assert.equal(
      await errorCode(eu.send(new CreateSnapshotCommand({ VolumeARN: EU_OFFLINE_VOL, SnapshotDescription: 'x' }))),
      'GatewayNotConnected',
    );
    assert.equal(
      await errorCode(
        sgw.send(new CreateSnapshotCommand({ VolumeARN: `${GW}/volume/vol-DEADBEEF`, SnapshotDescription: 'x' })),
      ),
      'VolumeNotFound',
    );
    assert.equal(
      await errorCode(sgw.send(new ListVolumesCommand({ GatewayARN: `${GW.slice(0, -8)}sgw-00000000` }))),
      'GatewayNotFound',
    );
  });

  it('validates against the model: VolumeARN pattern and length, description length, tag key pattern', async () => {
    const cases: [CreateSnapshotCommandInput, RegExp][] = [
      [
        { VolumeARN: 'arn:aws:storagegateway:us-east-1:123456789012:gateway/short', SnapshotDescription: 'x' },
        /volumeARN/,
      ],
      [{ VolumeARN: `${GW}/vol/vol-1122AABB`, SnapshotDescription: 'x' }, /volumeARN.*regular expression/],
      [{ VolumeARN: VOL, SnapshotDescription: '' }, /snapshotDescription/],
      [{ VolumeARN: VOL, SnapshotDescription: 'd'.repeat(256) }, /snapshotDescription/],
      [{ VolumeARN: VOL, SnapshotDescription: 'x', Tags: [{ Key: 'bad#key', Value: 'v' }] }, /tags\.1\.member\.key/],
    ];
    for (const [input, message] of cases) {
      const error = await rejects(sgw.send(new CreateSnapshotCommand(input)), {
        cls: InvalidGatewayRequestException,
        message,
      });
      assert.equal((error as InvalidGatewayRequestException).error?.errorCode, 'InvalidParameters');
    }
  });

  it('refuses 51 tags (the documented "up to 50") and answers ListTagsForResource for gateways and volumes', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const input = { VolumeARN: VOL, SnapshotDescription: 'tags', Tags: tags(51) };
    assert.equal(await errorCode(sgw.send(new CreateSnapshotCommand(input))), 'InvalidParameters');
    const created = await sgw.send(new CreateSnapshotCommand({ ...input, Tags: tags(50) }));
    const ebs = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [created.SnapshotId!] }));
    assert.equal(ebs.Snapshots?.[0]?.Tags?.length, 50);
    const volume = await sgw.send(new ListTagsForResourceCommand({ ResourceARN: VOL }));
    assert.deepEqual([volume.ResourceARN, volume.Tags], [VOL, [{ Key: 'app', Value: 'file-shares' }]]);
    const gateway = await sgw.send(new ListTagsForResourceCommand({ ResourceARN: GW }));
    assert.deepEqual(gateway.Tags, [{ Key: 'site', Value: 'head-office' }]);
    const missing = sgw.send(new ListTagsForResourceCommand({ ResourceARN: `${GW}/volume/vol-00000000` }));
    assert.equal(await errorCode(missing), 'VolumeNotFound');
  });

  it('pages ListVolumes with Limit/Marker and ec2 DescribeSnapshots with MaxResults/NextToken, every item once', async () => {
    const eu = new StorageGatewayClient(emu.config('eu-west-1'));
    const volumes: string[] = [];
    for await (const page of paginateListVolumes({ client: eu }, {}))
      volumes.push(...(page.VolumeInfos ?? []).map((v) => v.VolumeId!));
    assert.equal(volumes.length, 208);
    assert.equal(new Set(volumes).size, 208);
    const euEc2 = new EC2Client(emu.config('eu-west-1'));
    const snapshots: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeSnapshots({ client: euEc2, pageSize: 50 }, {})) {
      pages += 1;
      snapshots.push(...(page.Snapshots ?? []).map((s) => s.SnapshotId!));
    }
    assert.equal(pages, 5);
    // 205 bulk snapshots and the demo's three in eu-west-1.
    assert.equal(new Set(snapshots).size, 208);
  });

  it('answers ec2 errors as EC2 does: unknown and malformed ids, MaxResults rules, unknown filters', async () => {
    await rejects(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0123456789abcdef9'] })), {
      name: 'InvalidSnapshot.NotFound',
      message: /does not exist/,
    });
    await rejects(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ['vol-123'] })), {
      name: 'InvalidParameterValue',
    });
    await rejects(ec2.send(new DescribeSnapshotsCommand({ MaxResults: 4 })), {
      name: 'InvalidParameterValue',
      message: /maxResults/,
    });
    await rejects(ec2.send(new DescribeSnapshotsCommand({ MaxResults: 10, SnapshotIds: ['snap-0a1b2c3d4e5f60001'] })), {
      name: 'InvalidParameterCombination',
    });
    await rejects(ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })), {
      name: 'InvalidParameterValue',
    });
  });
});
