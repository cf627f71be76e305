// The explorer model against the local emulator: real profiles files, the real credential source, client
// factory and service modules. Faults are set per test through the emulator's admin API.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AwsClients } from '../../../src/aws/clients';
import type { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ErrorNode, ExplorerNode, LoadMoreNode, ServiceNode } from '../../../src/tree/model/nodes';
import type { TreeSettings } from '../../../src/tree/model/treeSettings';
import { emulatorWithProfiles } from '../../support/emulatorProfiles';

const emulator = emulatorWithProfiles({ prefix: 'tree-it-', profiles: ['demo', 'ops', 'broken'] });
const { setFaults, calls } = emulator;

beforeEach(async () => {
  await emulator.reset();
  await setFaults({});
});

function makeModel(settings: Partial<TreeSettings> = {}, wrap?: (clients: AwsClients) => AwsClients): ExplorerModel {
  return emulator.model({ settings: { regions: { '*': ['us-east-1', 'eu-west-1'] }, ...settings }, wrap });
}

/** Every child of a node, with all its pages loaded. */
async function allChildren(model: ExplorerModel, node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
  for (let i = 0; i < 100; i++) {
    const children = await model.getChildren(node);
    const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
    if (!more) return children;
    await model.loadMore(more);
  }
  throw new Error('too many pages');
}

async function child(model: ExplorerModel, node: ExplorerNode | undefined, label: string): Promise<ExplorerNode> {
  const found = (await model.getChildren(node)).find((n) => model.describe(n).label === label);
  assert.ok(found, `${label} under ${node?.id ?? 'root'}`);
  return found;
}

async function serviceNode(model: ExplorerModel, profile: string, region: string, label: string): Promise<ServiceNode> {
  const node = await child(model, await child(model, await child(model, undefined, profile), region), label);
  assert.equal(node.kind, 'service');
  return node as ServiceNode;
}

const labels = (model: ExplorerModel, nodes: ExplorerNode[]) => nodes.map((n) => model.describe(n).label);

/** Expands a whole profile (all regions, services, pages; snapshots of resources in `snapshotRegions`). */
async function expandProfile(model: ExplorerModel, name: string, snapshotRegions: string[]): Promise<ExplorerNode[]> {
  const seen: ExplorerNode[] = [];
  const profile = await child(model, undefined, name);
  const regions = await model.getChildren(profile);
  seen.push(...regions);
  await Promise.all(
    regions.map(async (region) => {
      const svcs = await model.getChildren(region);
      seen.push(...svcs);
      await Promise.all(
        svcs.map(async (svc) => {
          const resources = await allChildren(model, svc);
          seen.push(...resources);
          if (region.kind === 'region' && snapshotRegions.includes(region.region)) {
            await Promise.all(
              resources.map(async (r) => {
                if (r.kind === 'resource') seen.push(...(await allChildren(model, r)));
              }),
            );
          }
        }),
      );
    }),
  );
  return seen;
}

