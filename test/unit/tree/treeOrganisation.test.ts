// The tree's organisation: region names beside codes, counts on services and resources, the sort order, which
// services show per profile, and the one line for a service unreachable in every region of a profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { isEndpointGone } from '../../../src/aws/endpointAnswer';
import { ExplorerModel, type ExplorerModelDeps } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode, ProfileNode, RegionNode, ServiceNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings, type TreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeService, gate, noClients, resource, snapshot } from '../../support/fakeService';

/** What an HTML page instead of the service's protocol makes the SDK throw (no AWS request id). */
function goneError(): Error {
  return Object.assign(new SyntaxError(`Unexpected token '<'\n  Deserialization error: …`), {
    $metadata: { httpStatusCode: 404 },
  });
}

function setup(opts: { settings?: Partial<TreeSettings>; deps?: Partial<ExplorerModelDeps> } = {}) {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  const sims = Object.assign(new FakeService('simspaceweaver', 'SimSpace Weaver'), { endOfSupport: '2026-05-20' });
  const settings = {
    value: { ...defaultTreeSettings, regions: { '*': ['us-east-1', 'eu-west-1'] }, ...opts.settings },
  };
  const model = new ExplorerModel({
    profiles: async () => [
      { name: 'dev', kind: 'static' },
      { name: 'ops', kind: 'static' },
    ],
    clients: noClients,
    services: [graphs, sims],
    settings: () => settings.value,
    classifyError: classifyAwsError,
    throttleRetry: { attempts: 0 },
    isEndpointGone,
    ...opts.deps,
  });
  const changes: Array<ExplorerNode | undefined> = [];
  model.onDidChange((n) => changes.push(n));
  return { model, graphs, sims, settings, changes };
}

const labels = (model: ExplorerModel, nodes: readonly ExplorerNode[]) => nodes.map((n) => model.describe(n).label);

async function profile(model: ExplorerModel, name = 'dev'): Promise<ProfileNode> {
  const node = (await model.getChildren()).find((n) => n.kind === 'profile' && n.profile.name === name);
  assert.ok(node?.kind === 'profile');
  return node;
}

async function regions(model: ExplorerModel, name = 'dev'): Promise<RegionNode[]> {
  return (await model.getChildren(await profile(model, name))).filter((n): n is RegionNode => n.kind === 'region');
}

