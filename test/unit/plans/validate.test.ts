import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanEnvironment } from '../../../src/plans/catalog';
import { analyzePlan } from '../../../src/plans/validate';
import { env } from '../../support/fakePlanServices';

const plan = (...lines: string[]): string => lines.join('\n') + '\n';
const findings = (text: string, e: PlanEnvironment = env) =>
  analyzePlan(text, e).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    at: text.slice(d.span.start, d.span.end),
    message: d.message,
  }));

test('a valid plan has no findings and resolves every entry', () => {
  const text = plan(
    'defaults:',
    '  profile: prod',
    '  name: "{resource}-{date}"',
    '  description: "Release {date} of {resource}"',
    '  bucket: sim-snapshots',
    '  tags: { team: data }',
    'snapshots:',
    '  - service: neptune-graph',
    '    resource: g-abcdefghij',
    '  - service: storagegateway',
    '    resource: vol-1',
    '    tags: { team: storage, owner: "{profile}" }',
    '  - service: docdb',
    '    resource: prod-db',
    '    region: us-west-2',
    '  - service: simspaceweaver',
    '    resource: sim',
    '    prefix: "{date}/"',
  );
  const analysis = analyzePlan(text, env);
  assert.deepEqual(analysis.diagnostics, []);
  assert.equal(analysis.errorCount, 0);
  assert.deepEqual(
    analysis.entries.map((e) => [e.service.id, e.profile, e.region, e.values, e.tags, e.ok]),
    [
      [
        'neptune-graph',
        'prod',
        'eu-west-1',
        { snapshotName: 'g-abcdefghij-20261123' },
        [{ key: 'team', value: 'data' }],
        true,
      ],
      [
        'storagegateway',
        'prod',
        'eu-west-1',
        { SnapshotDescription: 'Release 20261123 of vol-1' },
        [
          { key: 'team', value: 'storage' },
          { key: 'owner', value: 'prod' },
        ],
        true,
      ],
      [
        'docdb',
        'prod',
        'us-west-2',
        { DBClusterSnapshotIdentifier: 'prod-db-20261123' },
        [{ key: 'team', value: 'data' }],
        true,
      ],
      ['simspaceweaver', 'prod', 'eu-west-1', { BucketName: 'sim-snapshots', ObjectKeyPrefix: '20261123/' }, [], true],
    ],
  );
});

test('rules are checked on the expanded value, and the message says the expanded value', () => {
  const text = plan('snapshots:', '  - service: neptune-graph', '    resource: G-ABC', '    name: "{resource}-{date}"');
  const [first] = findings(text);
  assert.equal(first?.code, 'invalid-value');
  assert.equal(first?.at, '"{resource}-{date}"');
  assert.equal(
    first?.message,
    'Snapshot name `G-ABC-20261123` (expanded from `{resource}-{date}`): must start with a lowercase letter',
  );
});

test('a literal value is flagged at the exact offending character', () => {
  const text = plan('snapshots:', '  - service: neptune-graph', '    resource: g-1', '    name: release_1');
  const [first] = findings(text);
  assert.equal(first?.at, '_');
  assert.match(first?.message ?? '', /must not contain `_`/);
});

