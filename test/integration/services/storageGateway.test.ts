import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { InvalidGatewayRequestException } from '@aws-sdk/client-storage-gateway';
import type { Resource, SnapshotRef } from '../../../src/services/service';
import { storageGatewayService as svc } from '../../../src/services/storageGateway';
import { batchAsListed, demoCount, type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

describe('Storage Gateway against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists the volumes of every gateway with size, type, status and gateway', async () => {
    const page = await svc.listResources(h.ctx('us-east-1'), {});
    assert.deepEqual(page.items.map((v) => v.name).sort(), ['vol-1122AABB', 'vol-3344CCDD']);
    const shares = page.items.find((v) => v.name === 'vol-1122AABB') as Resource;
    assert.equal(shares.summary, '500 GiB · cached');
    assert.equal(shares.status, 'AVAILABLE');
    assert.equal(shares.parent?.name, 'office-cache-gateway');
    assert.match(shares.id, /:gateway\/sgw-12A3456B\/volume\/vol-1122AABB$/);
    assert.deepEqual(shares.snapshottable, { ok: true });
  });

  it('shows volumes of a shut-down gateway as not snapshottable', async () => {
    const page = await svc.listResources(h.ctx('eu-west-1'), { pageSize: 100 });
    const offline = page.items.filter((v) => v.parent?.name === 'cork-offline-gateway');
    assert.ok(offline.length > 0);
    for (const v of offline) assert.deepEqual(v.snapshottable, { ok: false, reason: 'gateway is offline' });
  });

  it('pages across gateways and volumes with the composite token, each volume exactly once', async () => {
    const expected = demoCount('eu-west-1', 'volumes', 'gatewayVolumes');
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await svc.listResources(h.ctx('eu-west-1'), { pageSize: 40, nextToken: token });
      assert.ok(page.items.length <= 40);
      ids.push(...page.items.map((v) => v.id));
      token = page.nextToken;
    } while (token);
    assert.equal(ids.length, expected);
    assert.equal(new Set(ids).size, expected);
  });

  it('lists a volume snapshots from EC2, newest first, named by their description', async () => {
    const page = await svc.listResources(h.ctx('us-east-1'), {});
    const shares = page.items.find((v) => v.name === 'vol-1122AABB') as Resource;
    const snaps = await svc.listSnapshots(h.ctx('us-east-1'), shares, {});
    assert.deepEqual(
      snaps.items.map((s) => s.name),
      ['office-shares before migration', 'office-shares nightly'],
    );
    assert.ok(snaps.items.every((s) => s.state === 'available'));
    assert.deepEqual(
      snaps.items.map((s) => s.tags),
      [[{ key: 'reason', value: 'migration' }], []],
      'DescribeSnapshots returns the tags: nothing to read later',
    );
    assert.equal(svc.snapshotTags, undefined);
  });

  it('creates snapshots of two volumes and reads both statuses with one DescribeSnapshots call', async () => {
    const ctx = h.ctx('us-east-1');
    const [one, two] = (await svc.listResources(ctx, {})).items as [Resource, Resource];
    const a = await svc.createSnapshot(ctx, one, {
      values: { SnapshotDescription: 'it one' },
      tags: [{ key: 'k', value: 'v' }],
    });
    const b = await svc.createSnapshot(ctx, two, { values: { SnapshotDescription: 'it two' }, tags: [] });
    assert.match(a.id, /^snap-/);
    const refs: SnapshotRef[] = [a, b].map((s) => ({
      service: svc.id,
      profile: 'demo',
      region: 'us-east-1',
      resourceId: s.resourceId,
      snapshotId: s.id,
      requestedAt: Date.now(),
    }));
    const describeCalls = async () => (await h.calls()).filter((c) => c.operation === 'DescribeSnapshots').length;
    const before = await describeCalls();
    const first = await svc.getSnapshotStatuses(ctx, refs);
    assert.equal((await describeCalls()) - before, 1);
    assert.equal(first.size, 2);
    const done = await pollUntil(
      () => svc.getSnapshotStatuses(ctx, refs),
      (m) => m.size === 2 && [...m.values()].every((s) => s.state === 'available'),
    );
    assert.equal(done.get(a.id)?.name, 'it one');
    assert.equal(done.get(b.id)?.resourceId, two.id);
  });

  it('lets a snapshot of a volume on a shut-down gateway fail with the SDK error class', async () => {
    const ctx = h.ctx('eu-west-1');
    const page = await svc.listResources(ctx, { pageSize: 100 });
    const offline = page.items.find((v) => v.parent?.name === 'cork-offline-gateway') as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, offline, { values: { SnapshotDescription: 'nope' }, tags: [] }),
      (error: unknown) =>
        error instanceof InvalidGatewayRequestException && error.error?.errorCode === 'GatewayNotConnected',
    );
  });

  it('lists the snapshots of the volumes asked for in one DescribeSnapshots, the same as listSnapshots', async () => {
    const ctx = h.ctx('us-east-1');
    const volumes = (await svc.listResources(ctx, {})).items;
    const answer = await batchAsListed(h, svc, ctx, volumes, 'DescribeSnapshots');
    assert.deepEqual([...answer.keys()].sort(), volumes.map((v) => v.id).sort(), 'both volumes have snapshots');
  });

  it('lists the snapshots of as many volumes as one filter takes in one call', async () => {
    const ctx = h.ctx('eu-west-1');
    const batch = svc.batchSnapshots;
    assert.ok(batch?.maxResources);
    const volumes = [];
    let token: string | undefined;
    do {
      const page = await svc.listResources(ctx, { pageSize: 100, nextToken: token });
      volumes.push(...page.items);
      token = page.nextToken;
    } while (token && volumes.length < batch.maxResources);
    const asked = volumes.slice(0, batch.maxResources);
    assert.equal(asked.length, batch.maxResources);
    // A sample of the volumes with and without snapshots is compared with the per-volume listing.
    const answer = await batchAsListed(h, svc, ctx, asked, 'DescribeSnapshots', (found) => {
      const withSnapshots = asked.filter((v) => found.has(v.id));
      const without = asked.filter((v) => !found.has(v.id));
      return [...withSnapshots.slice(0, 3), ...withSnapshots.slice(-2), ...without.slice(0, 2)];
    });
    assert.ok(answer.size > 1, 'several volumes have snapshots');
  });
});
