import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource, Snapshot } from '../../../src/services/service';
import {
  DEFAULT_FALLBACK_MS,
  DEFAULT_FRESH_MS,
  SnapshotLister,
  type SnapshotListerOptions,
  type SnapshotPageRequest,
} from '../../../src/tree/model/snapshotLister';
import { isRetryableLoadError, retryThrottled } from '../../../src/tree/model/throttleRetry';
import { classifyAwsError } from '../../../src/aws/errors';
import { FakeService, awsError, gate, noClients, resource, snapshot } from '../../support/fakeService';

/** A lister on a clock the test moves, with the fallbacks it reports. */
function lister(options: SnapshotListerOptions = {}) {
  const clock = { now: 1_000_000 };
  const fallbacks: Array<[string, string]> = [];
  const instance = new SnapshotLister({
    now: () => clock.now,
    onFallback: (place, reason) => fallbacks.push([place, reason]),
    ...options,
  });
  return { lister: instance, clock, fallbacks };
}

/** A service whose resources g1…g<n> have snapshots `<id>-a`, `<id>-b` (g<n> has none when `lastEmpty`). */
function service(covers: 'region' | 'asked' | undefined, ids: readonly string[], id = 'neptune-graph'): FakeService {
  const svc = new FakeService(id);
  if (covers) svc.withBatch(covers);
  for (const r of ids) svc.snapshots.set(r, [snap(r, 'a'), snap(r, 'b')]);
  return svc;
}

const snap = (resourceId: string, suffix: string): Snapshot =>
  snapshot(`${resourceId}-${suffix}`, new Date('2026-01-01T00:00:00Z'), { resourceId });

const ids = (page: { items: readonly Snapshot[] }) => page.items.map((s) => s.id);

interface RequestOptions {
  profile?: string;
  region?: string;
  signal?: AbortSignal;
  owner?: object;
  token?: string;
  pageSize?: number;
}

function request(svc: FakeService, res: Resource, o: RequestOptions = {}): SnapshotPageRequest {
  return {
    ctx: { profile: o.profile ?? 'dev', region: o.region ?? 'eu-west-1', clients: noClients, signal: o.signal },
    service: svc,
    resource: res,
    owner: o.owner ?? {},
    token: o.token,
    pageSize: o.pageSize ?? 50,
  };
}

