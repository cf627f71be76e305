import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log';
import type { FormResult } from '../../../src/services/forms';
import type { TrackedState } from '../../../src/services/service';
import type { FormRequest } from '../../../src/snapshots/formState';
import { SnapshotRestorer, restoreKey } from '../../../src/snapshots/restorer';
import { Tracker } from '../../../src/snapshots/tracker';
import { FakeClock } from '../../support/fakeClock';
import { fakeRestore, type FakeRestore } from '../../support/fakeRestore';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';

async function setup(values: Record<string, string> = { name: 'fresh', size: '20', mode: 'cached' }) {
  const service: FakeService = fakeService({ id: 'fake', label: 'Fake', resources: [resource('vol-1')] });
  const restore: FakeRestore = fakeRestore();
  service.restore = restore;
  const restoredStates = new Map<string, TrackedState>();
  service.getRestoredStatuses = async (_ctx, refs) =>
    new Map(
      refs.flatMap((r) =>
        restoredStates.has(r.resourceId) ? [[r.resourceId, restoredStates.get(r.resourceId)!]] : [],
      ),
    );
  const clock = new FakeClock();
  const tracker = new Tracker({
    serviceById: () => service,
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock,
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  const snap = snapshot('snap-1', 'available', { name: 'nightly', resourceId: 'vol-1' });
  const ctx = { profile: 'default', region: 'us-east-1', clients: noClients };
  const form = await restore.prepare(ctx, snap, service.resources[0]);
  const input = { values, tags: [{ key: 'team', value: 'data' }], clientToken: 't-1' };
  const request: FormRequest = {
    target: { profile: 'default', region: 'us-east-1', service, resource: service.resources[0]! },
    snapshot: snap,
    form,
    input,
    calls: form.calls(input),
    newName: values.name ?? '',
  };
  const restorer = new SnapshotRestorer({ clients: noClients, tracker, log: silentLogger });
  return { service, restore, tracker, restorer, request, restoredStates, clock };
}

test('a valid restore sends once and the tracker follows the new resource until it is available', async () => {
  const { restore, tracker, restorer, request, restoredStates } = await setup();
  const outcome = await restorer.restore(request);
  assert.equal(outcome.kind, 'started');
  assert.equal(restore.sent.length, 1);
  assert.deepEqual(restore.sent[0], request.input);
  const op = tracker.running()[0];
  assert.equal(op?.kind, 'restore');
  assert.equal(op?.state, 'running');
  assert.equal(op?.snapshotId, 'snap-1');
  assert.deepEqual(op?.target, { name: 'fresh', id: 'new-fresh' });
  assert.deepEqual(op?.input, { values: request.input.values, tags: request.input.tags });
  restoredStates.set('new-fresh', { id: 'new-fresh', state: 'creating', status: 'CREATING' });
  await tracker.tick();
  assert.equal(tracker.get(op!.id)?.state, 'running');
  restoredStates.set('new-fresh', { id: 'new-fresh', state: 'available', status: 'AVAILABLE' });
  await tracker.tick();
  assert.equal(tracker.get(op!.id)?.state, 'succeeded');
  tracker.dispose();
});

test('invalid answers and tags never reach AWS', async () => {
  const invalid: Record<string, string>[] = [
    { name: 'Bad_Name', mode: 'cached' },
    { name: 'ok', size: '1', mode: 'cached' },
    { mode: 'cached' },
  ];
  for (const values of invalid) {
    const { restore, tracker, restorer, request } = await setup(values);
    const outcome = await restorer.restore(request);
    assert.equal(outcome.kind, 'invalid', JSON.stringify(values));
    assert.equal(restore.sent.length, 0);
    assert.equal(tracker.operations().length, 0);
  }
  const { restore, restorer, request } = await setup();
  const badTags = { ...request, input: { ...request.input, tags: [{ key: 'aws:x', value: '1' }] } };
  const outcome = await restorer.restore(badTags);
  assert.deepEqual(outcome, { kind: 'invalid', message: 'Tag aws:x: aws: is reserved' });
  assert.equal(restore.sent.length, 0);
});

test('a second restore to the same name while the first is pending or running is refused without a call', async () => {
  const { restore, restorer, request, tracker } = await setup();
  let release: (r: FormResult) => void = () => undefined;
  restore.answer = () => new Promise((resolve) => (release = resolve));
  const first = restorer.restore(request);
  const second = await restorer.restore({ ...request, newName: 'FRESH' });
  assert.equal(second.kind, 'duplicate');
  assert.match(
    second.kind === 'duplicate' ? second.message : '',
    /A volume "FRESH" is already being restored in us-east-1/,
  );
  release({ id: 'new-fresh', name: 'fresh', state: 'creating', status: 'CREATING' });
  assert.equal((await first).kind, 'started');
  assert.equal((await restorer.restore(request)).kind, 'duplicate');
  assert.equal(restore.sent.length, 1);
  assert.equal(restoreKey(request), 'restore|default|us-east-1|fake|fresh');
  tracker.dispose();
});

test('a refusal is explained by the service, else by the common sentences naming the IAM action', async () => {
  const { restore, restorer, request, tracker } = await setup();
  restore.answer = async () => {
    throw Object.assign(new Error('exists'), { name: 'NameTaken' });
  };
  const taken = await restorer.restore(request);
  assert.equal(taken.kind, 'failed');
  assert.equal(
    taken.kind === 'failed' ? taken.message : '',
    'A volume named "fresh" exists in us-east-1. Choose another name.',
  );
  assert.equal(tracker.operations()[0]?.state, 'failed');
  restore.answer = async () => {
    throw Object.assign(new Error('User x is not authorized to perform: fake:TagResource on resource y'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
  };
  const denied = await restorer.restore(request);
  assert.match(
    denied.kind === 'failed' ? denied.message : '',
    /^Access denied: profile default may not call fake:TagResource\. /,
  );
  restore.answer = async () => {
    throw Object.assign(new Error('quota'), { name: 'SomethingElse' });
  };
  const other = await restorer.restore(request);
  assert.equal(other.kind === 'failed' ? other.message : '', 'RestoreFake failed (SomethingElse): quota.');
  tracker.dispose();
});
