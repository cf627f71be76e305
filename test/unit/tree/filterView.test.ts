// The filter's `vscode` side against the recording fake: the view's message, the context key, the filter kept in the
// workspace state and shown again on the next start, and Search Everywhere's progress, result and cancellation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/profiles';
import type { AwsContext, PageRequest, Resource } from '../../../src/services/service';
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
  { name: 'ops', kind: 'static', sources: ['credentials'], region: 'us-east-1' },
];

/** Graphs listed per profile (the same in every region), paged by a numeric token; `hold` delays each later page. */
function graphsService(listing: Record<string, Resource[]>, hold?: () => Promise<void>): FakeService {
  const s = new FakeService('neptune-graph', 'Neptune Analytics');
  s.listResources = async (ctx: AwsContext, page: PageRequest) => {
    s.calls.push({ op: 'listResources', profile: ctx.profile, region: ctx.region, ...page });
    if (page.nextToken && hold) await hold();
    const items = listing[ctx.profile] ?? [];
    const start = page.nextToken ? Number(page.nextToken) : 0;
    const end = start + (page.pageSize ?? 50);
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  };
  return s;
}

const bulk = (n: number) => Array.from({ length: n }, (_, i) => resource(`g-${i + 1}`, { name: `bulk-${i + 1}` }));

async function setup(graphs: FakeService, state = new Map<string, unknown>()) {
  const { registerExplorer } = await load();
  for (const key of Object.keys(rec.settings.values)) delete rec.settings.values[key];
  rec.settings.values['snapshotExplorer.pageSize'] = 10;
  rec.commands.clear();
  rec.contexts.clear();
  const context = fakeExtensionContext('/ext');
  context.workspaceState = fakeMemento(state);
  registerExplorer(context as unknown as Parameters<typeof registerExplorer>[0], {
    log: log as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => profiles,
    clients: noClients,
    services: [graphs],
    checkCredentials: async () => undefined,
  });
  const view = rec.views.at(-1)!;
  const children = (node?: unknown) => view.treeDataProvider.getChildren(node) as Promise<ExplorerNode[]>;
  const label = (node: unknown) => (view.treeDataProvider.getTreeItem(node) as { label: string }).label;
  /** Every shown node's label, expanding what is drawn expanded. */
  const shown = async (node?: unknown, depth = 0): Promise<string[]> => {
    const out: string[] = [];
    for (const child of await children(node)) {
      const item = view.treeDataProvider.getTreeItem(child) as { label: string; collapsibleState: number };
      out.push(`${'  '.repeat(depth)}${item.label}`);
      if (item.collapsibleState === 2) out.push(...(await shown(child, depth + 1)));
    }
    return out;
  };
  return { view, children, label, shown, state };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), what);
};

test('Filter… narrows the tree, says what it found in the view message, and is kept in the workspace state', async () => {
  const graphs = graphsService({ dev: [resource('g-1', { name: 'orders' }), ...bulk(3)], ops: bulk(12) });
  const { view, shown, state } = await setup(graphs);
  rec.answers.inputBox = ' orders ';
  await rec.run('snapshotExplorer.filter');
  assert.equal(view.message, 'Filter “orders”: 1 match, 1 place has more pages (Search Everywhere loads them)');
  assert.equal(rec.contexts.get('snapshotExplorer.filterActive'), true);
  assert.equal(state.get('snapshotExplorer.filter'), 'orders');
  assert.deepEqual(await shown(), ['dev', '  eu-west-1', '    Neptune Analytics', '      orders']);
  await rec.run('snapshotExplorer.clearFilter');
  assert.equal(view.message, undefined);
  assert.equal(rec.contexts.get('snapshotExplorer.filterActive'), false);
  assert.equal(state.get('snapshotExplorer.filter'), undefined);
  assert.deepEqual(await shown(), ['dev', 'ops'], 'every profile again, collapsed as before');
});

