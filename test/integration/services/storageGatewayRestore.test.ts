// Storage Gateway restore with the real @aws-sdk/client-storage-gateway against the emulator: a demo snapshot
// restored on a cached and on a stored gateway, the new volume listed at once and followed to AVAILABLE through
// getRestoredStatuses, every modeled error as InvalidGatewayRequestException with its error.errorCode, one volume
// per ClientToken, and polling that costs calls per gateway, not per restore.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CreateCachediSCSIVolumeCommand,
  CreateStorediSCSIVolumeCommand,
  InvalidGatewayRequestException,
  ListLocalDisksCommand,
  StorageGatewayClient,
} from '@aws-sdk/client-storage-gateway';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import type { OperationForm, FormInput } from '../../../src/services/forms';
import type { AwsContext, Resource, Snapshot, TrackedState } from '../../../src/services/service';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { errorFacts } from '../../../src/snapshots/errorMessages';
import { type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const GIB = 1024 ** 3;
const account = '123456789012';
const gatewayArn = (region: string, id: string) => `arn:aws:storagegateway:${region}:${account}:gateway/${id}`;
const office = gatewayArn('us-east-1', 'sgw-12A3456B');
const dublin = gatewayArn('eu-west-1', 'sgw-34C5678D');
const cork = gatewayArn('eu-west-1', 'sgw-45D6789E');
const bulk = gatewayArn('eu-west-1', 'sgw-B0000001');

/** The demo snapshot and its volume, as the tree has them. */
async function demoSnapshot(ctx: AwsContext, volumeId: string, snapshotId: string) {
  const volumes: Resource[] = [];
  let token: string | undefined;
  do {
    const page = await svc.listResources(ctx, { pageSize: 100, nextToken: token });
    volumes.push(...page.items);
    token = page.nextToken;
  } while (token && !volumes.some((v) => v.name === volumeId));
  const volume = volumes.find((v) => v.name === volumeId) as Resource;
  const snapshot = (await svc.listSnapshots(ctx, volume, {})).items.find((s) => s.id === snapshotId) as Snapshot;
  assert.ok(snapshot, snapshotId);
  return { volume, snapshot };
}

/** The form's defaults as values, for the fields asked with them. */
function defaults(form: OperationForm, changes: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.when && !field.when(values)) continue;
    values[field.key] = changes[field.key] ?? field.defaultValue?.value ?? '';
  }
  return values;
}

