// The name filter through the explorer model, with fake services whose resources differ by profile and region:
// branches without a match are hidden, errors never are, the path to a match is drawn expanded under ids of the
// filter's own, the counts, and Search Everywhere's page loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import type { AwsContext, PageRequest, Resource } from '../../../src/services/service';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode, ProfileEntry, ServiceNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeService, awsError, gate, noClients, resource } from '../../support/fakeService';

type Listing = Record<string, Resource[]>;

/** A fake service listing `listing["profile/region"]` (none elsewhere), paged by a numeric token. */
function service(id: string, label: string, listing: Listing): FakeService {
  const s = new FakeService(id, label);
  s.listResources = async (ctx: AwsContext, page: PageRequest) => {
    s.calls.push({ op: 'listResources', profile: ctx.profile, region: ctx.region, ...page, signal: ctx.signal });
    if (s.gate) await s.gate;
    const error = s.failWith({ op: 'listResources', profile: ctx.profile, region: ctx.region, ...page });
    if (error !== undefined) throw error;
    const items = listing[`${ctx.profile}/${ctx.region}`] ?? [];
    const start = page.nextToken ? Number(page.nextToken) : 0;
    const end = start + (page.pageSize ?? 50);
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  };
  return s;
}

const many = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => resource(`${prefix}-${String(i + 1).padStart(3, '0')}`));

function setup(graphsListing: Listing, volumesListing: Listing = {}, pageSize = 50) {
  const graphs = service('neptune-graph', 'Neptune Analytics', graphsListing);
  const volumes = service('storagegateway', 'Storage Gateway', volumesListing);
  const profiles: ProfileEntry[] = [
    { name: 'dev', kind: 'static', region: 'eu-west-1' },
    { name: 'ops', kind: 'static', region: 'us-east-1' },
    { name: 'test', kind: 'static', region: 'us-east-1' },
  ];
  const model = new ExplorerModel({
    profiles: async () => profiles,
    clients: noClients,
    services: [graphs, volumes],
    settings: () => ({ ...defaultTreeSettings, pageSize, regions: { ops: ['us-east-1', 'us-west-2'] } }),
    classifyError: classifyAwsError,
    throttleRetry: { attempts: 0 },
  });
  const changes: Array<ExplorerNode | undefined> = [];
  model.onDidChange((n) => changes.push(n));
  return { model, graphs, volumes, changes };
}

const labels = (model: ExplorerModel, nodes: readonly ExplorerNode[]) => nodes.map((n) => model.describe(n).label);

/** The tree as the filter shows it: every shown node's label, indented by depth, expanding what is drawn expanded. */
async function shown(model: ExplorerModel, node?: ExplorerNode, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const child of await model.getChildren(node)) {
    const view = model.describe(child);
    out.push(`${'  '.repeat(depth)}${view.label}`);
    if (view.collapsible === 'expanded') out.push(...(await shown(model, child, depth + 1)));
  }
  return out;
}

test('a filter shows only the profiles, regions and services holding a match, expanded down to it', async () => {
  const { model, graphs } = setup(
    {
      'dev/eu-west-1': [resource('g-1', { name: 'orders-prod' }), resource('g-2', { name: 'users' })],
      'ops/us-west-2': [resource('g-3', { name: 'ORDERS-archive' })],
      'test/us-east-1': [resource('g-4', { name: 'scratch' })],
    },
    { 'ops/us-east-1': [resource('vol-1', { name: 'orders-volume' })] },
  );
  model.setFilter('orders');
  assert.deepEqual(await shown(model), [
    'dev',
    '  eu-west-1',
    '    Neptune Analytics',
    '      orders-prod',
    'ops',
    '  us-east-1',
    '    Storage Gateway',
    '      orders-volume',
    '  us-west-2',
    '    Neptune Analytics',
    '      ORDERS-archive',
  ]);
  // Every place was listed once (first pages only), before anything was hidden.
  assert.equal(graphs.calls.length, 4);
  const [dev] = await model.getChildren();
  const view = model.describe(dev!);
  assert.equal(view.collapsible, 'expanded');
  assert.equal(
    view.id,
    'filter:orders|profile/dev',
    'an id of the filter’s own, so VS Code does not reuse a collapsed state',
  );
  const match = (await shown(model)).length;
  assert.equal(match, 11);
  model.setFilter('');
  const [devAgain] = await model.getChildren();
  assert.equal(model.describe(devAgain!).id, 'profile/dev');
  assert.equal(model.describe(devAgain!).collapsible, 'collapsed');
  assert.deepEqual(labels(model, await model.getChildren()), ['dev', 'ops', 'test']);
});

test('a matching resource stays collapsed and shows all its snapshots; the region’s unattached group is hidden', async () => {
  const { model, graphs } = setup({ 'dev/eu-west-1': [resource('g-1', { name: 'orders' })] });
  graphs.listUnattachedSnapshots = async () => ({ items: [] });
  model.setFilter('orders');
  const tree = await shown(model);
  assert.deepEqual(tree, ['dev', '  eu-west-1', '    Neptune Analytics', '      orders']);
  model.setFilter('without');
  assert.deepEqual(await shown(model), [], 'the group “Snapshots without a graph here” is not a match');
});