test('the filter kept from the last session is shown again on start, with its context key and message', async () => {
  const graphs = graphsService({ dev: [resource('g-1', { name: 'orders-a' }), resource('g-2', { name: 'orders-b' })] });
  const { view, shown } = await setup(graphs, new Map([['snapshotExplorer.filter', 'ORDERS']]));
  await until(() => /matches/.test(view.message ?? ''), 'the message after the first pages');
  assert.equal(view.message, 'Filter “ORDERS”: 2 matches in 1 place');
  assert.equal(rec.contexts.get('snapshotExplorer.filterActive'), true);
  assert.deepEqual(await shown(), ['dev', '  eu-west-1', '    Neptune Analytics', '      orders-a', '      orders-b']);
});

test('Search Everywhere loads the remaining pages under a progress notification and shows the later match', async () => {
  const ops = [...bulk(25), resource('g-late', { name: 'needle' }), ...bulk(4)];
  const graphs = graphsService({ dev: bulk(3), ops });
  const { view, shown } = await setup(graphs);
  rec.answers.inputBox = 'needle';
  await rec.run('snapshotExplorer.filter');
  assert.equal(view.message, 'Filter “needle”: no matches, 1 place has more pages (Search Everywhere loads them)');
  assert.deepEqual(await shown(), []);
  rec.notifications.length = 0;
  await rec.run('snapshotExplorer.searchEverywhere');
  const progress = rec.progress.at(-1)!;
  assert.equal(progress.title, 'Search Everywhere for “needle”');
  assert.ok(progress.done);
  assert.match(progress.reports.at(-1)?.message ?? '', /1 of 1 places, 2 pages loaded, 1 match$/);
  assert.deepEqual(await shown(), ['ops', '  us-east-1', '    Neptune Analytics', '      needle']);
  assert.equal(view.message, 'Filter “needle”: 1 match');
  assert.deepEqual(
    rec.notifications.map((n) => n.message),
    ['Search Everywhere: 1 match of “needle”.'],
    'one notification for the finished search',
  );
  await rec.run('snapshotExplorer.searchEverywhere');
  assert.match(rec.notifications.at(-1)?.message ?? '', /Every page of the shown places is loaded/);
});

test('cancelling Search Everywhere stops it: no further page is asked for, and no result notification', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const graphs = graphsService({ ops: bulk(60) }, () => held);
  const { view } = await setup(graphs);
  rec.answers.inputBox = 'needle';
  await rec.run('snapshotExplorer.filter');
  rec.notifications.length = 0;
  const search = rec.run('snapshotExplorer.searchEverywhere');
  await until(() => rec.progress.length > 0 && !rec.progress.at(-1)!.done, 'the progress notification');
  await until(() => graphs.calls.length === 3, 'the second page asked for');
  rec.progress.at(-1)!.cancel();
  await search;
  release();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(graphs.calls.length, 3, 'no page after the cancelled one');
  assert.deepEqual(rec.notifications, []);
  assert.match(view.message ?? '', /1 place has more pages/);
});

test('Search Everywhere without a filter says how to start, and starts no progress', async () => {
  const { view } = await setup(graphsService({}));
  rec.notifications.length = 0;
  await rec.run('snapshotExplorer.searchEverywhere');
  assert.match(rec.notifications.at(-1)?.message ?? '', /Set a filter first/);
  assert.equal(view.message, undefined);
  assert.equal(rec.progress.filter((p) => !p.done).length, 0);
});

test('the view message counts the places that could not be listed (their error nodes stay in the tree)', async () => {
  const graphs = graphsService({ dev: [resource('g-1', { name: 'orders-a' }), resource('g-2', { name: 'orders-b' })] });
  const original = graphs.listResources;
  graphs.listResources = async (ctx, page) => {
    if (ctx.profile === 'ops') throw new Error('no route to the endpoint');
    return original(ctx, page);
  };
  const { view, shown } = await setup(graphs);
  rec.answers.inputBox = 'orders';
  await rec.run('snapshotExplorer.filter');
  assert.equal(view.message, 'Filter “orders”: 2 matches in 1 place, 1 place could not be listed');
  const tree = await shown();
  assert.deepEqual(tree.slice(0, 5), [
    'dev',
    '  eu-west-1',
    '    Neptune Analytics',
    '      orders-a',
    '      orders-b',
  ]);
  assert.equal(tree[5], 'ops');
  assert.match(tree.at(-1) ?? '', /^ {6}Could not list graphs: no route to the endpoint/);
});
