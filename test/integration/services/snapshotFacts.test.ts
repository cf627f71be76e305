// What a snapshot shows beyond its name and state, through the real SDK clients against the emulator: size,
// encryption (KMS key), automated or manual (DocumentDB, Neptune Database), the snap- id of Storage Gateway snapshots
// whose descriptions repeat, and tags read back after a create with tags, for each service that has tags. Tags the
// listing does not return cost no call until asked (ListTagsForResource).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { docdbService } from '../../../src/services/docdb';
import { neptuneService } from '../../../src/services/neptune';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import type { Resource, Snapshot, SnapshotService } from '../../../src/services/service';
import { simSpaceWeaverService } from '../../../src/services/simSpaceWeaver';
import { storageGatewayService } from '../../../src/services/storageGateway';
import { type EmulatorHarness, pollUntil, startHarness } from './emulatorContext';

const GIB = 1024 ** 3;
const key = (id: string) => `arn:aws:kms:us-east-1:123456789012:key/${id}`;

async function resourceNamed(h: EmulatorHarness, svc: SnapshotService, region: string, name: string) {
  const found = (await svc.listResources(h.ctx(region), { pageSize: 100 })).items.find((r) => r.name === name);
  assert.ok(found, `${name} is in the demo data`);
  return found as Resource;
}

async function snapshotsOf(h: EmulatorHarness, svc: SnapshotService, region: string, name: string) {
  const resource = await resourceNamed(h, svc, region, name);
  return { resource, items: (await svc.listSnapshots(h.ctx(region), resource, {})).items };
}

const byName = (items: readonly Snapshot[], name: string) => {
  const found = items.find((s) => s.name === name || s.id === name);
  assert.ok(found, `snapshot ${name}`);
  return found;
};

