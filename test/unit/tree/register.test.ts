// The view layer against a thin recording fake of `vscode`: tree items, context keys, commands and the API.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/profiles';
import type { ExplorerNode, ResourceNode } from '../../../src/tree/model/nodes';
import { fakeExtensionContext, silentLogChannel } from '../../support/fakeVscode';
import { FakeService, noClients, resource, snapshot } from '../../support/fakeService';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

// Loaded after the fake is installed, so its `import * as vscode` gets the fake.
const load = () => import('../../../src/tree/register');

const log = silentLogChannel;

function profile(name: string, extra: Partial<ProfileInfo> = {}): ProfileInfo {
  return { name, kind: 'static', sources: ['credentials'], region: 'eu-west-1', ...extra };
}

async function setup(profiles: ProfileInfo[], reauthenticated: string[] = []) {
  const { registerExplorer } = await load();
  for (const key of Object.keys(rec.settings.values)) delete rec.settings.values[key];
  rec.commands.clear();
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources = [
    resource('g-1', { name: 'orders', arn: 'arn:aws:neptune-graph:eu-west-1:123456789012:graph/g-1' }),
    resource('g-2', { name: 'users' }),
  ];
  const context = fakeExtensionContext('/ext') as unknown as Parameters<typeof registerExplorer>[0];
  const api = registerExplorer(context, {
    log: log as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => profiles,
    clients: noClients,
    services: [graphs],
    checkCredentials: async () => undefined,
    reauthenticate: async (p) => void reauthenticated.push(p.name),
  });
  const view = rec.views.at(-1)!;
  const provider = view.treeDataProvider;
  const changes: unknown[] = [];
  provider.onDidChangeTreeData((n) => changes.push(n));
  const children = (node?: unknown) => provider.getChildren(node) as Promise<ExplorerNode[]>;
  const resources = async (): Promise<ResourceNode[]> => {
    const [p] = await children();
    const [r] = await children(p);
    const [s] = await children(r);
    return (await children(s)) as ResourceNode[];
  };
  return { api, view, provider, children, resources, graphs, changes };
}

test('no profiles: the root is empty and snapshotExplorer.noProfiles is set, so the welcome view shows', async () => {
  const { children } = await setup([]);
  assert.deepEqual(await children(), []);
  assert.equal(rec.contexts.get('snapshotExplorer.noProfiles'), true);
  const again = await setup([profile('dev')]);
  assert.equal((await again.children()).length, 1);
  assert.equal(rec.contexts.get('snapshotExplorer.noProfiles'), false);
});

test('tree items carry the id, ThemeIcon, Markdown tooltip, contextValue and collapsible state of the model', async () => {
  const { provider, resources } = await setup([profile('dev')]);
  const [orders] = await resources();
  const item = provider.getTreeItem(orders) as unknown as {
    id: string;
    label: string;
    description: string;
    iconPath: { id: string };
    tooltip: { value: string };
    contextValue: string;
    collapsibleState: number;
  };
  assert.equal(item.label, 'orders');
  assert.equal(item.id, orders!.id);
  assert.equal(item.iconPath.id, 'graph');
  assert.equal(item.description, 'AVAILABLE · 16 GB');
  assert.match(item.tooltip.value, /arn:aws:neptune\\-graph/);
  assert.equal(item.contextValue, 'resource snapshottable neptune-graph hasArn');
  assert.equal(item.collapsibleState, 1);
  assert.equal(orders!.target.resource.id, 'g-1');
});

test("a snapshot's tooltip waits for TreeItem resolve, which reads its tags (one call, on hover)", async () => {
  const { provider, resources, children, graphs } = await setup([profile('dev')]);
  const [orders] = await resources();
  graphs.snapshots.set('g-1', [snapshot('gs-1', new Date('2026-02-01T00:00:00Z'), { name: 'nightly' })]);
  const reads: string[] = [];
  graphs.snapshotTags = async (_ctx, s) => {
    reads.push(s.id);
    return [{ key: 'team', value: 'data' }];
  };
  const [nightly] = await children(orders);
  type Item = { tooltip?: { value: string } };
  const item = provider.getTreeItem(nightly) as unknown as Item;
  assert.equal(item.tooltip, undefined, 'left for resolveTreeItem, which VS Code calls for unset properties only');
  const resolveTreeItem = (provider as unknown as { resolveTreeItem: (...args: unknown[]) => Promise<Item> })
    .resolveTreeItem;
  const token = { onCancellationRequested: () => ({ dispose: () => undefined }) };
  const resolved = await resolveTreeItem.call(provider, item, nightly, token);
  assert.match(resolved.tooltip?.value ?? '', /\*\*Tags:\*\* team=data/);
  assert.deepEqual(reads, ['gs-1']);
  assert.match((provider.getTreeItem(nightly) as unknown as Item).tooltip?.value ?? '', /team=data/);
});