test('each level of the demo data: profiles, regions, the five services, resources and snapshots', async () => {
  const model = makeModel();
  assert.deepEqual(labels(model, await model.getChildren()), ['broken', 'demo', 'ops']);
  const demo = await child(model, undefined, 'demo');
  assert.equal(model.describe(demo).description, 'keys · us-east-1');
  assert.deepEqual(labels(model, await model.getChildren(demo)), ['us-east-1', 'eu-west-1']);
  const region = await child(model, demo, 'us-east-1');
  assert.deepEqual(labels(model, await model.getChildren(region)), [
    'Neptune Analytics',
    'Storage Gateway',
    'DocumentDB',
    'SimSpace Weaver',
    'Neptune Database',
  ]);

  const graphs = await model.getChildren(await serviceNode(model, 'demo', 'us-east-1', 'Neptune Analytics'));
  assert.deepEqual(labels(model, graphs).sort(), ['customer-graph', 'fraud-detection', 'recommendations']);
  const customer = graphs.find((n) => model.describe(n).label === 'customer-graph')!;
  const view = model.describe(customer);
  assert.match(view.description ?? '', /^AVAILABLE · /);
  assert.match(view.contextValue, /\bresource\b.*\bneptune-graph\b.*\bhasArn\b/);
  assert.match(view.tooltip ?? '', /arn:aws:neptune\\-graph:us\\-east\\-1:/);
  const snapshots = await model.getChildren(customer);
  assert.deepEqual(labels(model, snapshots), ['customer-graph-2025-07-01', 'customer-graph-2025-06-01']);

  // DocumentDB lists only engine=docdb clusters (not the Neptune or Aurora ones of the same API).
  // After the clusters (newest first, the default order), the group of the region's snapshots whose cluster is
  // elsewhere (copies), read when expanded.
  const clusters = await model.getChildren(await serviceNode(model, 'demo', 'us-east-1', 'DocumentDB'));
  assert.deepEqual(labels(model, clusters), [
    'analytics-docdb',
    'catalog-dev',
    'orders-prod',
    'Snapshots without a cluster here',
  ]);
  assert.deepEqual(labels(model, await model.getChildren(clusters.at(-1))), ['No snapshots']);

  const volumes = await model.getChildren(await serviceNode(model, 'demo', 'us-east-1', 'Storage Gateway'));
  assert.equal(volumes.length, 3);
  assert.equal(model.describe(volumes[2]!).label, 'Snapshots without a volume here');
  const sims = await model.getChildren(await serviceNode(model, 'demo', 'us-east-1', 'SimSpace Weaver'));
  assert.deepEqual(labels(model, sims).sort(), ['city-traffic', 'crowd-evacuation']);
});

test('multi-page lists: "Load more" yields every item exactly once, and a double click loads a page once', async () => {
  const model = makeModel({ pageSize: 50 });
  const svc = await serviceNode(model, 'ops', 'eu-west-1', 'Neptune Analytics');
  const first = await model.getChildren(svc);
  assert.equal(first.length, 51);
  const more = first.at(-1) as LoadMoreNode;
  assert.equal(more.kind, 'loadMore');
  await Promise.all([model.loadMore(more), model.loadMore(more)]);
  const listCalls = (await calls()).filter((c) => c.operation === 'ListGraphs');
  assert.equal(listCalls.length, 2, 'first page + one "Load more" despite the double click');
  const all = await allChildren(model, svc);
  const ids = all.map((n) => (n.kind === 'resource' ? n.target.resource.id : n.kind));
  assert.equal(ids.length, 206);
  assert.equal(new Set(ids).size, 206);
  assert.ok(!ids.includes('loadMore'));
  assert.match(model.describe(svc).description ?? '', /^206 graphs$/);
});

test('with 30% of calls throttled the whole tree still loads, by retrying', async () => {
  await setFaults({ throttleRate: 0.3, seed: 42 });
  // The demo region only: the bulk region's hundreds of calls under the SDK's adaptive rate limiter take minutes.
  const model = makeModel({ regions: { '*': ['us-east-1'] } });
  const nodes = await expandProfile(model, 'demo', ['us-east-1']);
  const errors = nodes.filter((n): n is ErrorNode => n.kind === 'error');
  assert.deepEqual(
    errors.map((e) => model.describe(e).label),
    [],
  );
  const log = await calls();
  assert.ok(
    log.some((c) => c.status === 400 || c.status === 429 || c.status >= 500),
    'some calls were throttled',
  );
  assert.equal(nodes.filter((n) => n.kind === 'resource' && !n.target.resource.unattached).length, 13);
  assert.ok(nodes.filter((n) => n.kind === 'snapshot').length >= 8);
});