describe('Snapshot facts against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it("Neptune Analytics: the graph's KMS key, or an AWS owned key; tags read back after a create with tags", async () => {
    const ctx = h.ctx('us-east-1');
    const fraud = await snapshotsOf(h, neptuneGraphService, 'us-east-1', 'fraud-detection');
    assert.deepEqual(byName(fraud.items, 'fraud-detection-before-retrain').encryption, {
      encrypted: true,
      kmsKey: key('6a0f3c1e-2b4d-4e8f-9a1c-3d5e7f9b1c2d'),
    });
    const customer = await snapshotsOf(h, neptuneGraphService, 'us-east-1', 'customer-graph');
    assert.deepEqual(byName(customer.items, 'customer-graph-2025-06-01').encryption, {
      encrypted: true,
      managedKey: 'aws-owned',
    });
    const created = await neptuneGraphService.createSnapshot(ctx, fraud.resource, {
      values: { snapshotName: 'it-facts-1' },
      tags: [{ key: 'team', value: 'risk' }],
    });
    assert.deepEqual(created.encryption, { encrypted: true, kmsKey: key('6a0f3c1e-2b4d-4e8f-9a1c-3d5e7f9b1c2d') });
    assert.equal(created.tags, undefined, 'the create answer carries no tags');
    assert.deepEqual(await neptuneGraphService.snapshotTags?.(ctx, created), [{ key: 'team', value: 'risk' }]);
  });

  it('DocumentDB: automated or manual, the KMS key or not encrypted, no size in its model; tags after a create', async () => {
    const ctx = h.ctx('us-east-1');
    const orders = await snapshotsOf(h, docdbService, 'us-east-1', 'orders-prod');
    const automated = byName(orders.items, 'rds:orders-prod-2025-07-20-03-00');
    const manual = byName(orders.items, 'orders-prod-before-upgrade');
    assert.deepEqual([automated.kind, manual.kind], ['automated', 'manual']);
    const ordersKey = { encrypted: true, kmsKey: key('3c9d2e1f-7a6b-4c5d-9e8f-1a2b3c4d5e6f') };
    assert.deepEqual(manual.encryption, ordersKey);
    assert.equal(manual.sizeBytes, undefined, "DocumentDB's DBClusterSnapshot has no AllocatedStorage");
    const catalog = await snapshotsOf(h, docdbService, 'us-east-1', 'catalog-dev');
    assert.deepEqual(byName(catalog.items, 'catalog-dev-seed').encryption, { encrypted: false });
    const created = await docdbService.createSnapshot(ctx, orders.resource, {
      values: { DBClusterSnapshotIdentifier: 'it-facts-docdb' },
      tags: [{ key: 'purpose', value: 'facts' }],
    });
    assert.equal(created.kind, 'manual');
    assert.deepEqual(created.encryption, ordersKey, "a new snapshot has its cluster's key");
    assert.deepEqual(await docdbService.snapshotTags?.(ctx, created), [{ key: 'purpose', value: 'facts' }]);
  });

  it('Neptune Database: AllocatedStorage as the size, the default aws/rds key, kind; tags after a create', async () => {
    const ctx = h.ctx('us-east-1');
    const fraud = await snapshotsOf(h, neptuneService, 'us-east-1', 'fraud-graph-db');
    const automated = byName(fraud.items, 'rds:fraud-graph-db-2025-07-20-04-00');
    assert.equal(automated.kind, 'automated');
    assert.equal(automated.sizeBytes, 48 * GIB);
    assert.equal(automated.encryption?.encrypted, true);
    assert.match(
      automated.encryption?.encrypted ? (automated.encryption.kmsKey ?? '') : '',
      /^arn:aws:kms:us-east-1:123456789012:key\//,
    );
    const created = await neptuneService.createSnapshot(ctx, fraud.resource, {
      values: { DBClusterSnapshotIdentifier: 'it-facts-neptune' },
      tags: [{ key: 'owner', value: 'graph-team' }],
    });
    assert.deepEqual([created.kind, created.sizeBytes], ['manual', 48 * GIB]);
    assert.deepEqual(await neptuneService.snapshotTags?.(ctx, created), [{ key: 'owner', value: 'graph-team' }]);
  });

  it('Storage Gateway: size, encryption and tags come with DescribeSnapshots; equal descriptions differ by id', async () => {
    const west = await snapshotsOf(h, storageGatewayService, 'eu-west-1', 'vol-5566EEFF');
    const weekly = west.items.filter((s) => s.name === 'dublin-db-backups weekly');
    assert.equal(weekly.length, 2, 'two snapshots with the same description');
    assert.deepEqual(
      weekly.map((s) => s.rowId),
      ['snap-0b1c2d3e4f5a60003', 'snap-0b1c2d3e4f5a60001'],
    );
    assert.ok(weekly.every((s) => s.sizeBytes === 1000 * GIB));
    assert.equal(weekly[0]?.encryption?.encrypted, true, 'encrypted with the default aws/ebs key');
    assert.deepEqual(weekly[1]?.encryption, { encrypted: false });
    const east = await snapshotsOf(h, storageGatewayService, 'us-east-1', 'vol-3344CCDD');
    assert.deepEqual(byName(east.items, 'office-archive monthly').encryption, {
      encrypted: true,
      kmsKey: key('0b7e4d2a-9c1f-4a3b-8e5d-6f2a1c9b7e40'),
    });
    const ctx = h.ctx('us-east-1');
    const created = await storageGatewayService.createSnapshot(ctx, east.resource, {
      values: { SnapshotDescription: 'it facts' },
      tags: [{ key: 'reason', value: 'facts' }],
    });
    const listed = await pollUntil(
      async () => (await storageGatewayService.listSnapshots(ctx, east.resource, {})).items,
      (items) => items.some((s) => s.id === created.id),
    );
    assert.deepEqual(byName(listed, created.id).tags, [{ key: 'reason', value: 'facts' }]);
    const calls = await h.calls();
    assert.equal(calls.filter((c) => c.operation === 'ListTagsForResource').length, 0);
  });

  it('SimSpace Weaver: the snapshot object’s size and SSE-KMS key from the HeadObject the listing makes anyway', async () => {
    const ctx = h.ctx('us-east-1');
    const crowd = await resourceNamed(h, simSpaceWeaverService, 'us-east-1', 'crowd-evacuation');
    const [latest] = crowd.knownSnapshots ?? [];
    assert.ok(latest, 'the latest snapshot came with the listing');
    assert.ok((latest.sizeBytes ?? 0) >= 1024 * 1024, `a size in MiB: ${latest.sizeBytes}`);
    assert.deepEqual(latest.encryption, { encrypted: true, kmsKey: key('8e2f6a4c-1d3b-4f5e-a7c9-2b4d6f8a0c1e') });
    await h.reset();
    const [again] = (await simSpaceWeaverService.listSnapshots(ctx, crowd, {})).items;
    assert.equal(again?.sizeBytes, latest.sizeBytes);
    const ops = (await h.calls()).map((c) => c.operation);
    assert.deepEqual(ops, ['DescribeSimulation', 'HeadObject'], 'no call for the facts beyond the existing HeadObject');
    const listing = simSpaceWeaverService.listSnapshotsAt;
    assert.ok(listing);
    const [listed] = (await listing(ctx, crowd, 's3://weaver-demo-snapshots-use1/drills', {})).items;
    assert.equal(listed?.sizeBytes, latest.sizeBytes, "HeadObject's Content-Length is ListObjectsV2's Size");
  });
});
