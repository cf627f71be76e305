// Snapshots without a resource in the region (copies from another region), against the emulator with the real SDK
// clients: an RDS-family copy in us-west-2 (where the source cluster is not), a Storage Gateway EBS copy in eu-west-1;
// none for the demo's own snapshots, and none of another engine's.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { docdbService } from '../../../src/services/docdb';
import type { FormInput, OperationForm } from '../../../src/services/forms';
import { neptuneService } from '../../../src/services/neptune';
import { storageGatewayService } from '../../../src/services/storageGateway';
import type { Snapshot, SnapshotService } from '../../../src/services/service';
import { startHarness, type EmulatorHarness } from './emulatorContext';

function answers(form: OperationForm): FormInput {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.key] = field.defaultValue?.value ?? '';
  return { values, tags: [], clientToken: 't' };
}

const source = (svc: SnapshotService, id: string, cluster: string): Snapshot => ({
  service: svc.id,
  id,
  name: id,
  resourceId: cluster,
  state: 'available',
  status: 'available',
  details: [],
});

describe('RDS family: snapshots without a cluster in the region', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('lists a DocumentDB copy in its destination region, and only there, and only for its engine', async () => {
    assert.deepEqual((await docdbService.listUnattachedSnapshots!(h.ctx('us-east-1'), {})).items, []);
    const snapshot = source(docdbService, 'orders-prod-before-upgrade', 'orders-prod');
    const form = await docdbService.copy!.prepare(h.ctx('us-east-1'), snapshot, undefined, 'us-west-2');
    const made = await form.send(answers(form));
    const listed = await docdbService.listUnattachedSnapshots!(h.ctx('us-west-2'), {});
    assert.deepEqual(
      listed.items.map((s) => [s.id, s.resourceId]),
      [[made.id, 'orders-prod']],
    );
    assert.deepEqual((await neptuneService.listUnattachedSnapshots!(h.ctx('us-west-2'), {})).items, []);
  });
});

describe('Storage Gateway: copies of its snapshots from another region', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness({ snapshotSeconds: 0 });
  });
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it('a copy carries its source volume in a tag and is listed in its region with that volume', async () => {
    const volume = (await storageGatewayService.listResources(h.ctx('us-east-1'), {})).items.find(
      (v) => v.name === 'vol-1122AABB',
    );
    assert.ok(volume);
    const snapshot = (await storageGatewayService.listSnapshots(h.ctx('us-east-1'), volume, {})).items[0];
    assert.ok(snapshot);
    assert.deepEqual((await storageGatewayService.listUnattachedSnapshots!(h.ctx('eu-west-1'), {})).items, []);
    const form = await storageGatewayService.copy!.prepare(h.ctx('us-east-1'), snapshot, volume, 'eu-west-1');
    const input = answers(form);
    const tags = form.calls(input)[0]?.input.TagSpecifications as Array<{
      Tags: Array<{ Key: string; Value: string }>;
    }>;
    assert.deepEqual(tags[0]?.Tags.at(-1), { Key: 'snapshot-explorer:source-volume', Value: volume.id });
    const made = await form.send(input);
    const listed = await storageGatewayService.listUnattachedSnapshots!(h.ctx('eu-west-1'), {});
    assert.deepEqual(
      listed.items.map((s) => [s.id, s.resourceId]),
      [[made.id, volume.id]],
    );
    assert.deepEqual((await storageGatewayService.listUnattachedSnapshots!(h.ctx('us-east-1'), {})).items, []);
  });
});
