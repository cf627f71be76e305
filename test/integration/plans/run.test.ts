// Running a plan through run.ts with the real service modules against the emulator: exactly the planned
// snapshots are created (emulator call log), and every entry is reported.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type CallRecord } from '../../../emulator';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import type { ResolveResult } from '../../../src/plans/protocol';
import { createTargetResolver, runPlan } from '../../../src/plans/run';
import { services } from '../../../src/services/registry';
import { startPlanServer, type PlanServer } from './lspHarness';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let server: PlanServer;
let clients: ClientFactory;

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 0, verifySignatures: true });
  server = await startPlanServer({ emulatorUrl: emulator.url });
  const demo = DEMO_CREDENTIALS[0];
  if (!demo) throw new Error('no demo credentials');
  clients = createClientFactory({
    credentials: () => async () => demo,
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => 10_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-aws/test',
    logger: silentLogger,
  });
});

after(async () => {
  clients?.clear();
  await server?.stop();
  await emulator?.stop();
});

const creates = async (): Promise<CallRecord[]> =>
  ((await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as CallRecord[]).filter((c) =>
    c.operation.startsWith('Create'),
  );

test('a run creates exactly the planned snapshots and reports every entry', async () => {
  const text = [
    'defaults:',
    '  profile: demo',
    '  region: us-east-1',
    "  name: '{resource}-plan-{date}'",
    "  description: 'plan {date}'",
    '  tags: { purpose: release }',
    'snapshots:',
    '  - { service: neptune-graph, resource: customer-graph }',
    '  - { service: neptune-graph, resource: g-frau0demo2 }',
    '  - { service: neptune-graph, resource: recommendations }',
    '  - { service: storagegateway, resource: vol-1122AABB }',
    '  - { service: docdb, resource: orders-prod }',
    '  - { service: neptune-graph, resource: eu-knowledge-graph, region: eu-west-1 }',
    '  - { service: simspaceweaver, resource: city-traffic, bucket: weaver-demo-snapshots-use1, prefix: plan }',
    '',
  ].join('\n');
  const uri = await server.open('run.snapshots.yaml', text);
  const resolved = (await server.connection.sendRequest('snapshotPlans/resolve', { uri })) as ResolveResult;
  assert.equal(resolved.errorCount, 0, resolved.problems.join('\n'));
  assert.equal(resolved.entries.length, 7);
  await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });

  const resolve = createTargetResolver({ services, clients });
  let inFlight = 0;
  let peak = 0;
  const report = await runPlan(resolved.entries, {
    concurrency: 2,
    resolve,
    async create(target, input) {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await target.service.createSnapshot(
          { profile: target.profile, region: target.region, clients },
          target.resource,
          input,
        );
      } finally {
        inFlight--;
      }
    },
  });
  assert.ok(peak <= 2);
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  assert.deepEqual(
    report.entries.map((r) => [r.entry.resource, r.outcome]),
    [
      ['customer-graph', 'created'],
      ['g-frau0demo2', 'created'],
      ['recommendations', 'failed'],
      ['vol-1122AABB', 'created'],
      ['orders-prod', 'created'],
      ['eu-knowledge-graph', 'created'],
      ['city-traffic', 'created'],
    ],
  );
  assert.equal(report.entries[2]?.message, 'The graph recommendations is stopped (a snapshot needs it available)');
  assert.deepEqual([report.created, report.failed, report.cancelled], [6, 1, 0]);

  const made = await creates();
  assert.deepEqual(
    made.map((c) => [c.service, c.operation, c.region, c.status]).sort(),
    [
      ['docdb', 'CreateDBClusterSnapshot', 'us-east-1', 200],
      ['neptune-graph', 'CreateGraphSnapshot', 'eu-west-1', 201],
      ['neptune-graph', 'CreateGraphSnapshot', 'us-east-1', 201],
      ['neptune-graph', 'CreateGraphSnapshot', 'us-east-1', 201],
      ['simspaceweaver', 'CreateSnapshot', 'us-east-1', 200],
      ['storagegateway', 'CreateSnapshot', 'us-east-1', 200],
    ].sort(),
    'one create call per runnable entry, none for the stopped graph',
  );
  // The snapshots exist under the expanded names.
  const neptune = services.find((s) => s.id === 'neptune-graph');
  const graph = await neptune?.getResource({ profile: 'demo', region: 'us-east-1', clients }, 'g-cust0demo1');
  assert.ok(graph && neptune);
  const snapshots = await neptune.listSnapshots({ profile: 'demo', region: 'us-east-1', clients }, graph, {});
  assert.ok(snapshots.items.some((s) => s.name === `customer-graph-plan-${date}`));
});
