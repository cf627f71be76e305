// Retention against the emulator with the real SDK clients and service modules: three runs of a plan with `keep: 2`
// leave exactly the two newest snapshots the plan took, and every other snapshot (seeded, taken by hand with a name
// like the plan's, taken by another plan, of another graph) untouched. Deletions only come after the run's new
// snapshot is available (the emulator takes a second to make one).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type CallRecord } from '../../../emulator';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import { createPlanRunner, toRunEntries, type RunReport } from '../../../src/plans/run';
import { analyzePlan } from '../../../src/plans/validate';
import { services } from '../../../src/services/registry';
import type { Snapshot, SnapshotService } from '../../../src/services/service';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let clients: ClientFactory;
const neptune = services.find((s) => s.id === 'neptune-graph') as SnapshotService;
const ctx = () => ({ profile: 'demo', region: 'us-east-1', clients });

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 1, verifySignatures: true });
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
  await emulator?.stop();
});

const calls = async (): Promise<CallRecord[]> =>
  (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as CallRecord[];

async function snapshotsOf(graphId: string): Promise<Snapshot[]> {
  const graph = await neptune.getResource(ctx(), graphId);
  assert.ok(graph, graphId);
  return (await neptune.listSnapshots(ctx(), graph, {})).items;
}

/** Waits until no snapshot of the graph is being created or deleted (the emulator's one second). */
async function settled(graphId: string): Promise<Snapshot[]> {
  for (let i = 0; i < 50; i++) {
    const items = await snapshotsOf(graphId);
    if (items.every((s) => s.state === 'available' || s.state === 'failed')) return items;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`snapshots of ${graphId} never settled`);
}

const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: customer-graph',
  "    name: '{resource}-nightly-{timestamp}'",
  '    keep: 2',
  '',
].join('\n');

test('three runs of a plan with keep: 2 leave exactly the two newest plan snapshots, and nothing else is touched', async () => {
  assert.ok(neptune.delete, 'the Neptune Analytics delete seam is wired');
  const graph = await neptune.getResource(ctx(), 'g-cust0demo1');
  assert.ok(graph);
  // Not the plan's: a snapshot with a name like the plan's but no mark, and one of another plan.
  await neptune.createSnapshot(ctx(), graph, { values: { snapshotName: 'customer-graph-nightly-by-hand' }, tags: [] });
  await settled('g-cust0demo1');
  await neptune.createSnapshot(ctx(), graph, {
    values: { snapshotName: 'customer-graph-nightly-other-plan' },
    tags: [{ key: 'snapshot-plan', value: 'other' }],
  });
  const before = (await settled('g-cust0demo1')).map((s) => s.id).sort();
  const otherGraph = (await settled('g-frau0demo2')).map((s) => s.id).sort();
  const callsBefore = (await calls()).length;

  const runner = createPlanRunner({
    services,
    clients,
    create: (target, input) => target.service.createSnapshot(ctx(), target.resource, input),
    retention: { pollMs: 100, maxPollMs: 200, maxWaitMs: 20_000 },
  });
  const reports: RunReport[] = [];
  const names: string[] = [];
  for (let run = 0; run < 3; run++) {
    const analysis = analyzePlan(plan, { services, now: new Date(Date.UTC(2030, 0, 1, 0, run)) });
    assert.equal(analysis.errorCount, 0, analysis.diagnostics.map((d) => d.message).join('\n'));
    const entries = toRunEntries(analysis.entries, (o) => analysis.lines.positionAt(o).line, 'nightly.snapshots.yaml');
    assert.deepEqual(
      entries[0]?.input.tags,
      [{ key: 'snapshot-plan', value: 'nightly' }],
      'the plan marks its snapshot',
    );
    names.push(entries[0]?.input.values.snapshotName ?? '');
    reports.push(await runner(entries, { concurrency: 1 }));
    await settled('g-cust0demo1');
  }

  const [first, second, third] = reports.map((r) => r.entries[0]);
  assert.deepEqual(
    reports.map((r) => [r.created, r.deleted, r.deleteFailed]),
    [
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
    ],
  );
  assert.deepEqual(
    third?.retention?.deleted.map((d) => [d.id, d.reason]),
    [[first?.snapshotId, 'beyond the 2 newest']],
  );
  assert.deepEqual(
    third?.retention?.kept.map((k) => [k.id, k.reason]),
    [
      [third?.snapshotId, 'this run’s new snapshot'],
      [second?.snapshotId, 'one of the 2 newest'],
    ],
  );

  const after = await settled('g-cust0demo1');
  const planSnapshots = after.filter((s) => !before.includes(s.id));
  assert.deepEqual(planSnapshots.map((s) => s.name).sort(), [names[1], names[2]].sort(), 'the two newest remain');
  assert.deepEqual(
    after
      .filter((s) => before.includes(s.id))
      .map((s) => s.id)
      .sort(),
    before,
    'every snapshot the plan did not take is still there',
  );
  assert.deepEqual((await settled('g-frau0demo2')).map((s) => s.id).sort(), otherGraph);

  const made = (await calls()).slice(callsBefore);
  const deletes = made.filter((c) => c.operation.startsWith('Delete'));
  assert.deepEqual(
    deletes.map((c) => [c.operation, c.status]),
    [['DeleteGraphSnapshot', 200]],
  );
  // The deletion came after the third run's create and after a status read of its snapshot.
  const lastCreate = made.map((c) => c.operation).lastIndexOf('CreateGraphSnapshot');
  const deleteAt = made.findIndex((c) => c.operation === 'DeleteGraphSnapshot');
  assert.ok(lastCreate < deleteAt);
  assert.ok(made.slice(lastCreate, deleteAt).some((c) => c.operation === 'GetGraphSnapshot'));
});
