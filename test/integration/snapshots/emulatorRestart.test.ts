// The emulator process stopping and starting again on the same port while operations are tracked, with the real
// client factory, services, creator, restorer and copy against it. Tracking polls on through the refused
// connections and resumes when the endpoint answers again; nothing is sent twice (the new emulator's call log has no
// create, restore, copy or delete call); each operation ends once. The emulator keeps no state across a restart
// (emulator/README.md): restarted with a data file holding the snapshots being taken, they finish as `available`;
// restarted from the demo data, each operation fails with a sentence saying the endpoint lost it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type CallRecord } from '../../../emulator';
import type { ClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import { serviceById } from '../../../src/services/registry';
import type { Resource, ResourceTarget, Snapshot, SnapshotService } from '../../../src/services/service';
import { sendCopy } from '../../../src/snapshots/copyFlow';
import { SnapshotCreator } from '../../../src/snapshots/creator';
import type { Operation } from '../../../src/snapshots/operation';
import { SnapshotRestorer } from '../../../src/snapshots/restorer';
import { Tracker, type TrackerEvent } from '../../../src/snapshots/tracker';
import type { OperationForm } from '../../../src/services/forms';
import { demoClients } from '../../support/demoClients';
import { MemoryStore } from '../../support/memoryStore';

interface Running {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'emulator-restart-'));
const stops: Array<() => Promise<void>> = [];
const factories: ClientFactory[] = [];

