import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log';
import type { CopySupport } from '../../../src/services/copy';
import { notAvailableReason } from '../../../src/services/restore';
import type { ResourceTarget } from '../../../src/services/service';
import { destinationRegions, runCopyFlow, sendCopy, type CopyFlowDeps } from '../../../src/snapshots/copyFlow';
import { Tracker } from '../../../src/snapshots/tracker';
import { FakeClock } from '../../support/fakeClock';
import { fakeRestore } from '../../support/fakeRestore';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';
import { MemoryStore } from '../../support/memoryStore';
import { ScriptedPrompter } from '../../support/scriptedPrompter';

function setup() {
  const service: FakeService = fakeService({ id: 'fake', label: 'Fake', resources: [resource('c-1')] });
  service.regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1'];
  service.notOffered.add('ap-south-1');
  const form = fakeRestore();
  const destinations: string[] = [];
  const copy: CopySupport = {
    operation: 'CopyFake',
    iamActions: ['fake:CopyFake'],
    refusal: notAvailableReason,
    prepare: (ctx, s, source, destination) => {
      destinations.push(destination);
      return form.prepare(ctx, s, source);
    },
  };
  service.copy = copy;
  const target: ResourceTarget = { profile: 'prod', region: 'us-east-1', service, resource: service.resources[0]! };
  const snap = snapshot('snap-1', 'available', { name: 'nightly', resourceId: 'c-1' });
  const deps: CopyFlowDeps = {
    clients: noClients,
    log: silentLogger,
    regionsFor: () => ['eu-west-1', 'us-east-1'],
    newToken: () => 't-1',
    busy: (_m, work) => work(new AbortController().signal),
  };
  return { service, form, target, snap, deps, destinations };
}

test('destinations: the profile’s configured regions first, then the service’s others; never the source or a region without it', () => {
  const { target } = setup();
  assert.deepEqual(destinationRegions(target, ['eu-west-1', 'us-east-1', 'ap-south-1']), [
    { region: 'eu-west-1', configured: true },
    { region: 'us-west-2', configured: false },
  ]);
});

test('copy: pick the destination, the form is read for it, its fields, the review; the request goes to the destination', async () => {
  const { target, snap, deps, destinations } = setup();
  const prompter = new ScriptedPrompter([
    { id: 'destination', pick: 'eu-west-1' },
    { id: 'form:name', type: 'copied' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Copy' },
  ]);
  const result = await runCopyFlow(prompter, deps, { target, snapshot: snap });
  assert.equal(result.kind, 'copy');
  const request = result.kind === 'copy' ? result.request : assert.fail();
  assert.equal(request.region, 'eu-west-1');
  assert.equal(request.newName, 'copied');
  assert.deepEqual(destinations, ['eu-west-1']);
  const review = prompter.shown.find((s) => s.id === 'review');
  assert.match(review?.items?.[0]?.description ?? '', /\(profile prod, eu-west-1\)$/);
  assert.equal(prompter.shown[0]?.title, 'Copy Fake Snapshot to Region: nightly');
  assert.equal(
    prompter.shown.find((s) => s.id === 'destination')?.items?.[0]?.description,
    'configured for this profile',
  );
});

test('a snapshot of a service without a copy API, or not available, is refused before any prompt', async () => {
  const { target, snap, deps, service } = setup();
  const creating = snapshot('snap-2', 'creating', { name: 'in-flight', status: 'CREATING' });
  const notYet = await runCopyFlow(new ScriptedPrompter([]), deps, { target, snapshot: creating });
  assert.equal(notYet.kind, 'refused');
  service.copy = undefined;
  const none = await runCopyFlow(new ScriptedPrompter([]), deps, { target, snapshot: snap });
  assert.deepEqual(none, {
    kind: 'refused',
    message: 'Fake has no copy API: its snapshots cannot be copied to another region.',
  });
});

test('sendCopy: one send, an operation of kind copy read in the destination, the answers kept for Retry', async () => {
  const { target, snap, deps, form } = setup();
  const tracker = new Tracker({
    serviceById: () => target.service,
    clients: noClients,
    store: new MemoryStore(),
    log: silentLogger,
    clock: new FakeClock(),
    polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
  });
  const prompter = new ScriptedPrompter([
    { id: 'destination', pick: 'us-west-2' },
    { id: 'form:name', type: 'copied' },
    { id: 'form:size', enter: true },
    { id: 'form:mode', pick: 'cached' },
    { id: 'tags', enter: true },
    { id: 'review', pick: 'Copy' },
  ]);
  const result = await runCopyFlow(prompter, deps, { target, snapshot: snap });
  const request = result.kind === 'copy' ? result.request : assert.fail();
  const outcome = await sendCopy({ clients: noClients, tracker, log: silentLogger }, request);
  assert.equal(outcome.kind, 'started');
  const op = outcome.kind === 'started' ? outcome.operation : assert.fail();
  assert.equal(op.kind, 'copy');
  assert.deepEqual(op.target, { name: 'copied', region: 'us-west-2', id: 'new-copied' });
  assert.equal(op.input.values.destinationRegion, 'us-west-2');
  assert.equal(form.sent.length, 1);
  const again = await sendCopy({ clients: noClients, tracker, log: silentLogger }, request);
  assert.equal(again.kind, 'duplicate');
  assert.equal(form.sent.length, 1);
  tracker.dispose();
});
