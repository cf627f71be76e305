// "still loading…": a branch whose load takes longer than a few seconds is marked slow (its node's description says
// so), on a fake clock; the explorer model fires a change for the node when it becomes slow and when it is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { BranchOwner, ExplorerNode, ServiceNode } from '../../../src/tree/model/nodes';
import { SLOW_LOAD_MS, SlowLoads } from '../../../src/tree/model/slowLoads';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeClock, settle } from '../../support/fakeClock';
import { FakeService, gate, noClients, resource } from '../../support/fakeService';

const owner = { kind: 'region', id: 'profile/dev/eu-west-1' } as BranchOwner;

test('a load that takes longer than the threshold is slow until it ends; a quick one never is', async () => {
  const clock = new FakeClock();
  const changed: string[] = [];
  const slow = new SlowLoads((node) => changed.push(node.id), clock, 3_000);
  const g = gate();
  const load = slow.watch(owner, () => g.promise.then(() => 'done'));
  await clock.advance(2_999);
  assert.equal(slow.isSlow(owner), false);
  assert.deepEqual(changed, []);
  await clock.advance(1);
  assert.equal(slow.isSlow(owner), true);
  assert.deepEqual(changed, [owner.id]);
  g.open();
  assert.equal(await load, 'done');
  assert.equal(slow.isSlow(owner), false);
  assert.deepEqual(changed, [owner.id, owner.id], 'told again when it ends');

  assert.equal(await slow.watch(owner, async () => 'quick'), 'quick');
  await clock.advance(10_000);
  assert.equal(slow.isSlow(owner), false);
  assert.equal(changed.length, 2);
  assert.equal(clock.timers.size, 0, 'no timer left behind');
});

test('a failing slow load ends its slowness too, and rethrows', async () => {
  const clock = new FakeClock();
  const slow = new SlowLoads(() => undefined, clock);
  let fail!: (error: Error) => void;
  const load = slow.watch(owner, () => new Promise((_, reject) => (fail = reject)));
  await clock.advance(SLOW_LOAD_MS);
  assert.equal(slow.isSlow(owner), true);
  fail(new Error('timed out'));
  await assert.rejects(load, /timed out/);
  assert.equal(slow.isSlow(owner), false);
});

test('two slow loads of one node (a refresh while the old one hangs): slow until both end', async () => {
  const clock = new FakeClock();
  const slow = new SlowLoads(() => undefined, clock);
  const a = gate();
  const b = gate();
  const first = slow.watch(owner, () => a.promise);
  const second = slow.watch(owner, () => b.promise);
  await clock.advance(SLOW_LOAD_MS);
  a.open();
  await first;
  assert.equal(slow.isSlow(owner), true);
  b.open();
  await second;
  assert.equal(slow.isSlow(owner), false);
});

test('the explorer model: a service whose listing hangs is loading slowly after 3 s, and no longer once it answers', async () => {
  const clock = new FakeClock();
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources.push(resource('g1'));
  const model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    settings: () => defaultTreeSettings,
    classifyError: classifyAwsError,
    slowLoads: { timers: clock },
  });
  const changes: Array<ExplorerNode | undefined> = [];
  model.onDidChange((node) => changes.push(node));
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  const [service] = (await model.getChildren(region)) as ServiceNode[];
  assert.ok(service);
  const g = gate();
  graphs.gate = g.promise;
  const children = model.getChildren(service);
  await clock.advance(SLOW_LOAD_MS - 1);
  assert.equal(model.isLoadingSlowly(service), false);
  await clock.advance(1);
  assert.equal(model.isLoadingSlowly(service), true);
  assert.ok(changes.includes(service), 'its node is redrawn');
  assert.equal(model.isLoadingSlowly(region!), false, 'only the slow branch');
  changes.length = 0;
  g.open();
  assert.deepEqual(
    (await children).map((n) => n.id),
    [`${service.id}/g1`],
  );
  await settle();
  assert.equal(model.isLoadingSlowly(service), false);
  assert.ok(changes.includes(service), 'redrawn without it');
  model.dispose();
});