async function services(model: ExplorerModel, region: RegionNode): Promise<ServiceNode[]> {
  return (await model.getChildren(region)).filter((n): n is ServiceNode => n.kind === 'service');
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('a region shows its code as the label and its name beside it; an unknown code has no name', async () => {
  const { model } = setup({ settings: { regions: { '*': ['us-east-1', 'xx-test-1'] } } });
  const [east, unknown] = await regions(model);
  const view = model.describe(east!);
  assert.equal(view.label, 'us-east-1');
  assert.equal(view.description, 'US East (N. Virginia)');
  assert.match(view.tooltip ?? '', /US East \\\(N\\\. Virginia\\\)/);
  assert.equal(model.describe(unknown!).label, 'xx-test-1');
  assert.equal(model.describe(unknown!).description, undefined);
});

test('with prefetch, every service node shows its count without being expanded; one page of more says "N+"', async () => {
  const { model, graphs, sims } = setup({ settings: { pageSize: 2 }, deps: { prefetchServices: true } });
  graphs.resources = [resource('g1'), resource('g2'), resource('g3')];
  sims.resources = [resource('s1')];
  const [east] = await regions(model);
  const [graphNode, simNode] = await services(model, east!);
  await until(() => model.describe(graphNode!).description === '2+ graphs', 'the graphs count: 2+ graphs');
  await until(() => model.describe(simNode!).description === '1 graph', 'the simulations count: 1 graph');
  assert.equal(graphs.callsOf('listResources').length, 1, 'one page per service and region, loaded once');
  // Expanding uses what was loaded; loading the next page completes the count.
  const children = await model.getChildren(graphNode);
  assert.equal(graphs.callsOf('listResources').length, 1);
  const more = children.find((n) => n.kind === 'loadMore');
  assert.ok(more?.kind === 'loadMore');
  await model.loadMore(more);
  assert.equal(model.describe(graphNode!).description, '3 graphs');
});

test('without prefetch a service is listed only when expanded, and then fires so its count shows', async () => {
  const { model, graphs, changes } = setup();
  graphs.resources = [resource('g1')];
  const [east] = await regions(model);
  const [graphNode] = await services(model, east!);
  assert.equal(graphs.calls.length, 0);
  assert.equal(model.describe(graphNode!).description, undefined);
  await model.getChildren(graphNode);
  assert.ok(changes.includes(graphNode), 'the service node is drawn again with its count');
  assert.equal(model.describe(graphNode!).description, '1 graph');
});

test('a resource shows its snapshot count once known: from the listing, then from its loaded snapshots', async () => {
  const { model, graphs } = setup({ settings: { pageSize: 2 } });
  const t = (day: number) => new Date(Date.UTC(2026, 0, day));
  graphs.resources = [resource('g1', { knownSnapshots: [snapshot('k1', t(1), { resourceId: 'g1' })] }), resource('g2')];
  graphs.snapshots.set('g2', [snapshot('a', t(1)), snapshot('b', t(2)), snapshot('c', t(3))]);
  const [east] = await regions(model);
  const [graphNode] = await services(model, east!);
  const [g1, g2] = await model.getChildren(graphNode);
  assert.match(model.describe(g1!).description ?? '', /· 1 snapshot$/);
  assert.doesNotMatch(model.describe(g2!).description ?? '', /snapshot/, 'not known before it is expanded');
  await model.getChildren(g2);
  assert.match(model.describe(g2!).description ?? '', /· 2\+ snapshots$/);
});

test('Sort By: newest first (default), oldest first and by name, for resources and snapshots; no call to AWS', async () => {
  const { model, graphs, changes } = setup();
  const t = (day: number) => new Date(Date.UTC(2026, 0, day));
  graphs.resources = [
    resource('beta', { createdAt: t(2) }),
    resource('alpha', { createdAt: t(1) }),
    resource('gamma', { createdAt: t(3) }),
    resource('undated'),
  ];
  graphs.snapshots.set('beta', [snapshot('s-2', t(2)), snapshot('s-10', t(10)), snapshot('s-1', t(1))]);
  const [east] = await regions(model);
  const [graphNode] = await services(model, east!);
  const beta = (await model.getChildren(graphNode)).find((n) => model.describe(n).label === 'beta');
  assert.equal(model.sortOrder, 'newest');
  assert.deepEqual(labels(model, await model.getChildren(graphNode)), ['gamma', 'beta', 'alpha', 'undated']);
  assert.deepEqual(labels(model, await model.getChildren(beta)), ['s-10', 's-2', 's-1']);
  const calls = graphs.calls.length;
  changes.length = 0;
  model.setSortOrder('oldest');
  assert.deepEqual(changes, [undefined], 'the tree is drawn again (what is loaded stays)');
  assert.deepEqual(labels(model, await model.getChildren(graphNode)), ['alpha', 'beta', 'gamma', 'undated']);
  assert.deepEqual(labels(model, await model.getChildren(beta)), ['s-1', 's-2', 's-10']);
  model.setSortOrder('name');
  assert.deepEqual(labels(model, await model.getChildren(graphNode)), ['alpha', 'beta', 'gamma', 'undated']);
  assert.deepEqual(
    labels(model, await model.getChildren(beta)),
    ['s-1', 's-2', 's-10'],
    'numbers in names sort as numbers',
  );
  assert.equal(graphs.calls.length, calls);
  changes.length = 0;
  model.setSortOrder('name');
  assert.equal(changes.length, 0, 'the same order changes nothing');
});

test('the order given at start (the stored choice) applies from the first load', async () => {
  const { model, graphs } = setup({ deps: { sortOrder: 'name' } });
  graphs.resources = [resource('b', { createdAt: new Date(2) }), resource('a', { createdAt: new Date(1) })];
  const [east] = await regions(model);
  const [graphNode] = await services(model, east!);
  assert.deepEqual(labels(model, await model.getChildren(graphNode)), ['a', 'b']);
});

test('snapshotExplorer.services: a profile own entry, else `*`, else every service; none chosen says so', async () => {
  const { model } = setup({ settings: { services: { '*': ['simspaceweaver'], ops: [] } } });
  const [devEast] = await regions(model, 'dev');
  assert.deepEqual(labels(model, await model.getChildren(devEast)), ['SimSpace Weaver']);
  const [opsEast] = await regions(model, 'ops');
  assert.deepEqual(labels(model, await model.getChildren(opsEast)), [
    'No services chosen for this profile: use Choose Services…',
  ]);
  const all = setup({ settings: { services: { other: ['docdb'] } } });
  const [east] = await regions(all.model);
  assert.deepEqual(labels(all.model, await all.model.getChildren(east)), ['Neptune Analytics', 'SimSpace Weaver']);
});

test('a service whose endpoint is gone in every region of a profile: one line under the profile, left out of its regions', async () => {
  const { model, sims, changes } = setup({ deps: { prefetchServices: true } });
  sims.failWith = (call) => (call.profile === 'dev' ? goneError() : undefined);
  const dev = await profile(model);
  for (const region of await regions(model)) await services(model, region);
  await until(() => changes.includes(dev), 'the profile drawn again');
  const children = await model.getChildren(dev);
  assert.deepEqual(labels(model, children), ['us-east-1', 'eu-west-1', 'SimSpace Weaver: not reachable in any region']);
  const line = children[2]!;
  assert.equal(line.kind, 'unreachable');
  const view = model.describe(line);
  assert.equal(view.description, 'end of support 2026-05-20');
  assert.match(view.tooltip ?? '', /the service reached end of support on 2026\\-05\\-20/);
  assert.match(view.contextValue, /\bunreachable\b/);
  assert.equal(view.collapsible, 'none');
  assert.match(view.tooltip ?? '', /us\\-east\\-1, eu\\-west\\-1/);
  assert.match(view.tooltip ?? '', /2026\\-05\\-20/);
  for (const region of await regions(model)) {
    assert.deepEqual(labels(model, await model.getChildren(region)), ['Neptune Analytics'], 'no error per region');
  }
  // The other profile reaches it: nothing changes there.
  const [opsEast] = await regions(model, 'ops');
  assert.deepEqual(labels(model, await model.getChildren(opsEast)), ['Neptune Analytics', 'SimSpace Weaver']);
  // A refresh of the profile asks again; once the endpoint answers, the service is back.
  sims.failWith = () => undefined;
  model.refreshNode(dev);
  for (const region of await regions(model)) await services(model, region);
  await until(async () => (await model.getChildren(dev)).every((n) => n.kind === 'region'), 'the line gone');
  const [east] = await regions(model);
  assert.deepEqual(labels(model, await model.getChildren(east)), ['Neptune Analytics', 'SimSpace Weaver']);
});

test('a gone endpoint in one region only, or an AWS error in every region, stays an error under the service', async () => {
  const { model, sims, graphs } = setup({ deps: { prefetchServices: true } });
  sims.failWith = (call) => (call.region === 'eu-west-1' ? goneError() : undefined);
  graphs.failWith = () =>
    Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429, requestId: 'r-1' },
    });
  const dev = await profile(model);
  const all = await regions(model);
  for (const region of all) await services(model, region);
  await until(() => graphs.calls.length >= 2 && sims.calls.length >= 2, 'every service listed');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(
    (await model.getChildren(dev)).every((n) => n.kind === 'region'),
    'no one-line node',
  );
  const euServices = await services(model, all[1]!);
  assert.deepEqual(labels(model, euServices), ['Neptune Analytics', 'SimSpace Weaver']);
  const [error] = await model.getChildren(euServices[1]);
  assert.equal(error?.kind, 'error');
});

