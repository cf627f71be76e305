// Storage Gateway restore against a fake AWS: the form's defaults and where they came from, disabled gateways and
// disks, the target-name check, and the exact request calls() builds for a cached and a stored gateway (and that
// send sends it). The restored volumes' states and the error sentences: storageGatewayRestoreStatus.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidGatewayRequestException } from '@aws-sdk/client-storage-gateway';
import type { FormField, OperationForm } from '../../../src/services/forms';
import type { Resource, Snapshot } from '../../../src/services/service';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { fakeAws, type Handlers } from './fakeAws';

const GIB = 1024 ** 3;
const gw = (id: string) => `arn:aws:storagegateway:us-east-1:123456789012:gateway/${id}`;
const cachedGw = gw('sgw-CACHED01');
const storedGw = gw('sgw-STORED01');
const sourceVolume = `${cachedGw}/volume/vol-1122AABB`;

function snapshotOf(volumeArn: string, state: Snapshot['state'] = 'available'): Snapshot {
  return {
    service: 'storagegateway',
    id: 'snap-0a1b2c3d4e5f60002',
    name: 'office-shares nightly',
    resourceId: volumeArn,
    state,
    status: state === 'available' ? 'completed' : 'pending',
    details: [],
  };
}

const source: Resource = {
  service: 'storagegateway',
  id: sourceVolume,
  name: 'vol-1122AABB',
  status: 'AVAILABLE',
  summary: '',
  snapshottable: { ok: true },
  details: [['iSCSI target', `${cachedGw}/target/iqn.1997-05.com.amazon:office-shares`]],
};

function account(overrides: Handlers = {}): Handlers {
  const gateways = [
    { GatewayARN: gw('sgw-FILE0001'), GatewayName: 'files', GatewayType: 'FILE_S3' },
    { GatewayARN: cachedGw, GatewayName: 'office-cache', GatewayType: 'CACHED' },
    { GatewayARN: storedGw, GatewayName: 'dublin-stored', GatewayType: 'STORED' },
    { GatewayARN: gw('sgw-OFFLINE1'), GatewayName: 'offline', GatewayType: 'STORED' },
  ];
  const disks = [
    { DiskId: 'd-buffer', DiskPath: '/dev/sdb', DiskAllocationType: 'UPLOAD_BUFFER', DiskSizeInBytes: 2048 * GIB },
    {
      DiskId: 'd-big',
      DiskPath: '/dev/sdc',
      DiskAllocationType: 'AVAILABLE',
      DiskStatus: 'present',
      DiskSizeInBytes: 2048 * GIB,
    },
    {
      DiskId: 'd-fit',
      DiskPath: '/dev/sdd',
      DiskAllocationType: 'AVAILABLE',
      DiskStatus: 'present',
      DiskSizeInBytes: 600 * GIB,
    },
    {
      DiskId: 'd-small',
      DiskPath: '/dev/sde',
      DiskAllocationType: 'AVAILABLE',
      DiskStatus: 'present',
      DiskSizeInBytes: 100 * GIB,
    },
  ];
  return {
    DescribeSnapshotsCommand: () => ({
      Snapshots: [{ SnapshotId: 'snap-0a1b2c3d4e5f60002', VolumeSize: 500, State: 'completed' }],
    }),
    ListGatewaysCommand: () => ({ Gateways: gateways }),
    DescribeGatewayInformationCommand: (input) => {
      if (input.GatewayARN === gw('sgw-OFFLINE1')) {
        throw new InvalidGatewayRequestException({
          message: 'not connected',
          $metadata: {},
          error: { errorCode: 'GatewayNotConnected' },
        });
      }
      const g = gateways.find((x) => x.GatewayARN === input.GatewayARN);
      return {
        GatewayARN: g?.GatewayARN,
        GatewayName: g?.GatewayName,
        GatewayType: g?.GatewayType,
        GatewayState: 'RUNNING',
        GatewayNetworkInterfaces: [{ Ipv4Address: '10.0.0.10' }, { Ipv4Address: '10.0.0.11' }],
      };
    },
    ListLocalDisksCommand: () => ({ Disks: disks }),
    ListTagsForResourceCommand: () => ({ Tags: [{ Key: 'app', Value: 'file-shares' }] }),
    ListVolumesCommand: () => ({ VolumeInfos: [{ VolumeARN: sourceVolume, VolumeType: 'CACHED iSCSI' }] }),
    DescribeCachediSCSIVolumesCommand: (input) => ({
      CachediSCSIVolumes: (input.VolumeARNs as string[]).map((arn, i) => ({
        VolumeARN: arn,
        TargetName: arn === sourceVolume ? 'office-shares' : undefined,
        VolumeStatus: i === 0 ? 'RESTORING' : 'AVAILABLE',
        VolumeProgress: i === 0 ? 42.5 : undefined,
      })),
    }),
    DescribeStorediSCSIVolumesCommand: (input) => ({
      StorediSCSIVolumes: (input.VolumeARNs as string[]).map((arn) => ({ VolumeARN: arn, VolumeStatus: 'CREATING' })),
    }),
    CreateCachediSCSIVolumeCommand: (input) => ({
      VolumeARN: `${String(input.GatewayARN)}/volume/vol-NEW00001`,
      TargetARN: 't',
    }),
    CreateStorediSCSIVolumeCommand: (input) => ({
      VolumeARN: `${String(input.GatewayARN)}/volume/vol-NEW00002`,
      TargetARN: 't',
      VolumeSizeInBytes: 600 * GIB,
    }),
    ...overrides,
  };
}