test('a branch whose listing failed stays visible with its error node; the others without a match are hidden', async () => {
  const { model, graphs } = setup({ 'dev/eu-west-1': [resource('g-1', { name: 'orders' })] });
  graphs.failWith = (call) => (call.profile === 'test' ? awsError('AccessDeniedException', 'no access') : undefined);
  model.setFilter('orders');
  const tree = await shown(model);
  assert.deepEqual(tree, [
    'dev',
    '  eu-west-1',
    '    Neptune Analytics',
    '      orders',
    'test',
    '  us-east-1',
    '    Neptune Analytics',
    '      Could not list graphs: no access',
  ]);
});

test('no match anywhere: an empty root, and a summary of what was searched', async () => {
  const { model } = setup({ 'dev/eu-west-1': many('g', 3) });
  model.setFilter('zzz');
  assert.deepEqual(await model.getChildren(), []);
  assert.deepEqual(model.filtering.summary(), {
    matches: 0,
    placesWithMatches: 0,
    placesSearched: 8,
    placesWithMore: 0,
    placesFailed: 0,
  });
});

test('the summary counts matches, places with a match, places with more pages and failed places', async () => {
  const { model, volumes } = setup(
    { 'dev/eu-west-1': many('orders', 5), 'ops/us-east-1': many('x', 5), 'ops/us-west-2': many('orders-b', 1) },
    { 'dev/eu-west-1': [] },
    2,
  );
  volumes.failWith = (call) => (call.profile === 'ops' ? awsError('ThrottlingException', 'slow down') : undefined);
  model.setFilter('ORDERS');
  await model.getChildren();
  assert.deepEqual(model.filtering.summary(), {
    matches: 3,
    placesWithMatches: 2,
    placesSearched: 8,
    placesWithMore: 2,
    placesFailed: 2,
  });
  assert.deepEqual(
    model.filtering.placesWithMore().map((s) => `${s.profile}/${s.region}/${s.service.id}`),
    ['dev/eu-west-1/neptune-graph', 'ops/us-east-1/neptune-graph'],
  );
});

test('a filter reached while a place is still loading waits for it: hidden only once known to hold no match', async () => {
  const { model, graphs } = setup({ 'dev/eu-west-1': [resource('g-1', { name: 'orders' })] });
  const held = gate();
  graphs.gate = held.promise;
  model.setFilter('orders');
  let answered: ExplorerNode[] | undefined;
  const root = model.getChildren().then((nodes) => (answered = nodes));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(answered, undefined, 'the root waits for the first pages');
  held.open();
  await root;
  assert.deepEqual(labels(model, answered ?? []), ['dev']);
});

test('setting or clearing the filter redraws the whole tree and tells the filter listeners', async () => {
  const { model, changes } = setup({ 'dev/eu-west-1': [resource('g-1', { name: 'orders' })] });
  // Other changes (a service's count once its page landed) fire their node; the filter fires the root.
  const roots = () => changes.filter((c) => c === undefined).length;
  let updates = 0;
  model.filtering.onDidUpdate(() => (updates += 1));
  model.setFilter('orders');
  assert.equal(roots(), 1);
  await model.getChildren();
  assert.ok(updates >= 2, 'after the change and after the scan');
  model.setFilter('orders ');
  assert.equal(roots(), 1, 'the same filter (trimmed) changes nothing');
  model.setFilter('');
  assert.equal(roots(), 2);
});

test('loadNextPage shows a later page’s match: the whole tree when the place appears, else the place', async () => {
  const listing = { 'dev/eu-west-1': [...many('g', 4), resource('g-late', { name: 'orders-late' }), ...many('h', 3)] };
  const { model, changes } = setup(listing, {}, 2);
  model.setFilter('orders');
  assert.deepEqual(await model.getChildren(), []);
  const [place] = model.filtering.placesWithMore();
  assert.ok(place);
  changes.length = 0;
  assert.equal(await model.filtering.loadNextPage(place), 'more');
  assert.equal(changes.length, 0, 'a page without a match redraws nothing');
  assert.equal(await model.filtering.loadNextPage(place), 'more');
  assert.deepEqual([...changes], [undefined], 'the place appears: the tree is drawn again');
  assert.deepEqual(await shown(model), [
    'dev',
    '  eu-west-1',
    '    Neptune Analytics',
    '      orders-late',
    '      Load more…',
  ]);
  changes.length = 0;
  assert.equal(await model.filtering.loadNextPage(place), 'done', 'the last page');
  assert.ok(changes.includes(place as ServiceNode), 'a shown place is drawn again');
  assert.ok(!changes.includes(undefined));
  assert.equal(await model.filtering.loadNextPage(place), 'done');
  assert.deepEqual(model.filtering.placesWithMore(), []);
});

test('loadNextPage reports a failed page (its error node shows) and a place refreshed meanwhile as done', async () => {
  const { model, graphs } = setup({ 'dev/eu-west-1': many('orders', 5) }, {}, 2);
  model.setFilter('orders');
  await model.getChildren();
  const [place] = model.filtering.placesWithMore();
  graphs.failWith = () => awsError('InternalServerException', 'boom');
  assert.equal(await model.filtering.loadNextPage(place!), 'failed');
  assert.deepEqual(model.filtering.placesWithMore(), [], 'a failed place is not searched again');
  assert.match((await shown(model)).join('\n'), /Could not load more: boom/);
  graphs.failWith = () => undefined;
  const [again] = (await model.getChildren()) as ExplorerNode[];
  model.refreshNode(again!);
  assert.equal(await model.filtering.loadNextPage(place!), 'done', 'its branch is gone: nothing left to search');
});
