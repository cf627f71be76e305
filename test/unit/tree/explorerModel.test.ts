import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { silentLogger } from '../../../src/log';
import { ExplorerModel, type ExplorerModelDeps } from '../../../src/tree/model/explorerModel';
import type {
  ErrorNode,
  ExplorerNode,
  LoadMoreNode,
  ProfileEntry,
  ResourceNode,
  ServiceNode,
} from '../../../src/tree/model/nodes';
import { defaultTreeSettings, type TreeSettings } from '../../../src/tree/model/treeSettings';
import { FakeService, awsError, gate, noClients, resource, snapshot } from '../../support/fakeService';

interface Setup {
  model: ExplorerModel;
  graphs: FakeService;
  volumes: FakeService;
  changes: Array<ExplorerNode | undefined>;
  settings: { value: TreeSettings };
}

function setup(
  opts: {
    profiles?: ProfileEntry[];
    settings?: Partial<TreeSettings>;
    deps?: Partial<ExplorerModelDeps>;
  } = {},
): Setup {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  const volumes = new FakeService('storagegateway', 'Storage Gateway');
  const settings = { value: { ...defaultTreeSettings, ...opts.settings } };
  const profiles = opts.profiles ?? [{ name: 'dev', kind: 'static', region: 'eu-west-1' }];
  const model = new ExplorerModel({
    profiles: async () => profiles,
    clients: noClients,
    services: [graphs, volumes],
    settings: () => settings.value,
    classifyError: classifyAwsError,
    throttleRetry: { attempts: 0 },
    ...opts.deps,
  });
  const changes: Array<ExplorerNode | undefined> = [];
  model.onDidChange((n) => changes.push(n));
  return { model, graphs, volumes, changes, settings };
}

async function serviceNode(model: ExplorerModel, serviceId = 'neptune-graph', profile = 'dev'): Promise<ServiceNode> {
  const p = (await model.getChildren()).find((n) => n.kind === 'profile' && n.profile.name === profile);
  assert.ok(p, `profile ${profile}`);
  const [region] = await model.getChildren(p);
  assert.ok(region);
  const s = (await model.getChildren(region)).find((n) => n.kind === 'service' && n.service.id === serviceId);
  assert.ok(s && s.kind === 'service');
  return s;
}

const labels = (model: ExplorerModel, nodes: ExplorerNode[]) => nodes.map((n) => model.describe(n).label);

test('the tree shows profiles, their regions (default: the profile region) and every service per region', async () => {
  const { model } = setup({
    profiles: [
      { name: 'dev', kind: 'static', region: 'eu-west-1' },
      { name: 'ops', kind: 'sso' },
    ],
  });
  const profiles = await model.getChildren();
  assert.deepEqual(labels(model, profiles), ['dev', 'ops']);
  assert.equal(model.describe(profiles[0]!).description, 'keys · eu-west-1');
  assert.equal(model.describe(profiles[1]!).description, 'SSO');
  const opsRegions = await model.getChildren(profiles[1]);
  assert.deepEqual(labels(model, opsRegions), ['us-east-1']);
  const services = await model.getChildren(opsRegions[0]);
  assert.deepEqual(labels(model, services), ['Neptune Analytics', 'Storage Gateway']);
});

test('profile settings: include limits the list, hidden removes; regions per profile and `*`', async () => {
  const { model } = setup({
    profiles: [
      { name: 'a', kind: 'static' },
      { name: 'b', kind: 'static' },
      { name: 'c', kind: 'static' },
    ],
    settings: { include: ['a', 'b'], hidden: ['b'], regions: { a: ['eu-west-1', 'us-west-2'], '*': ['ap-south-1'] } },
  });
  const profiles = await model.getChildren();
  assert.deepEqual(labels(model, profiles), ['a']);
  assert.deepEqual(labels(model, await model.getChildren(profiles[0])), ['eu-west-1', 'us-west-2']);
});

test('no profiles at all gives an empty root (the welcome view) and reports 0; all hidden gives a placeholder', async () => {
  const empty = setup({ profiles: [] });
  const counts: number[] = [];
  empty.model.onDidLoadProfiles((n) => counts.push(n));
  assert.deepEqual(await empty.model.getChildren(), []);
  assert.deepEqual(counts, [0]);
  const hidden = setup({ profiles: [{ name: 'a', kind: 'static' }], settings: { hidden: ['a'] } });
  const nodes = await hidden.model.getChildren();
  assert.equal(nodes.length, 1);
  assert.equal(nodes[0]!.kind, 'placeholder');
});

