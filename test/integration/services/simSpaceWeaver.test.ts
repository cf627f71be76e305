import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ValidationException } from '../../../src/aws/simspaceweaver/errors';
import type { Resource } from '../../../src/services/service';
import { simSpaceWeaverService as svc } from '../../../src/services/simSpaceWeaver';
import { demoCount, type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

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

  it('tracks two snapshots with one ListSimulations per poll, describing a simulation only once its snapshot ended', async () => {
    // eu-west-1: 100+ simulations (every odd bulk one STARTED), so the listing has two pages; both are on the first.
    const ctx = h.ctx('eu-west-1');
    const requestedAt = Date.now();
    const created = [];
    for (const name of ['bulk-simulation-0001', 'bulk-simulation-0003']) {
      const simulation = (await svc.getResource(ctx, name)) as Resource;
      created.push(
        await svc.createSnapshot(ctx, simulation, {
          values: { BucketName: 'weaver-demo-snapshots-euw1', ObjectKeyPrefix: 'it-two' },
          tags: [],
        }),
      );
    }
    const refs = created.map((s) => ({
      service: svc.id,
      profile: 'demo',
      region: 'eu-west-1',
      resourceId: s.resourceId,
      snapshotId: s.id,
      requestedAt,
    }));
    const calls = async (since: number, operation: string) =>
      (await h.calls()).slice(since).filter((c) => c.operation === operation).length;
    const before = (await h.calls()).length;
    const first = await svc.getSnapshotStatuses(ctx, refs);
    assert.deepEqual(
      [...first.values()].map((s) => s.state),
      ['creating', 'creating'],
    );
    assert.equal(await calls(before, 'ListSimulations'), 1);
    assert.equal(await calls(before, 'DescribeSimulation'), 0, 'nothing to describe while both are in progress');
    const polling = (await h.calls()).length;
    let polls = 0;
    const done = await pollUntil(
      () => (polls++, svc.getSnapshotStatuses(ctx, refs)),
      (m) => m.size === 2 && [...m.values()].every((s) => s.state === 'available'),
    );
    for (const [i, s] of created.entries()) {
      assert.match(
        done.get(s.id)?.id ?? '',
        new RegExp(
          `^s3://weaver-demo-snapshots-euw1/it-two/snapshot/bulk-simulation-000${2 * i + 1}-\\d{6}-\\d{4}-\\d{2}\\.zip$`,
        ),
      );
    }
    assert.equal(await calls(polling, 'ListSimulations'), polls);
    assert.ok((await calls(polling, 'DescribeSimulation')) <= 2 * polls);
    assert.ok((await calls(polling, 'DescribeSimulation')) >= 2, 'each ended one was described for its location');
    await h.reset();
    const missing = await svc.getSnapshotStatuses(ctx, [
      ...refs,
      { ...(refs[0] as (typeof refs)[number]), resourceId: 'no-such-simulation', snapshotId: 's3://x/y' },
    ]);
    assert.equal(missing.has('s3://x/y'), false, 'a simulation that does not exist is left out');
    assert.equal(await calls(0, 'ListSimulations'), 2, 'looking for it reads both pages');
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

  it('listed simulations carry the snapshot listSnapshots shows, without a call of their own', async () => {
    const ctx = h.ctx('us-east-1');
    const city = (await svc.getResource(ctx, 'city-traffic')) as Resource;
    await svc.createSnapshot(ctx, city, {
      values: { BucketName: 'weaver-demo-snapshots-use1', ObjectKeyPrefix: 'it-known' },
      tags: [],
    });
    const from = (await h.calls()).length;
    const simulations = (await svc.listResources(ctx, {})).items;
    const listing = await operations(h, from);
    assert.equal(listing.filter((op) => op === 'DescribeSimulation').length, simulations.length);
    for (const simulation of simulations) {
      const listed = await svc.listSnapshots(ctx, simulation, {});
      assert.deepEqual(simulation.knownSnapshots, listed.items, simulation.id);
    }
    const known = simulations.find((s) => s.id === 'city-traffic')?.knownSnapshots;
    assert.match(known?.[0]?.id ?? '', /^s3:\/\/weaver-demo-snapshots-use1\/it-known\/snapshot\/city-traffic-/);
    // The demo seeds crowd-evacuation's latest snapshot (its .zip is in the bucket).
    assert.deepEqual(
      simulations.find((s) => s.id === 'crowd-evacuation')?.knownSnapshots?.map((k) => k.id),
      ['s3://weaver-demo-snapshots-use1/drills/snapshot/crowd-evacuation-250612-1500-00.zip'],
    );
  });
});
