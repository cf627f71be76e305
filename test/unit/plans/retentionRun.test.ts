// Retention in a run, against a fake service: no deletion before the run's snapshot is available (and none when it
// fails), deletions through the delete seam with its refusals and errors reported, the run report's created / deleted
// / kept lists, and the Run Plan confirmation's texts (against the recording `vscode` fake).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { formatRunReport } from '../../../src/plans/report';
import { runPlan, type PlanRunEntry } from '../../../src/plans/run';
import { createRetainer } from '../../../src/plans/runRetention';
import type { AwsClients } from '../../../src/aws/clients';
import type { DeleteSupport } from '../../../src/services/deletion';
import type { ResolveResult } from '../../../src/plans/protocol';
import type { Resource, Snapshot, SnapshotService, SnapshotState } from '../../../src/services/service';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';
import { resource } from './fakeLive';

const rec = installVscodeRecorder();
after(() => rec.restore());

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 10);
const mark = [{ key: 'snapshot-plan', value: 'nightly' }];

function snap(name: string, ageDays: number, state: SnapshotState = 'available', tags = mark): Snapshot {
  const id = `gs-${name}`;
  return {
    service: 'fake',
    id,
    name,
    resourceId: 'g-1',
    state,
    status: state,
    createdAt: new Date(t0 - ageDays * DAY),
    details: [],
    tags,
  };
}

/** A fake service: its new snapshot goes through `states`; every call is logged in order. */
function fakeService(states: SnapshotState[], existing: Snapshot[]) {
  const log: string[] = [];
  const statuses = [...states];
  const deleteSupport: DeleteSupport = {
    operation: 'DeleteFake',
    iamActions: ['fake:Delete'],
    refusal: (s) => (s.name.includes('locked') ? `snapshot ${s.name} is locked` : undefined),
    calls: (s) => [{ operation: 'DeleteFake', input: { id: s.id } }],
    async send(_ctx, s) {
      log.push(`delete ${s.name}`);
      if (s.name.includes('denied')) throw Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' });
      return s.name.includes('slow') ? { id: s.id, state: 'deleting', status: 'DELETING' } : 'gone';
    },
  };
  const service = {
    id: 'fake',
    label: 'Fake',
    resourceNoun: { one: 'graph', many: 'graphs' },
    delete: deleteSupport,
    async getSnapshotStatuses(_ctx, refs) {
      const state = statuses.length > 1 ? (statuses.shift() as SnapshotState) : (statuses[0] as SnapshotState);
      log.push(`status ${state}`);
      return new Map(refs.map((r) => [r.snapshotId, { ...snap('new', 0, state), id: r.snapshotId }]));
    },
    async listSnapshots(_ctx, _r: Resource) {
      log.push('list');
      return { items: [...existing, snap('new', 0)] };
    },
  } as Pick<SnapshotService, 'id' | 'label' | 'resourceNoun' | 'delete' | 'getSnapshotStatuses' | 'listSnapshots'>;
  return { service: service as SnapshotService, log };
}

const entry: PlanRunEntry = {
  index: 0,
  line: 7,
  service: 'fake',
  profile: 'p',
  region: 'us-east-1',
  resource: 'g-1',
  input: { values: { snapshotName: 'g-nightly-20260110' }, tags: mark },
  retention: { keep: 2, planName: 'nightly', by: 'tag', nameLead: 'g-nightly-' },
};

async function run(states: SnapshotState[], existing: Snapshot[]) {
  const { service, log } = fakeService(states, existing);
  const report = await runPlan([entry], {
    concurrency: 1,
    resolve: async () => ({ profile: 'p', region: 'us-east-1', service, resource: resource('fake', 'g-1') }),
    async create() {
      log.push('create');
      return { snapshotId: 'gs-new' };
    },
    retain: createRetainer({ clients: {} as AwsClients, pollMs: 1, maxPollMs: 2, now: () => t0 }),
  });
  return { report, log };
}

const existing = [
  snap('g-nightly-1', 1),
  snap('g-nightly-2', 2),
  snap('g-nightly-3-locked', 3),
  snap('g-nightly-4-denied', 4),
  snap('g-nightly-5-slow', 5),
  snap('g-nightly-6', 6, 'available', []),
  snap('g-other', 7),
];

