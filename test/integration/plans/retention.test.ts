// Retention against the emulator with the real SDK clients and service modules: three runs of a plan with `keep: 2`
// leave exactly the two newest snapshots the plan took, and every other snapshot (seeded, taken by hand with a name
// like the plan's, taken by another plan, of another graph) untouched. Deletions only come after the run's new
// snapshot is available (the emulator takes a second to make one). The same for SimSpace Weaver, whose plan snapshots
// are the S3 objects under the entry's bucket and prefix (listed with S3 ListObjectsV2, not only the latest).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type CallRecord } from '../../../emulator';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { s3Client } from '../../../src/aws/helperClients';
import { loadSdk } from '../../../src/aws/sdkLoader';
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

const weaver = services.find((s) => s.id === 'simspaceweaver') as SnapshotService;
const BUCKET = 'weaver-demo-snapshots-use1';

/** Every object key in the bucket (one ListObjectsV2 straight to S3, not through the code under test). */
async function bucketKeys(): Promise<string[]> {
  const { ListObjectsV2Command } = await loadSdk();
  const s3 = await clients.get(s3Client, 'demo', 'us-east-1');
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
}

/** Waits until the simulation is STARTED again (no snapshot in progress: the emulator's one second). */
async function simulationSettled(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await weaver.getResource(ctx(), 'city-traffic'))?.status === 'STARTED') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('city-traffic never settled');
}

const weaverPlan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: simspaceweaver',
  '    resource: city-traffic',
  '    bucket: weaver-demo-snapshots-use1',
  "    prefix: 'nightly'",
  '    keep: 2',
  '',
].join('\n');

test('SimSpace Weaver: three runs with keep: 2 leave exactly the two newest objects under the prefix, nothing else', async () => {
  const city = await weaver.getResource(ctx(), 'city-traffic');
  assert.ok(city);
  // Not the plan's: the seeded drill, and snapshots of the same simulation under other prefixes (one starting alike).
  for (const prefix of ['adhoc', 'nightly-extra', 'nightly/extra']) {
    await weaver.createSnapshot(ctx(), city, { values: { BucketName: BUCKET, ObjectKeyPrefix: prefix }, tags: [] });
    await simulationSettled();
  }
  const before = await bucketKeys();
  assert.ok(before.includes('drills/snapshot/crowd-evacuation-250612-1500-00.zip'), before.join());
  assert.equal(before.filter((k) => k.includes('/snapshot/city-traffic-')).length, 3, before.join());
  const callsBefore = (await calls()).length;

  const runner = createPlanRunner({
    services,
    clients,
    create: (target, input) => target.service.createSnapshot(ctx(), target.resource, input),
    retention: { pollMs: 100, maxPollMs: 200, maxWaitMs: 20_000 },
  });
  const reports: RunReport[] = [];
  const made: string[] = [];
  for (let run = 0; run < 3; run++) {
    const analysis = analyzePlan(weaverPlan, { services, now: new Date() });
    assert.equal(analysis.errorCount, 0, analysis.diagnostics.map((d) => d.message).join('\n'));
    assert.equal(analysis.entries[0]?.retention?.by, 'location');
    const entries = toRunEntries(analysis.entries, (o) => analysis.lines.positionAt(o).line, 'nightly.snapshots.yaml');
    const seen = await bucketKeys();
    // Each run waits for its snapshot (a second), so every run's key has its own time stamp.
    reports.push(await runner(entries, { concurrency: 1 }));
    await simulationSettled();
    const added = (await bucketKeys()).filter((k) => !seen.includes(k) && k.startsWith('nightly/snapshot/'));
    assert.equal(added.length, 1, `run ${run} wrote one object`);
    made.push(added[0] as string);
  }
  const uri = (key: string | undefined) => `s3://${BUCKET}/${key}`;

  assert.deepEqual(
    reports.map((r) => [r.created, r.deleted, r.deleteFailed]),
    [
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
    ],
  );
  const third = reports[2]?.entries[0]?.retention;
  assert.deepEqual(
    third?.deleted.map((d) => [d.id, d.reason]),
    [[uri(made[0]), 'beyond the 2 newest']],
  );
  assert.deepEqual(
    third?.kept.map((k) => [k.id, k.reason]),
    [
      [uri(made[2]), 'this run’s new snapshot'],
      [uri(made[1]), 'one of the 2 newest'],
    ],
  );
  assert.deepEqual(
    await bucketKeys(),
    [...before, made[1], made[2]].sort(),
    'the two newest remain, and every object the plan did not write is still there',
  );
  const deletes = (await calls()).slice(callsBefore).filter((c) => c.operation === 'DeleteObject');
  assert.deepEqual(
    deletes.map((c) => c.status),
    [204],
  );
});
