// The create-snapshot flow, the execute step and the tracker against the local emulator, with the real
// client factory and service modules: invalid input sends nothing, valid input sends exactly one create
// call, the tracker follows each snapshot to `available`, and refused creates come back as mapped messages.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type CallRecord } from '../../../emulator';
import type { ClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import { serviceById } from '../../../src/services/registry';
import type { Resource, ResourceTarget, SnapshotInput, SnapshotService } from '../../../src/services/service';
import { listBucketsInRegion } from '../../../src/snapshots/buckets';
import { runCreateFlow, type CreateFlowDeps } from '../../../src/snapshots/createFlow';
import { SnapshotCreator } from '../../../src/snapshots/creator';
import { Tracker } from '../../../src/snapshots/tracker';
import { ScriptedPrompter, type Action } from '../../support/scriptedPrompter';
import { demoClients } from '../../support/demoClients';
import { MemoryStore } from '../../support/memoryStore';

interface Emu {
  url: string;
  stop(): Promise<void>;
  clients: ClientFactory;
}

let emu: Emu;
let quotaEmu: Emu;
let dir: string;

async function start(dataFile?: string): Promise<Emu> {
  const running = await startEmulator({ port: 0, snapshotSeconds: 1, ...(dataFile ? { dataFile } : {}) });
  return { ...running, clients: demoClients(running.url, { maxAttempts: 1 }) };
}

before(async () => {
  emu = await start();
  // The demo data with every snapshot quota at zero: any create is over quota.
  dir = mkdtempSync(path.join(tmpdir(), 'snapshots-it-'));
  const demo = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../emulator/data/demo.json'), 'utf8'),
  ) as {
    quotas: Record<string, number>;
  };
  demo.quotas = Object.fromEntries(Object.keys(demo.quotas).map((k) => [k, 0]));
  writeFileSync(path.join(dir, 'quota.json'), JSON.stringify(demo));
  quotaEmu = await start(path.join(dir, 'quota.json'));
});