/** Lets the lister send what it collected this turn, and the fake answer. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

test('the snapshots of resources asked for in one turn come from one batch call, each resource its own', async () => {
  const { lister: l } = lister();
  const svc = service('region', ['g1', 'g2', 'g3']);
  const pages = await Promise.all(['g1', 'g2', 'g3'].map((id) => l.page(request(svc, resource(id)))));
  assert.deepEqual(pages.map(ids), [
    ['g1-a', 'g1-b'],
    ['g2-a', 'g2-b'],
    ['g3-a', 'g3-b'],
  ]);
  assert.equal(svc.callsOf('batchSnapshots').length, 1);
  assert.deepEqual(svc.callsOf('batchSnapshots')[0]?.resourceIds, ['g1', 'g2', 'g3']);
  assert.equal(svc.callsOf('listSnapshots').length, 0);
});

test('each profile, region and service is its own batch', async () => {
  const { lister: l } = lister();
  const graphs = service('region', ['g1', 'g2']);
  const clusters = service('region', ['c1'], 'docdb');
  await Promise.all([
    l.page(request(graphs, resource('g1'))),
    l.page(request(graphs, resource('g2'), { region: 'us-east-1' })),
    l.page(request(graphs, resource('g1'), { profile: 'ops' })),
    l.page(request(clusters, resource('c1'))),
  ]);
  assert.deepEqual(
    graphs.callsOf('batchSnapshots').map((c) => [c.profile, c.region, c.resourceIds]),
    [
      ['dev', 'eu-west-1', ['g1']],
      ['dev', 'us-east-1', ['g2']],
      ['ops', 'eu-west-1', ['g1']],
    ],
  );
  assert.equal(clusters.callsOf('batchSnapshots').length, 1);
});

test('a region-wide answer serves the other resources of the place for freshMs, then the place is asked again', async () => {
  const { lister: l, clock } = lister();
  const svc = service('region', ['g1', 'g2']);
  assert.deepEqual(ids(await l.page(request(svc, resource('g1')))), ['g1-a', 'g1-b']);
  clock.now += DEFAULT_FRESH_MS;
  assert.deepEqual(ids(await l.page(request(svc, resource('g2')))), ['g2-a', 'g2-b'], 'named in the answer');
  assert.deepEqual(ids(await l.page(request(svc, resource('g9')))), [], 'not named: it has none');
  assert.equal(svc.calls.length, 1, 'no call while the answer is fresh');
  clock.now += 1;
  svc.snapshots.set('g2', [snap('g2', 'new')]);
  assert.deepEqual(ids(await l.page(request(svc, resource('g2')))), ['g2-new']);
  assert.equal(svc.callsOf('batchSnapshots').length, 2);
});

test('freshMs is configurable', async () => {
  const { lister: l, clock } = lister({ freshMs: 100 });
  const svc = service('region', ['g1', 'g2']);
  await l.page(request(svc, resource('g1')));
  clock.now += 101;
  await l.page(request(svc, resource('g2')));
  assert.equal(svc.callsOf('batchSnapshots').length, 2);
});

/** Asks for `a`, then for `b` a turn later while the first call is still in flight. */
async function askWhileInFlight(covers: 'region' | 'asked', a: string, b: string) {
  const { lister: l } = lister();
  const svc = service(covers, [a, b]);
  const g = gate();
  svc.gate = g.promise;
  const first = l.page(request(svc, resource(a)));
  await nextTurn();
  assert.equal(svc.calls.length, 1, 'the first call is sent');
  const second = l.page(request(svc, resource(b)));
  await nextTurn();
  g.open();
  const pages = (await Promise.all([first, second])).map(ids);
  return { pages, batches: svc.calls.map((c) => [c.op, c.resourceIds]) };
}

test('a resource asked for while a region-wide call is in flight joins that call', async () => {
  const { pages, batches } = await askWhileInFlight('region', 'g1', 'g2');
  assert.deepEqual(pages, [
    ['g1-a', 'g1-b'],
    ['g2-a', 'g2-b'],
  ]);
  assert.deepEqual(batches, [['batchSnapshots', ['g1']]]);
});

test("an 'asked' answer serves only the resources asked for; others are asked in their own call", async () => {
  const { lister: l, clock } = lister();
  const svc = service('asked', ['v1', 'v2', 'v3']);
  await Promise.all([l.page(request(svc, resource('v1'))), l.page(request(svc, resource('v9')))]);
  assert.deepEqual(svc.callsOf('batchSnapshots')[0]?.resourceIds, ['v1', 'v9']);
  clock.now += 1000;
  assert.deepEqual(ids(await l.page(request(svc, resource('v1')))), ['v1-a', 'v1-b'], 'held');
  assert.deepEqual(ids(await l.page(request(svc, resource('v9')))), [], 'asked for: it has none');
  assert.equal(svc.calls.length, 1);
  assert.deepEqual(ids(await l.page(request(svc, resource('v2')))), ['v2-a', 'v2-b']);
  assert.deepEqual(svc.callsOf('batchSnapshots')[1]?.resourceIds, ['v2'], 'v2 was not asked for before');
  clock.now += DEFAULT_FRESH_MS;
  await l.page(request(svc, resource('v1')));
  assert.deepEqual(svc.callsOf('batchSnapshots')[2]?.resourceIds, ['v1'], 'an aged answer is asked again');
  assert.equal(svc.callsOf('listSnapshots').length, 0);
});

test("an 'asked' call in flight does not serve a resource it was not asked for", async () => {
  const { pages, batches } = await askWhileInFlight('asked', 'v1', 'v2');
  assert.deepEqual(pages, [
    ['v1-a', 'v1-b'],
    ['v2-a', 'v2-b'],
  ]);
  assert.deepEqual(batches, [
    ['batchSnapshots', ['v1']],
    ['batchSnapshots', ['v2']],
  ]);
});