test('resources page by the pageSize setting; "Load more" appends the next page and each item appears once', async () => {
  const { model, graphs } = setup({ settings: { pageSize: 2 } });
  graphs.resources = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => resource(id));
  const svc = await serviceNode(model);
  let children = await model.getChildren(svc);
  assert.deepEqual(labels(model, children), ['g1', 'g2', 'Load more…']);
  assert.equal(graphs.calls[0]!.pageSize, 2);
  while (children.at(-1)?.kind === 'loadMore') {
    await model.loadMore(children.at(-1) as LoadMoreNode);
    children = await model.getChildren(svc);
  }
  assert.deepEqual(labels(model, children), ['g1', 'g2', 'g3', 'g4', 'g5']);
  assert.deepEqual(
    graphs.calls.map((c) => c.nextToken),
    [undefined, '2', '4'],
  );
  assert.equal(model.describe(svc).description, '5 graphs');
});

test('a double "Load more" click loads the page once', async () => {
  const { model, graphs } = setup({ settings: { pageSize: 2 } });
  graphs.resources = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => resource(id));
  const svc = await serviceNode(model);
  const more = (await model.getChildren(svc)).at(-1) as LoadMoreNode;
  const g = gate();
  graphs.gate = g.promise;
  const first = model.loadMore(more);
  const second = model.loadMore(more);
  assert.equal(model.describe(more).label, 'Loading…');
  g.open();
  await Promise.all([first, second]);
  await model.loadMore(more); // a third click on the same, now used, node
  assert.equal(graphs.calls.filter((c) => c.nextToken === '2').length, 1);
  assert.deepEqual(labels(model, await model.getChildren(svc)), ['g1', 'g2', 'g3', 'g4', 'Load more…']);
});

test('an empty service branch shows a quiet placeholder with the resource noun', async () => {
  const { model } = setup();
  const svc = await serviceNode(model);
  const children = await model.getChildren(svc);
  assert.equal(children.length, 1);
  assert.equal(children[0]!.kind, 'placeholder');
  assert.equal(model.describe(children[0]!).label, 'No graphs in this region');
});

test('a service not offered in a region says so in its description and has no children; no call is made', async () => {
  const { model, graphs } = setup();
  graphs.notOffered.add('eu-west-1');
  const svc = await serviceNode(model);
  const view = model.describe(svc);
  assert.equal(view.description, 'not offered in this region');
  assert.equal(view.collapsible, 'none');
  assert.deepEqual(await model.getChildren(svc), []);
  assert.equal(graphs.calls.length, 0);
});

test('a failing service shows one error node (code, request id, Retry) while the sibling service loads', async () => {
  const { model, graphs, volumes } = setup();
  graphs.failWith = () => awsError('InternalServerException', 'Boom', 'rid-42');
  volumes.resources = [resource('vol-1')];
  const failed = await model.getChildren(await serviceNode(model, 'neptune-graph'));
  assert.equal(failed.length, 1);
  const err = failed[0] as ErrorNode;
  assert.equal(err.kind, 'error');
  assert.equal(err.error.code, 'InternalServerException');
  assert.equal(err.error.requestId, 'rid-42');
  const view = model.describe(err);
  assert.equal(view.label, 'Could not list graphs: Boom');
  assert.match(view.contextValue, /\berror\b/);
  assert.doesNotMatch(view.contextValue, /\breauthenticate\b/);
  assert.match(view.tooltip ?? '', /rid\\-42/);
  assert.deepEqual(labels(model, await model.getChildren(await serviceNode(model, 'storagegateway'))), ['vol-1']);
  // Retry loads again and replaces the error with the items.
  graphs.failWith = () => undefined;
  graphs.resources = [resource('g1')];
  await model.retry(err);
  assert.deepEqual(labels(model, await model.getChildren(await serviceNode(model, 'neptune-graph'))), ['g1']);
});

test('a failing later page keeps the loaded items and puts the error after them', async () => {
  const { model, graphs } = setup({ settings: { pageSize: 1 } });
  graphs.resources = [resource('g1'), resource('g2')];
  const svc = await serviceNode(model);
  const more = (await model.getChildren(svc)).at(-1) as LoadMoreNode;
  graphs.failWith = (c) => (c.nextToken ? awsError('ThrottlingException', 'Rate exceeded') : undefined);
  await model.loadMore(more);
  const children = await model.getChildren(svc);
  assert.deepEqual(
    children.map((n) => n.kind),
    ['resource', 'error'],
  );
  assert.equal(model.describe(children[1]!).label, 'Could not load more: Rate exceeded');
  graphs.failWith = () => undefined;
  await model.retry(children[1] as ErrorNode);
  assert.deepEqual(labels(model, await model.getChildren(svc)), ['g1', 'g2']);
});

