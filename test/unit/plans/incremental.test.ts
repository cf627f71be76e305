import assert from 'node:assert/strict';
import { test } from 'node:test';
import { examplePlan } from '../../../src/plans/example';
import { parsePlanIncremental, PlanParseCache } from '../../../src/plans/incremental';
import { parsePlan } from '../../../src/plans/parse';

const sorted = <T extends { span: { start: number } }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.span.start - b.span.start);

function assertSameAsFull(text: string, cache = new PlanParseCache()): void {
  const full = parsePlan(text);
  const inc = parsePlanIncremental(text, cache);
  assert.deepEqual(inc.plan, full.plan, text);
  assert.deepEqual(sorted(inc.diagnostics), sorted(full.diagnostics), text);
}

const texts = [
  examplePlan,
  'snapshots:\n- service: docdb\n  resource: a\n- service: docdb\n  resource: b\n',
  'snapshots:\n  - { service: docdb, resource: a }\n  # a comment\n\n  - service: docdb\n    resource: b\n    tags:\n      a: "1"\ndefaults:\n  profile: p\n',
  'snapshots:\n  - service: docdb\n    resorce: a\n  - service: docdb\n    bad: [\n',
  'snapshots:\n  - service: docdb\n    description: |\n      two\n      lines {date}\n  - just text\n',
  'snapshots: [{ service: docdb, resource: a }]\n',
  'defaults: &d { profile: p }\nsnapshots:\n  - service: docdb\n',
  'snapshots:\n  - service: docdb\n    resource: a\n  - service: docdb\n    service: twice\n',
  'snapshots:\n  -\n    service: docdb\n    resource: x\n',
  '',
];

test('incremental parsing gives exactly the full parse, for plain, odd and broken plans', () => {
  for (const text of texts) assertSameAsFull(text);
});

test('after edits, reused items still give the full parse (offsets shift, entry numbers follow)', () => {
  const cache = new PlanParseCache();
  let text = examplePlan;
  assertSameAsFull(text, cache);
  const edits: Array<(t: string) => string> = [
    (t) => t.replace('resource: customer-graph', 'resource: customer-graph-2'),
    (t) => t.replace('defaults:', '# moved\ndefaults:'),
    (t) => t.replace('  - service: docdb\n', '  - service: docdb\n    nme: typo\n'),
    (t) => t.replace("    prefix: 'release-{date}'\n", ''),
    (t) => t + '  - service: neptune-graph\n    resource: g-new\n',
  ];
  for (const edit of edits) {
    text = edit(text);
    assertSameAsFull(text, cache);
  }
  assert.ok(cache.items.size > 0);
});

test('an edit re-parses only the item it touched', () => {
  const cache = new PlanParseCache();
  parsePlanIncremental(examplePlan, cache);
  const before = new Map(cache.items);
  parsePlanIncremental(examplePlan.replace('resource: orders-prod', 'resource: orders-dev'), cache);
  const reused = [...cache.items.values()].filter((item) => [...before.values()].includes(item));
  assert.equal(reused.length, cache.items.size - 1);
});