test('maxResources splits the resources of one turn into several calls', async () => {
  const { lister: l } = lister();
  const svc = new FakeService('storagegateway').withBatch('asked', 2);
  const all = ['v1', 'v2', 'v3', 'v4', 'v5'];
  for (const id of all) svc.snapshots.set(id, [snap(id, 'a')]);
  const pages = await Promise.all(all.map((id) => l.page(request(svc, resource(id)))));
  assert.deepEqual(pages.map(ids), [['v1-a'], ['v2-a'], ['v3-a'], ['v4-a'], ['v5-a']]);
  assert.deepEqual(
    svc.callsOf('batchSnapshots').map((c) => c.resourceIds),
    [['v1', 'v2'], ['v3', 'v4'], ['v5']],
  );
});

test('an answer that does not fit one page falls back to one listing per resource, for fallbackMs', async () => {
  const { lister: l, clock, fallbacks } = lister();
  const svc = service('region', ['g1', 'g2', 'g3']);
  svc.batchTooBig = true;
  const pages = await Promise.all(['g1', 'g2'].map((id) => l.page(request(svc, resource(id), { pageSize: 7 }))));
  assert.deepEqual(pages.map(ids), [
    ['g1-a', 'g1-b'],
    ['g2-a', 'g2-b'],
  ]);
  assert.deepEqual(
    svc.calls.map((c) => [c.op, c.pageSize]),
    [
      ['batchSnapshots', undefined],
      ['listSnapshots', 7],
      ['listSnapshots', 7],
    ],
  );
  assert.deepEqual(fallbacks, [['dev eu-west-1 neptune-graph', 'the snapshots do not fit one page']]);
  svc.batchTooBig = false;
  clock.now += DEFAULT_FALLBACK_MS - 1;
  await l.page(request(svc, resource('g3')));
  assert.equal(svc.callsOf('batchSnapshots').length, 1, 'no batch during the fallback');
  assert.equal(svc.callsOf('listSnapshots').length, 3);
  clock.now += 1;
  assert.deepEqual(ids(await l.page(request(svc, resource('g3')))), ['g3-a', 'g3-b']);
  assert.equal(svc.callsOf('batchSnapshots').length, 2, 'batched again after the fallback');
});

test('a failing batch falls back to the per-resource listing, whose answer (or error) the caller gets', async () => {
  const { lister: l, clock, fallbacks } = lister({ fallbackMs: 1000 });
  const svc = service('region', ['g1', 'g2']);
  svc.failWith = (call) => (call.op === 'batchSnapshots' ? awsError('AccessDeniedException', 'no list') : undefined);
  const pages = await Promise.all(['g1', 'g2'].map((id) => l.page(request(svc, resource(id)))));
  assert.deepEqual(pages.map(ids), [
    ['g1-a', 'g1-b'],
    ['g2-a', 'g2-b'],
  ]);
  assert.deepEqual(fallbacks, [['dev eu-west-1 neptune-graph', 'AccessDeniedException: no list']]);
  assert.equal(svc.callsOf('listSnapshots').length, 2);
  svc.failWith = () => awsError('ThrottlingException', 'Rate exceeded');
  await assert.rejects(l.page(request(svc, resource('g1'))), { name: 'ThrottlingException' });
  assert.equal(svc.callsOf('batchSnapshots').length, 1, 'still in the fallback');
  clock.now += 1000;
  svc.failWith = () => undefined;
  await l.page(request(svc, resource('g1')));
  assert.equal(svc.callsOf('batchSnapshots').length, 2);
});

/** The lister as the explorer model builds it: a passing failure of a batch is tried again as a batch. */
function retryingLister(attempts = 3) {
  return lister({
    retry: (load, signal) => retryThrottled(load, signal, classifyAwsError, { attempts, delayMs: () => 1 }),
    isTransient: (error) => isRetryableLoadError(error, classifyAwsError),
  });
}