test('a profile whose credentials fail shows its error with Reauthenticate while other profiles render', async () => {
  const checked: string[] = [];
  const { model } = setup({
    profiles: [
      { name: 'good', kind: 'static' },
      { name: 'sso', kind: 'sso', region: 'eu-west-1' },
    ],
    deps: {
      checkCredentials: async (profile) => {
        checked.push(profile);
        if (profile === 'sso') throw awsError('ExpiredTokenException', 'The SSO session has expired');
      },
    },
  });
  const [good, sso] = await model.getChildren();
  const [goodChildren, ssoChildren] = await Promise.all([model.getChildren(good), model.getChildren(sso)]);
  assert.deepEqual(labels(model, goodChildren), ['us-east-1']);
  assert.equal(ssoChildren.length, 1);
  const view = model.describe(ssoChildren[0]!);
  assert.equal(view.label, 'Could not get credentials for sso: The SSO session has expired');
  assert.match(view.contextValue, /\breauthenticate\b/);
  // Credentials are resolved once per expansion, not per child.
  await model.getChildren(sso);
  assert.deepEqual(checked.sort(), ['good', 'sso']);
});

test('a profile with a configuration error shows it in place and resolves no credentials', async () => {
  let checks = 0;
  const { model } = setup({
    profiles: [{ name: 'loop', kind: 'assume-role', error: new Error('source_profile cycle: loop → loop') }],
    deps: { checkCredentials: async () => void checks++ },
  });
  const [loop] = await model.getChildren();
  assert.equal(model.describe(loop!).icon, 'warning');
  const children = await model.getChildren(loop);
  assert.equal(model.describe(children[0]!).label, 'Profile loop cannot be used: source_profile cycle: loop → loop');
  assert.equal(checks, 0);
});

test('a failing profile list becomes a root error node, never a rejection', async () => {
  const { model } = setup({
    deps: {
      profiles: () => Promise.reject(new Error('config file is not valid')),
    },
  });
  const nodes = await model.getChildren();
  assert.equal(nodes.length, 1);
  assert.equal(model.describe(nodes[0]!).label, 'Could not read the AWS profiles: config file is not valid');
});

test('refresh aborts the in-flight call, discards its result and loads again', async () => {
  const { model, graphs, changes } = setup();
  graphs.resources = [resource('old')];
  const svc = await serviceNode(model);
  const g = gate();
  graphs.gate = g.promise;
  const pending = model.getChildren(svc);
  await waitFor(() => graphs.calls.length === 1);
  const firstSignal = graphs.calls[0]!.signal!;
  graphs.resources = [resource('new')];
  model.refresh({ profile: 'dev', region: 'eu-west-1', serviceId: 'neptune-graph' });
  assert.equal(firstSignal.aborted, true);
  assert.ok(changes.includes(svc));
  graphs.gate = undefined;
  // The caller waiting on the cancelled load gets the new branch's children, not an abort error node.
  assert.deepEqual(labels(model, await pending), ['new']);
  assert.equal(graphs.calls.length, 2);
  g.open();
});

test('refreshing a node drops the branches under it; siblings keep their cache', async () => {
  const { model, graphs, volumes } = setup();
  graphs.resources = [resource('g1')];
  volumes.resources = [resource('v1')];
  const graphsNode = await serviceNode(model, 'neptune-graph');
  const volumesNode = await serviceNode(model, 'storagegateway');
  const [g1] = await model.getChildren(graphsNode);
  await model.getChildren(g1);
  await model.getChildren(volumesNode);
  assert.equal(graphs.calls.length, 2);
  model.refreshNode(graphsNode);
  await model.getChildren(graphsNode);
  await model.getChildren(volumesNode);
  assert.equal(graphs.calls.filter((c) => c.op === 'listResources').length, 2);
  assert.equal(volumes.calls.length, 1);
});