const field = (form: OperationForm, key: string): FormField => {
  const found = form.fields.find((f) => f.key === key);
  assert.ok(found, key);
  return found;
};
const signal = new AbortController().signal;

describe('Storage Gateway restore form', () => {
  it('defaults from the source: its gateway, its target name and tags, the snapshot size, the first interface', async () => {
    const aws = fakeAws(account());
    const form = await svc.restore!.prepare(aws.ctx, snapshotOf(sourceVolume), source);
    assert.deepEqual(field(form, 'GatewayARN').defaultValue, {
      value: cachedGw,
      source: "the source volume's gateway",
    });
    assert.deepEqual(field(form, 'TargetName').defaultValue, {
      value: 'office-shares-snap-0a1b2c3d4e5f60002',
      source: "the source volume's target name and the snapshot id",
    });
    assert.deepEqual(field(form, 'VolumeSizeInBytes').defaultValue, {
      value: '500',
      source: "the snapshot's volume size",
    });
    assert.deepEqual(field(form, 'NetworkInterfaceId').defaultValue, {
      value: '10.0.0.10',
      source: "the gateway's first network interface",
    });
    assert.deepEqual(field(form, 'PreserveExistingData').defaultValue?.value, 'false');
    assert.equal(field(form, 'DiskId').defaultValue, undefined, 'a cached default gateway reads no disks');
    assert.deepEqual(form.defaultTags, [{ key: 'app', value: 'file-shares' }]);
    assert.equal(form.nameField, 'TargetName');
    assert.deepEqual(aws.named('ListLocalDisksCommand'), []);
    assert.equal(aws.named('DescribeGatewayInformationCommand').length, 3, 'only volume gateways are described');
  });

  it('shows file and offline gateways disabled with the reason; asks size for cached, disk for stored', async () => {
    const form = await svc.restore!.prepare(fakeAws(account()).ctx, snapshotOf(sourceVolume), source);
    const choices = await field(form, 'GatewayARN').choices!({}, signal);
    assert.deepEqual(
      choices.map((c) => [c.label, c.disabledReason]),
      [
        ['files', 'a FILE_S3 gateway takes no iSCSI volumes (only cached and stored volume gateways do)'],
        ['office-cache', undefined],
        ['dublin-stored', undefined],
        ['offline', 'the gateway is NOT_CONNECTED: it must be running and connected to AWS'],
      ],
    );
    const asked = (values: Record<string, string>) =>
      form.fields.filter((f) => !f.when || f.when(values)).map((f) => f.key);
    assert.deepEqual(asked({ GatewayARN: cachedGw }), [
      'GatewayARN',
      'TargetName',
      'VolumeSizeInBytes',
      'NetworkInterfaceId',
    ]);
    assert.deepEqual(asked({ GatewayARN: storedGw }), [
      'GatewayARN',
      'TargetName',
      'DiskId',
      'PreserveExistingData',
      'NetworkInterfaceId',
    ]);
    const disks = await field(form, 'DiskId').choices!({ GatewayARN: storedGw }, signal);
    assert.deepEqual(
      disks.map((d) => [d.value, d.disabledReason]),
      [
        ['d-buffer', 'in use (UPLOAD_BUFFER)'],
        ['d-big', undefined],
        ['d-fit', undefined],
        ['d-small', "the disk (100 GiB) is smaller than the snapshot's volume (500 GiB)"],
      ],
    );
    assert.match(field(form, 'VolumeSizeInBytes').validate('499', {})[0]?.message ?? '', /at least 500 GiB/);
  });

  it('defaults to the first usable gateway and its smallest fitting disk when the source gateway is gone', async () => {
    const aws = fakeAws(account({ ListTagsForResourceCommand: () => assert.fail('the source volume is gone') }));
    const gone = `${gw('sgw-GONE0001')}/volume/vol-0000AAAA`;
    const form = await svc.restore!.prepare(aws.ctx, snapshotOf(gone), undefined);
    assert.deepEqual(field(form, 'GatewayARN').defaultValue, {
      value: cachedGw,
      source: 'the first volume gateway that can take it',
    });
    assert.equal(field(form, 'TargetName').defaultValue?.value, 'vol-0000aaaa-snap-0a1b2c3d4e5f60002');
    assert.deepEqual(form.defaultTags, []);

    const storedSource = `${storedGw}/volume/vol-5566EEFF`;
    const stored = await svc.restore!.prepare(fakeAws(account()).ctx, snapshotOf(storedSource), undefined);
    assert.deepEqual(field(stored, 'DiskId').defaultValue, {
      value: 'd-fit',
      source: 'the smallest free disk that holds the snapshot',
    });
  });

  it('refuses a target name taken on the chosen gateway on Enter', async () => {
    const aws = fakeAws(account());
    const form = await svc.restore!.prepare(aws.ctx, snapshotOf(sourceVolume), source);
    const target = field(form, 'TargetName');
    assert.deepEqual(target.validate('office-shares', { GatewayARN: cachedGw }), []);
    assert.match(
      (await target.accept!('office-shares', signal, { GatewayARN: cachedGw })) ?? '',
      /office-shares is taken on office-cache/,
    );
    assert.equal(await target.accept!('office-shares-2', signal, { GatewayARN: cachedGw }), undefined);
    assert.deepEqual(aws.named('ListVolumesCommand')[0]?.input, { GatewayARN: cachedGw });
  });

  it('builds CreateCachediSCSIVolume with the size in bytes and the client token; send sends exactly that', async () => {
    const aws = fakeAws(account());
    const form = await svc.restore!.prepare(aws.ctx, snapshotOf(sourceVolume), source);
    const input = {
      values: {
        GatewayARN: cachedGw,
        TargetName: 'restored',
        VolumeSizeInBytes: '600',
        NetworkInterfaceId: '10.0.0.11',
      },
      tags: [{ key: 'app', value: 'x' }],
      clientToken: '5b0c1f8e-2f3a-4c55-9d1e-8f7a6b5c4d3e',
    };
    assert.deepEqual(form.calls(input), [
      {
        operation: 'CreateCachediSCSIVolume',
        input: {
          GatewayARN: cachedGw,
          SnapshotId: 'snap-0a1b2c3d4e5f60002',
          TargetName: 'restored',
          NetworkInterfaceId: '10.0.0.11',
          Tags: [{ Key: 'app', Value: 'x' }],
          VolumeSizeInBytes: 600 * GIB,
          ClientToken: '5b0c1f8e-2f3a-4c55-9d1e-8f7a6b5c4d3e',
        },
      },
    ]);
    const made = await form.send(input);
    assert.deepEqual(aws.named('CreateCachediSCSIVolumeCommand')[0]?.input, form.calls(input)[0]?.input);
    assert.deepEqual(made, {
      id: `${cachedGw}/volume/vol-NEW00001`,
      name: 'restored',
      state: 'creating',
      status: 'CREATING',
    });
  });

  it('builds CreateStorediSCSIVolume with the disk and PreserveExistingData, without a client token', async () => {
    const aws = fakeAws(account());
    const form = await svc.restore!.prepare(aws.ctx, snapshotOf(sourceVolume), source);
    const input = {
      values: {
        GatewayARN: storedGw,
        TargetName: 'restored',
        DiskId: 'd-fit',
        PreserveExistingData: 'false',
        NetworkInterfaceId: '10.0.0.10',
      },
      tags: [],
      clientToken: 'token-1',
    };
    assert.deepEqual(form.calls(input), [
      {
        operation: 'CreateStorediSCSIVolume',
        input: {
          GatewayARN: storedGw,
          SnapshotId: 'snap-0a1b2c3d4e5f60002',
          TargetName: 'restored',
          NetworkInterfaceId: '10.0.0.10',
          DiskId: 'd-fit',
          PreserveExistingData: false,
        },
      },
    ]);
    await form.send(input);
    assert.deepEqual(aws.named('CreateStorediSCSIVolumeCommand')[0]?.input, form.calls(input)[0]?.input);
  });

  it('refuses a snapshot that is not available', () => {
    assert.equal(svc.restore!.refusal!(snapshotOf(sourceVolume)), undefined);
    assert.match(svc.restore!.refusal!(snapshotOf(sourceVolume, 'creating')) ?? '', /still being created/);
  });
});
