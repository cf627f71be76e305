import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidGatewayRequestException } from '@aws-sdk/client-storage-gateway';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { splitVolumeArn } from '../../../src/services/storageGatewayListing';
import { decodeVolumeCursor, encodeVolumeCursor } from '../../../src/services/storageGatewayCursor';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { byId, fakeAws, type Handlers } from './fakeAws';

const gwArn = (n: number) => `arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-0000000${n}`;
const volArn = (g: number, v: number) => `${gwArn(g)}/volume/vol-${g}000000${v}`;

/** A small account: gateway pages of two; gateway 3 is a file gateway, gateway 4 is shut down. */
function account(): Handlers {
  const gateways = [1, 2, 3, 4, 5].map((n) => ({
    GatewayARN: gwArn(n),
    GatewayId: `sgw-0000000${n}`,
    GatewayName: `gw-${n}`,
    GatewayType: n === 3 ? 'FILE_S3' : n === 2 ? 'STORED' : 'CACHED',
  }));
  const volumes: Record<
    string,
    Array<{ VolumeARN: string; VolumeId: string; VolumeType: string; GatewayARN: string }>
  > = {};
  for (const [g, count] of [
    [1, 3],
    [2, 2],
    [4, 1],
    [5, 0],
  ] as const) {
    volumes[gwArn(g)] = Array.from({ length: count }, (_, v) => ({
      VolumeARN: volArn(g, v),
      VolumeId: `vol-${g}000000${v}`,
      VolumeType: g === 2 ? 'STORED iSCSI' : 'CACHED iSCSI',
      GatewayARN: gwArn(g),
    }));
  }
  const detail = (arn: string) => ({
    VolumeARN: arn,
    VolumeId: arn.split('/').pop(),
    VolumeStatus: 'AVAILABLE',
    VolumeSizeInBytes: 1024 ** 3,
    CreatedDate: new Date('2024-01-01T00:00:00Z'),
  });
  return {
    ListGatewaysCommand: (input) => {
      const start = input.Marker ? Number(input.Marker) : 0;
      const page = gateways.slice(start, start + 2);
      return { Gateways: page, Marker: start + 2 < gateways.length ? String(start + 2) : undefined };
    },
    ListVolumesCommand: (input) => {
      const all = volumes[String(input.GatewayARN)];
      if (!all) throw new Error('ListVolumes on a non-volume gateway');
      const start = input.Marker ? Number(input.Marker) : 0;
      const limit = Number(input.Limit ?? 100);
      return {
        GatewayARN: input.GatewayARN,
        VolumeInfos: all.slice(start, start + limit),
        Marker: start + limit < all.length ? String(start + limit) : undefined,
      };
    },
    DescribeGatewayInformationCommand: (input) => ({
      GatewayARN: input.GatewayARN,
      GatewayName: `name-${String(input.GatewayARN).slice(-1)}`,
      GatewayState: input.GatewayARN === gwArn(4) ? 'SHUTDOWN' : 'RUNNING',
      GatewayType: input.GatewayARN === gwArn(2) ? 'STORED' : 'CACHED',
    }),
    DescribeCachediSCSIVolumesCommand: (input) => ({
      CachediSCSIVolumes: (input.VolumeARNs as string[]).map((a) => ({ ...detail(a), VolumeType: 'CACHED iSCSI' })),
    }),
    DescribeStorediSCSIVolumesCommand: (input) => ({
      StorediSCSIVolumes: (input.VolumeARNs as string[]).map((a) => ({ ...detail(a), VolumeType: 'STORED iSCSI' })),
    }),
  };
}

const ref = (snapshotId: string, resourceId = volArn(1, 0)): SnapshotRef => ({
  service: 'storagegateway',
  profile: 'dev',
  region: 'us-east-1',
  resourceId,
  snapshotId,
  requestedAt: 0,
});