test('the name filter hides non-matching resources, says how many match, and says when none match', async () => {
  const { model, graphs, changes } = setup();
  graphs.resources = [resource('orders-db'), resource('users-db'), resource('Orders-archive')];
  const svc = await serviceNode(model);
  await model.getChildren(svc);
  model.setFilter('ORDERS');
  assert.ok(changes.includes(undefined), 'the whole tree is drawn again (ids and expansion change with a filter)');
  assert.deepEqual(labels(model, await model.getChildren(svc)), ['orders-db', 'Orders-archive']);
  assert.equal(model.describe(svc).description, '2 of 3 match');
  model.setFilter('zzz');
  assert.deepEqual(labels(model, await model.getChildren(svc)), ['No graphs match “zzz”']);
  model.setFilter('');
  assert.equal((await model.getChildren(svc)).length, 3);
  assert.equal(graphs.calls.length, 1, 'filtering never calls AWS');
});

test('snapshots are listed newest first, with a spinning icon and progress while creating', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('g1')];
  graphs.snapshots.set('g1', [
    snapshot('old', new Date('2026-01-01T00:00:00Z')),
    snapshot('new', new Date('2026-03-01T00:00:00Z'), { state: 'creating', status: 'CREATING', progress: 40 }),
    snapshot('undated', undefined),
    snapshot('mid', new Date('2026-02-01T00:00:00Z'), { state: 'failed', status: 'FAILED' }),
  ]);
  const [g1] = await model.getChildren(await serviceNode(model));
  const snaps = await model.getChildren(g1);
  assert.deepEqual(labels(model, snaps), ['new', 'mid', 'old', 'undated']);
  const creating = model.describe(snaps[0]!);
  assert.equal(creating.icon, 'loading~spin');
  assert.equal(creating.description, 'CREATING · 40% · 2026-03-01 00:00 UTC');
  assert.equal(model.describe(snaps[1]!).icon, 'error');
  const first = snaps[0]!;
  assert.equal(first.kind === 'snapshot' && first.target.resource.id, 'g1');
});

test('the in-progress marker spins the resource icon, adds a context token and reloads its snapshots', async () => {
  const { model, graphs, changes } = setup();
  graphs.resources = [resource('g1'), resource('g2')];
  const [g1, g2] = (await model.getChildren(await serviceNode(model))) as ResourceNode[];
  assert.equal(g1!.key, 'dev|eu-west-1|neptune-graph|g1');
  await model.getChildren(g1);
  const before = graphs.calls.length;
  model.setInProgress(new Set([g1!.key]));
  const view = model.describe(g1!);
  assert.equal(view.icon, 'loading~spin');
  assert.match(view.description ?? '', /snapshot in progress/);
  assert.match(view.contextValue, /\binProgress\b/);
  assert.equal(model.describe(g2!).icon, 'graph');
  assert.ok(changes.includes(g1));
  await model.getChildren(g1);
  assert.equal(graphs.calls.length, before + 1, 'snapshots reloaded once');
  model.setInProgress(new Set([g1!.key])); // same set: nothing to do
  await model.getChildren(g1);
  assert.equal(graphs.calls.length, before + 1);
  model.setInProgress(new Set());
  assert.equal(model.describe(g1!).icon, 'graph');
});

test('resource views are built once per node and marker state, so a long list is not re-described on every page', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('g1')];
  const [g1] = (await model.getChildren(await serviceNode(model))) as ResourceNode[];
  const first = model.describe(g1!);
  assert.equal(first.icon, 'graph');
  assert.equal(model.describe(g1!), first, 'the same view for the same node');
  model.setInProgress(new Set([g1!.key]));
  assert.equal(model.describe(g1!).icon, 'loading~spin', 'the marker still shows on a node described before');
  model.setInProgress(new Set());
  assert.equal(model.describe(g1!).icon, 'graph');
});

test('refresh by resource id reloads that resource, or its service when the resource is not loaded yet', async () => {
  const { model, graphs, changes } = setup();
  graphs.resources = [resource('g1')];
  const svc = await serviceNode(model);
  const [g1] = await model.getChildren(svc);
  model.refresh({ profile: 'dev', region: 'eu-west-1', serviceId: 'neptune-graph', resourceId: 'g1' });
  assert.equal(changes.at(-1), g1);
  model.refresh({ profile: 'dev', region: 'eu-west-1', serviceId: 'neptune-graph', resourceId: 'g-new' });
  assert.equal(changes.at(-1), svc);
  model.refresh();
  assert.equal(changes.at(-1), undefined);
});

