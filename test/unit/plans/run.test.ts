import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRunReport } from '../../../src/plans/report';
import { RecordedFailure, runPlan, type PlanRunEntry } from '../../../src/plans/run';
import type { ResourceTarget } from '../../../src/services/service';
import { neptune } from '../../support/fakePlanServices';
import { resource } from './fakeLive';

const entries: PlanRunEntry[] = Array.from({ length: 12 }, (_, i) => ({
  index: i,
  line: i + 3,
  service: 'neptune-graph',
  profile: 'default',
  region: 'us-east-1',
  resource: `g-${i}`,
  input: { values: { snapshotName: `s-${i}` }, tags: [] },
}));

const resolve = async (e: PlanRunEntry): Promise<ResourceTarget> => ({
  profile: e.profile,
  region: e.region,
  service: neptune as ResourceTarget['service'],
  resource: resource('neptune-graph', e.resource),
});

/** Resolves when told to, so the test controls how many creates are in flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

test('the concurrency cap is respected and every entry runs once', async () => {
  let inFlight = 0;
  let peak = 0;
  const created: string[] = [];
  const release = gate();
  const run = runPlan(entries, {
    resolve,
    concurrency: 3,
    async create(target, input) {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await release.opened;
      created.push(`${target.resource.id}:${input.values.snapshotName}`);
      inFlight--;
      return { id: `snap-${target.resource.id}` };
    },
  });
  // Let every worker reach its first create.
  const deadline = Date.now() + 2000;
  while (inFlight < 3 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  assert.equal(inFlight, 3);
  release.open();
  const report = await run;
  assert.equal(peak, 3);
  assert.equal(created.length, 12);
  assert.equal(new Set(created).size, 12);
  assert.equal(report.created, 12);
  assert.deepEqual(
    report.entries.map((r) => r.snapshotId),
    entries.map((e) => `snap-${e.resource}`),
    'reports keep plan order',
  );
});

test('failures are reported per entry and do not stop the others', async () => {
  const report = await runPlan(entries.slice(0, 4), {
    concurrency: 2,
    resolve: async (e) => {
      if (e.resource === 'g-1') throw new Error('No graph g-1 in profile default, us-east-1.');
      return resolve(e);
    },
    create: async (target) => {
      if (target.resource.id === 'g-2') throw new Error('Snapshot name s-2 is already taken.');
      return undefined;
    },
  });
  assert.deepEqual(
    report.entries.map((r) => [r.entry.resource, r.outcome, r.message]),
    [
      ['g-0', 'created', undefined],
      ['g-1', 'failed', 'No graph g-1 in profile default, us-east-1.'],
      ['g-2', 'failed', 'Snapshot name s-2 is already taken.'],
      ['g-3', 'created', undefined],
    ],
  );
  assert.equal(report.created, 2);
  assert.equal(report.failed, 2);
  const markdown = formatRunReport(report, 'release.snapshots.yaml', () => 'Neptune Analytics');
  assert.match(markdown, /\*\*2 of 4 snapshots requested\*\*, 2 failed/);
  assert.match(markdown, /❌ failed: Snapshot name s-2 is already taken\./);
});

test('a cancelled run reports the entries it did not start', async () => {
  const controller = new AbortController();
  const progress: number[] = [];
  const report = await runPlan(entries.slice(0, 5), {
    concurrency: 1,
    signal: controller.signal,
    resolve,
    create: async (target) => {
      if (target.resource.id === 'g-1') controller.abort();
      return undefined;
    },
    onProgress: (_r, done) => progress.push(done),
  });
  assert.deepEqual(
    report.entries.map((r) => r.outcome),
    ['created', 'created', 'cancelled', 'cancelled', 'cancelled'],
  );
  assert.equal(report.cancelled, 3);
  assert.deepEqual(progress, [1, 2, 3, 4, 5]);
});

test('an empty plan runs nothing and reports nothing', async () => {
  const report = await runPlan([], { concurrency: 4, resolve, create: async () => undefined });
  assert.deepEqual([report.entries.length, report.created, report.failed], [0, 0, 0]);
});

test('skipped entries are reported, never run; failures are recorded once (not again when create recorded them)', async () => {
  const recorded: string[] = [];
  const runIds = new Set<string>();
  const report = await runPlan(entries.slice(0, 4), {
    concurrency: 2,
    skip: new Map([[1, 'expected to fail: g-1 is deleting']]),
    resolve: async (e) => {
      if (e.resource === 'g-2') throw new Error('No graph g-2 in profile default, us-east-1.');
      return resolve(e);
    },
    create: async (target, _input, run) => {
      runIds.add(run.runId);
      if (target.resource.id === 'g-3') throw new RecordedFailure('AWS refused g-3.');
      return { id: `snap-${target.resource.id}` };
    },
    recordFailure: (entry, message, run) => {
      runIds.add(run.runId);
      recorded.push(`${entry.resource}: ${message}`);
    },
  });
  assert.deepEqual(
    report.entries.map((r) => [r.entry.resource, r.outcome, r.message]),
    [
      ['g-0', 'created', undefined],
      ['g-1', 'skipped', 'expected to fail: g-1 is deleting'],
      ['g-2', 'failed', 'No graph g-2 in profile default, us-east-1.'],
      ['g-3', 'failed', 'AWS refused g-3.'],
    ],
  );
  assert.equal(report.skipped, 1);
  assert.deepEqual(recorded, ['g-2: No graph g-2 in profile default, us-east-1.']);
  assert.equal(runIds.size, 1, 'one run id for every entry of the run');
});