test('a throttled batch is tried again as a batch, never replaced by one call per resource', async () => {
  const { lister: l, fallbacks } = retryingLister();
  const svc = service('region', ['g1', 'g2', 'g3']);
  let failures = 2;
  svc.failWith = (call) =>
    call.op === 'batchSnapshots' && failures-- > 0 ? awsError('ThrottlingException', 'Rate exceeded') : undefined;
  const pages = await Promise.all(['g1', 'g2', 'g3'].map((id) => l.page(request(svc, resource(id)))));
  assert.deepEqual(pages.map(ids), [
    ['g1-a', 'g1-b'],
    ['g2-a', 'g2-b'],
    ['g3-a', 'g3-b'],
  ]);
  assert.equal(svc.callsOf('batchSnapshots').length, 3);
  for (const call of svc.callsOf('batchSnapshots')) assert.deepEqual(call.resourceIds, ['g1', 'g2', 'g3']);
  assert.equal(svc.callsOf('listSnapshots').length, 0);
  assert.deepEqual(fallbacks, []);
});

test('a batch still failing (throttled, 5xx) after its retries: its resources show the error, no fallback', async () => {
  const { lister: l, fallbacks } = retryingLister(2);
  const svc = service('asked', ['v1', 'v2']);
  svc.failWith = (call) =>
    call.op === 'batchSnapshots'
      ? Object.assign(awsError('InternalFailure', 'oops'), { $metadata: { httpStatusCode: 500 } })
      : undefined;
  const results = await Promise.allSettled(['v1', 'v2'].map((id) => l.page(request(svc, resource(id)))));
  const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as unknown) : undefined));
  assert.ok(errors.every((e) => (e as { name?: string } | undefined)?.name === 'InternalFailure'));
  assert.ok(
    errors.every((e) => l.retried(e)),
    'marked as tried again: the tree does not multiply the tries',
  );
  assert.equal(svc.callsOf('batchSnapshots').length, 3, 'the call and 2 retries, as a batch');
  assert.equal(svc.callsOf('listSnapshots').length, 0);
  assert.deepEqual(fallbacks, []);
  svc.failWith = () => undefined;
  assert.deepEqual(ids(await l.page(request(svc, resource('v1')))), ['v1-a', 'v1-b']);
  assert.equal(svc.callsOf('batchSnapshots').length, 4, 'batched again at once');
});

test("an abort rejects only that waiter; the shared call goes on for the others and isn't a fallback", async () => {
  const { lister: l, fallbacks } = lister();
  const svc = service('region', ['g1', 'g2']);
  const g = gate();
  svc.gate = g.promise;
  const quitter = new AbortController();
  const gone = l.page(request(svc, resource('g1'), { signal: quitter.signal }));
  const stays = l.page(request(svc, resource('g2'), { signal: new AbortController().signal }));
  await nextTurn();
  const shared = svc.calls[0]?.signal;
  assert.ok(shared, 'the batch call has a signal of its own');
  quitter.abort();
  await assert.rejects(gone, { name: 'AbortError' });
  assert.equal(shared.aborted, false);
  g.open();
  assert.deepEqual(ids(await stays), ['g2-a', 'g2-b']);
  assert.deepEqual(fallbacks, []);
  assert.equal(svc.calls.length, 1);
});

test('the shared call is aborted when every waiter gave up, and the place is batched again after', async () => {
  const { lister: l, fallbacks } = lister();
  const svc = service('region', ['g1', 'g2']);
  const g = gate();
  svc.gate = g.promise;
  const controllers = [new AbortController(), new AbortController()];
  const waiting = ['g1', 'g2'].map((id, i) => l.page(request(svc, resource(id), { signal: controllers[i]?.signal })));
  await nextTurn();
  const shared = svc.calls[0]?.signal;
  controllers[0]?.abort();
  assert.equal(shared?.aborted, false, 'one waiter is left');
  controllers[1]?.abort();
  assert.equal(shared?.aborted, true);
  for (const page of waiting) await assert.rejects(page, { name: 'AbortError' });
  svc.gate = undefined;
  await nextTurn();
  assert.deepEqual(fallbacks, [], 'a cancelled batch is not a failed one');
  assert.deepEqual(ids(await l.page(request(svc, resource('g2')))), ['g2-a', 'g2-b']);
  assert.deepEqual(
    svc.calls.map((c) => c.op),
    ['batchSnapshots', 'batchSnapshots'],
  );
  g.open();
});

