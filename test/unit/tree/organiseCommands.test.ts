// Sort By…, Choose Services… and Hide Service against the recording fake of `vscode`: what each asks, what it
// stores (global state, user settings) and what the tree then shows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/profiles';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { fakeExtensionContext, fakeMemento, silentLogChannel } from '../../support/fakeVscode';
import { FakeService, noClients, resource } from '../../support/fakeService';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

const load = () => import('../../../src/tree/register');

const log = silentLogChannel;

const profiles: ProfileInfo[] = [
  { name: 'dev', kind: 'static', sources: ['credentials'], region: 'eu-west-1' },
  { name: 'ops', kind: 'static', sources: ['credentials'], region: 'eu-west-1' },
];

async function setup(state = new Map<string, unknown>()) {
  const { registerExplorer } = await load();
  for (const key of Object.keys(rec.settings.values)) delete rec.settings.values[key];
  for (const key of Object.keys(rec.settings.global)) delete rec.settings.global[key];
  rec.settings.updates.length = 0;
  rec.commands.clear();
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources = [resource('b', { createdAt: new Date(1) }), resource('a', { createdAt: new Date(2) })];
  const sims = new FakeService('simspaceweaver', 'SimSpace Weaver');
  const context = { ...fakeExtensionContext('/ext'), globalState: fakeMemento(state) } as unknown as Parameters<
    typeof registerExplorer
  >[0];
  registerExplorer(context, {
    log: log as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => profiles,
    clients: noClients,
    services: [graphs, sims],
    checkCredentials: async () => undefined,
  });
  const view = rec.views.at(-1)! as (typeof rec.views)[number] & { description?: string };
  const children = (node?: unknown) => view.treeDataProvider.getChildren(node) as Promise<ExplorerNode[]>;
  const label = (node: ExplorerNode) => (view.treeDataProvider.getTreeItem(node) as { label: string }).label;
  const under = async (...path: string[]): Promise<string[]> => {
    let node: ExplorerNode | undefined;
    for (const name of path) {
      const found = (await children(node)).find((n) => label(n) === name);
      assert.ok(found, name);
      node = found;
    }
    return (await children(node)).map(label);
  };
  return { view, state, under, children, label };
}

test('Sort By… offers the three orders, applies the pick, shows it beside the title and keeps it', async () => {
  const { view, state, under } = await setup();
  assert.equal(view.description, 'Sorted: Newest First');
  assert.deepEqual(await under('dev', 'eu-west-1', 'Neptune Analytics'), ['a', 'b']);
  let offered: string[] = [];
  rec.answers.quickPick = (items) => {
    offered = items.map((i) => i.label);
    return items.find((i) => i.label === 'Oldest First');
  };
  await rec.run('snapshotExplorer.sortBy');
  assert.deepEqual(offered, ['Newest First', 'Oldest First', 'Name']);
  assert.equal(view.description, 'Sorted: Oldest First');
  assert.equal(state.get('snapshotExplorer.sortOrder'), 'oldest');
  assert.deepEqual(await under('dev', 'eu-west-1', 'Neptune Analytics'), ['b', 'a']);
  rec.answers.quickPick = () => undefined;
  await rec.run('snapshotExplorer.sortBy');
  assert.equal(state.get('snapshotExplorer.sortOrder'), 'oldest', 'dismissed: nothing changes');
  // A new session starts with the kept order.
  const again = await setup(state);
  assert.equal(again.view.description, 'Sorted: Oldest First');
  assert.deepEqual(await again.under('dev', 'eu-west-1', 'Neptune Analytics'), ['b', 'a']);
});

test('Choose Services… from the title asks the profile (or every profile) and writes the user setting', async () => {
  const { under } = await setup();
  const asked: string[][] = [];
  rec.answers.quickPick = (items) => {
    asked.push(items.map((i) => i.label));
    if (asked.length === 1) return items.find((i) => i.label === 'Every profile');
    return items.filter((i) => i.label === 'SimSpace Weaver');
  };
  await rec.run('snapshotExplorer.chooseServices');
  assert.deepEqual(asked, [
    ['Every profile', 'dev', 'ops'],
    ['Neptune Analytics', 'SimSpace Weaver'],
  ]);
  assert.deepEqual(rec.settings.global['snapshotExplorer.services'], { '*': ['simspaceweaver'] });
  assert.deepEqual(await under('ops', 'eu-west-1'), ['SimSpace Weaver']);
});

test('Choose Services… on a profile preselects what it shows; Hide Service removes one from that profile only', async () => {
  const { children, label } = await setup();
  const [dev] = await children();
  let picked: boolean[] = [];
  rec.answers.quickPick = (items) => {
    picked = (items as Array<{ label: string; picked?: boolean }>).map((i) => !!i.picked);
    return items;
  };
  await rec.run('snapshotExplorer.chooseServices', dev);
  assert.deepEqual(picked, [true, true]);
  assert.deepEqual(rec.settings.global['snapshotExplorer.services'], { dev: ['neptune-graph', 'simspaceweaver'] });
  const [region] = await children(dev);
  const weaver = (await children(region)).find((n) => label(n) === 'SimSpace Weaver');
  await rec.run('snapshotExplorer.hideService', weaver);
  assert.deepEqual(rec.settings.global['snapshotExplorer.services'], { dev: ['neptune-graph'] });
  assert.match(rec.messages.at(-1) ?? '', /SimSpace Weaver hidden from profile dev/);
  assert.equal(rec.notifications.length, 0, 'no notification');
});
