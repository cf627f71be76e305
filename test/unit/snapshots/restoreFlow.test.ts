import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log';
import type { Snapshot } from '../../../src/services/service';
import { runRestoreFlow, type RestoreFlowDeps, type RestoreFlowResult } from '../../../src/snapshots/restoreFlow';
import { formatMember, reviewLines } from '../../../src/snapshots/formSteps';
import { fakeRestore, type FakeRestore } from '../../support/fakeRestore';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import { ScriptedPrompter } from '../../support/scriptedPrompter';

function setup(): { service: FakeService; restore: FakeRestore; snap: Snapshot } {
  const snap = snapshot('snap-1', 'available', { name: 'nightly', resourceId: 'vol-1', service: 'fake' });
  const service = fakeService({
    id: 'fake',
    label: 'Fake',
    resources: [resource('vol-1')],
    snapshots: [snap, snapshot('snap-2', 'creating', { name: 'in-flight', resourceId: 'vol-1' })],
  });
  const restore = fakeRestore();
  service.restore = restore;
  return { service, restore, snap };
}

function deps(services: FakeService[], extra: Partial<RestoreFlowDeps> = {}): RestoreFlowDeps {
  return {
    clients: noClients,
    services,
    log: silentLogger,
    profiles: async () => [{ name: 'default' }, { name: 'prod' }],
    regionsFor: () => ['us-east-1', 'eu-west-1'],
    newToken: () => 'token-1',
    busy: (_message, work) => work(new AbortController().signal),
    ...extra,
  };
}

function restored(result: RestoreFlowResult) {
  assert.equal(result.kind, 'restore', `expected a request, got ${JSON.stringify(result)}`);
  return result.kind === 'restore' ? result.request : assert.fail();
}

const fromTree = (service: FakeService, snap: Snapshot) => ({
  target: { profile: 'prod', region: 'eu-west-1', service, resource: service.resources[0]! },
  snapshot: snap,
});