test('a waiter whose signal has already fired is rejected at once', async () => {
  const { lister: l } = lister();
  const svc = service('region', ['g1']);
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(l.page(request(svc, resource('g1'), { signal: aborted.signal })), { name: 'AbortError' });
});

test('invalidate drops the answers and fallbacks of its scope only', async () => {
  const { lister: l } = lister();
  const graphs = service('region', ['g1']);
  const clusters = service('region', ['c1'], 'docdb');
  const load = async () => {
    await l.page(request(graphs, resource('g1')));
    await l.page(request(graphs, resource('g1'), { region: 'us-east-1' }));
    await l.page(request(graphs, resource('g1'), { profile: 'ops' }));
    await l.page(request(clusters, resource('c1')));
  };
  const batches = () => [graphs, clusters].map((s) => s.callsOf('batchSnapshots').length);
  await load();
  assert.deepEqual(batches(), [3, 1]);
  await load();
  assert.deepEqual(batches(), [3, 1], 'all held');
  l.invalidate({ profile: 'dev', region: 'eu-west-1', service: 'neptune-graph' });
  await load();
  assert.deepEqual(batches(), [4, 1]);
  l.invalidate({ profile: 'dev', region: 'us-east-1' });
  await load();
  assert.deepEqual(batches(), [5, 1]);
  l.invalidate({ profile: 'dev' });
  await load();
  assert.deepEqual(batches(), [7, 2]);
  l.invalidate();
  await load();
  assert.deepEqual(batches(), [10, 3]);
  // A fallback is dropped too: the place is batched again at once.
  graphs.batchTooBig = true;
  l.invalidate();
  await l.page(request(graphs, resource('g1')));
  graphs.batchTooBig = false;
  await l.page(request(graphs, resource('g1')));
  assert.equal(graphs.callsOf('batchSnapshots').length, 11, 'falling back');
  l.invalidate({ service: 'neptune-graph' });
  await l.page(request(graphs, resource('g1')));
  assert.equal(graphs.callsOf('batchSnapshots').length, 12);
});

test("a resource's knownSnapshots are shown on its node's first load only; later loads ask AWS", async () => {
  const { lister: l } = lister();
  const svc = service(undefined, ['city']);
  const known = [snap('city', 'known')];
  const city = resource('city', { knownSnapshots: known });
  const node = {};
  assert.deepEqual(ids(await l.page(request(svc, city, { owner: node }))), ['city-known']);
  assert.equal(svc.calls.length, 0);
  assert.deepEqual(ids(await l.page(request(svc, city, { owner: node }))), ['city-a', 'city-b']);
  assert.equal(svc.callsOf('listSnapshots').length, 1);
  assert.deepEqual(ids(await l.page(request(svc, city, { owner: {} }))), ['city-known'], 'a new node');
  assert.deepEqual(ids(await l.page(request(svc, resource('city', { knownSnapshots: [] }), { owner: {} }))), []);
  assert.equal(svc.calls.length, 1);
});

