// The fast reader of simple plans must give exactly what `yaml` gives (the document, the parsed plan, the
// analysis), or step aside (undefined) so `yaml` parses the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { makePlan } from '../../../scripts/bench/plan';
import { examplePlan } from '../../../src/plans/example';
import { parseFastDocument } from '../../../src/plans/fastYaml';
import { parsePlanIncremental, PlanParseCache } from '../../../src/plans/incremental';
import { parseEntryText, parsePlan, yamlOptions } from '../../../src/plans/parse';
import { analyzePlan } from '../../../src/plans/validate';
import { allRegions, services } from '../../../src/services/registry';
import { edgeCases, planTexts } from './fastYamlCases';

const env = {
  services,
  profiles: [
    { name: 'demo', region: 'us-east-1' },
    { name: 'bench-01', region: 'eu-west-1' },
  ],
  regions: allRegions,
  now: new Date(Date.UTC(2026, 10, 23, 9, 30, 0)),
};

/** What the plan code reads of a node: kind, value, type, source, range (all three offsets), children. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) return { scalar: node.value, type: node.type, source: node.source, range: node.range };
  if (isMap(node)) return { map: node.items.map((p) => [shape(p.key), shape(p.value)]), range: node.range };
  if (isSeq(node)) return { seq: node.items.map(shape), flow: node.flow, range: node.range };
  return { other: String(node) };
}

/** Compares the fast reader with `yaml` on `text`; returns whether the fast reader took it. */
function assertSameAsYaml(text: string): boolean {
  const fast = parseFastDocument(text, yamlOptions);
  if (!fast) return false;
  const slow = parseDocument(text, yamlOptions);
  const where = JSON.stringify(text);
  assert.deepEqual([...slow.errors, ...slow.warnings], [], `the fast reader took a text yaml rejects: ${where}`);
  assert.deepEqual(shape(fast.contents), shape(slow.contents), where);
  assert.deepEqual(fast.range, slow.range, where);
  assert.deepEqual(parsePlan(text), parsePlan(text, { fast: false }), where);
  return true;
}

/**
 * The analysis of `text` with the fast reader, against the analysis `yaml` gives: a comment with a tab appended at
 * the end sends the same plan to `yaml` (the fast reader takes no tab) without moving any offset.
 */
function assertSameAnalysis(text: string): boolean {
  const slowText = `${text}#\t\n`;
  assert.equal(parseFastDocument(slowText, yamlOptions), undefined);
  // (When the text ends in an empty value, yaml gives it the comment, which moves its end: not comparable.)
  const same = (t: string) => JSON.stringify(shape(parseDocument(t, yamlOptions).contents));
  if (!text.endsWith('\n') || same(text) !== same(slowText)) return false;
  const fast = analyzePlan(text, env);
  const slow = analyzePlan(slowText, env);
  assert.deepEqual(fast.diagnostics, slow.diagnostics, text);
  assert.deepEqual(fast.entries, slow.entries, text);
  assert.deepEqual({ ...fast.plan, text: '' }, { ...slow.plan, text: '' }, text);
  assert.equal(fast.errorCount, slow.errorCount);
  return true;
}

const benchPlan = makePlan(1000, 250);

test('the example plan and the benchmark plan are read by the fast reader, exactly as yaml reads them', () => {
  for (const text of [examplePlan, benchPlan, examplePlan.replace(/\n/g, '\r\n'), benchPlan.trimEnd()]) {
    assert.equal(assertSameAsYaml(text), true, text.slice(0, 80));
  }
  assert.equal(assertSameAnalysis(examplePlan), true);
  assert.equal(assertSameAnalysis(benchPlan), true);
  assert.equal(analyzePlan(benchPlan, env).entries.length, 1000);
});

test('hand-written edge cases: the fast reader takes the simple ones, exactly as yaml, and leaves the rest', () => {
  for (const { text, fast } of edgeCases) {
    assert.equal(
      assertSameAsYaml(text),
      fast,
      `${fast ? 'should' : 'should not'} be read fast: ${JSON.stringify(text)}`,
    );
    assertSameAnalysis(text);
  }
});

