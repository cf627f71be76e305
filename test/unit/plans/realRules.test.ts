// The plan checks with the real service modules and their model-derived rules (no AWS calls).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { examplePlan } from '../../../src/plans/example';
import { analyzePlan } from '../../../src/plans/validate';
import { allRegions, services } from '../../../src/services/registry';

const env = {
  services,
  profiles: [{ name: 'demo', region: 'us-east-1' }],
  regions: allRegions,
  now: new Date(Date.UTC(2026, 10, 23, 9, 30, 0)),
};

test('the shipped example plan is the one New Snapshot Plan opens, and it is valid', () => {
  const file = readFileSync(path.join(import.meta.dirname, '../../../examples/release.snapshots.yaml'), 'utf8');
  assert.equal(file, examplePlan);
  const analysis = analyzePlan(examplePlan, env);
  assert.deepEqual(
    analysis.diagnostics.map((d) => d.message),
    [],
  );
  assert.deepEqual(
    analysis.entries.map((e) => [e.service.id, e.region, Object.values(e.values)]),
    [
      ['neptune-graph', 'us-east-1', ['customer-graph-release-20261123']],
      ['neptune-graph', 'us-east-1', ['g-frau0demo2-release-20261123']],
      ['docdb', 'us-east-1', ['orders-prod-before-release-20261123-0930']],
      ['storagegateway', 'us-east-1', ['Release 20261123: vol-1122AABB']],
      ['simspaceweaver', 'us-east-1', ['weaver-demo-snapshots-use1', 'release-20261123']],
      ['neptune-graph', 'eu-west-1', ['eu-knowledge-graph-release-20261123']],
    ],
  );
});

test('real rules: a Neptune name starting with gs- and a DocumentDB double hyphen are errors on the expanded value', () => {
  const text = [
    'defaults: { profile: demo }',
    'snapshots:',
    '  - { service: neptune-graph, resource: g-cust0demo1, name: "gs-{date}" }',
    '  - { service: docdb, resource: orders-prod, name: "{resource}--{date}" }',
    '  - { service: simspaceweaver, resource: city-traffic, bucket: Bad_Bucket }',
    '',
  ].join('\n');
  const errors = analyzePlan(text, env).diagnostics.filter((d) => d.severity === 'error');
  const at = errors.map((d) => text.slice(d.span.start, d.span.end));
  assert.ok(at.includes('"gs-{date}"'), at.join(' | '));
  assert.ok(at.includes('"{resource}--{date}"'), at.join(' | '));
  assert.ok(
    at.some((s) => s.startsWith('Bad_Bucket') || 'Bad_Bucket'.includes(s)),
    at.join(' | '),
  );
  const neptune = errors.find((d) => text.slice(d.span.start, d.span.end) === '"gs-{date}"');
  assert.match(neptune?.message ?? '', /`gs-20261123` \(expanded from `gs-\{date\}`\)/);
});
