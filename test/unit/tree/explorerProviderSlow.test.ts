// The `vscode` edge of "still loading…": a node whose branch loads slowly gets the (localized) words in its
// description, after what the model describes; once loaded, the item is as before. Against the recording fake.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import type { ExplorerModel as Model } from '../../../src/tree/model/explorerModel';
import type { ServiceNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeClock } from '../../support/fakeClock';
import { FakeService, gate, noClients, resource } from '../../support/fakeService';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());

/** A provider over one profile, region and Neptune Analytics service with these graphs, opened down to the service. */
async function openService(...graphIds: string[]) {
  const { ExplorerProvider } = await import('../../../src/tree/explorerProvider');
  const { ExplorerModel } = await import('../../../src/tree/model/explorerModel');
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources.push(...graphIds.map((id) => resource(id)));
  const model: Model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    settings: () => defaultTreeSettings,
    classifyError: classifyAwsError,
  });
  const provider = new ExplorerProvider(model);
  const [profile] = await provider.getChildren();
  const [region] = await provider.getChildren(profile);
  const [service] = (await provider.getChildren(region)) as ServiceNode[];
  assert.ok(profile && region && service);
  return { graphs, model, provider, profile, region, service };
}

test('a slowly loading node says "still loading…" in its description until its branch is loaded', async () => {
  const { ExplorerProvider } = await import('../../../src/tree/explorerProvider');
  const { ExplorerModel } = await import('../../../src/tree/model/explorerModel');
  const clock = new FakeClock();
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources.push(resource('g1'));
  const model: Model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    settings: () => defaultTreeSettings,
    classifyError: classifyAwsError,
    slowLoads: { timers: clock },
  });
  const provider = new ExplorerProvider(model);
  const [profile] = await provider.getChildren();
  const [region] = await provider.getChildren(profile);
  const [service] = (await provider.getChildren(region)) as ServiceNode[];
  assert.ok(service);
  const g = gate();
  graphs.gate = g.promise;
  const loading = provider.getChildren(service);
  // What the model describes (nothing yet, or a count), then the words after it.
  const before = provider.getTreeItem(service).description;
  assert.doesNotMatch(String(before), /still loading/);
  await clock.advance(3_000);
  const slow = provider.getTreeItem(service).description;
  assert.equal(slow, typeof before === 'string' && before ? `${before} · still loading…` : 'still loading…');
  const heard = provider.getTreeItem(service).accessibilityInformation?.label;
  assert.match(String(heard), /, still loading…$/, 'a screen reader hears it too');
  g.open();
  await loading;
  assert.equal(provider.getTreeItem(service).description, '1 graph');
  provider.dispose();
  model.dispose();
});

test('overlapping getChildren calls for one node: only the newest answers the children, the older none', async () => {
  const { graphs, model, provider, region, service } = await openService('g1', 'g2');
  const g = gate();
  graphs.gate = g.promise;
  // VS Code asks, then (after a change event for the node while it loads) asks again before the first answer.
  const first = provider.getChildren(service);
  const second = provider.getChildren(service);
  g.open();
  assert.deepEqual(await first, [], 'the older call registers nothing');
  assert.equal((await second).length, 2, 'the newest call answers the children');
  // Calls that do not overlap each answer in full.
  assert.equal((await provider.getChildren(service)).length, 2);
  assert.equal((await provider.getChildren(region)).length, 1);
  provider.dispose();
  model.dispose();
});

test("a node its parent's refresh replaced while its children loaded answers none; the new node answers them", async () => {
  const { graphs, model, provider, profile, service } = await openService('g1');
  const g = gate();
  graphs.gate = g.promise;
  const stale = provider.getChildren(service);
  // The profile is refreshed meanwhile: its region and service come back as new objects with the same ids.
  model.refreshNode(profile);
  g.open();
  assert.deepEqual(await stale, [], 'the replaced node registers nothing');
  const [newRegion] = await provider.getChildren(profile);
  const [newService] = (await provider.getChildren(newRegion)) as ServiceNode[];
  assert.ok(newService && newService !== service && newService.id === service.id);
  assert.equal((await provider.getChildren(newService)).length, 1, 'the new node answers its children');
  provider.dispose();
  model.dispose();
});
