// Retention in the plan language: the `keep` and `maxAgeDays` keys parsed and checked (whole numbers, ranges, a name
// template that gives the plan's snapshots a recognisable start, the mark among the tags), the dry run's list of
// what a run would delete and why, and the hover on an entry, from the live cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dryRunPlan } from '../../../src/plans/dryRun';
import { hoverPlan } from '../../../src/plans/hover';
import { LiveCache } from '../../../src/plans/liveSource';
import { parsePlan } from '../../../src/plans/parse';
import { previewPlanRetention, previewRetention } from '../../../src/plans/retentionPreview';
import { analyzePlan } from '../../../src/plans/validate';
import type { DeleteSupport } from '../../../src/services/deletion';
import type { Snapshot } from '../../../src/services/service';
import { docdb, env as baseEnv, gateway, neptune, weaver } from '../../support/fakePlanServices';
import { fakeAccount, resource } from './fakeLive';

const del: DeleteSupport = {
  operation: 'DeleteThing',
  iamActions: [],
  refusal: () => undefined,
  calls: () => [],
  send: async () => 'gone',
};
const destination = { label: 'Object key', name: () => '', location: () => 's3://b/p/snapshot/x.zip' };
const env = {
  ...baseEnv,
  services: [{ ...neptune, delete: del }, { ...gateway, delete: del }, docdb, { ...weaver, delete: del, destination }],
};
const analyze = (text: string) => analyzePlan(text, env);
const problems = (text: string) => analyze(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
const entry = (lines: string[], defaults: string[] = []) =>
  ['defaults:', '  profile: default', ...defaults.map((l) => `  ${l}`), 'snapshots:', ...lines, ''].join('\n');

test('keep and maxAgeDays parse in defaults and entries', () => {
  const { plan, diagnostics } = parsePlan(
    entry(['  - service: neptune-graph', '    resource: g', '    keep: 3'], ['maxAgeDays: 30']),
  );
  assert.deepEqual(diagnostics, []);
  assert.equal(plan.entries[0]?.keep?.value, '3');
  assert.equal(plan.defaults?.maxAgeDays?.value, '30');
  const resolved = analyze(
    entry(['  - service: neptune-graph', '    resource: g', "    name: 'g-{date}'", '    keep: 3'], ['maxAgeDays: 30']),
  );
  assert.equal(resolved.errorCount, 0);
  assert.deepEqual(resolved.entries[0]?.retention, { keep: 3, maxAgeDays: 30, by: 'tag', nameLead: 'g-' });
});

test('the values must be whole numbers in range; a default is reported once, where it is written', () => {
  const base = ['  - service: neptune-graph', '    resource: g', "    name: 'g-{date}'"];
  assert.deepEqual(problems(entry([...base, '    keep: two'])), [
    'error invalid-value: `keep` must be a whole number, not `two` (e.g. `keep: 3`).',
  ]);
  assert.deepEqual(problems(entry([...base, '    keep: 0'])), [
    'error invalid-value: `keep: 0` is out of range: use 1 to 1000.',
  ]);
  assert.deepEqual(problems(entry([...base, '    maxAgeDays: 2.5'])), [
    'error invalid-value: `maxAgeDays` must be a whole number, not `2.5` (e.g. `maxAgeDays: 30`).',
  ]);
  assert.deepEqual(problems(entry([...base, '    maxAgeDays: 36501'])), [
    'error invalid-value: `maxAgeDays: 36501` is out of range: use 1 to 36500.',
  ]);
  const twice = entry(
    [...base, ...base.map((l, i) => (i === 1 ? '    resource: h' : l.replace('g-', 'h-')))],
    ['keep: -1'],
  );
  assert.deepEqual(problems(twice), ['error invalid-value: `keep` must be a whole number, not `-1` (e.g. `keep: 3`).']);
});

test('a name template without a fixed start warns, and retention is off for that entry', () => {
  const text = entry(['  - service: neptune-graph', '    resource: g', "    name: '{date}-{resource}'", '    keep: 2']);
  assert.deepEqual(
    problems(text).filter((p) => p.includes('retention')),
    [
      'warning retention: With retention, the name template `{date}-{resource}` must start with fixed text or `{resource}` before any `{date}`, `{time}` or `{timestamp}` (e.g. `{resource}-release-{date}`): the plan only deletes snapshots whose name starts that way. Retention is off for this entry.',
    ],
  );
  assert.ok(analyze(text).entries[0]?.retention?.unrecognisable);
  // `{resource}` alone is a recognisable start; separators alone are not.
  assert.deepEqual(
    problems(entry(['  - service: neptune-graph', '    resource: g', "    name: '{resource}{date}'", '    keep: 2'])),
    [],
  );
  assert.equal(
    problems(entry(['  - service: neptune-graph', '    resource: g', "    name: '--{date}'", '    keep: 2'])).filter(
      (p) => p.startsWith('warning retention'),
    ).length,
    1,
  );
});

test('the mark: a tag of that key is refused, and it needs room among the tags', () => {
  const base = ['  - service: neptune-graph', '    resource: g', "    name: 'g-{date}'", '    keep: 2'];
  assert.deepEqual(problems(entry([...base, '    tags:', '      snapshot-plan: mine'])), [
    "error invalid-value: The tag `snapshot-plan` is set by the plan itself when `keep` or `maxAgeDays` is on (it marks the plan's snapshots): remove it here.",
  ]);
  assert.deepEqual(problems(entry([...base, '    tags: { a: "1", b: "2", c: "3" }'])), [
    "error invalid-value: 3 tags plus the plan's mark (`snapshot-plan`), but Neptune Analytics takes at most 3 per snapshot: remove 1.",
  ]);
});

test('a service that cannot delete, or a SimSpace Weaver prefix that changes every run, warns', () => {
  assert.match(
    problems(entry(['  - service: docdb', '    resource: c', "    name: 'c-{date}'", '    keep: 2'])).join(),
    /DocumentDB snapshots cannot be deleted here yet/,
  );
  const sim = (prefix: string) =>
    problems(
      entry([
        '  - service: simspaceweaver',
        '    resource: s',
        '    bucket: bucket-1',
        `    prefix: '${prefix}'`,
        '    keep: 2',
      ]),
    );
  assert.deepEqual(sim('nightly'), []);
  assert.match(sim('nightly-{date}').join(), /`prefix` \(`nightly-\{date\}`\) must be the same on every run/);
});

const listed = (
  name: string,
  age: number,
  tags?: Snapshot['tags'],
  state: Snapshot['state'] = 'available',
): Snapshot => ({
  service: 'neptune-graph',
  id: `gs-${name}`,
  name,
  resourceId: 'g-1',
  state,
  status: state,
  createdAt: new Date(baseEnv.now.getTime() - age * 86_400_000),
  details: [],
  ...(tags ? { tags } : {}),
});
const mark = [{ key: 'snapshot-plan', value: 'nightly' }];
const account = () =>
  fakeAccount(
    [resource('neptune-graph', 'g-1', 'customer-graph')],
    [
      listed('customer-graph-nightly-a', 1, mark),
      listed('customer-graph-nightly-b', 2, mark),
      listed('customer-graph-nightly-c', 3, mark),
      listed('customer-graph-nightly-broken', 4, mark, 'failed'),
      listed('customer-graph-nightly-d', 5, [{ key: 'snapshot-plan', value: 'weekly' }]),
      listed('customer-graph-manual', 6, []),
    ],
  );
const planText = entry(
  [
    '  - service: neptune-graph',
    '    resource: customer-graph',
    "    name: '{resource}-nightly-{date}'",
    '    keep: 2',
  ],
  ['region: us-east-1'],
);

test('the dry run lists exactly what a run would delete, and why', async () => {
  const analysis = analyze(planText);
  const cache = new LiveCache(account());
  const retention = await previewPlanRetention(analysis, cache, 'nightly.snapshots.yaml');
  const dry = dryRunPlan(analysis, { title: 'nightly.snapshots.yaml', retention });
  assert.equal(dry.deletions, 3);
  assert.deepEqual(
    dry.calls[0]?.deletions?.map((d) => `${d.name}: ${d.reason}`),
    [
      'customer-graph-nightly-broken: failed: it holds nothing to restore',
      'customer-graph-nightly-b: beyond the 2 newest',
      'customer-graph-nightly-c: beyond the 2 newest',
    ],
  );
  assert.match(dry.markdown, /\*\*3 snapshots\*\* would be deleted by retention/);
  assert.match(dry.markdown, /## Retention/);
  assert.match(dry.markdown, /- line 5, Neptune Analytics `customer-graph` \(keep 2\): deletes 3/);
  assert.match(dry.markdown, / {2}- `customer-graph-nightly-b` \(`gs-customer-graph-nightly-b`\): beyond the 2 newest/);
  assert.doesNotMatch(dry.markdown, /manual|nightly-d/);
  assert.deepEqual(
    dry.calls[0]?.input.tags,
    [{ key: 'snapshot-plan', value: 'nightly' }],
    'the create carries the mark',
  );
  // Another plan file is another mark: none of these are its own.
  const other = await previewPlanRetention(analysis, new LiveCache(account()), 'release.snapshots.yaml');
  assert.equal(dryRunPlan(analysis, { title: 'release.snapshots.yaml', retention: other }).deletions, 0);
  // Unknown live state is said so.
  const off = dryRunPlan(analysis, {
    title: 'x',
    retention: new Map([[0, { kind: 'unknown', reason: 'live checks are off' }]]),
  });
  assert.match(off.markdown, /\(keep 2\): not known now: live checks are off/);
});

test('the hover on an entry’s keep or resource shows what a run would delete now', async () => {
  const analysis = analyze(planText);
  const cache = new LiveCache(account());
  const at = (needle: string) => planText.indexOf(needle) + 1;
  const hover = (offset: number) =>
    hoverPlan({
      analysis,
      offset,
      env,
      resources: (s, p, r) => cache.resources(s, p, r),
      retention: (e) => previewRetention(e, cache, 'nightly.snapshots.yaml', analysis.now),
    });
  const onKeep = (await hover(at('keep')))?.markdown ?? '';
  assert.match(onKeep, /^Retention: keep the N newest/);
  assert.match(onKeep, /A run would delete 3 of the plan’s snapshots now:\n- `customer-graph-nightly-broken`: failed/);
  assert.match(onKeep, /Kept: `customer-graph-nightly-a` \(one of the 2 newest\)/);
  const onResource = (await hover(at('customer-graph')))?.markdown ?? '';
  assert.match(onResource, /\*\*customer-graph\*\*[\s\S]*A run would delete 3/);
  const noLive = await hoverPlan({ analysis, offset: at('keep'), env });
  assert.match(noLive?.markdown ?? '', /known only with live checks on/);
});

test('the nightly example plan is clean with the real services, and every entry’s snapshots are recognisable', async () => {
  const { readFileSync } = await import('node:fs');
  const { services } = await import('../../../src/services/registry');
  const text = readFileSync(new URL('../../../examples/nightly.snapshots.yaml', import.meta.url), 'utf8');
  const analysis = analyzePlan(text, { services, now: baseEnv.now });
  assert.deepEqual(analysis.diagnostics, []);
  assert.deepEqual(
    analysis.entries.map((e) => e.retention),
    [
      { keep: 7, by: 'tag', nameLead: 'customer-graph-nightly-' },
      { keep: 7, maxAgeDays: 30, by: 'tag', nameLead: 'orders-prod-nightly-' },
      { keep: 3, by: 'tag' },
    ],
  );
});