test('a plan with duplicate keys or yaml errors goes to yaml, which reports them', () => {
  const twice = 'snapshots:\n  - service: docdb\n    service: docdb\n';
  assert.equal(parseFastDocument(twice, yamlOptions), undefined);
  assert.match(parsePlan(twice).diagnostics[0]?.message ?? '', /unique/);
  const wrongIndent = 'snapshots:\n  - service: docdb\n     resource: a\n';
  assert.equal(parseFastDocument(wrongIndent, yamlOptions), undefined);
  assert.equal(parsePlan(wrongIndent).diagnostics[0]?.code, 'yaml-syntax');
});

test('one plan item alone (the incremental parse) reads the same with the fast reader as with yaml', () => {
  const items = benchPlan.split(/(?=^ {2}- )/m).slice(1, 40);
  items.push('  - service: docdb\n    resource: a # c\n\n  # next\n', '  - service: docdb\n    tags:\n      a: b\n');
  for (const item of items) {
    assert.notEqual(parseFastDocument(item, yamlOptions), undefined, item);
    assert.deepEqual(parseEntryText(item, 0), parseEntryText(item, 0, { fast: false }), item);
  }
});

test('incremental parsing with the fast reader gives the yaml parse, before and after edits', () => {
  for (const base of planTexts) {
    const cache = new PlanParseCache();
    let text = base;
    const edits: Array<(t: string) => string> = [
      (t) => t,
      (t) => t.replace('resource: ', 'resource: x-'),
      (t) => t.replace("name: '", "name: 'edited-"),
      (t) => t.replace('  - service: docdb\n', '  - service: docdb\n    # a note\n    nme: typo\n'),
      (t) => t + '  - service: neptune-graph\n    resource: g-new  # added\n',
    ];
    for (const edit of edits) {
      text = edit(text);
      const inc = parsePlanIncremental(text, cache);
      const full = parsePlan(text, { fast: false });
      const where = text.slice(0, 120);
      assert.deepEqual(inc.plan, full.plan, where);
      const byStart = (a: { span: { start: number } }, b: { span: { start: number } }) => a.span.start - b.span.start;
      assert.deepEqual([...inc.diagnostics].sort(byStart), [...full.diagnostics].sort(byStart), where);
    }
  }
});

// Random plans in the simple style and slightly outside it: odd keys and values, comments and blank lines at any
// indentation, CRLF, no final newline, a line moved, a tab, a document marker.
const piece = fc.constantFrom(
  'a',
  'docdb',
  'neptune-graph',
  '{date}',
  '-x',
  ' ',
  '  ',
  '#',
  ' #c',
  ':',
  ': ',
  "'",
  '"',
  'é',
  '😀',
  '[',
  ']',
  '{',
  '}',
  ',',
  '\\',
  '!',
  '&',
  '*',
  '%',
  '|',
  '>',
  '?',
  '- ',
  '.',
  '@',
  '`',
  '~',
  '1.50',
  '\u00a0',
);
const odd = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
const plain = fc.constantFrom('a', 'docdb', 'vol-1', 'x-{date}', 'a b', 'x#y', 'é😀', '12:30', '~', 'true');
const word = fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: odd });
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const key = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('service', 'resource', 'name', 'tags', 'defaults', 'snapshots', 'profile') },
  { weight: 1, arbitrary: odd },
);
const scalar = fc.record({
  style: fc.constantFrom('plain', 'plain', 'single', 'double', 'empty', 'flow', 'nextLine'),
  text: word,
  trailing: fc.nat(2),
  comment: sometimes(word.map((w) => `#${w}`)),
});
type Scalar = typeof scalar extends fc.Arbitrary<infer T> ? T : never;
type Node = { scalar: Scalar } | { map: Array<[string, Node]> } | { seq: Array<Array<[string, Node]>> };
const tree = fc.letrec<{ node: Node; map: Array<[string, Node]>; seq: Array<Array<[string, Node]>> }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    scalar.map((s) => ({ scalar: s })),
    tie('map').map((m) => ({ map: m })),
    tie('seq').map((s) => ({ seq: s })),
  ),
  // Keys mostly unique in a map (the fast reader leaves duplicates to yaml).
  map: fc.oneof(
    {
      weight: 5,
      arbitrary: fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
    },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) },
  ),
  seq: fc.array(tie('map'), { minLength: 1, maxLength: 3 }),
})).map;
const layout = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  dashSame: fc.boolean(),
  dashGap: fc.integer({ min: 1, max: 2 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  trivia: fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.option(word)), { maxLength: 4 }),
  damage: sometimes(fc.tuple(fc.nat(), fc.constantFrom('indent', 'dedent', 'tab', 'marker', 'colon', 'cut'))),
});