describe('Storage Gateway restore against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 30, restoreSeconds: 2 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  const client = (region: string) =>
    new StorageGatewayClient({ region, endpoint: h.url, credentials: DEMO_CREDENTIALS[0]! });

  it('restores a demo snapshot on the cached gateway: listed at once, followed to AVAILABLE with progress', async () => {
    const ctx = h.ctx('us-east-1');
    const { volume, snapshot } = await demoSnapshot(ctx, 'vol-1122AABB', 'snap-0a1b2c3d4e5f60002');
    const form = await svc.restore!.prepare(ctx, snapshot, volume);
    const values = defaults(form);
    for (const field of form.fields) {
      if (!field.when || field.when(values)) assert.deepEqual(field.validate(values[field.key] ?? '', values), []);
    }
    assert.deepEqual(values, {
      GatewayARN: office,
      TargetName: 'office-shares-snap-0a1b2c3d4e5f60002',
      VolumeSizeInBytes: '500',
      NetworkInterfaceId: '10.0.0.10',
    });
    assert.deepEqual(form.defaultTags, [{ key: 'app', value: 'file-shares' }]);
    assert.equal(
      await form.fields.find((f) => f.key === 'TargetName')!.accept!(
        values.TargetName!,
        new AbortController().signal,
        values,
      ),
      undefined,
    );
    assert.match(
      (await form.fields.find((f) => f.key === 'TargetName')!.accept!(
        'office-shares',
        new AbortController().signal,
        values,
      )) ?? '',
      /taken on office-cache-gateway/,
    );
    const made = await form.send({ values, tags: [...form.defaultTags!], clientToken: 'restore-token-0001' });
    assert.match(
      made.id,
      /^arn:aws:storagegateway:us-east-1:123456789012:gateway\/sgw-12A3456B\/volume\/vol-[0-9A-F]{8}$/,
    );
    assert.equal(made.name, values.TargetName);

    const listed = (await svc.listResources(ctx, {})).items.find((v) => v.id === made.id);
    assert.ok(listed, 'the new volume is listed at once');
    assert.equal(listed.summary, '500 GiB · cached');
    const refs = [{ profile: 'demo', region: 'us-east-1', resourceId: made.id }];
    const seen: TrackedState[] = [];
    await pollUntil(
      async () => {
        const state = (await svc.getRestoredStatuses!(ctx, refs)).get(made.id);
        if (state) seen.push(state);
        return state;
      },
      (state) => state?.state === 'available',
    );
    const statuses = new Set(seen.map((s) => s.status));
    assert.ok(statuses.has('RESTORING'), [...statuses].join());
    assert.ok(seen.every((s) => s.state === (s.status === 'AVAILABLE' ? 'available' : 'creating')));
    const progress = seen.filter((s) => s.status === 'RESTORING').map((s) => s.progress ?? -1);
    assert.ok(progress.every((p) => p >= 0 && p <= 100));
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress rises',
    );
    assert.equal(seen.at(-1)?.progress, undefined);
  });

  it('restores on the stored gateway onto the smallest free disk that holds it, which is then allocated', async () => {
    const ctx = h.ctx('eu-west-1');
    const { volume, snapshot } = await demoSnapshot(ctx, 'vol-5566EEFF', 'snap-0b1c2d3e4f5a60001');
    const form = await svc.restore!.prepare(ctx, snapshot, volume);
    const values = defaults(form);
    assert.deepEqual(values, {
      GatewayARN: dublin,
      TargetName: 'dublin-db-backups-snap-0b1c2d3e4f5a60001',
      DiskId: 'pci-0000:03:00.0-scsi-0:0:3:0',
      PreserveExistingData: 'false',
      NetworkInterfaceId: '10.0.0.10',
    });
    const gateways = await form.fields[0]!.choices!({}, new AbortController().signal);
    assert.deepEqual(
      gateways.map((g) => [g.label, g.disabledReason]),
      [
        ['dublin-stored-gateway', undefined],
        ['cork-offline-gateway', 'the gateway is SHUTDOWN: it must be running and connected to AWS'],
        ['bulk-gateway', undefined],
      ],
    );
    const disk = form.fields.find((f) => f.key === 'DiskId')!;
    const free = async () =>
      (await disk.choices!(values, new AbortController().signal)).filter((d) => !d.disabledReason).map((d) => d.value);
    assert.deepEqual(await free(), ['pci-0000:03:00.0-scsi-0:0:3:0', 'pci-0000:03:00.0-scsi-0:0:4:0']);
    const made = await form.send({ values, tags: [], clientToken: 'restore-token-0002' });
    const states = await pollUntil(
      () => svc.getRestoredStatuses!(ctx, [{ profile: 'demo', region: 'eu-west-1', resourceId: made.id }]),
      (m) => m.get(made.id)?.state === 'available',
    );
    assert.equal(states.get(made.id)?.status, 'AVAILABLE');
    const listed = await svc.getResource(ctx, made.id);
    assert.equal(listed?.summary, '1 TiB · stored');
    const fresh = await svc.restore!.prepare(ctx, snapshot, volume);
    const freshDisk = fresh.fields.find((f) => f.key === 'DiskId')!;
    assert.deepEqual(
      (await freshDisk.choices!(values, new AbortController().signal))
        .filter((d) => !d.disabledReason)
        .map((d) => d.value),
      ['pci-0000:03:00.0-scsi-0:0:4:0'],
    );
  });

  it('a repeated request with one ClientToken makes one volume; the token with other parameters is refused', async () => {
    const ctx = h.ctx('us-east-1');
    const { volume, snapshot } = await demoSnapshot(ctx, 'vol-1122AABB', 'snap-0a1b2c3d4e5f60001');
    const form = await svc.restore!.prepare(ctx, snapshot, volume);
    const input: FormInput = { values: defaults(form), tags: [], clientToken: 'one-token-for-this-restore' };
    const first = await form.send(input);
    const again = await form.send(input);
    assert.equal(again.id, first.id);
    const volumes = (await svc.listResources(ctx, {})).items;
    assert.equal(volumes.length, 3, 'two demo volumes and one new one');
    await assert.rejects(
      form.send({ ...input, values: { ...input.values, VolumeSizeInBytes: '600' } }),
      (error: unknown) =>
        error instanceof InvalidGatewayRequestException &&
        error.error?.errorCode === 'InvalidParameters' &&
        /client token/.test(error.message),
    );
  });

  it('answers every modeled error as InvalidGatewayRequestException with its error code, each explained', async () => {
    const east = client('us-east-1');
    const west = client('eu-west-1');
    const pending = await svc.createSnapshot(
      h.ctx('us-east-1'),
      (await demoSnapshot(h.ctx('us-east-1'), 'vol-3344CCDD', 'snap-0a1b2c3d4e5f60003')).volume,
      { values: { SnapshotDescription: 'still pending' }, tags: [] },
    );
    const cached = (over: Record<string, unknown>) =>
      new CreateCachediSCSIVolumeCommand({
        GatewayARN: office,
        VolumeSizeInBytes: 500 * GIB,
        SnapshotId: 'snap-0a1b2c3d4e5f60002',
        TargetName: 'restored-one',
        NetworkInterfaceId: '10.0.0.10',
        ClientToken: `token-${Math.random().toString(16).slice(2)}`,
        ...over,
      });
    const stored = (over: Record<string, unknown>) =>
      new CreateStorediSCSIVolumeCommand({
        GatewayARN: dublin,
        DiskId: 'pci-0000:03:00.0-scsi-0:0:3:0',
        SnapshotId: 'snap-0b1c2d3e4f5a60001',
        PreserveExistingData: false,
        TargetName: 'restored-two',
        NetworkInterfaceId: '10.0.0.10',
        ...over,
      });
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['TargetAlreadyExists', () => east.send(cached({ TargetName: 'office-shares' }))],
      ['SnapshotIdInvalid', () => east.send(cached({ SnapshotId: 'snap-0b1c2d3e4f5a60001' }))],
      ['SnapshotInProgress', () => east.send(cached({ SnapshotId: pending.id }))],
      ['GatewayNotFound', () => east.send(cached({ GatewayARN: gatewayArn('us-east-1', 'sgw-00000000') }))],
      ['InvalidGateway', () => west.send(cached({ GatewayARN: dublin, SnapshotId: 'snap-0b1c2d3e4f5a60001' }))],
      ['InvalidParameters', () => east.send(cached({ VolumeSizeInBytes: 499 * GIB }))],
      ['InvalidParameters', () => east.send(cached({ NetworkInterfaceId: '10.9.9.9' }))],
      ['GatewayNotConnected', () => west.send(stored({ GatewayARN: cork }))],
      ['DiskAlreadyAllocated', () => west.send(stored({ DiskId: 'pci-0000:03:00.0-scsi-0:0:1:0' }))],
      ['DiskAlreadyAllocated', () => west.send(stored({ DiskId: 'pci-0000:03:00.0-scsi-0:0:0:0' }))],
      ['DiskDoesNotExist', () => west.send(stored({ DiskId: 'pci-0000:03:00.0-scsi-0:0:9:0' }))],
      ['DiskSizeLessThanVolumeSize', () => west.send(stored({ DiskId: 'pci-0000:03:00.0-scsi-0:0:5:0' }))],
      ['InvalidGateway', () => west.send(stored({ GatewayARN: bulk }))],
      ['InvalidParameters', () => west.send(stored({ TargetName: 'Upper' }))],
      ['GatewayNotConnected', () => west.send(new ListLocalDisksCommand({ GatewayARN: cork }))],
    ];
    for (const [code, call] of cases) {
      let caught: unknown;
      await call().catch((error: unknown) => (caught = error));
      assert.ok(caught instanceof InvalidGatewayRequestException, `${code}: ${String(caught)}`);
      assert.equal(caught.error?.errorCode, code, caught.message);
      assert.equal(caught.$metadata.httpStatusCode, 400);
      const sentence = svc.restore!.explainError!(errorFacts(caught), {
        profile: 'demo',
        region: 'us-east-1',
        resourceName: 'vol',
        newName: 'restored',
      });
      assert.match(sentence ?? '', /\.$/, code);
    }
    assert.equal((await svc.listResources(h.ctx('us-east-1'), {})).items.length, 2, 'no refused request made a volume');
  });

  it('polls several restores with one ListGateways and one Describe per gateway, not one per restore', async () => {
    const east = h.ctx('us-east-1');
    const { volume, snapshot } = await demoSnapshot(east, 'vol-1122AABB', 'snap-0a1b2c3d4e5f60002');
    const form = await svc.restore!.prepare(east, snapshot, volume);
    const made = [];
    for (const n of [1, 2, 3]) {
      made.push(
        await form.send({
          values: defaults(form, { TargetName: `restore-${n}` }),
          tags: [],
          clientToken: `poll-token-${n}`,
        }),
      );
    }
    const from = (await h.calls()).length;
    const states = await svc.getRestoredStatuses!(
      east,
      made.map((m) => ({ profile: 'demo', region: 'us-east-1', resourceId: m.id })),
    );
    assert.equal(states.size, 3);
    assert.deepEqual(await operations(h, from), ['ListGateways', 'DescribeCachediSCSIVolumes']);

    const west = h.ctx('eu-west-1');
    const stored = await demoSnapshot(west, 'vol-5566EEFF', 'snap-0b1c2d3e4f5a60001');
    const westForm = await svc.restore!.prepare(west, stored.snapshot, stored.volume);
    const onDublin = await westForm.send({ values: defaults(westForm), tags: [], clientToken: 'poll-token-4' });
    const onBulk = [];
    for (const n of [5, 6]) {
      onBulk.push(
        await westForm.send({
          values: defaults(westForm, { GatewayARN: bulk, TargetName: `restore-${n}`, VolumeSizeInBytes: '1000' }),
          tags: [],
          clientToken: `poll-token-${n}`,
        }),
      );
    }
    const westFrom = (await h.calls()).length;
    const westStates = await svc.getRestoredStatuses!(
      west,
      [onDublin, ...onBulk].map((m) => ({ profile: 'demo', region: 'eu-west-1', resourceId: m.id })),
    );
    assert.equal(westStates.size, 3);
    assert.deepEqual((await operations(h, westFrom)).sort(), [
      'DescribeCachediSCSIVolumes',
      'DescribeStorediSCSIVolumes',
      'ListGateways',
    ]);
  });
});