after(async () => {
  for (const f of factories) f.clear();
  for (const stop of stops) await stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function emulator(options: Parameters<typeof startEmulator>[0]): Promise<Running> {
  const running = await startEmulator(options);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.stop();
  };
  stops.push(stop);
  return { url: running.url, port: running.port, stop };
}

function factory(url: string): ClientFactory {
  const clients = demoClients(url, { requestTimeoutMs: 5_000, maxAttempts: 1 });
  factories.push(clients);
  return clients;
}

function tracking(clients: ClientFactory) {
  const tracker = new Tracker({
    serviceById,
    clients,
    store: new MemoryStore(),
    log: silentLogger,
    polling: () => ({ initialSeconds: 0.2, maxSeconds: 0.4 }),
    maxMisses: 4,
  });
  const events: TrackerEvent[] = [];
  tracker.onDidChange((e) => events.push(e));
  const endedOnce = (op: Operation) => events.filter((e) => e.kind === 'finished' && e.operation.id === op.id).length;
  return { tracker, endedOnce, deps: { clients, tracker, log: silentLogger } };
}

function service(id: string): SnapshotService {
  const found = serviceById(id);
  assert.ok(found, id);
  return found;
}

async function target(clients: ClientFactory, serviceId: string, name: string): Promise<ResourceTarget> {
  const s = service(serviceId);
  const page = await s.listResources({ profile: 'demo', region: 'us-east-1', clients }, {});
  const resource = page.items.find((r: Resource) => r.name === name);
  assert.ok(resource, `${serviceId} ${name}`);
  return { profile: 'demo', region: 'us-east-1', service: s, resource };
}

async function snapshotOf(clients: ClientFactory, t: ResourceTarget, id: string): Promise<Snapshot> {
  const page = await t.service.listSnapshots({ profile: t.profile, region: t.region, clients }, t.resource, {});
  const found = page.items.find((s) => s.id === id);
  assert.ok(found, id);
  return found;
}

/** The form's defaults as the flow would send them when every default is accepted. */
function defaults(form: OperationForm) {
  const values = Object.fromEntries(form.fields.map((f) => [f.key, f.defaultValue?.value ?? '']));
  const input = { values, tags: [], clientToken: `restart-${Date.now()}` };
  return { input, calls: form.calls(input), newName: values[form.nameField] ?? '' };
}

async function waitFor(what: string, predicate: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function calls(url: string): Promise<CallRecord[]> {
  return (await (await fetch(`${url}/_emulator/calls`)).json()) as CallRecord[];
}

const mutating = /^(Create|Restore|Copy|Delete|Start)/;

test('creates in flight while the emulator restarts with their snapshots: polled through, available, ended once', async () => {
  const first = await emulator({ port: 0, snapshotSeconds: 120 });
  const clients = factory(first.url);
  const { tracker, endedOnce, deps } = tracking(clients);
  const creator = new SnapshotCreator(deps);
  const graph = await target(clients, 'neptune-graph', 'customer-graph');
  const cluster = await target(clients, 'docdb', 'orders-prod');
  const a = await creator.create(graph, { values: { snapshotName: 'restart-graph' }, tags: [] });
  const b = await creator.create(cluster, { values: { DBClusterSnapshotIdentifier: 'restart-orders' }, tags: [] });
  assert.equal(a.kind, 'started');
  assert.equal(b.kind, 'started');
  const ops = [a, b].map((o) => (o.kind === 'started' ? o.operation : assert.fail(o.kind)));
  assert.deepEqual(
    ops.map((op) => tracker.get(op.id)?.state),
    ['running', 'running'],
  );

  await first.stop();
  await waitFor('both polls to fail with the endpoint down', () =>
    ops.every((op) => /ECONNREFUSED|socket|connect/i.test(tracker.get(op.id)?.pollError ?? '')),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // several more refused polls
  assert.deepEqual(
    ops.map((op) => tracker.get(op.id)?.state),
    ['running', 'running'],
    'refused connections do not end an operation',
  );

  // The same account, restarted with the two snapshots still being taken.
  const demo = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../emulator/data/demo.json'), 'utf8'),
  ) as { regions: Record<string, Record<string, unknown[]>> };
  const region = demo.regions['us-east-1'];
  assert.ok(region);
  const now = new Date().toISOString();
  region.neptuneSnapshots?.push({
    id: ops[0]?.snapshotId,
    name: 'restart-graph',
    sourceGraphId: graph.resource.id,
    status: 'CREATING',
    createTime: now,
  });
  region.docdbSnapshots?.push({
    id: ops[1]?.snapshotId,
    clusterId: 'orders-prod',
    type: 'manual',
    status: 'creating',
    createTime: now,
  });
  const dataFile = path.join(dir, 'kept.json');
  writeFileSync(dataFile, JSON.stringify(demo));
  const second = await emulator({ port: first.port, dataFile, snapshotSeconds: 1 });
  assert.equal(second.url, first.url);

  await waitFor('both snapshots available', () => ops.every((op) => tracker.get(op.id)?.state === 'succeeded'));
  for (const op of ops) {
    assert.equal(tracker.get(op.id)?.pollError, undefined);
    assert.equal(endedOnce(op), 1);
  }
  const made = (await calls(second.url)).filter((c) => mutating.test(c.operation));
  assert.deepEqual(made, [], 'nothing was sent again after the restart');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.deepEqual(
    ops.map((op) => endedOnce(op)),
    [1, 1],
  );
  tracker.dispose();
});

test('a create, restore, copy and delete in flight while the emulator restarts without its state end once, saying so', async () => {
  const first = await emulator({ port: 0, snapshotSeconds: 120, restoreSeconds: 120 });
  const clients = factory(first.url);
  const { tracker, endedOnce, deps } = tracking(clients);
  const ctx = { profile: 'demo', region: 'us-east-1', clients };
  const graph = await target(clients, 'neptune-graph', 'customer-graph');
  const cluster = await target(clients, 'docdb', 'orders-prod');

  const created = await new SnapshotCreator(deps).create(graph, { values: { snapshotName: 'lost-graph' }, tags: [] });
  assert.equal(created.kind, 'started');

  const graphSnapshot = await snapshotOf(clients, graph, 'gs-cust0snap1');
  const restoreForm = await graph.service.restore?.prepare(ctx, graphSnapshot, graph.resource);
  assert.ok(restoreForm);
  const restored = await new SnapshotRestorer(deps).restore({
    target: graph,
    snapshot: graphSnapshot,
    form: restoreForm,
    ...defaults(restoreForm),
  });
  assert.equal(restored.kind, 'started', JSON.stringify(restored));

  const clusterSnapshot = await snapshotOf(clients, cluster, 'orders-prod-before-upgrade');
  const copyForm = await cluster.service.copy?.prepare(ctx, clusterSnapshot, cluster.resource, 'us-east-2');
  assert.ok(copyForm);
  const copied = await sendCopy(deps, {
    target: cluster,
    snapshot: clusterSnapshot,
    form: copyForm,
    region: 'us-east-2',
    ...defaults(copyForm),
  });
  assert.equal(copied.kind, 'started', JSON.stringify(copied));

  const deleting = tracker.begin({
    kind: 'delete',
    service: 'docdb',
    profile: 'demo',
    region: 'us-east-1',
    resourceId: cluster.resource.id,
    resourceName: cluster.resource.name,
    snapshotName: clusterSnapshot.name,
    snapshotId: clusterSnapshot.id,
    input: { values: {}, tags: [] },
    requestKey: 'delete-orders-prod-before-upgrade',
  });
  const deleteSupport = cluster.service.delete;
  assert.ok(deleteSupport);
  tracker.accepted(deleting.id, await deleteSupport.send(ctx, clusterSnapshot));

  const ops = [created, restored, copied].map((o) => {
    assert.ok('operation' in o, JSON.stringify(o));
    return o.operation;
  });
  ops.push(deleting);
  assert.deepEqual(
    ops.map((op) => tracker.get(op.id)?.state),
    ['running', 'running', 'running', 'running'],
  );

  await first.stop();
  await waitFor('every poll to fail with the endpoint down', () =>
    ops.every((op) => tracker.get(op.id)?.pollError !== undefined),
  );
  assert.ok(ops.every((op) => tracker.get(op.id)?.state === 'running'));
  // Back from the demo data: the emulator lost what was being made, and the deleted snapshot is back.
  const second = await emulator({ port: first.port, snapshotSeconds: 120 });

  await waitFor('every operation to end', () => ops.every((op) => tracker.get(op.id)?.state === 'failed'));
  const [create, restore, copy, del] = ops.map((op) => tracker.get(op.id)?.error ?? '');
  assert.match(
    create ?? '',
    /^The endpoint stopped answering for a while; .* no longer lists this snapshot: .*restarted/,
  );
  assert.match(restore ?? '', /no longer lists the restored resource: the endpoint may have restarted/);
  assert.match(copy ?? '', /no longer lists this snapshot/);
  assert.match(del ?? '', /lists this snapshot as available: the delete did not take effect/);
  assert.deepEqual(
    ops.map((op) => endedOnce(op)),
    [1, 1, 1, 1],
  );
  const made = (await calls(second.url)).filter((c) => mutating.test(c.operation));
  assert.deepEqual(made, [], 'nothing was sent again after the restart');
  tracker.dispose();
});