test('a template problem names the variable and the field whose expansion failed', () => {
  const text = plan('snapshots:', '  - service: docdb', '    resource: db', "    name: '{resource}-{dat}'");
  const [first, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(first?.code, 'template');
  assert.equal(first?.at, '{dat}');
  assert.match(first?.message ?? '', /^Cannot expand the snapshot identifier: unknown variable `\{dat\}`/);
});

test('a template problem in defaults is reported once, at defaults', () => {
  const text = plan(
    'defaults:',
    '  name: x-{nope}',
    'snapshots:',
    '  - { service: docdb, resource: a }',
    '  - { service: docdb, resource: b }',
  );
  const template = findings(text).filter((f) => f.code === 'template');
  assert.equal(template.length, 1);
  assert.equal(template[0]?.at, '{nope}');
});

test('a constant default is checked once per service that uses it, at defaults', () => {
  const text = plan(
    'defaults:',
    '  name: Bad_Name',
    'snapshots:',
    '  - { service: neptune-graph, resource: a }',
    '  - { service: neptune-graph, resource: b }',
  );
  const invalid = findings(text).filter((f) => f.code === 'invalid-value' && f.severity === 'error');
  assert.ok(invalid.length >= 1);
  assert.ok(invalid.every((f) => f.at === 'Bad_Name'));
  assert.equal(new Set(invalid.map((f) => f.message)).size, invalid.length, 'no repeated findings');
});

test('a default template that fails for one entry is reported on that entry', () => {
  const text = plan(
    'defaults:',
    '  name: "{resource}-x"',
    'snapshots:',
    '  - { service: neptune-graph, resource: good }',
    '  - { service: neptune-graph, resource: Bad }',
  );
  const [first, ...rest] = findings(text);
  assert.equal(rest.length, 1, 'R is both not-lowercase-first and a bad character');
  assert.equal(first?.at, 'Bad');
  assert.match(first?.message ?? '', /`Bad-x` \(expanded from `\{resource\}-x` in `defaults`\)/);
});

test('missing service, resource and required inputs are reported', () => {
  const text = plan(
    'snapshots:',
    '  - resource: a',
    '  - service: docdb',
    '  - service: storagegateway',
    '    resource: vol-1',
  );
  const f = findings(text);
  assert.deepEqual(
    f.map((x) => [x.code, x.message]),
    [
      ['missing-input', 'Entry 1 has no `service`.'],
      ['missing-input', 'Entry 2 has no `resource`.'],
      [
        'missing-input',
        'Storage Gateway needs a snapshot description: add `description:` to this entry or to `defaults`.',
      ],
    ],
  );
  assert.equal(f[2]?.at, 'vol-1');
});

test('unknown service, with a suggestion', () => {
  const [first] = findings(plan('snapshots:', '  - service: neptune', '    resource: g-1', '    name: a'));
  assert.equal(first?.code, 'unknown-service');
  assert.equal(first?.at, 'neptune');
  assert.match(first?.message ?? '', /Did you mean `neptune-graph`\?/);
});

test('unknown profiles: per entry, once for defaults, and no fallback when there is no default profile', () => {
  const text = plan(
    'defaults:',
    '  profile: stagng',
    'snapshots:',
    '  - { service: docdb, resource: a, name: a }',
    '  - { service: docdb, resource: b, name: b, profile: nope }',
  );
  const f = findings(text).filter((x) => x.code === 'unknown-profile');
  assert.deepEqual(
    f.map((x) => x.at),
    ['stagng', 'nope'],
  );
  assert.match(f[0]?.message ?? '', /No AWS profile named `stagng`.*`default`, `prod`/);
  const noDefault = { ...env, profiles: [{ name: 'prod', region: 'eu-west-1' }] };
  const g = findings(plan('snapshots:', '  - { service: docdb, resource: a, name: a }'), noDefault);
  assert.equal(g[0]?.code, 'unknown-profile');
  assert.equal(g[0]?.at, 'a');
});

test('profiles are not checked when they could not be read', () => {
  const text = plan('snapshots:', '  - { service: docdb, resource: a, name: a, profile: anything, region: us-east-1 }');
  assert.deepEqual(findings(text, { ...env, profiles: undefined }), []);
});

test('unknown region, missing region, and a service not offered in the region', () => {
  const f = findings(
    plan(
      'snapshots:',
      '  - { service: docdb, resource: a, name: a, region: eu-wset-1 }',
      '  - { service: docdb, resource: b, name: b, profile: noregion }',
      '  - { service: neptune-graph, resource: c, name: c, region: af-south-1 }',
    ),
  );
  assert.deepEqual(
    f.map((x) => [x.code, x.at]),
    [
      ['unknown-region', 'eu-wset-1'],
      ['unknown-region', 'b'],
      ['not-offered', 'af-south-1'],
    ],
  );
  assert.match(f[0]?.message ?? '', /Did you mean `eu-west-1`\?/);
  assert.equal(f[2]?.message, 'Neptune Analytics is not offered in af-south-1.');
});

test('duplicates: the same resource twice is a warning; the same name twice an error (as the service stores it)', () => {
  const text = plan(
    'snapshots:',
    '  - { service: docdb, resource: a, name: Same-Name }',
    '  - { service: docdb, resource: a, name: same-name }',
    '  - { service: docdb, resource: a, name: other, region: us-west-2 }',
  );
  const f = findings(text).filter((x) => x.code === 'duplicate');
  assert.deepEqual(
    f.map((x) => [x.severity, x.at]),
    [
      ['warning', 'a'],
      ['error', 'same-name'],
    ],
  );
  assert.match(f[1]?.message ?? '', /already used at line 2/);
});

test('keys a service does not take are flagged, defaults apply only where they fit', () => {
  const text = plan(
    'defaults:',
    '  description: d',
    'snapshots:',
    '  - { service: neptune-graph, resource: a, name: a, bucket: b }',
    '  - { service: simspaceweaver, resource: s, bucket: bkt, tags: { a: b } }',
  );
  const f = findings(text);
  assert.deepEqual(
    f.map((x) => [x.code, x.severity, x.at]),
    [
      ['not-applicable', 'warning', 'bucket'],
      ['not-applicable', 'warning', 'tags'],
    ],
  );
  assert.match(f[0]?.message ?? '', /Neptune Analytics snapshots take no `bucket`; this service takes `name`/);
});

test('tag rules: keys, expanded values, and the count of merged tags', () => {
  const text = plan(
    'defaults:',
    '  tags: { a: "1", b: "2" }',
    'snapshots:',
    '  - service: docdb',
    '    resource: a',
    '    name: a',
    '    tags: { "aws:x": "3", c: "{timestamp}-{timestamp}" }',
  );
  const f = findings(text);
  assert.deepEqual(
    f.map((x) => [x.code, x.at]),
    [
      ['invalid-value', 'aws:'],
      ['invalid-value', '"{timestamp}-{timestamp}"'],
      ['invalid-value', 'tags'],
    ],
  );
  assert.match(f[1]?.message ?? '', /Tag `c` value `20261123-140509-20261123-140509`: must be at most 20 characters/);
  assert.match(f[2]?.message ?? '', /4 tags, but DocumentDB takes at most 3/);
});

test('warnings of a rule stay warnings and do not make the entry fail', () => {
  const analysis = analyzePlan(plan('snapshots:', '  - { service: docdb, resource: a, name: Upper }'), env);
  assert.equal(analysis.diagnostics[0]?.severity, 'warning');
  assert.equal(analysis.errorCount, 0);
  assert.equal(analysis.entries[0]?.ok, true);
  assert.equal(analysis.entries[0]?.inputs[0]?.normalized, 'upper');
});

test('a syntax error anywhere marks every entry as not ok', () => {
  const analysis = analyzePlan(plan('snapshots:', '  - { service: docdb, resource: a, name: a }', 'bad: [', ''), env);
  assert.ok(analysis.errorCount > 0);
  assert.ok(analysis.entries.every((e) => !e.ok));
});