test('findResource loads the levels above and further pages until it finds the resource', async () => {
  const { model, graphs } = setup({ settings: { pageSize: 2 } });
  graphs.resources = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => resource(id));
  const found = await model.findResource({
    profile: 'dev',
    region: 'eu-west-1',
    serviceId: 'neptune-graph',
    resourceId: 'g5',
  });
  assert.equal(found?.target.resource.id, 'g5');
  assert.equal(model.getParent(found!)?.kind, 'service');
  const missing = await model.findResource({ profile: 'dev', region: 'us-west-2', serviceId: 'x', resourceId: 'g1' });
  assert.equal(missing, undefined);
});

test('node ids are stable across refreshes, built from profile, region, service and ARN', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('g1', { arn: 'arn:aws:neptune-graph:eu-west-1:1:graph/g1' })];
  const svc = await serviceNode(model);
  const [a] = await model.getChildren(svc);
  model.refreshNode(svc);
  const [b] = await model.getChildren(svc);
  assert.notEqual(a, b);
  assert.equal(a!.id, b!.id);
  assert.equal(a!.id, 'profile/dev/eu-west-1/neptune-graph/arn%3Aaws%3Aneptune-graph%3Aeu-west-1%3A1%3Agraph%2Fg1');
});

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

test('a resource tooltip states each fact once, even when the service repeats id, ARN and status in its details', async () => {
  const { model, graphs } = setup();
  const arn = 'arn:aws:neptune-graph:eu-west-1:111122223333:graph/g-0123456789';
  graphs.resources = [
    resource('g-0123456789', {
      name: 'orders',
      arn,
      status: 'AVAILABLE',
      details: [
        ['Graph ID', 'g-0123456789'],
        ['ARN', arn],
        ['Status', 'AVAILABLE'],
        ['Provisioned memory', '128 m-NCU'],
      ],
    }),
  ];
  const [node] = await model.getChildren(await serviceNode(model, 'neptune-graph'));
  const tooltip = model.describe(node as ExplorerNode).tooltip ?? '';
  const count = (text: string) => tooltip.split(text).length - 1;
  assert.equal(count(':** g\\-0123456789'), 1, tooltip); // the id as a value of its own
  assert.equal(count('arn:aws'), 1, tooltip);
  assert.equal(count('AVAILABLE'), 1, tooltip);
  assert.match(tooltip, /128 m\\-NCU|128 m-NCU/);
});

/** Expands every resource of the Neptune Analytics service at once, as the tree does for nodes shown together. */
async function expandAll(model: ExplorerModel): Promise<{ resources: ResourceNode[]; snapshots: string[][] }> {
  const resources = (await model.getChildren(await serviceNode(model))) as ResourceNode[];
  const children = await Promise.all(resources.map((r) => model.getChildren(r)));
  return { resources, snapshots: children.map((nodes) => labels(model, nodes)) };
}

function graphsWithSnapshots(graphs: FakeService, ids: readonly string[]): void {
  graphs.resources = ids.map((id) => resource(id));
  for (const id of ids) graphs.snapshots.set(id, [snapshot(`${id}-s1`, new Date('2026-01-01T00:00:00Z'))]);
}

test('expanding several resources of a service with a batch listing makes one batch call for all', async () => {
  const { model, graphs } = setup();
  graphs.withBatch('region');
  graphsWithSnapshots(graphs, ['g1', 'g2', 'g3']);
  graphs.resources.push(resource('g4'));
  const { snapshots } = await expandAll(model);
  assert.deepEqual(snapshots, [['g1-s1'], ['g2-s1'], ['g3-s1'], ['No snapshots']]);
  assert.equal(graphs.callsOf('batchSnapshots').length, 1);
  assert.deepEqual(graphs.callsOf('batchSnapshots')[0]?.resourceIds, ['g1', 'g2', 'g3', 'g4']);
  assert.equal(graphs.callsOf('listSnapshots').length, 0);
});

test('refreshing one resource node makes its next expansion call AWS again and show what changed', async () => {
  const { model, graphs } = setup();
  graphs.withBatch('region');
  graphsWithSnapshots(graphs, ['g1', 'g2']);
  const { resources } = await expandAll(model);
  const g1 = resources[0] as ResourceNode;
  graphs.snapshots.get('g1')?.push(snapshot('g1-s2', new Date('2026-02-01T00:00:00Z')));
  model.refreshNode(g1);
  assert.deepEqual(labels(model, await model.getChildren(g1)), ['g1-s2', 'g1-s1']);
  assert.equal(graphs.callsOf('batchSnapshots').length, 2);
  assert.equal(graphs.callsOf('listResources').length, 1, 'only the resource node was refreshed');
});