test('a service not offered in some regions is judged on the regions where it is offered', async () => {
  const { model, sims } = setup({ deps: { prefetchServices: true } });
  sims.notOffered.add('eu-west-1');
  sims.failWith = () => goneError();
  const dev = await profile(model);
  for (const region of await regions(model)) await services(model, region);
  await until(async () => (await model.getChildren(dev)).some((n) => n.kind === 'unreachable'), 'the line');
  assert.equal(labels(model, await model.getChildren(dev))[2], 'SimSpace Weaver: not reachable in us-east-1');
});

test('a service count leaves out the group of copies from other regions, and says nothing while its first page loads', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('g1'), resource('g2')];
  graphs.listUnattachedSnapshots = async () => ({ items: [] });
  const wait = gate();
  graphs.gate = wait.promise;
  const [east] = await regions(model);
  const [graphNode] = await services(model, east!);
  const loading = model.getChildren(graphNode);
  await until(() => graphs.calls.length === 1, 'the listing to start');
  assert.equal(model.describe(graphNode!).description, undefined, 'no “0 graphs” while loading');
  wait.open();
  assert.deepEqual(labels(model, await loading), ['g1', 'g2', 'Snapshots without a graph here']);
  assert.equal(model.describe(graphNode!).description, '2 graphs');
});
