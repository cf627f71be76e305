// Storage Gateway (awsJson1_1) through Python botocore with the seed's models, signatures verified: ListGateways,
// ListVolumes, DescribeGatewayInformation, Describe{Cached,Stored}iSCSIVolumes, CreateSnapshot, ListTagsForResource,
// and the restore's ListLocalDisks, CreateCachediSCSIVolume and CreateStorediSCSIVolume; output shapes
// (LunNumber ≥ 1), paging, the documented "up to 50 tags", modeled errors and HTTP statuses.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeBotocore, everyItemOnce, ok, refused } from './suite';

const svc = 'storagegateway';
const gatewayArn = (region: string, id: string) => `arn:aws:storagegateway:${region}:123456789012:gateway/${id}`;
const volumeArn = (region: string, gateway: string, volume: string) =>
  `${gatewayArn(region, gateway)}/volume/${volume}`;
const officeGateway = gatewayArn('us-east-1', 'sgw-12A3456B');
const officeShares = volumeArn('us-east-1', 'sgw-12A3456B', 'vol-1122AABB');
const dublinDb = volumeArn('eu-west-1', 'sgw-34C5678D', 'vol-5566EEFF');
const dublinGateway = gatewayArn('eu-west-1', 'sgw-34C5678D');

describeBotocore('botocore: storagegateway', (ctx) => {
  it('lists and describes gateways and volumes in the modeled shapes, LUN numbers from 1', async () => {
    const [gateways, volumes, info, cached, stored] = await ctx().boto.run([
      { service: svc, operation: 'ListGateways' },
      { service: svc, operation: 'ListVolumes', params: { GatewayARN: officeGateway } },
      { service: svc, operation: 'DescribeGatewayInformation', params: { GatewayARN: officeGateway } },
      { service: svc, operation: 'DescribeCachediSCSIVolumes', params: { VolumeARNs: [officeShares] } },
      {
        service: svc,
        region: 'eu-west-1',
        operation: 'DescribeStorediSCSIVolumes',
        params: { VolumeARNs: [dublinDb] },
      },
    ]);
    assert.deepEqual(
      (ok(gateways, svc, 'ListGateways').Gateways as { GatewayId: string }[]).map((g) => g.GatewayId),
      ['sgw-12A3456B'],
    );
    const volumeIds = (ok(volumes, svc, 'ListVolumes').VolumeInfos as { VolumeId: string }[]).map((v) => v.VolumeId);
    assert.deepEqual(volumeIds, ['vol-1122AABB', 'vol-3344CCDD']);
    const gateway = ok(info, svc, 'DescribeGatewayInformation');
    assert.equal(gateway.GatewayState, 'RUNNING');
    assert.deepEqual(gateway.Tags, [{ Key: 'site', Value: 'head-office' }]);
    type Volume = { VolumeId: string; VolumeiSCSIAttributes: { LunNumber: number } };
    const [cachedVolume] = ok(cached, svc, 'DescribeCachediSCSIVolumes').CachediSCSIVolumes as Volume[];
    assert.equal(cachedVolume?.VolumeId, 'vol-1122AABB');
    assert.ok((cachedVolume?.VolumeiSCSIAttributes.LunNumber ?? 0) >= 1);
    const [storedVolume] = ok(stored, svc, 'DescribeStorediSCSIVolumes').StorediSCSIVolumes as Volume[];
    assert.ok((storedVolume?.VolumeiSCSIAttributes.LunNumber ?? 0) >= 1);
  });

  it('pages volumes and gateways with the model paginators: every item once', async () => {
    const [volumes, gateways] = await ctx().boto.run([
      { service: svc, region: 'eu-west-1', operation: 'ListVolumes', paginate: true, pageSize: 60 },
      { service: svc, region: 'eu-west-1', operation: 'ListGateways', paginate: true, pageSize: 1 },
    ]);
    ok(volumes, svc, 'ListVolumes');
    assert.equal(volumes!.pages!.length, 4);
    const ids = everyItemOnce(volumes!, 'VolumeInfos', 'VolumeId');
    assert.equal(ids.length, 208); // three demo volumes and 205 on the bulk gateway
    ok(gateways, svc, 'ListGateways');
    assert.deepEqual(everyItemOnce(gateways!, 'Gateways', 'GatewayId').sort(), [
      'sgw-34C5678D',
      'sgw-45D6789E',
      'sgw-B0000001',
    ]);
  });

  it('creates a snapshot with 50 tags, which EC2 DescribeSnapshots shows; ListTagsForResource reads volume tags', async () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
    const created = await ctx().boto.call({
      service: svc,
      operation: 'CreateSnapshot',
      params: { VolumeARN: officeShares, SnapshotDescription: 'from botocore', Tags: tags },
    });
    const out = ok(created, svc, 'CreateSnapshot');
    assert.match(String(out.SnapshotId), /^snap-[0-9a-f]{17}$/);
    const [ebs, volumeTags, gatewayTags] = await ctx().boto.run([
      { service: 'ec2', operation: 'DescribeSnapshots', params: { SnapshotIds: [out.SnapshotId] } },
      { service: svc, operation: 'ListTagsForResource', params: { ResourceARN: officeShares } },
      { service: svc, operation: 'ListTagsForResource', params: { ResourceARN: officeGateway }, paginate: true },
    ]);
    const [snapshot] = ok(ebs, 'ec2', 'DescribeSnapshots').Snapshots as { Tags: unknown[]; Description: string }[];
    assert.equal(snapshot?.Description, 'from botocore');
    assert.deepEqual(snapshot?.Tags, tags);
    assert.deepEqual(ok(volumeTags, svc, 'ListTagsForResource').Tags, [{ Key: 'app', Value: 'file-shares' }]);
    ok(gatewayTags, svc, 'ListTagsForResource');
    assert.deepEqual(
      gatewayTags!.pages?.flatMap((p) => p.Tags),
      [{ Key: 'site', Value: 'head-office' }],
    );
  });

  it('refuses 51 tags (the API documents up to 50) and creates nothing', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const result = await ctx().boto.call({
      service: svc,
      operation: 'CreateSnapshot',
      params: { VolumeARN: officeShares, SnapshotDescription: 'too many tags', Tags: tags },
    });
    refused(result, 'InvalidGatewayRequestException', 400, /50 tags/);
    assert.deepEqual((result.error?.error as { errorCode?: string }).errorCode, 'InvalidParameters');
    const ebs = await ctx().boto.call({
      service: 'ec2',
      operation: 'DescribeSnapshots',
      params: { Filters: [{ Name: 'description', Values: ['too many tags'] }] },
    });
    assert.deepEqual(ok(ebs, 'ec2', 'DescribeSnapshots').Snapshots, []);
  });

  it('answers the modeled errors with their HTTP statuses and error codes', async () => {
    const offline = volumeArn('eu-west-1', 'sgw-45D6789E', 'vol-99BB1122');
    const [notConnected, noVolume, noGateway, wrongType, shortArn] = await ctx().boto.run([
      {
        service: svc,
        region: 'eu-west-1',
        operation: 'CreateSnapshot',
        params: { VolumeARN: offline, SnapshotDescription: 'offline' },
      },
      {
        service: svc,
        operation: 'ListTagsForResource',
        params: { ResourceARN: volumeArn('us-east-1', 'sgw-12A3456B', 'vol-00000000') },
      },
      {
        service: svc,
        operation: 'DescribeGatewayInformation',
        params: { GatewayARN: gatewayArn('us-east-1', 'sgw-00000000') },
      },
      { service: svc, operation: 'DescribeStorediSCSIVolumes', params: { VolumeARNs: [officeShares] } },
      { service: svc, operation: 'ListVolumes', params: { GatewayARN: 'arn:too-short' }, validate: false },
    ]);
    const code = (r: typeof notConnected) => (r?.error?.error as { errorCode?: string } | undefined)?.errorCode;
    refused(notConnected, 'InvalidGatewayRequestException', 400);
    assert.equal(code(notConnected), 'GatewayNotConnected');
    refused(noVolume, 'InvalidGatewayRequestException', 400);
    assert.equal(code(noVolume), 'VolumeNotFound');
    refused(noGateway, 'InvalidGatewayRequestException', 400);
    assert.equal(code(noGateway), 'GatewayNotFound');
    refused(wrongType, 'InvalidGatewayRequestException', 400, /not a stored volume/);
    refused(shortArn, 'InvalidGatewayRequestException', 400, /gatewayARN/);
    assert.equal(code(shortArn), 'InvalidParameters');
  });

  it('restores EBS snapshots as a cached and a stored volume (ClientToken idempotent), listed at once', async () => {
    const token = 'botocore-restore-token-1';
    const cachedParams = {
      GatewayARN: officeGateway,
      VolumeSizeInBytes: 600 * 1024 ** 3,
      SnapshotId: 'snap-0a1b2c3d4e5f60002',
      TargetName: 'from-botocore',
      NetworkInterfaceId: '10.0.0.10',
      ClientToken: token,
      Tags: [{ Key: 'made-by', Value: 'botocore' }],
    };
    const [first, again, disks] = await ctx().boto.run([
      { service: svc, operation: 'CreateCachediSCSIVolume', params: cachedParams },
      { service: svc, operation: 'CreateCachediSCSIVolume', params: cachedParams },
      { service: svc, region: 'eu-west-1', operation: 'ListLocalDisks', params: { GatewayARN: dublinGateway } },
    ]);
    const made = ok(first, svc, 'CreateCachediSCSIVolume');
    assert.match(
      String(made.VolumeARN),
      /^arn:aws:storagegateway:us-east-1:123456789012:gateway\/sgw-12A3456B\/volume\/vol-/,
    );
    assert.match(String(made.TargetARN), /target\/iqn\.1997-05\.com\.amazon:from-botocore$/);
    assert.equal(ok(again, svc, 'CreateCachediSCSIVolume').VolumeARN, made.VolumeARN);
    type Disk = { DiskId: string; DiskAllocationType: string; DiskSizeInBytes: number };
    const free = (ok(disks, svc, 'ListLocalDisks').Disks as Disk[]).filter((d) => d.DiskAllocationType === 'AVAILABLE');
    assert.deepEqual(
      free.map((d) => d.DiskSizeInBytes / 1024 ** 3),
      [1024, 2048, 100],
    );
    const [storedResult] = await ctx().boto.run([
      {
        service: svc,
        region: 'eu-west-1',
        operation: 'CreateStorediSCSIVolume',
        params: {
          GatewayARN: dublinGateway,
          DiskId: free[0]?.DiskId,
          SnapshotId: 'snap-0b1c2d3e4f5a60001',
          PreserveExistingData: false,
          TargetName: 'stored-from-botocore',
          NetworkInterfaceId: '10.0.0.10',
        },
      },
    ]);
    const stored = ok(storedResult, svc, 'CreateStorediSCSIVolume');
    assert.equal(stored.VolumeSizeInBytes, 1024 ** 4);
    const [cachedDescribed, storedDescribed, listed] = await ctx().boto.run([
      { service: svc, operation: 'DescribeCachediSCSIVolumes', params: { VolumeARNs: [made.VolumeARN] } },
      {
        service: svc,
        region: 'eu-west-1',
        operation: 'DescribeStorediSCSIVolumes',
        params: { VolumeARNs: [stored.VolumeARN] },
      },
      { service: svc, operation: 'ListVolumes', params: { GatewayARN: officeGateway } },
    ]);
    type Volume = { SourceSnapshotId: string; VolumeStatus: string; VolumeDiskId?: string };
    const [cachedVolume] = ok(cachedDescribed, svc, 'DescribeCachediSCSIVolumes').CachediSCSIVolumes as Volume[];
    assert.equal(cachedVolume?.SourceSnapshotId, 'snap-0a1b2c3d4e5f60002');
    assert.ok(['CREATING', 'RESTORING', 'AVAILABLE'].includes(cachedVolume?.VolumeStatus ?? ''));
    const [storedVolume] = ok(storedDescribed, svc, 'DescribeStorediSCSIVolumes').StorediSCSIVolumes as Volume[];
    assert.equal(storedVolume?.VolumeDiskId, free[0]?.DiskId);
    const ids = (ok(listed, svc, 'ListVolumes').VolumeInfos as { VolumeARN: string }[]).map((v) => v.VolumeARN);
    assert.equal(ids.length, 3);
    assert.ok(ids.includes(String(made.VolumeARN)));
  });

  it('refuses a taken target name, an unknown snapshot, an allocated disk and a reused token with their error codes', async () => {
    const base = {
      GatewayARN: officeGateway,
      VolumeSizeInBytes: 500 * 1024 ** 3,
      SnapshotId: 'snap-0a1b2c3d4e5f60002',
      NetworkInterfaceId: '10.0.0.10',
    };
    const [taken, unknown, allocated, first] = await ctx().boto.run([
      {
        service: svc,
        operation: 'CreateCachediSCSIVolume',
        params: { ...base, TargetName: 'office-shares', ClientToken: 'botocore-token-taken' },
      },
      {
        service: svc,
        operation: 'CreateCachediSCSIVolume',
        params: { ...base, TargetName: 'x', SnapshotId: 'snap-00000000', ClientToken: 'botocore-token-unknown' },
      },
      {
        service: svc,
        region: 'eu-west-1',
        operation: 'CreateStorediSCSIVolume',
        params: {
          GatewayARN: dublinGateway,
          DiskId: 'pci-0000:03:00.0-scsi-0:0:1:0',
          SnapshotId: 'snap-0b1c2d3e4f5a60001',
          PreserveExistingData: false,
          TargetName: 'on-a-used-disk',
          NetworkInterfaceId: '10.0.0.10',
        },
      },
      {
        service: svc,
        operation: 'CreateCachediSCSIVolume',
        params: { ...base, TargetName: 'first-use', ClientToken: 'botocore-token-reused' },
      },
    ]);
    const code = (r: typeof taken) => (r?.error?.error as { errorCode?: string } | undefined)?.errorCode;
    refused(taken, 'InvalidGatewayRequestException', 400, /office-shares/);
    assert.equal(code(taken), 'TargetAlreadyExists');
    refused(unknown, 'InvalidGatewayRequestException', 400);
    assert.equal(code(unknown), 'SnapshotIdInvalid');
    refused(allocated, 'InvalidGatewayRequestException', 400);
    assert.equal(code(allocated), 'DiskAlreadyAllocated');
    ok(first, svc, 'CreateCachediSCSIVolume');
    const reused = await ctx().boto.call({
      service: svc,
      operation: 'CreateCachediSCSIVolume',
      params: { ...base, TargetName: 'second-use', ClientToken: 'botocore-token-reused' },
    });
    refused(reused, 'InvalidGatewayRequestException', 400, /client token/);
    assert.equal(code(reused), 'InvalidParameters');
  });

  it('ec2 CopySnapshot: botocore presigns the source region from SourceRegion; the copy completes in the destination', async () => {
    const [copied, missing] = await ctx().boto.run([
      {
        service: 'ec2',
        region: 'eu-west-1',
        operation: 'CopySnapshot',
        params: { SourceRegion: 'us-east-1', SourceSnapshotId: 'snap-0a1b2c3d4e5f60001', Description: 'botocore copy' },
      },
      {
        service: 'ec2',
        region: 'eu-west-1',
        operation: 'CopySnapshot',
        params: { SourceRegion: 'us-east-1', SourceSnapshotId: 'snap-0a1b2c3d4e5f6ffff' },
      },
    ]);
    const id = ok(copied, 'ec2', 'CopySnapshot').SnapshotId as string;
    assert.match(id, /^snap-[0-9a-f]{17}$/);
    refused(missing, 'InvalidSnapshot.NotFound', 400);
    // A copy whose pre-signed URL the emulator could not verify would be in the error state.
    const [described] = await ctx().boto.run([
      { service: 'ec2', region: 'eu-west-1', operation: 'DescribeSnapshots', params: { SnapshotIds: [id] } },
    ]);
    const snapshot = (ok(described, 'ec2', 'DescribeSnapshots').Snapshots as Record<string, unknown>[])[0];
    assert.ok(snapshot?.State === 'pending' || snapshot?.State === 'completed', String(snapshot?.State));
    assert.equal(snapshot?.Description, 'botocore copy');
  });
});