test('a failing batch listing shows the snapshots through the per-resource listing, not an error node', async () => {
  const debug: string[] = [];
  const { model, graphs } = setup({ deps: { log: { ...silentLogger, debug: (m: string) => debug.push(m) } } });
  graphs.withBatch('region');
  graphsWithSnapshots(graphs, ['g1', 'g2']);
  graphs.failWith = (call) => (call.op === 'batchSnapshots' ? awsError('AccessDeniedException', 'no list') : undefined);
  const { snapshots } = await expandAll(model);
  assert.deepEqual(snapshots, [['g1-s1'], ['g2-s1']]);
  assert.equal(graphs.callsOf('batchSnapshots').length, 1);
  assert.equal(graphs.callsOf('listSnapshots').length, 2);
  assert.deepEqual(debug, [
    'Snapshots of dev eu-west-1 neptune-graph: listing resource by resource (AccessDeniedException: no list)',
  ]);
});

test("a resource's known snapshots show on first expansion without a call; a refresh of it asks AWS", async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('city', { knownSnapshots: [snapshot('known', new Date('2026-01-01T00:00:00Z'))] })];
  graphs.snapshots.set('city', [snapshot('listed', new Date('2026-01-02T00:00:00Z'))]);
  const [city] = (await model.getChildren(await serviceNode(model))) as ResourceNode[];
  assert.deepEqual(labels(model, await model.getChildren(city)), ['known']);
  assert.equal(graphs.callsOf('listSnapshots').length, 0);
  model.refreshNode(city);
  assert.deepEqual(labels(model, await model.getChildren(city)), ['listed']);
  assert.equal(graphs.callsOf('listSnapshots').length, 1);
});

test('a resource refreshed before its first expansion (a snapshot was taken of it) asks AWS, not its listing', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('city', { knownSnapshots: [] })];
  const [city] = (await model.getChildren(await serviceNode(model))) as ResourceNode[];
  // As after Create Snapshot on a collapsed resource: the tracker refreshes it, then the person expands it.
  graphs.snapshots.set('city', [snapshot('taken-now', new Date('2026-01-02T00:00:00Z'))]);
  assert.ok(city);
  model.setInProgress(new Set([city.key]));
  assert.deepEqual(labels(model, await model.getChildren(city)), ['taken-now']);
  assert.equal(graphs.callsOf('listSnapshots').length, 1);
});

test('a service that lists snapshots without a resource here shows them in one group after its resources', async () => {
  const { model, volumes, graphs } = setup();
  volumes.resources = [resource('vol-1')];
  const copies = [
    snapshot('snap-copy', new Date(Date.UTC(2026, 0, 2)), { name: 'copied-here', resourceId: 'vol-elsewhere' }),
  ];
  let reads = 0;
  volumes.listUnattachedSnapshots = async () => {
    reads++;
    return { items: copies };
  };
  const service = await serviceNode(model, 'storagegateway');
  const children = await model.getChildren(service);
  assert.deepEqual(labels(model, children), ['vol-1', 'Snapshots without a graph here']);
  assert.equal(reads, 0, 'nothing is read until the group is expanded');
  const group = children[1]!;
  const view = model.describe(group);
  assert.equal(view.contextValue, 'unattached storagegateway');
  assert.equal(view.icon, 'folder-library');
  const inside = await model.getChildren(group);
  assert.deepEqual(labels(model, inside), ['copied-here']);
  assert.equal(reads, 1);
  // A service without such a listing shows no group.
  graphs.resources = [resource('g-1')];
  assert.deepEqual(labels(model, await model.getChildren(await serviceNode(model))), ['g-1']);
});

test('a volume known by an ARN shows its short id, not the ARN, as its ID, and its gateway once', async () => {
  const { model, volumes } = setup();
  const arn = 'arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-1/volume/vol-1';
  volumes.resources = [
    resource(arn, {
      displayId: 'vol-1',
      name: 'vol-1',
      arn,
      parent: { id: 'arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-1', name: 'office' },
      details: [['Gateway state', 'RUNNING']],
    }),
  ];
  const [volume] = await model.getChildren(await serviceNode(model, 'storagegateway'));
  const tooltip = model.describe(volume!).tooltip ?? '';
  assert.doesNotMatch(tooltip, /\*\*ID:\*\* arn/);
  assert.equal(tooltip.match(/Gateway\b/g)?.length, 2, 'the Gateway row and the Gateway state row');
  assert.match(tooltip, /office/);
});
