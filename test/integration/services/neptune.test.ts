// Neptune Database's service module against the emulator, through the real client factory and Neptune SDK client:
// engine neptune clusters only (the shared RDS state also holds docdb and aurora ones), snapshots, create, tracking.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { InvalidDBClusterStateFault, SnapshotQuotaExceededFault } from '@aws-sdk/client-neptune';
import { neptuneService as svc } from '../../../src/services/neptune';
import type { Resource } from '../../../src/services/service';
import { batchAsListed, type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

describe('Neptune Database against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists only neptune clusters, in both demo regions, through the neptune service of the emulator', async () => {
    const east = await svc.listResources(h.ctx('us-east-1'), {});
    assert.deepEqual(east.items.map((c) => c.id).sort(), ['fraud-graph-db', 'knowledge-neptune-dev', 'social-neptune']);
    assert.match(east.items.find((c) => c.id === 'social-neptune')?.summary ?? '', /^neptune 1\.3\.2\.1 · /);
    assert.equal(east.items.find((c) => c.id === 'knowledge-neptune-dev')?.snapshottable.ok, false);
    const west = await svc.listResources(h.ctx('eu-west-1'), {});
    assert.deepEqual(west.items.map((c) => c.id).sort(), ['eu-identity-graph', 'eu-lineage-neptune']);
    assert.equal(await svc.getResource(h.ctx('us-east-1'), 'orders-prod'), undefined, 'a docdb cluster');
    const services = new Set((await h.calls()).map((c) => c.service));
    assert.deepEqual([...services], ['neptune']);
  });

  it('lists a cluster snapshots newest first, and the region in one call as listSnapshots does', async () => {
    const ctx = h.ctx('us-east-1');
    const fraud = (await svc.getResource(ctx, 'fraud-graph-db')) as Resource;
    const page = await svc.listSnapshots(ctx, fraud, {});
    assert.deepEqual(
      page.items.map((s) => [s.id, s.state]),
      [
        ['rds:fraud-graph-db-2025-07-20-04-00', 'available'],
        ['fraud-graph-db-before-reindex', 'available'],
      ],
    );
    const clusters = (await svc.listResources(ctx, {})).items;
    await batchAsListed(h, svc, ctx, clusters, 'DescribeDBClusterSnapshots');
  });

  it('creates a snapshot (identifier lowercased) and tracks its PercentProgress to available', async () => {
    const ctx = h.ctx('us-east-1');
    const social = (await svc.getResource(ctx, 'social-neptune')) as Resource;
    const created = await svc.createSnapshot(ctx, social, {
      values: { DBClusterSnapshotIdentifier: 'IT-Social-Import' },
      tags: [{ key: 'owner', value: 'graph-team' }],
    });
    assert.deepEqual([created.id, created.state], ['it-social-import', 'creating']);
    const ref = { service: svc.id, profile: 'demo', region: 'us-east-1', resourceId: social.id, requestedAt: 0 };
    const done = await pollUntil(
      () => svc.getSnapshotStatuses(ctx, [{ ...ref, snapshotId: 'IT-Social-Import' }]),
      (m) => m.get('IT-Social-Import')?.state === 'available',
    );
    assert.equal(done.get('IT-Social-Import')?.progress, 100);
    assert.deepEqual(await svc.snapshotTags?.(ctx, created), [{ key: 'owner', value: 'graph-team' }]);
  });

  it("reads a seeded snapshot's tags with ListTagsForResource, answered by the emulator's neptune service", async () => {
    const ctx = h.ctx('us-east-1');
    const fraud = (await svc.getResource(ctx, 'fraud-graph-db')) as Resource;
    const manual = (await svc.listSnapshots(ctx, fraud, {})).items.find(
      (s) => s.id === 'fraud-graph-db-before-reindex',
    );
    assert.deepEqual(await svc.snapshotTags?.(ctx, manual!), [{ key: 'purpose', value: 'reindex' }]);
    const tagCalls = (await h.calls()).filter((c) => c.operation === 'ListTagsForResource');
    assert.deepEqual(
      tagCalls.map((c) => c.service),
      ['neptune'],
    );
  });

  it('refuses a stopped cluster and, in eu-west-1, the RDS manual-snapshot quota shared with DocumentDB', async () => {
    const stopped = (await svc.getResource(h.ctx('us-east-1'), 'knowledge-neptune-dev')) as Resource;
    await assert.rejects(
      svc.createSnapshot(h.ctx('us-east-1'), stopped, { values: { DBClusterSnapshotIdentifier: 'it-kn' }, tags: [] }),
      InvalidDBClusterStateFault,
    );
    const identity = (await svc.getResource(h.ctx('eu-west-1'), 'eu-identity-graph')) as Resource;
    await assert.rejects(
      svc.createSnapshot(h.ctx('eu-west-1'), identity, { values: { DBClusterSnapshotIdentifier: 'it-id' }, tags: [] }),
      SnapshotQuotaExceededFault,
    );
  });
});