describe('Storage Gateway service', () => {
  it('pages through volumes of every volume gateway, each exactly once, with an opaque token', async () => {
    for (const pageSize of [1, 2, 4, 100]) {
      const { ctx, named } = fakeAws(account());
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await svc.listResources(ctx, { pageSize, nextToken: token });
        assert.ok(page.items.length <= pageSize, `page of ${page.items.length} > ${pageSize}`);
        seen.push(...page.items.map((r) => r.id));
        token = page.nextToken;
        if (token) assert.match(token, /^sgw1\./);
        assert.ok(++pages < 20, 'paging does not end');
      } while (token);
      assert.deepEqual(
        seen,
        [volArn(1, 0), volArn(1, 1), volArn(1, 2), volArn(2, 0), volArn(2, 1), volArn(4, 0)],
        `page size ${pageSize}`,
      );
      assert.ok(
        named('ListVolumesCommand').every((c) => c.input.GatewayARN !== gwArn(3)),
        'ListVolumes is not called on a file gateway',
      );
    }
  });

  it('describes volumes in one batch per gateway and kind, and maps size, type, status and gateway', async () => {
    const { ctx, named } = fakeAws(account());
    const page = await svc.listResources(ctx, { pageSize: 100 });
    assert.equal(named('DescribeCachediSCSIVolumesCommand').length, 1);
    assert.deepEqual(named('DescribeCachediSCSIVolumesCommand')[0]?.input.VolumeARNs, [
      volArn(1, 0),
      volArn(1, 1),
      volArn(1, 2),
    ]);
    assert.equal(named('DescribeStorediSCSIVolumesCommand').length, 1);
    const first = page.items[0] as Resource;
    assert.equal(first.name, 'vol-10000000');
    assert.equal(first.status, 'AVAILABLE');
    assert.equal(first.summary, '1 GiB · cached');
    assert.deepEqual(first.parent, { id: gwArn(1), name: 'name-1' });
    assert.deepEqual(first.snapshottable, { ok: true });
    assert.equal(page.items[3]?.summary, '1 GiB · stored');
  });

  it('marks volumes of a gateway that is not running as not snapshottable, without describing them', async () => {
    const { ctx, named } = fakeAws(account());
    const page = await svc.listResources(ctx, { pageSize: 100 });
    const offline = page.items.find((r) => r.id === volArn(4, 0)) as Resource;
    assert.deepEqual(offline.snapshottable, { ok: false, reason: 'gateway is offline' });
    assert.match(offline.summary, /gateway offline/);
    const described = named('DescribeCachediSCSIVolumesCommand').flatMap((c) => c.input.VolumeARNs as string[]);
    assert.ok(!described.includes(volArn(4, 0)));
  });

  it('treats a gateway that is not connected as offline', async () => {
    const handlers = account();
    handlers.DescribeGatewayInformationCommand = () => {
      throw new InvalidGatewayRequestException({
        message: 'not connected',
        error: { errorCode: 'GatewayNotConnected' },
        $metadata: {},
      });
    };
    const { ctx } = fakeAws(handlers);
    const page = await svc.listResources(ctx, { pageSize: 100 });
    assert.ok(page.items.every((r) => !r.snapshottable.ok));
  });

  it('rejects a page token it did not make', async () => {
    const { ctx, calls } = fakeAws(account());
    await assert.rejects(svc.listResources(ctx, { nextToken: 'garbage' }), /Invalid page token/);
    await assert.rejects(
      svc.listResources(ctx, { nextToken: 'sgw1.' + Buffer.from('{"i":-1}').toString('base64url') }),
      /Invalid page token/,
    );
    assert.equal(calls.length, 0);
    assert.deepEqual(decodeVolumeCursor(encodeVolumeCursor({ gatewayMarker: 'm', index: 3, volumeMarker: 'v' })), {
      gatewayMarker: 'm',
      index: 3,
      volumeMarker: 'v',
    });
  });

  it('getResource describes one volume through its gateway, undefined when it is gone', async () => {
    const handlers = account();
    const { ctx } = fakeAws(handlers);
    const found = await svc.getResource(ctx, volArn(2, 1));
    assert.equal(found?.summary, '1 GiB · stored');
    handlers.DescribeCachediSCSIVolumesCommand = () => {
      throw new InvalidGatewayRequestException({
        message: 'no',
        error: { errorCode: 'VolumeNotFound' },
        $metadata: {},
      });
    };
    assert.equal(await svc.getResource(ctx, volArn(1, 9)), undefined);
    assert.equal(await svc.getResource(ctx, 'not-an-arn'), undefined);
  });

  it('lists snapshots with EC2 DescribeSnapshots filtered by the volume id, newest first', async () => {
    const { ctx, calls } = fakeAws({
      DescribeSnapshotsCommand: () => ({
        Snapshots: [
          {
            SnapshotId: 'snap-1',
            Description: 'old',
            State: 'completed',
            Progress: '100%',
            StartTime: new Date('2024-01-01'),
          },
          {
            SnapshotId: 'snap-2',
            Description: 'new',
            State: 'pending',
            Progress: '45%',
            StartTime: new Date('2024-03-01'),
          },
        ],
        NextToken: 't2',
      }),
    });
    const page = await svc.listSnapshots(ctx, { id: volArn(1, 0) } as Resource, { pageSize: 2, nextToken: 't1' });
    assert.equal(calls[0]?.kind, 'ec2');
    assert.deepEqual(calls[0]?.input, {
      OwnerIds: ['self'],
      Filters: [{ Name: 'volume-id', Values: ['vol-10000000'] }],
      MaxResults: 5,
      NextToken: 't1',
    });
    assert.deepEqual(
      page.items.map((s) => [s.id, s.name, s.state, s.progress]),
      [
        ['snap-2', 'new', 'creating', 45],
        ['snap-1', 'old', 'available', 100],
      ],
    );
    assert.equal(page.nextToken, 't2');
  });

  it('creates a snapshot with the description and tags, returning the EBS snapshot id', async () => {
    const { ctx, calls } = fakeAws({
      CreateSnapshotCommand: () => ({ SnapshotId: 'snap-0abc', VolumeARN: volArn(1, 0) }),
    });
    const s = await svc.createSnapshot(ctx, { id: volArn(1, 0) } as Resource, {
      values: { SnapshotDescription: 'before upgrade' },
      tags: [{ key: 'k', value: 'v' }],
    });
    assert.equal(calls[0]?.kind, 'storagegateway');
    assert.deepEqual(calls[0]?.input, {
      VolumeARN: volArn(1, 0),
      SnapshotDescription: 'before upgrade',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    assert.equal(s.id, 'snap-0abc');
    assert.equal(s.name, 'before upgrade');
    assert.equal(s.state, 'creating');
  });

  it('reads the status of N snapshots with one DescribeSnapshots call', async () => {
    const { ctx, named } = fakeAws({
      DescribeSnapshotsCommand: (input) => ({
        Snapshots: ((input.Filters as Array<{ Values: string[] }>)[0]?.Values ?? [])
          .filter((id) => id !== 'snap-gone')
          .map((id) => ({ SnapshotId: id, State: id === 'snap-3' ? 'error' : 'pending', Progress: '10%' })),
      }),
    });
    const statuses = await svc.getSnapshotStatuses(ctx, [
      ref('snap-1'),
      ref('snap-2', volArn(2, 0)),
      ref('snap-3'),
      ref('snap-gone'),
    ]);
    const calls = named('DescribeSnapshotsCommand');
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]?.input.Filters, [
      { Name: 'snapshot-id', Values: ['snap-1', 'snap-2', 'snap-3', 'snap-gone'] },
    ]);
    assert.deepEqual([...statuses.keys()].sort(), ['snap-1', 'snap-2', 'snap-3']);
    assert.equal(statuses.get('snap-2')?.resourceId, volArn(2, 0));
    assert.equal(statuses.get('snap-3')?.state, 'failed');
    assert.equal(statuses.get('snap-1')?.progress, 10);
  });

  it('splits volume ARNs and links to the gateway in the console', () => {
    assert.deepEqual(splitVolumeArn(volArn(1, 2)), { gatewayArn: gwArn(1), volumeId: 'vol-10000002' });
    assert.equal(
      svc.consoleUrl('us-east-1', { id: volArn(1, 2) } as Resource),
      'https://us-east-1.console.aws.amazon.com/storagegateway/home?region=us-east-1#/gateways/sgw-00000001',
    );
  });

  it('lists the snapshots of the volumes asked for with one volume-id filter naming them all', async () => {
    const ebs = [
      { SnapshotId: 'snap-1', VolumeId: 'vol-10000000', State: 'completed', StartTime: new Date('2024-01-01') },
      { SnapshotId: 'snap-2', VolumeId: 'vol-20000001', State: 'pending', Progress: '5%' },
      { SnapshotId: 'snap-3', VolumeId: 'vol-10000000', State: 'error', StartTime: new Date('2024-02-01') },
      { SnapshotId: 'snap-4', VolumeId: 'vol-99999999', State: 'completed' },
    ];
    const { ctx, calls } = fakeAws({
      DescribeSnapshotsCommand: (input) => {
        const [filter] = input.Filters as Array<{ Values: string[] }>;
        return { Snapshots: ebs.filter((s) => filter?.Values.includes(s.VolumeId)) };
      },
    });
    const batch = svc.batchSnapshots;
    assert.equal(batch?.covers, 'asked');
    assert.equal(batch.maxResources, 200, 'the most values an EC2 filter takes');
    const asked = [volArn(1, 0), volArn(2, 1), volArn(4, 0)].map((id) => ({ id }) as Resource);
    const answer = await batch.list(ctx, [...asked, { id: 'not-a-volume-arn' } as Resource]);
    assert.deepEqual(
      calls.map((c) => [c.kind, c.name, c.input]),
      [
        [
          'ec2',
          'DescribeSnapshotsCommand',
          {
            OwnerIds: ['self'],
            Filters: [{ Name: 'volume-id', Values: ['vol-10000000', 'vol-20000001', 'vol-40000000'] }],
            MaxResults: 1000,
          },
        ],
      ],
    );
    assert.equal(calls[0]?.abortSignal, ctx.signal);
    assert.deepEqual([...(answer?.keys() ?? [])].sort(), [volArn(1, 0), volArn(2, 1)], 'keyed by volume ARN');
    for (const volume of asked) {
      const listed = await svc.listSnapshots(ctx, volume, { pageSize: 100 });
      assert.deepEqual(byId(answer?.get(volume.id)), byId(listed.items), `${volume.id}: as listSnapshots maps them`);
    }
    assert.equal(answer?.get(volArn(1, 0))?.[0]?.resourceId, volArn(1, 0));
  });

  it('answers undefined when the snapshots do not fit one page, and makes no call for no volume', async () => {
    const { ctx, calls } = fakeAws({
      DescribeSnapshotsCommand: () => ({
        Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-10000000' }],
        NextToken: 't',
      }),
    });
    assert.equal(await svc.batchSnapshots?.list(ctx, [{ id: volArn(1, 0) } as Resource]), undefined);
    assert.deepEqual(await svc.batchSnapshots?.list(ctx, [{ id: 'not-a-volume-arn' } as Resource]), new Map());
    assert.equal(calls.length, 1);
  });
});
