// Retention's choices: which of a plan's snapshots a run keeps and deletes for `keep`, `maxAgeDays` and both, failed
// and still-creating ones, this run's snapshot; and which snapshots are the plan's at all (its tag, the name's fixed
// start, the S3 location), with tag reads only for the candidates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedLead, isTimeFree, planSnapshots, type EntryRetention } from '../../../src/plans/planSnapshots';
import { planNameOf, selectRetention, type RetentionInput } from '../../../src/plans/retention';
import type { Snapshot, SnapshotState } from '../../../src/services/service';
import type { Tag } from '../../../src/validation/types';

const now = new Date(Date.UTC(2026, 5, 30, 12));
const daysAgo = (d: number): Date => new Date(now.getTime() - d * 86_400_000);

function snap(name: string, age: number | undefined, state: SnapshotState = 'available', tags?: Tag[]): Snapshot {
  return {
    service: 'neptune-graph',
    id: `gs-${name}`,
    name,
    resourceId: 'g-1',
    state,
    status: state.toUpperCase(),
    ...(age === undefined ? {} : { createdAt: daysAgo(age) }),
    details: [],
    ...(tags ? { tags } : {}),
  };
}

const select = (snapshots: Snapshot[], rule: RetentionInput['rule'], extra: Partial<RetentionInput> = {}) => {
  const result = selectRetention({ snapshots, rule, now, mode: 'preview', ...extra });
  return {
    deleted: result.delete.map((c) => `${c.snapshot.name}: ${c.reason}`),
    kept: result.keep.map((c) => `${c.snapshot.name}: ${c.reason}`),
    blocked: result.blocked,
  };
};

const five = [snap('d1', 1), snap('d5', 5), snap('d10', 10), snap('d40', 40), snap('d90', 90)];

test('keep: N keeps the N newest, counting the snapshot the run takes, and deletes the rest', () => {
  assert.deepEqual(select(five, { keep: 3 }), {
    deleted: ['d10: beyond the 3 newest', 'd40: beyond the 3 newest', 'd90: beyond the 3 newest'],
    kept: ['d1: one of the 3 newest', 'd5: one of the 3 newest'],
    blocked: undefined,
  });
  assert.equal(select(five, { keep: 1 }).deleted.length, 5);
  assert.deepEqual(select(five, { keep: 1 }).deleted[0], 'd1: beyond the newest');
  assert.deepEqual(select(five, { keep: 6 }).deleted, []);
});

test('maxAgeDays: D deletes those D days old or older', () => {
  assert.deepEqual(select(five, { maxAgeDays: 30 }).deleted, ['d40: older than 30 days', 'd90: older than 30 days']);
  assert.deepEqual(select([snap('exactly', 30)], { maxAgeDays: 30 }).deleted, ['exactly: older than 30 days']);
  assert.deepEqual(select([snap('young', 29.9)], { maxAgeDays: 30 }).deleted, []);
});

test('keep and maxAgeDays together: the N newest are kept whatever their age, and everything younger than D days', () => {
  // keep 2 alone would delete d5..d90; maxAgeDays 7 alone would delete d10..d90; together only what both let go.
  assert.deepEqual(select(five, { keep: 2, maxAgeDays: 7 }), {
    deleted: [
      'd10: beyond the 2 newest and older than 7 days',
      'd40: beyond the 2 newest and older than 7 days',
      'd90: beyond the 2 newest and older than 7 days',
    ],
    kept: ['d1: one of the 2 newest', 'd5: younger than 7 days'],
    blocked: undefined,
  });
  // All old: keep is a floor.
  const old = [snap('o100', 100), snap('o200', 200), snap('o300', 300)];
  assert.deepEqual(select(old, { keep: 3, maxAgeDays: 30 }).deleted, [
    'o300: beyond the 3 newest and older than 30 days',
  ]);
});

test('creating, deleting and unknown snapshots are kept and not counted; failed ones are deleted and not counted', () => {
  const mixed = [
    snap('new-creating', 0, 'creating'),
    snap('d2', 2),
    snap('d3-failed', 3, 'failed'),
    snap('gone', 4, 'deleting'),
    snap('d5', 5),
    snap('odd', 6, 'unknown'),
  ];
  assert.deepEqual(select(mixed, { keep: 2 }), {
    deleted: ['d3-failed: failed: it holds nothing to restore', 'd5: beyond the 2 newest'],
    kept: [
      'new-creating: still being created',
      'gone: already being deleted',
      'odd: its state is not known',
      'd2: one of the 2 newest',
    ],
    blocked: undefined,
  });
});

test('a snapshot without a creation time is kept; the same time is ordered by id', () => {
  assert.deepEqual(select([snap('undated', undefined), snap('b', 3), snap('a', 3)], { keep: 2 }).deleted, [
    'b: beyond the 2 newest',
  ]);
});