test('a profile whose credentials fail shows its error (with Reauthenticate) while the others render', async () => {
  const model = makeModel();
  const [broken, demo, ops] = await model.getChildren();
  const [brokenChildren, demoChildren, opsChildren] = await Promise.all([
    model.getChildren(broken),
    model.getChildren(demo),
    model.getChildren(ops),
  ]);
  assert.equal(brokenChildren.length, 1);
  const err = brokenChildren[0] as ErrorNode;
  assert.equal(err.kind, 'error');
  assert.match(model.describe(err).label, /^Could not get credentials for broken: /);
  assert.match(model.describe(err).contextValue, /\breauthenticate\b/);
  assert.deepEqual(labels(model, demoChildren), ['us-east-1', 'eu-west-1']);
  assert.deepEqual(labels(model, opsChildren), ['us-east-1', 'eu-west-1']);
  const graphs = await model.getChildren(await serviceNode(model, 'ops', 'us-east-1', 'Neptune Analytics'));
  assert.equal(graphs.length, 3);
});

test('one failing service shows an error in its branches only; Retry recovers it', async () => {
  await setFaults({ errorRate: 1, services: ['docdb'] });
  const model = makeModel();
  const docdb = await serviceNode(model, 'demo', 'us-east-1', 'DocumentDB');
  const [failed] = await model.getChildren(docdb);
  assert.equal(failed?.kind, 'error');
  const view = model.describe(failed);
  assert.match(view.label, /^Could not list clusters: /);
  assert.ok((failed as ErrorNode).error.requestId, 'the request id is kept for the tooltip');
  assert.match(view.contextValue, /\berror\b/);
  for (const label of ['Neptune Analytics', 'Storage Gateway', 'SimSpace Weaver']) {
    const children = await model.getChildren(await serviceNode(model, 'demo', 'us-east-1', label));
    assert.ok(children.length > 0 && children.every((n) => n.kind !== 'error'), label);
  }
  await setFaults({});
  await model.retry(failed as ErrorNode);
  assert.deepEqual(labels(model, await model.getChildren(docdb)).sort(), [
    'Snapshots without a cluster here',
    'analytics-docdb',
    'catalog-dev',
    'orders-prod',
  ]);
  // The other region's branch failed on its own too (the fault covers the service everywhere) and recovers alone
  // (a page of 50 clusters and Load more).
  const other = await serviceNode(model, 'demo', 'eu-west-1', 'DocumentDB');
  assert.equal((await model.getChildren(other)).length, 51);
});

test('refresh cancels the in-flight call and the branch loads again without waiting for it', async () => {
  const signals: AbortSignal[] = [];
  // Observe the signal each ListGraphs call is sent with (the real client still does the work).
  const observe = (clients: AwsClients): AwsClients => ({
    async get(spec, profile, region) {
      const client = await clients.get(spec, profile, region);
      if (spec.kind !== 'neptune-graph') return client;
      return new Proxy(client, {
        get(target, prop, receiver) {
          if (prop !== 'send') return Reflect.get(target, prop, receiver);
          return (command: unknown, options?: { abortSignal?: AbortSignal }) => {
            if (options?.abortSignal) signals.push(options.abortSignal);
            return (target as unknown as { send(c: unknown, o?: unknown): Promise<unknown> }).send(command, options);
          };
        },
      });
    },
  });
  const model = makeModel({}, observe);
  const svc = await serviceNode(model, 'demo', 'us-east-1', 'Neptune Analytics');
  await setFaults({ latencyMs: 20_000, services: ['neptune-graph'] });
  const started = Date.now();
  const pending = model.getChildren(svc);
  await waitFor(() => signals.length === 1);
  await setFaults({});
  model.refreshNode(svc);
  assert.equal(signals[0]!.aborted, true);
  const children = await pending;
  assert.ok(Date.now() - started < 10_000, 'did not wait for the cancelled call');
  assert.deepEqual(labels(model, children).sort(), ['customer-graph', 'fraud-detection', 'recommendations']);
  assert.equal(signals.length, 2);
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