test('deletions start only once the new snapshot is available, through the delete seam', async () => {
  const { report, log } = await run(['creating', 'creating', 'available'], existing);
  assert.deepEqual(log.slice(0, 5), ['create', 'status creating', 'status creating', 'status available', 'list']);
  assert.deepEqual(log.slice(5), ['delete g-nightly-2', 'delete g-nightly-4-denied', 'delete g-nightly-5-slow']);
  const retention = report.entries[0]?.retention;
  assert.deepEqual(
    retention?.deleted.map((d) => [d.name, d.status]),
    [
      ['g-nightly-2', 'deleted'],
      ['g-nightly-5-slow', 'DELETING'],
    ],
  );
  assert.deepEqual(
    retention?.failed.map((f) => [f.name, f.message]),
    [
      ['g-nightly-3-locked', 'snapshot g-nightly-3-locked is locked'],
      ['g-nightly-4-denied', 'AccessDeniedException: not allowed'],
    ],
  );
  assert.deepEqual(
    retention?.kept.map((k) => `${k.name}: ${k.reason}`),
    ['new: this run’s new snapshot', 'g-nightly-1: one of the 2 newest'],
  );
  assert.deepEqual([report.created, report.deleted, report.deleteFailed], [1, 2, 2]);
});

test('a new snapshot that fails, or a run without retention deps, deletes nothing', async () => {
  const failed = await run(['creating', 'failed'], existing);
  assert.ok(!failed.log.some((l) => l.startsWith('delete')));
  assert.match(failed.report.entries[0]?.retention?.note ?? '', /Nothing was deleted: this run’s snapshot is failed/);
  const { service, log } = fakeService(['available'], existing);
  const plain = await runPlan([entry], {
    concurrency: 1,
    resolve: async () => ({ profile: 'p', region: 'us-east-1', service, resource: resource('fake', 'g-1') }),
    create: async () => ({ snapshotId: 'gs-new' }),
  });
  assert.equal(plain.entries[0]?.retention, undefined);
  assert.deepEqual(log, []);
});

test('the run report lists created, deleted, not deleted and kept snapshots', async () => {
  const { report } = await run(['available'], existing);
  const markdown = formatRunReport(report, 'nightly.snapshots.yaml', () => 'Fake');
  assert.match(markdown, /Retention: 2 deleted, 2 not deleted\./);
  assert.match(markdown, /### Line 7: Fake `g-1`/);
  assert.match(markdown, /- 🗑 deleted `g-nightly-2` \(`gs-g-nightly-2`\): beyond the 2 newest/);
  assert.match(markdown, /- 🗑 deleting \(DELETING\) `g-nightly-5-slow`/);
  assert.match(
    markdown,
    /- ❌ not deleted `g-nightly-3-locked` \(`gs-g-nightly-3-locked`\): beyond the 2 newest — snapshot g-nightly-3-locked is locked/,
  );
  assert.match(markdown, /- kept `g-nightly-1` \(`gs-g-nightly-1`\): one of the 2 newest/);
  assert.doesNotMatch(markdown, /g-nightly-6|g-other/, 'not the plan’s: never listed');
});

const resolved = (retention?: ResolveResult['retention'], total = 2): ResolveResult => ({
  entries: Array.from({ length: total }, () => entry),
  errorCount: 0,
  problems: [],
  perService: [{ service: 'fake', label: 'Fake', count: total }],
  expectedFailures: [],
  ...(retention ? { retention } : {}),
});

test('the Run Plan confirmation counts the deletions', async () => {
  const { confirmation } = await import('../../../src/client/planConfirmation');
  assert.deepEqual(confirmation(resolved()), {
    message: 'Take 2 snapshots?',
    detail: '2 × Fake\n\nProfiles and regions: p / us-east-1',
    runAll: 'Run Plan',
  });
  const three = confirmation(resolved({ entries: 2, deletions: 3, unknown: 0 }));
  assert.equal(three.message, 'Take 2 snapshots and delete 3 older ones?');
  assert.equal(
    three.detail,
    [
      '2 × Fake',
      '',
      'Retention (keep, maxAgeDays) would delete 3 snapshots the plan took; Dry Run lists them and why.',
      'Nothing is deleted before the new snapshot of its resource is available.',
      '',
      'Profiles and regions: p / us-east-1',
    ].join('\n'),
  );
  assert.equal(
    confirmation(resolved({ entries: 1, deletions: 1, unknown: 0 }, 1)).message,
    'Take 1 snapshot and delete 1 older one?',
  );
  const none = confirmation(resolved({ entries: 1, deletions: 0, unknown: 1 }));
  assert.equal(none.message, 'Take 2 snapshots?');
  assert.match(
    none.detail,
    /would delete none of the plan’s snapshots now\.\nFor 1 entry, what retention deletes is not known now/,
  );
});
