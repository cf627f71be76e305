import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log';
import type { DeleteSupport } from '../../../src/services/deletion';
import type { Snapshot, TrackedState } from '../../../src/services/service';
import { confirmation, planDeletion, SnapshotDeleter, type DeleteItem } from '../../../src/snapshots/deleter';
import { Tracker } from '../../../src/snapshots/tracker';
import { FakeClock } from '../../support/fakeClock';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

const day = (d: number) => new Date(Date.UTC(2026, 10, d));

function fakeDelete(answer: (s: Snapshot) => Promise<TrackedState | 'gone'>): DeleteSupport & { sent: string[] } {
  const sent: string[] = [];
  return {
    operation: 'DeleteFake',
    iamActions: ['fake:DeleteFake'],
    sent,
    refusal: (s) => (s.state === 'creating' ? 'it is still being created' : undefined),
    calls: (s) => [{ operation: 'DeleteFake', input: { Id: s.id } }],
    send: async (_ctx, s) => {
      sent.push(s.id);
      return answer(s);
    },
    explainError: (facts, c) => (facts.code === 'InUse' ? `${c.snapshotName ?? ''} is in use.` : undefined),
  };
}

function setup(answer: (s: Snapshot) => Promise<TrackedState | 'gone'> = async () => 'gone') {
  const snaps = [
    snapshot('s3', day(3), { name: 'newest', resourceId: 'vol-1' }),
    snapshot('s2', day(2), { name: 'middle', resourceId: 'vol-1' }),
    snapshot('s1', day(1), { name: 'oldest', resourceId: 'vol-1' }),
    snapshot('s0', 'creating', { name: 'in-flight', resourceId: 'vol-1' }),
  ];
  const service: FakeService = fakeService({
    id: 'fake',
    label: 'Fake',
    resources: [resource('vol-1')],
    snapshots: snaps,
  });
  const deletion = fakeDelete(answer);
  service.delete = deletion;
  const target = { profile: 'default', region: 'us-east-1', service, resource: service.resources[0]! };
  const item = (id: string): DeleteItem => ({ target, snapshot: snaps.find((s) => s.id === id)! });
  const tracker = new Tracker({
    serviceById: () => service,
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock: new FakeClock(),
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  return { service, deletion, item, tracker, target };
}

test('a selection is sorted into deletable and refused snapshots, duplicates once, with warnings', async () => {
  const { item, service } = setup();
  const other = fakeService({ id: 'other', label: 'Other' });
  const plan = await planDeletion(noClients, [
    item('s2'),
    item('s2'),
    item('s0'),
    { target: { ...item('s1').target, service: other }, snapshot: item('s1').snapshot },
  ]);
  assert.deepEqual(
    plan.deletable.map((i) => i.snapshot.id),
    ['s2'],
  );
  assert.deepEqual(
    plan.refused.map((r) => [r.item.snapshot.id, r.reason]),
    [
      ['s0', 'it is still being created'],
      ['s1', 'Other snapshots cannot be deleted from here'],
    ],
  );
  assert.deepEqual(plan.warnings, []);
  assert.equal(service.calls.filter((c) => c.op === 'listSnapshots').length, 1, 'one listing per resource');
});

test('warnings: the newest snapshot of a resource, and a resource left without any', async () => {
  const { item } = setup();
  const newest = await planDeletion(noClients, [item('s3')]);
  assert.deepEqual(newest.warnings, ['newest is the newest snapshot of vol-1.']);
  const all = await planDeletion(noClients, [item('s1'), item('s2'), item('s3')]);
  assert.deepEqual(all.warnings, [
    'newest is the newest snapshot of vol-1.',
    'vol-1 will have no available snapshot left.',
  ]);
});

test('a listing that fails is said in a warning, not hidden', async () => {
  const { item, service } = setup();
  service.failWith = () => new Error('throttled');
  const plan = await planDeletion(noClients, [item('s1')]);
  assert.equal(plan.deletable.length, 1);
  assert.match(plan.warnings[0] ?? '', /Could not check which snapshots vol-1 keeps \(throttled\)/);
});

test('the confirmation names every snapshot with its resource, profile and region, the warnings and the skipped', async () => {
  const { item } = setup();
  const plan = await planDeletion(noClients, [item('s3'), item('s1'), item('s0')]);
  const { message, detail, button } = confirmation(plan);
  assert.equal(message, 'Delete 2 snapshots?');
  assert.equal(button, 'Delete 2 Snapshots');
  assert.equal(
    detail,
    [
      '• newest — Fake vol-1 (default / us-east-1)',
      '• oldest — Fake vol-1 (default / us-east-1)',
      '',
      '⚠ newest is the newest snapshot of vol-1.',
      '',
      'Not deleted (1):',
      '• in-flight — Fake vol-1 (default / us-east-1): it is still being created',
      '',
      'This cannot be undone.',
    ].join('\n'),
  );
  assert.equal(confirmation({ deletable: [item('s1')], refused: [], warnings: [] }).button, 'Delete Snapshot');
});

test('a deletion is one call and an operation of the tracker: gone at once, or followed until gone', async () => {
  const { item, deletion, tracker, service } = setup(async (s) =>
    s.id === 's1' ? 'gone' : { id: s.id, state: 'deleting', status: 'DELETING' },
  );
  const gone = await new SnapshotDeleter({ clients: noClients, tracker, log: silentLogger }).delete(item('s1'), 'b1');
  assert.equal(gone?.kind, 'delete');
  assert.equal(gone?.state, 'succeeded');
  assert.equal(gone?.batch, 'b1');
  const deleter = new SnapshotDeleter({ clients: noClients, tracker, log: silentLogger });
  const deleting = await deleter.delete(item('s2'));
  assert.equal(deleting?.state, 'running');
  assert.equal(deleting?.snapshotId, 's2');
  assert.equal(await deleter.delete(item('s2')), undefined, 'the same deletion while it runs sends nothing');
  assert.deepEqual(deletion.sent, ['s1', 's2']);
  service.answerStatus = (ref) => (ref.snapshotId === 's2' ? snapshot('s2', 'deleting') : undefined);
  await tracker.tick();
  assert.equal(tracker.get(deleting!.id)?.state, 'running');
  service.answerStatus = () => undefined;
  await tracker.tick();
  assert.equal(tracker.get(deleting!.id)?.state, 'succeeded');
  tracker.dispose();
});

test('a refused deletion is explained and recorded as failed; a refused snapshot is never sent', async () => {
  const { item, deletion, tracker } = setup(async () => {
    throw Object.assign(new Error('in use'), { name: 'InUse' });
  });
  const deleter = new SnapshotDeleter({ clients: noClients, tracker, log: silentLogger });
  const op = await deleter.delete(item('s1'));
  assert.equal(op?.state, 'failed');
  assert.equal(op?.error, 'oldest is in use.');
  assert.equal(await deleter.delete(item('s0')), undefined);
  assert.deepEqual(deletion.sent, ['s1']);
  tracker.dispose();
});