test('in a run: this run’s snapshot is never deleted, and nothing is deleted until it is available', () => {
  const mine = snap('mine', 0);
  const all = [mine, ...five];
  const run = (state: SnapshotState) => select(all, { keep: 1 }, { mode: 'run', created: { id: mine.id, state } });
  assert.deepEqual(run('available').kept, ['mine: this run’s new snapshot']);
  assert.equal(run('available').deleted.length, 5);
  for (const state of ['creating', 'failed', 'unknown'] as const) {
    const r = run(state);
    assert.deepEqual(r.deleted, [], state);
    assert.match(r.blocked ?? '', new RegExp(`snapshot is ${state}, not available`));
  }
  assert.deepEqual(select(all, { keep: 1 }, { mode: 'run' }).deleted, [], 'no snapshot taken: nothing deleted');
  // An old snapshot cannot pass for this run's: only the id counts, and it is kept whatever its age.
  const oldId = select(
    [snap('old', 400)],
    { maxAgeDays: 1 },
    { mode: 'run', created: { id: 'gs-old', state: 'available' } },
  );
  assert.deepEqual(oldId.deleted, []);
});

const retention = (extra: Partial<EntryRetention> = {}): EntryRetention => ({
  keep: 2,
  planName: 'nightly',
  by: 'tag',
  nameLead: 'orders-nightly-',
  ...extra,
});
const mark = { key: 'snapshot-plan', value: 'nightly' };

test('the plan’s snapshots: its tag and the name’s fixed start; tags are read only for candidates, within a cap', async () => {
  const listed = [
    snap('orders-nightly-1', 1, 'available', [mark]),
    snap('orders-nightly-2', 2, 'available', [{ key: 'snapshot-plan', value: 'other' }]),
    snap('orders-nightly-3', 3, 'available', []),
    snap('Orders-Nightly-4', 4),
    snap('orders-nightly-5', 5),
    snap('orders-manual', 6),
    snap('orders-nightly-7', 7),
  ];
  const reads: string[] = [];
  const readTags = async (s: Snapshot): Promise<Tag[]> => {
    reads.push(s.name);
    if (s.name.endsWith('7')) throw new Error('AccessDenied');
    return s.name.endsWith('4') ? [mark] : [{ key: 'snapshot-plan', value: 'nightly-old' }];
  };
  const common = { snapshots: listed, service: {}, values: {}, resourceId: 'g-1', readTags };
  const result = await planSnapshots({ ...common, retention: retention() });
  assert.deepEqual(
    result.owned.map((s) => s.name),
    ['orders-nightly-1', 'Orders-Nightly-4'],
  );
  assert.equal(result.unchecked, 1, 'the failed read is not the plan’s');
  assert.deepEqual(reads, ['Orders-Nightly-4', 'orders-nightly-5', 'orders-nightly-7'], 'never orders-manual');
  reads.length = 0;
  const capped = await planSnapshots({ ...common, retention: retention(), maxTagReads: 1 });
  assert.deepEqual([capped.owned.length, capped.unchecked, reads.length], [2, 2, 1]);
  const off = await planSnapshots({ ...common, retention: retention({ unrecognisable: 'no' }) });
  assert.deepEqual(off.owned, []);
});

test('a service without tags: the plan’s snapshots are those under the entry’s location', async () => {
  const destination = {
    label: 'Object key',
    name: () => '',
    location: (values: Readonly<Record<string, string | undefined>>, sim: string, at: Date) =>
      `s3://${values.BucketName}/${values.ObjectKeyPrefix}/snapshot/${sim}-${at.toISOString().slice(2, 10)}.zip`,
  };
  const object = (id: string): Snapshot => ({ ...snap(id, 1), id });
  const result = await planSnapshots({
    snapshots: [
      object('s3://b/nightly/snapshot/sim-26-06-01.zip'),
      object('s3://b/other/snapshot/sim-26-06-01.zip'),
      object('s3://b/nightly/snapshot/simx-26-06-01.zip'),
    ],
    retention: retention({ by: 'location', nameLead: undefined }),
    service: { destination },
    values: { BucketName: 'b', ObjectKeyPrefix: 'nightly' },
    resourceId: 'sim',
  });
  assert.deepEqual(
    result.owned.map((s) => s.id),
    ['s3://b/nightly/snapshot/sim-26-06-01.zip'],
  );
});

test('name leads, time-free templates and plan names', () => {
  const ctx = { resource: 'arn:aws:rds:us-east-1:1:cluster:Orders', profile: 'p', region: 'r' };
  assert.equal(fixedLead('{resource}-nightly-{date}-{time}', ctx), 'orders-nightly-');
  assert.equal(fixedLead('{date}-{resource}', ctx), '');
  assert.equal(fixedLead('x{{y}}-{timestamp}', ctx), 'x{y}-');
  assert.equal(fixedLead('fixed', ctx), 'fixed');
  assert.equal(isTimeFree('release-{resource}'), true);
  assert.equal(isTimeFree('release-{date}'), false);
  assert.equal(planNameOf('release.snapshots.yaml'), 'release');
  assert.equal(planNameOf('my plan!.snapshots.yml'), 'my plan-');
});
