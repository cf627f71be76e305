import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlan } from '../../../src/plans/parse';
import { createLineIndex } from '../../../src/plans/positions';

const slice = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

test('parse keeps the exact source span of every key and value', () => {
  const text = [
    'defaults:',
    '  profile: prod',
    "  name: '{resource}-{date}'",
    '  tags:',
    '    team: data',
    '    release: 2.40',
    'snapshots:',
    '  - service: neptune-graph',
    '    resource: g-abcdefghij',
    '    name: "nightly-{time}"',
  ].join('\n');
  const { plan, diagnostics } = parsePlan(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(plan.defaults?.profile?.value, 'prod');
  assert.equal(slice(text, plan.defaults?.profile?.span ?? { start: 0, end: 0 }), 'prod');
  assert.equal(slice(text, plan.defaults?.profile?.keySpan ?? { start: 0, end: 0 }), 'profile');
  assert.equal(plan.defaults?.name?.value, '{resource}-{date}');
  assert.equal(plan.defaults?.name?.offsetShift, 1, 'a quoted value starts one character after its span');
  assert.equal(plan.defaults?.tags?.items[1]?.value.value, '2.40', 'numbers keep the text as written');
  const entry = plan.entries[0];
  assert.equal(entry?.service?.value, 'neptune-graph');
  assert.equal(slice(text, entry?.resource?.span ?? { start: 0, end: 0 }), 'g-abcdefghij');
  assert.equal(slice(text, entry?.name?.span ?? { start: 0, end: 0 }), '"nightly-{time}"');
  const lines = createLineIndex(text);
  assert.deepEqual(lines.rangeOf(entry?.resource?.span ?? { start: 0, end: 0 }), {
    start: { line: 8, character: 14 },
    end: { line: 8, character: 26 },
  });
});

test('a YAML syntax error is reported at its place', () => {
  const text = 'snapshots:\n  - service: docdb\n    resource: [unclosed\n';
  const { diagnostics } = parsePlan(text);
  const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
  assert.ok(syntax.length > 0);
  assert.ok(syntax.every((d) => d.severity === 'error' && d.span.end > d.span.start));
  assert.ok(syntax.every((d) => d.message.startsWith('YAML syntax:')));
});

test('a duplicate key is a syntax error on the second key', () => {
  const text = 'snapshots:\n  - service: docdb\n    service: docdb\n';
  const { diagnostics } = parsePlan(text);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.code, 'yaml-syntax');
  assert.equal(slice(text, diagnostics[0]?.span ?? { start: 0, end: 0 }), 'service');
  assert.equal(diagnostics[0]?.span.start, text.lastIndexOf('service'));
});

test('duplicate keys are found in every map: defaults, entries and tags', () => {
  const text =
    'defaults:\n  region: us-east-1\n  region: eu-west-1\nsnapshots:\n  - service: docdb\n    resource: a\n    tags:\n      team: x\n      team: y\n';
  const syntax = parsePlan(text).diagnostics.filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual(
    syntax.map((d) => [slice(text, d.span), d.span.start]),
    [
      ['region', text.lastIndexOf('region')],
      ['team', text.lastIndexOf('team')],
    ],
  );
});

test('unknown keys are reported on the key with a suggestion, at every level', () => {
  const text =
    'defautls: {}\ndefaults:\n  regoin: us-east-1\nsnapshots:\n  - service: docdb\n    resource: a\n    descripton: x\n';
  const { diagnostics } = parsePlan(text);
  const unknown = diagnostics.filter((d) => d.code === 'unknown-key');
  assert.deepEqual(
    unknown.map((d) => slice(text, d.span)),
    ['defautls', 'regoin', 'descripton'],
  );
  assert.match(unknown[0]?.message ?? '', /Did you mean `defaults`\?/);
  assert.match(unknown[1]?.message ?? '', /Did you mean `region`\?/);
  assert.match(unknown[2]?.message ?? '', /entry 1.*Did you mean `description`\?/);
});

test('wrong shapes are reported where they are', () => {
  const text = 'snapshots:\n  - just-a-string\n  - service: [a, b]\n    resource: x\n    tags: [a]\n';
  const { plan, diagnostics } = parsePlan(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, slice(text, d.span)]),
    [
      ['plan-shape', 'just-a-string'],
      ['plan-shape', '[a, b]'],
      ['plan-shape', '[a]'],
    ],
  );
  assert.equal(plan.entries.length, 1);
  assert.equal(plan.entries[0]?.index, 1, 'entries keep their position in the list');
});

test('snapshots must be a list, the plan a mapping', () => {
  assert.equal(
    parsePlan('snapshots: nope\n').diagnostics[0]?.message,
    '`snapshots` must be a list: start each entry with `- service: …`.',
  );
  assert.equal(parsePlan('- a\n- b\n').diagnostics[0]?.code, 'plan-shape');
});

test('an empty plan gets one hint, not an error', () => {
  const { diagnostics } = parsePlan('');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.severity, 'info');
});

test('an empty value is an empty string pointing at its key', () => {
  const text = 'snapshots:\n  - service: docdb\n    resource:\n';
  const { plan } = parsePlan(text);
  const resource = plan.entries[0]?.resource;
  assert.equal(resource?.value, '');
  assert.equal(slice(text, resource?.span ?? { start: 0, end: 0 }), 'resource');
});