test('from a tree snapshot: the form is read once, each field prefilled with its default and its source, then the exact request', async () => {
  const { service, restore, snap } = setup();
  const prompter = new ScriptedPrompter([
    { id: 'form:name', type: 'restored' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Restore' },
  ]);
  const request = restored(await runRestoreFlow(prompter, deps([service]), fromTree(service, snap)));
  assert.equal(restore.prepared.length, 1);
  assert.equal(restore.prepared[0]?.snapshot.id, 'snap-1');
  assert.equal(restore.prepared[0]?.source?.id, 'vol-1');
  assert.equal(restore.prepared[0]?.ctx.region, 'eu-west-1');
  assert.equal(request.newName, 'restored');
  assert.deepEqual(request.input, {
    values: { name: 'restored', size: '20', mode: 'cached' },
    tags: [{ key: 'team', value: 'data' }],
    clientToken: 'token-1',
  });
  assert.deepEqual(request.calls, [
    {
      operation: 'RestoreFake',
      input: {
        SnapshotId: 'snap-1',
        Name: 'restored',
        Size: 20,
        Mode: 'cached',
        Keep: undefined,
        Tags: [{ Key: 'team', Value: 'data' }],
        ClientToken: 'token-1',
      },
    },
  ]);
  const size = prompter.shown.find((s) => s.id === 'form:size');
  assert.equal(size?.value, '20');
  assert.deepEqual(
    prompter.shown.map((s) => [s.id, s.step, s.totalSteps]),
    [
      ['form:name', 1, 5],
      ['form:size', 2, 5],
      ['form:mode', 3, 5],
      ['tags', 4, 5],
      ['review', 5, 5],
    ],
  );
  assert.equal(prompter.shown[0]?.title, 'Restore Fake Snapshot: nightly');
  const mode = prompter.shown.find((s) => s.id === 'form:mode');
  assert.equal(mode?.items?.find((i) => i.label === 'cached')?.description, "default, from the source's");
  // The review shows every member that is sent, and nothing that is not.
  const review = prompter.shown.find((s) => s.id === 'review');
  const labels = review?.items?.map((i) => i.label.trim());
  assert.deepEqual(labels, [
    'Restore',
    'RestoreFake',
    'SnapshotId',
    'Name',
    'Size',
    'Mode',
    'Tags',
    'ClientToken',
    'Cancel',
  ]);
  assert.equal(review?.items?.find((i) => i.label.trim() === 'Tags')?.description, 'team=data');
});

test('the prompt of a field with a default says where the default came from', async () => {
  const { service, snap } = setup();
  const prompts: string[] = [];
  const prompter = new ScriptedPrompter([{ id: 'form:name', cancel: true }]);
  const input = prompter.input.bind(prompter);
  prompter.input = (step) => {
    prompts.push(step.prompt);
    return input(step);
  };
  assert.deepEqual(await runRestoreFlow(prompter, deps([service]), fromTree(service, snap)), { kind: 'cancel' });
  assert.deepEqual(prompts, ['1–10 lowercase letters']);
  const again = new ScriptedPrompter([
    { id: 'form:name', type: 'abc' },
    { id: 'form:size', cancel: true },
  ]);
  const seen: string[] = [];
  const input2 = again.input.bind(again);
  again.input = (step) => {
    seen.push(step.prompt);
    return input2(step);
  };
  await runRestoreFlow(again, deps([service]), fromTree(service, snap));
  assert.equal(seen[1], "GiB, at least 10 · default 20, from the snapshot's");
});

test('an invalid value is refused as typed, a taken name on Enter, and nothing is sent by the flow', async () => {
  const { service, restore, snap } = setup();
  restore.taken.add('taken');
  const prompter = new ScriptedPrompter([
    { id: 'form:name', type: 'Bad_Name' },
    { id: 'form:name', type: 'taken' },
    { id: 'form:name', type: 'fresh' },
    { id: 'form:size', type: '5' },
    { id: 'form:size', type: '' },
    { id: 'form:mode', pick: 'tape' },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', type: 'aws:x=1' },
    { id: 'tags', type: '' },
    { id: 'review', pick: 'Restore' },
  ]);
  const request = restored(await runRestoreFlow(prompter, deps([service]), fromTree(service, snap)));
  assert.deepEqual(
    prompter.refusals.map((r) => [r.id, r.message]),
    [
      ['form:name', 'Use 1–10 lowercase letters.'],
      ['form:name', 'A resource named "taken" exists.'],
      ['form:size', 'At least 10 GiB.'],
      ['form:mode', 'tapes cannot take volumes'],
      ['tags', "Tag 1 ('aws:x=1'): aws: is reserved"],
    ],
  );
  // An optional field left empty is left out of the request (AWS's default applies).
  assert.equal(request.input.values.size, '');
  assert.equal(request.calls[0]?.input.Size, undefined);
  assert.deepEqual(request.input.tags, []);
  assert.equal(restore.sent.length, 0);
});

test('a field asked only for one choice appears when that choice is made, and Back keeps the answers', async () => {
  const { service, snap } = setup();
  const prompter = new ScriptedPrompter([
    { id: 'form:name', type: 'abc' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'stored' },
    { id: 'form:keep', pick: 'Yes' },
    { id: 'tags', back: true },
    { id: 'form:keep', back: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', back: true },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Restore' },
  ]);
  const request = restored(await runRestoreFlow(prompter, deps([service]), fromTree(service, snap)));
  assert.deepEqual(request.input.values, { name: 'abc', size: '20', mode: 'cached' });
  assert.equal(request.calls[0]?.input.Keep, undefined);
  const keep = prompter.shown.find((s) => s.id === 'form:keep');
  assert.equal(keep?.totalSteps, 6);
  assert.equal(keep?.items?.find((i) => i.label === 'No')?.description, "default, from the API's default");
});

test('a snapshot that is not available is refused before anything is read', async () => {
  const { service, restore } = setup();
  const creating = snapshot('snap-2', 'creating', { name: 'in-flight', resourceId: 'vol-1', status: 'CREATING' });
  const result = await runRestoreFlow(new ScriptedPrompter([]), deps([service]), fromTree(service, creating));
  assert.equal(result.kind, 'refused');
  assert.match(result.kind === 'refused' ? result.message : '', /Cannot restore in-flight: .*still being created/);
  assert.equal(restore.prepared.length, 0);
});

test('from the palette: only services that restore, then the resource, then a snapshot (unavailable ones disabled)', async () => {
  const { service, restore } = setup();
  const other = fakeService({ id: 'other', label: 'Other', resources: [resource('x')] });
  const prompter = new ScriptedPrompter([
    { id: 'profile', pick: 'prod' },
    { id: 'region', pick: 'us-east-1' },
    { id: 'service', pick: 'Fake' },
    { id: 'resource', pick: 'vol-1' },
    { id: 'snapshot', pick: 'in-flight' },
    { id: 'snapshot', pick: 'nightly' },
    { id: 'form:name', back: true },
    { id: 'snapshot', pick: 'nightly' },
    { id: 'form:name', type: 'abc' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Restore' },
  ]);
  const request = restored(await runRestoreFlow(prompter, deps([service, other])));
  assert.equal(request.target.region, 'us-east-1');
  assert.equal(request.snapshot.id, 'snap-1');
  const services = prompter.shown.find((s) => s.id === 'service');
  assert.deepEqual(
    services?.items?.map((i) => i.label),
    ['Fake'],
  );
  assert.match(prompter.refusals[0]?.message ?? '', /still being created/);
  // Going back to the same snapshot keeps the form: it is read once.
  assert.equal(restore.prepared.length, 1);
  assert.equal(prompter.shown.find((s) => s.id === 'form:name')?.step, 6);
});

test('a form that cannot be read is a refusal with the reason; a cancelled read is a cancel', async () => {
  const { service, restore, snap } = setup();
  restore.prepareError = new Error('AccessDenied: no ListGateways');
  const result = await runRestoreFlow(new ScriptedPrompter([]), deps([service]), fromTree(service, snap));
  assert.deepEqual(result, {
    kind: 'refused',
    message: 'Could not read what restoring nightly needs: AccessDenied: no ListGateways',
  });
  restore.prepareError = Object.assign(new Error('aborted'), { name: 'AbortError' });
  assert.deepEqual(await runRestoreFlow(new ScriptedPrompter([]), deps([service]), fromTree(service, snap)), {
    kind: 'cancel',
  });
});

test('Retry prefills the earlier answers', async () => {
  const { service, snap } = setup();
  const prompter = new ScriptedPrompter([
    { id: 'form:name', enter: true },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'stored' },
    { id: 'form:keep', pick: 'Yes' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Restore' },
  ]);
  const previous = { values: { name: 'again', size: '64' }, tags: [{ key: 'a', value: 'b' }] };
  const request = restored(await runRestoreFlow(prompter, deps([service]), { ...fromTree(service, snap), previous }));
  assert.deepEqual(request.input.values, { name: 'again', size: '64', mode: 'stored', keep: 'true' });
  assert.deepEqual(request.input.tags, [{ key: 'a', value: 'b' }]);
});

test('the review formats members: text as is, tag lists as pairs, others as JSON; several calls are numbered', () => {
  assert.equal(formatMember('x'), 'x');
  assert.equal(formatMember(12), '12');
  assert.equal(formatMember(true), 'true');
  assert.equal(formatMember([{ Key: 'k', Value: 'v' }]), 'k=v');
  assert.equal(formatMember(['sg-1', 'sg-2']), '["sg-1","sg-2"]');
  const lines = reviewLines([
    { operation: 'RestoreDBClusterFromSnapshot', input: { DBClusterIdentifier: 'c', Port: undefined } },
    { operation: 'CreateDBInstance', input: { DBInstanceIdentifier: 'c-1' } },
  ]);
  assert.deepEqual(
    lines.map((l) => [l.label.trim(), l.description]),
    [
      ['1. RestoreDBClusterFromSnapshot', ''],
      ['DBClusterIdentifier', 'c'],
      ['2. CreateDBInstance', ''],
      ['DBInstanceIdentifier', 'c-1'],
    ],
  );
});

test('picking a value in the review goes back to the step that asked for it', async () => {
  const { service, snap } = setup();
  const prompter = new ScriptedPrompter([
    { id: 'form:name', type: 'abc' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: (item) => item.label.trim() === 'Size' },
    { id: 'form:size', type: '64' },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: (item) => item.label.trim() === 'SnapshotId' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Restore' },
  ]);
  const request = restored(await runRestoreFlow(prompter, deps([service]), fromTree(service, snap)));
  assert.equal(request.calls[0]?.input.Size, 64);
  const review = prompter.shown.find((s) => s.id === 'review');
  assert.equal(review?.items?.find((i) => i.label.trim() === 'Size')?.detail, 'Enter: change this value');
  // A member no field asked for (the snapshot's id) goes one step back.
  assert.equal(review?.items?.find((i) => i.label.trim() === 'SnapshotId')?.detail, undefined);
});
