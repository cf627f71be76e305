// Neptune Analytics delete through the real SDK client against the emulator: a demo snapshot deleted reads as
// deleting (DELETING), then getSnapshotStatuses no longer finds it and the graph no longer lists it; a FAILED one can
// be deleted; an unknown snapshot and one still CREATING arrive as the SDK's own exception classes with their
// sentences.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-neptune-graph';
import { errorFacts } from '../../../src/snapshots/errorMessages';
import { neptuneGraphService as svc } from '../../../src/services/neptuneGraph';
import type { AwsContext, Snapshot, SnapshotRef } from '../../../src/services/service';
import { type EmulatorHarness, operations, pollUntil, startHarness } from './emulatorContext';

const deletion = svc.delete!;

const ref = (snapshot: Snapshot): SnapshotRef => ({
  service: svc.id,
  profile: 'demo',
  region: 'us-east-1',
  resourceId: snapshot.resourceId,
  snapshotId: snapshot.id,
  requestedAt: Date.now(),
});

async function listed(ctx: AwsContext, graphId: string): Promise<Snapshot[]> {
  const graph = await svc.getResource(ctx, graphId);
  assert.ok(graph, graphId);
  return (await svc.listSnapshots(ctx, graph, {})).items;
}

async function demoSnapshot(ctx: AwsContext, graphId: string, id: string): Promise<Snapshot> {
  const snapshot = (await listed(ctx, graphId)).find((s) => s.id === id);
  assert.ok(snapshot, id);
  return snapshot;
}

const context = { profile: 'demo', region: 'us-east-1', resourceName: 'customer-graph', snapshotName: 'gone' };

describe('Neptune Analytics delete against the emulator', () => {
  let h: EmulatorHarness;
  before(async () => {
    // Deletions (and new snapshots) take a second, so "deleting" can be seen before "gone".
    h = await startHarness({ snapshotSeconds: 1 });
  });
  after(() => h.stop());
  beforeEach(() => h.reset());

  it('deletes a demo snapshot: deleting, then not found and not listed', async () => {
    const ctx = h.ctx('us-east-1');
    const snapshot = await demoSnapshot(ctx, 'g-cust0demo1', 'gs-cust0snap1');
    assert.equal(deletion.refusal(snapshot), undefined);
    const from = (await h.calls()).length;
    const answer = await deletion.send(ctx, snapshot);
    assert.deepEqual(answer, { id: 'gs-cust0snap1', state: 'deleting', status: 'DELETING' });
    assert.deepEqual(await operations(h, from), ['DeleteGraphSnapshot']);
    const deleting = (await svc.getSnapshotStatuses(ctx, [ref(snapshot)])).get('gs-cust0snap1');
    assert.equal(deleting?.state, 'deleting');
    const inTree = (await listed(ctx, 'g-cust0demo1')).find((s) => s.id === 'gs-cust0snap1');
    assert.equal(inTree?.state, 'deleting');
    assert.match(deletion.refusal(inTree!) ?? '', /already being deleted/);
    // Several refs read through ListGraphSnapshots: the deleting one is found, then neither read finds it.
    const other = await demoSnapshot(ctx, 'g-cust0demo1', 'gs-cust0snap2');
    const both = await svc.getSnapshotStatuses(ctx, [ref(snapshot), ref(other)]);
    assert.equal(both.get('gs-cust0snap1')?.state, 'deleting');
    await pollUntil(
      () => svc.getSnapshotStatuses(ctx, [ref(snapshot)]),
      (found) => found.size === 0,
    );
    assert.deepEqual([...(await svc.getSnapshotStatuses(ctx, [ref(snapshot), ref(other)])).keys()], ['gs-cust0snap2']);
    assert.deepEqual(
      (await listed(ctx, 'g-cust0demo1')).map((s) => s.id),
      ['gs-cust0snap2'],
    );
  });

  it('deletes a FAILED snapshot', async () => {
    const ctx = h.ctx('us-east-1');
    const failed = await demoSnapshot(ctx, 'g-reco0demo3', 'gs-reco0snap1');
    assert.equal(failed.state, 'failed');
    assert.equal(deletion.refusal(failed), undefined);
    assert.deepEqual(await deletion.send(ctx, failed), { id: 'gs-reco0snap1', state: 'deleting', status: 'DELETING' });
    await pollUntil(
      () => svc.getSnapshotStatuses(ctx, [ref(failed)]),
      (found) => found.size === 0,
    );
  });

  it('an unknown snapshot: ResourceNotFoundException and its sentence', async () => {
    const ctx = h.ctx('us-east-1');
    const unknown: Snapshot = { ...(await demoSnapshot(ctx, 'g-cust0demo1', 'gs-cust0snap1')), id: 'gs-0000000000' };
    const error = await deletion.send(ctx, unknown).then(
      () => assert.fail('deleted an unknown snapshot'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResourceNotFoundException, String(error));
    assert.match(
      deletion.explainError?.(errorFacts(error), context) ?? '',
      /^Snapshot gone of graph customer-graph was not found in us-east-1: it is already deleted/,
    );
  });

  it('a snapshot still CREATING: refused here; AWS answers ConflictException, explained', async () => {
    const ctx = h.ctx('us-east-1');
    const graph = await svc.getResource(ctx, 'g-frau0demo2');
    assert.ok(graph);
    const made = await svc.createSnapshot(ctx, graph, { values: { snapshotName: 'in-progress' }, tags: [] });
    assert.equal(made.state, 'creating');
    assert.match(deletion.refusal(made) ?? '', /still being created/);
    const error = await deletion.send(ctx, made).then(
      () => assert.fail('deleted a snapshot being created'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConflictException, String(error));
    assert.match(
      deletion.explainError?.(errorFacts(error), context) ?? '',
      /cannot be deleted now \(CONCURRENT_MODIFICATION\)/,
    );
  });
});