function renderScalar(s: Scalar): string {
  const quoted = { single: `'${s.text.replace(/'/g, "''")}'`, double: `"${s.text}"`, empty: '', flow: '[]' };
  const value = s.style === 'plain' ? s.text : quoted[s.style as keyof typeof quoted];
  // (An empty value with a comment is left to yaml: keep it rare so most plans exercise the fast reader.)
  const comment = s.comment === null || (value === '' && s.trailing < 2) ? '' : ` ${s.comment}`;
  return `${value === '' ? '' : ' '}${value}${' '.repeat(s.trailing)}${comment}`;
}

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function renderMap(map: Array<[string, Node]>, indent: number, l: Layout, first?: string): string[] {
  const lines: string[] = [];
  map.forEach(([k, node], i) => {
    const head = i === 0 && first !== undefined ? first : ' '.repeat(indent);
    if ('scalar' in node && node.scalar.style === 'nextLine') {
      // `key:` and `[]` on the next line, as the incremental parse writes a blanked-out list.
      lines.push(`${head}${k}:`, `${' '.repeat(indent + l.step)}${renderScalar({ ...node.scalar, style: 'flow' })}`);
    } else if ('scalar' in node) lines.push(`${head}${k}:${renderScalar(node.scalar)}`);
    else if ('map' in node) lines.push(`${head}${k}:`, ...renderMap(node.map, indent + l.step, l));
    else {
      lines.push(`${head}${k}:`);
      const at = l.dashSame ? indent : indent + l.step;
      for (const item of node.seq) {
        lines.push(...renderMap(item, at + 1 + l.dashGap, l, `${' '.repeat(at)}-${' '.repeat(l.dashGap)}`));
      }
    }
  });
  return lines;
}

function render(root: Array<[string, Node]>, l: Layout): string {
  const lines = renderMap(root, 0, l);
  for (const [at, indent, comment] of l.trivia) {
    lines.splice(at % (lines.length + 1), 0, ' '.repeat(indent) + (comment === null ? '' : `#${comment}`));
  }
  if (l.damage) {
    const [at, how] = l.damage;
    const i = at % lines.length;
    const line = lines[i] as string;
    lines[i] = {
      indent: ` ${line}`,
      dedent: line.replace(/^ /, ''),
      tab: line.replace(/ /, '\t'),
      marker: '---',
      colon: `${line}:`,
      cut: line.slice(0, Math.floor(line.length / 2)),
    }[how];
  }
  const text = lines.join(l.crlf ? '\r\n' : '\n');
  return l.finalNewline ? text + (l.crlf ? '\r\n' : '\n') : text;
}

test('property: for random plans in and around the simple style, the fast reader is yaml or steps aside', () => {
  let taken = 0;
  let runs = 0;
  fc.assert(
    fc.property(tree, layout, (root, l) => {
      runs++;
      if (assertSameAsYaml(render(root, l))) taken++;
    }),
    { numRuns: 1000 },
  );
  // The generator must exercise the fast reader, not only its refusals.
  assert.ok(taken > runs / 10, `only ${taken} of ${runs} random plans were read fast`);
});