test('Copy ID, Copy ARN and Open in AWS Console act on the resource node they are given', async () => {
  const { resources } = await setup([profile('dev')]);
  const [orders] = await resources();
  await rec.run('snapshotExplorer.copyId', orders);
  await rec.run('snapshotExplorer.copyArn', orders);
  await rec.run('snapshotExplorer.openInConsole', orders);
  assert.deepEqual(rec.clipboard.slice(-2), ['g-1', 'arn:aws:neptune-graph:eu-west-1:123456789012:graph/g-1']);
  assert.equal(rec.opened.at(-1), 'https://console.example/eu-west-1/g-1');
});

test('Filter… shows the filter in the view message and sets the context key; Clear Filter removes both', async () => {
  const { view, resources } = await setup([profile('dev')]);
  rec.answers.inputBox = 'ORD';
  await rec.run('snapshotExplorer.filter');
  assert.match(view.message ?? '', /ORD/);
  assert.equal(rec.contexts.get('snapshotExplorer.filterActive'), true);
  assert.deepEqual(
    (await resources()).map((n) => n.target.resource.name),
    ['orders'],
  );
  await rec.run('snapshotExplorer.clearFilter');
  assert.equal(view.message, undefined);
  assert.equal(rec.contexts.get('snapshotExplorer.filterActive'), false);
  assert.equal((await resources()).length, 2);
});

test('Choose Regions… stores the picked regions for that profile in the user settings, keeping the others', async () => {
  const { children } = await setup([profile('dev')]);
  rec.settings.global['snapshotExplorer.regions'] = { ops: ['us-west-2'] };
  let offered: string[] = [];
  rec.answers.quickPick = (items) => {
    offered = items.map((i) => i.label);
    return items.filter((i) => i.label === 'us-east-1' || i.label === 'eu-west-1');
  };
  const [dev] = await children();
  await rec.run('snapshotExplorer.chooseRegions', dev);
  assert.ok(offered.includes('eu-west-1'), 'the current region is offered');
  assert.deepEqual(rec.settings.updates.at(-1), ['regions', { ops: ['us-west-2'], dev: ['us-east-1', 'eu-west-1'] }]);
});

test('a settings change that affects the tree refreshes it', async () => {
  const { changes } = await setup([profile('dev')]);
  const before = changes.length;
  for (const l of rec.configListeners) l({ affectsConfiguration: (k) => k === 'snapshotExplorer.regions' });
  assert.equal(changes.length, before + 1);
  assert.equal(changes.at(-1), undefined);
});

test('Reauthenticate on an error node calls deps.reauthenticate with the profile, then reloads the profile', async () => {
  const reauthenticated: string[] = [];
  const { children, changes } = await setup([profile('dev')], reauthenticated);
  const [dev] = await children();
  const fakeError = { kind: 'error', id: 'x', parent: dev } as unknown as ExplorerNode;
  await rec.run('snapshotExplorer.reauthenticate', fakeError);
  assert.deepEqual(reauthenticated, ['dev']);
  assert.equal(changes.at(-1), dev);
});

test('revealResource loads the path to the resource and reveals it selected; a missing one says why', async () => {
  const { api, view, graphs } = await setup([profile('dev')]);
  const target = { profile: 'dev', region: 'eu-west-1', service: graphs, resource: resource('g-2') };
  await api.revealResource(target);
  const revealed = view.revealed.at(-1);
  assert.equal((revealed?.node as ResourceNode).target.resource.id, 'g-2');
  assert.deepEqual(revealed?.options, { select: true, focus: true, expand: true });
  await api.revealResource({ ...target, region: 'ap-south-1' });
  assert.match(rec.messages.at(-1) ?? '', /not shown in the explorer/);
});

test('setInProgress marks the resource by its key', async () => {
  const { api, provider, resources } = await setup([profile('dev')]);
  const [orders] = await resources();
  api.setInProgress(new Set(['dev|eu-west-1|neptune-graph|g-1']));
  const item = provider.getTreeItem(orders) as unknown as { iconPath: { id: string }; contextValue: string };
  assert.equal(item.iconPath.id, 'loading~spin');
  assert.match(item.contextValue, /\binProgress\b/);
});

test('Copy ID copies the short id a resource shows (a volume’s vol-…), not its ARN', async () => {
  const { resources } = await setup([profile('dev')]);
  const [orders] = await resources();
  const node = orders as unknown as { target: { resource: object } };
  const volume = { ...node, target: { ...node.target, resource: { ...node.target.resource, displayId: 'vol-1' } } };
  await rec.run('snapshotExplorer.copyId', volume);
  assert.equal(rec.clipboard.at(-1), 'vol-1');
});