test('a service without a batch listing lists resource by resource, passing the page size and token', async () => {
  const { lister: l } = lister();
  const svc = service(undefined, ['g1', 'g2']);
  await Promise.all([l.page(request(svc, resource('g1'), { pageSize: 3 })), l.page(request(svc, resource('g2')))]);
  assert.deepEqual(
    svc.calls.map((c) => [c.op, c.nextToken, c.pageSize]),
    [
      ['listSnapshots', undefined, 3],
      ['listSnapshots', undefined, 50],
    ],
  );
  const svcPaged = service('region', []);
  svcPaged.snapshots.set(
    'g1',
    ['1', '2', '3'].map((n) => snap('g1', n)),
  );
  assert.deepEqual(ids(await l.page(request(svcPaged, resource('g1'), { token: '1', pageSize: 1 }))), ['g1-2']);
  assert.deepEqual(
    svcPaged.calls.map((c) => [c.op, c.nextToken, c.pageSize]),
    [['listSnapshots', '1', 1]],
    "a token that is not the lister's own goes to listSnapshots",
  );
});

test('an answer longer than the page size is cut into local pages of the same node', async () => {
  const { lister: l } = lister();
  const svc = service('region', []);
  svc.snapshots.set(
    'g1',
    ['1', '2', '3', '4', '5'].map((n) => snap('g1', n)),
  );
  const node = {};
  const first = await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2 }));
  assert.deepEqual(ids(first), ['g1-1', 'g1-2']);
  assert.equal(first.nextToken, '#local:2');
  const second = await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2, token: first.nextToken }));
  assert.deepEqual(ids(second), ['g1-3', 'g1-4']);
  const third = await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2, token: second.nextToken }));
  assert.deepEqual(ids(third), ['g1-5']);
  assert.equal(third.nextToken, undefined);
  assert.equal(svc.calls.length, 1, 'later pages come from the held answer');
  await assert.rejects(
    l.page(request(svc, resource('g1'), { owner: {}, pageSize: 2, token: '#local:2' })),
    /changed; refresh it/,
    'another node holds no answer',
  );
  const known = resource('g2', { knownSnapshots: ['1', '2', '3'].map((n) => snap('g2', n)) });
  const other = {};
  const knownFirst = await l.page(request(svc, known, { owner: other, pageSize: 2 }));
  assert.deepEqual([ids(knownFirst), knownFirst.nextToken], [['g2-1', 'g2-2'], '#local:2']);
  const knownRest = await l.page(request(svc, known, { owner: other, pageSize: 2, token: '#local:2' }));
  assert.deepEqual(ids(knownRest), ['g2-3']);
});

test('a held answer is cut newest first, whatever order the API listed it in', async () => {
  const { lister: l } = lister();
  const svc = service('region', []);
  const dated = (day: number) => snapshot(`g1-${day}`, new Date(Date.UTC(2026, 0, day)), { resourceId: 'g1' });
  svc.snapshots.set('g1', [dated(1), dated(2), dated(3)]);
  const node = {};
  const first = await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2 }));
  assert.deepEqual(ids(first), ['g1-3', 'g1-2']);
  assert.deepEqual(
    ids(await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2, token: first.nextToken }))),
    ['g1-1'],
  );
  const known = resource('g2', { knownSnapshots: [dated(1), dated(5)] });
  assert.deepEqual(ids(await l.page(request(svc, known, { owner: {}, pageSize: 1 }))), ['g1-5']);
});

test('a first page drops the pages held for the node, so an old local token is refused', async () => {
  const { lister: l } = lister();
  const svc = service('region', []);
  svc.snapshots.set(
    'g1',
    ['1', '2', '3'].map((n) => snap('g1', n)),
  );
  const node = {};
  await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2 }));
  svc.snapshots.set('g1', [snap('g1', '1')]);
  l.invalidate();
  const reloaded = await l.page(request(svc, resource('g1'), { owner: node, pageSize: 2 }));
  assert.equal(reloaded.nextToken, undefined);
  await assert.rejects(l.page(request(svc, resource('g1'), { owner: node, pageSize: 2, token: '#local:2' })));
});

test('a batch whose every waiter gave up before it was sent makes no call', async () => {
  const { lister: l } = lister();
  const svc = service('region', ['g1']);
  const controller = new AbortController();
  const page = l.page(request(svc, resource('g1'), { signal: controller.signal }));
  controller.abort();
  await assert.rejects(page, { name: 'AbortError' });
  await nextTurn();
  assert.equal(svc.calls.length, 0);
});