after(async () => {
  for (const e of [emu, quotaEmu]) {
    e?.clients.clear();
    await e?.stop();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  const response = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  assert.equal(response.status, 200);
});

async function calls(on: Emu = emu): Promise<CallRecord[]> {
  return (await (await fetch(`${on.url}/_emulator/calls`)).json()) as CallRecord[];
}

async function createCalls(service: SnapshotService, on: Emu = emu): Promise<CallRecord[]> {
  return (await calls(on)).filter((c) => c.service === service.id && c.operation === service.createOperation);
}

function service(id: string): SnapshotService {
  const found = serviceById(id);
  assert.ok(found, id);
  return found;
}

async function target(serviceId: string, name: string, region = 'us-east-1', on: Emu = emu): Promise<ResourceTarget> {
  const s = service(serviceId);
  const page = await s.listResources({ profile: 'demo', region, clients: on.clients }, {});
  const resource = page.items.find((r: Resource) => r.name === name);
  assert.ok(resource, `${serviceId} ${name} in ${region}`);
  return { profile: 'demo', region, service: s, resource };
}

function flowDeps(on: Emu = emu): CreateFlowDeps {
  return {
    clients: on.clients,
    services: [],
    log: silentLogger,
    profiles: async () => [{ name: 'demo' }],
    regionsFor: () => ['us-east-1'],
    defaultTags: () => ({ 'created-by': 'snapshot-explorer-tests' }),
    listBuckets: listBucketsInRegion,
    now: () => new Date(),
  };
}

function tracking(on: Emu = emu) {
  const tracker = new Tracker({
    serviceById,
    clients: on.clients,
    store: new MemoryStore(),
    log: silentLogger,
    polling: () => ({ initialSeconds: 0.2, maxSeconds: 0.5 }),
  });
  return { tracker, creator: new SnapshotCreator({ clients: on.clients, tracker, log: silentLogger }) };
}

async function waitFor(what: string, predicate: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const create: Action = { id: 'confirm', pick: 'Create snapshot' };

interface Case {
  readonly serviceId: string;
  readonly resource: string;
  /** Invalid values typed (each refused as typed), then the flow is cancelled there. */
  readonly invalid: Action[];
  readonly valid: Action[];
}

const cases: Case[] = [
  {
    serviceId: 'neptune-graph',
    resource: 'customer-graph',
    invalid: [
      { id: 'field:snapshotName', type: 'gs-reserved' },
      { id: 'field:snapshotName', type: 'Has-Capitals' },
      { id: 'field:snapshotName', type: 'ends-with-' },
    ],
    valid: [{ id: 'field:snapshotName', type: 'customer-graph-it-1' }, { id: 'tags', enter: true }, create],
  },
  {
    serviceId: 'storagegateway',
    resource: 'vol-1122AABB',
    invalid: [
      { id: 'field:SnapshotDescription', type: '' },
      { id: 'field:SnapshotDescription', type: 'x'.repeat(256) },
    ],
    valid: [{ id: 'field:SnapshotDescription', enter: true }, { id: 'tags', type: 'team=storage' }, create],
  },
  {
    serviceId: 'docdb',
    resource: 'orders-prod',
    invalid: [
      { id: 'field:DBClusterSnapshotIdentifier', type: '9starts-with-digit' },
      { id: 'field:DBClusterSnapshotIdentifier', type: 'double--hyphen' },
      { id: 'field:DBClusterSnapshotIdentifier', type: 'orders-prod-before-upgrade' }, // taken: refused on Enter
    ],
    valid: [{ id: 'field:DBClusterSnapshotIdentifier', type: 'orders-prod-it-1' }, { id: 'tags', enter: true }, create],
  },
  {
    serviceId: 'simspaceweaver',
    resource: 'city-traffic',
    invalid: [
      { id: 'bucket', pick: 'Type a bucket name…' },
      { id: 'field:BucketName', type: 'Not_A_Bucket' },
      { id: 'field:BucketName', type: 'ab' },
    ],
    valid: [{ id: 'bucket', pick: 'weaver-demo-snapshots-use1' }, { id: 'field:ObjectKeyPrefix', type: 'it' }, create],
  },
];

for (const c of cases) {
  test(`${c.serviceId}: invalid input is refused as typed and sends no create call`, async () => {
    const t = await target(c.serviceId, c.resource);
    const last = c.invalid.at(-1);
    assert.ok(last);
    const prompter = new ScriptedPrompter([...c.invalid, { id: last.id, cancel: true }]);
    const result = await runCreateFlow(prompter, flowDeps(), { target: t });
    assert.equal(result.kind, 'cancel');
    assert.equal(prompter.refusals.length, c.invalid.filter((a) => 'type' in a).length);
    assert.deepEqual(await createCalls(t.service), []);
  });

  test(`${c.serviceId}: valid input sends exactly one create call and the tracker reaches available`, async () => {
    const t = await target(c.serviceId, c.resource);
    const prompter = new ScriptedPrompter(c.valid);
    const result = await runCreateFlow(prompter, flowDeps(), { target: t });
    assert.equal(result.kind, 'create', JSON.stringify(prompter.refusals));
    const request = result.kind === 'create' ? result.request : assert.fail();
    const { tracker, creator } = tracking();
    const [outcome, twice] = await Promise.all([
      creator.create(request.target, request.input),
      creator.create(request.target, request.input), // a double submit
    ]);
    assert.equal(outcome.kind, 'started', JSON.stringify(outcome));
    assert.equal(twice.kind, 'duplicate');
    const sent = await createCalls(t.service);
    assert.equal(sent.length, 1);
    assert.ok((sent[0]?.status ?? 500) < 300, `status ${sent[0]?.status}`);
    const id = outcome.kind === 'started' ? outcome.operation.id : '';
    await waitFor('available', () => tracker.get(id)?.state !== 'running' && tracker.get(id)?.state !== 'requested');
    assert.equal(tracker.get(id)?.state, 'succeeded', tracker.get(id)?.error);
    tracker.dispose();
  });
}

async function refused(t: ResourceTarget, input: SnapshotInput, on: Emu = emu): Promise<string> {
  const { tracker, creator } = tracking(on);
  const outcome = await creator.create(t, input);
  tracker.dispose();
  assert.equal(outcome.kind, 'failed', JSON.stringify(outcome));
  const sent = await createCalls(t.service, on);
  assert.equal(sent.length, 1, 'the refused call was sent once');
  assert.notEqual(sent[0]?.status, 200);
  return outcome.kind === 'failed' ? outcome.message : '';
}

test('DocumentDB: a duplicate identifier, a cluster not available, and the quota map to what to do', async () => {
  const taken = await refused(await target('docdb', 'orders-prod'), {
    values: { DBClusterSnapshotIdentifier: 'orders-prod-before-upgrade' },
    tags: [],
  });
  assert.match(taken, /"orders-prod-before-upgrade" already exists in us-east-1.*Choose another identifier/);
  await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  const modifying = await refused(await target('docdb', 'analytics-docdb'), {
    values: { DBClusterSnapshotIdentifier: 'analytics-it' },
    tags: [],
  });
  assert.match(modifying, /Cluster analytics-docdb is not available/);
  const quota = await refused(
    await target('docdb', 'orders-prod', 'us-east-1', quotaEmu),
    { values: { DBClusterSnapshotIdentifier: 'over-quota' }, tags: [] },
    quotaEmu,
  );
  assert.match(quota, /quota of manual cluster snapshots in us-east-1/);
});

test('Neptune Analytics: a name taken, a stopped graph and the quota map to what to do', async () => {
  const taken = await refused(await target('neptune-graph', 'customer-graph'), {
    values: { snapshotName: 'customer-graph-2025-06-01' },
    tags: [],
  });
  assert.match(taken, /Graph customer-graph cannot take this snapshot now.*customer-graph-2025-06-01/);
  await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  const stopped = await refused(await target('neptune-graph', 'recommendations'), {
    values: { snapshotName: 'reco-it' },
    tags: [],
  });
  assert.match(stopped, /STOPPED state/);
  await fetch(`${quotaEmu.url}/_emulator/reset`, { method: 'POST' });
  const quota = await refused(
    await target('neptune-graph', 'customer-graph', 'us-east-1', quotaEmu),
    { values: { snapshotName: 'over-quota' }, tags: [] },
    quotaEmu,
  );
  assert.match(quota, /You have reached a Neptune Analytics quota/);
});

test('Storage Gateway: a gateway not connected and a snapshot already in progress map to what to do', async () => {
  const offline = await refused(await target('storagegateway', 'vol-99BB1122', 'eu-west-1'), {
    values: { SnapshotDescription: 'offline-it' },
    tags: [],
  });
  assert.match(offline, /gateway is not connected to AWS/);
  await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  const t = await target('storagegateway', 'vol-3344CCDD');
  const { tracker, creator } = tracking();
  const first = await creator.create(t, { values: { SnapshotDescription: 'first' }, tags: [] });
  assert.equal(first.kind, 'started');
  const second = await creator.create(t, { values: { SnapshotDescription: 'second' }, tags: [] });
  tracker.dispose();
  assert.equal(second.kind, 'failed');
  assert.match(second.kind === 'failed' ? second.message : '', /A snapshot of vol-3344CCDD is already in progress/);
});

test('SimSpace Weaver: a stopped simulation and a bucket of another region map to what to do', async () => {
  const stopped = await refused(await target('simspaceweaver', 'crowd-evacuation'), {
    values: { BucketName: 'weaver-demo-snapshots-use1' },
    tags: [],
  });
  assert.match(stopped, /crowd-evacuation is STOPPED.*Check that the simulation is STARTED/);
  await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  const elsewhere = await refused(await target('simspaceweaver', 'city-traffic'), {
    values: { BucketName: 'weaver-demo-snapshots-euw1' },
    tags: [],
  });
  assert.match(elsewhere, /SimSpace Weaver rejected the request: .*eu-west-1/);
});

test('the bucket picker lists only the buckets of the simulation region', async () => {
  const clients = emu.clients;
  const use1 = await listBucketsInRegion({ profile: 'demo', region: 'us-east-1', clients });
  const euw1 = await listBucketsInRegion({ profile: 'demo', region: 'eu-west-1', clients });
  assert.ok(use1.some((b) => b.name === 'weaver-demo-snapshots-use1'));
  assert.ok(!use1.some((b) => b.name === 'weaver-demo-snapshots-euw1'));
  assert.deepEqual(
    euw1.map((b) => b.name),
    ['weaver-demo-snapshots-euw1'],
  );
});

test('one status read per (profile, region, service) per tick, whatever the number of snapshots', async () => {
  const reads: number[] = [];
  const docdb = service('docdb');
  const counted: SnapshotService = {
    ...docdb,
    getSnapshotStatuses: (ctx, refs) => {
      reads.push(refs.length);
      return docdb.getSnapshotStatuses(ctx, refs);
    },
  };
  const tracker = new Tracker({
    serviceById: (id) => (id === 'docdb' ? counted : serviceById(id)),
    clients: emu.clients,
    store: new MemoryStore(),
    log: silentLogger,
    polling: () => ({ initialSeconds: 60, maxSeconds: 60 }),
  });
  const creator = new SnapshotCreator({ clients: emu.clients, tracker, log: silentLogger });
  for (const [i, name] of ['orders-prod', 'catalog-dev'].entries()) {
    const outcome = await creator.create(await target('docdb', name), {
      values: { DBClusterSnapshotIdentifier: `batch-it-${i}` },
      tags: [],
    });
    assert.equal(outcome.kind, 'started');
  }
  const before = (await calls()).length;
  await tracker.tick();
  const during = (await calls()).slice(before);
  tracker.dispose();
  assert.deepEqual(reads, [2], 'one read for both snapshots');
  // The DocumentDB module reads one cluster's snapshots per request.
  assert.ok(during.every((c) => c.operation === 'DescribeDBClusterSnapshots' && c.region === 'us-east-1'));
  assert.ok(during.length <= 2, JSON.stringify(during));
});
