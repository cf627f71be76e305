import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ValidationException } from '../../../src/aws/simspaceweaver/errors';
import type { Resource } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { demoCount, type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

describe('SimSpace Weaver against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    // Two seconds in progress: ample time to read the in-progress state once right after the create call.
    h = await startHarness({ snapshotSeconds: 2 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists simulations with their details; only a STARTED one can be snapshotted', async () => {
    const page = await svc.listResources(h.ctx('us-east-1'), {});
    assert.deepEqual(page.items.map((s) => s.id).sort(), ['city-traffic', 'crowd-evacuation']);
    const city = page.items.find((s) => s.id === 'city-traffic') as Resource;
    assert.equal(city.status, 'STARTED');
    assert.equal(city.summary, 'max 14D');
    assert.deepEqual(city.snapshottable, { ok: true });
    assert.equal(page.items.find((s) => s.id === 'crowd-evacuation')?.snapshottable.ok, false);
    assert.equal(await svc.getResource(h.ctx('us-east-1'), 'no-such-simulation'), undefined);
  });

  it('pages through the 100+ simulations of eu-west-1, each exactly once', async () => {
    const expected = demoCount('eu-west-1', 'simulations', 'simulations');
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await svc.listResources(h.ctx('eu-west-1'), { pageSize: 25, nextToken: token });
      ids.push(...page.items.map((s) => s.id));
      token = page.nextToken;
    } while (token);
    assert.equal(ids.length, expected);
    assert.equal(new Set(ids).size, expected);
  });

  it('takes a snapshot: creating while in progress, then available at the new S3 location', async () => {
    const ctx = h.ctx('us-east-1');
    const city = (await svc.getResource(ctx, 'city-traffic')) as Resource;
    const requestedAt = Date.now();
    const created = await svc.createSnapshot(ctx, city, {
      values: { BucketName: 'weaver-demo-snapshots-use1', ObjectKeyPrefix: 'it' },
      tags: [],
    });
    assert.equal(created.state, 'creating');
    const ref = {
      service: svc.id,
      profile: 'demo',
      region: 'us-east-1',
      resourceId: city.id,
      snapshotId: created.id,
      requestedAt,
    };
    const first = (await svc.getSnapshotStatuses(ctx, [ref])).get(created.id);
    assert.equal(first?.state, 'creating');
    const done = await pollUntil(
      () => svc.getSnapshotStatuses(ctx, [ref]),
      (m) => m.get(created.id)?.state === 'available',
    );
    const snapshot = done.get(created.id);
    assert.match(
      snapshot?.id ?? '',
      /^s3:\/\/weaver-demo-snapshots-use1\/it\/snapshot\/city-traffic-\d{6}-\d{4}-\d{2}\.zip$/,
    );
    const listed = await svc.listSnapshots(ctx, city, {});
    assert.deepEqual(
      listed.items.map((s) => s.id),
      [snapshot?.id],
    );
  });

  it('lets a stopped simulation and a missing bucket fail with the client error classes', async () => {
    const ctx = h.ctx('us-east-1');
    const stopped = (await svc.getResource(ctx, 'crowd-evacuation')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, stopped, { values: { BucketName: 'weaver-demo-snapshots-use1' }, tags: [] }),
      ValidationException,
    );
    const city = (await svc.getResource(ctx, 'city-traffic')) as Resource;
    await assert.rejects(
      svc.createSnapshot(ctx, city, { values: { BucketName: 'no-such-bucket-here' }, tags: [] }),
      ValidationException,
    );
  });
});
