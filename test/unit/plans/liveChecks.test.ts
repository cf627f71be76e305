import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeLiveDiagnostics, findResource, liveDiagnostics } from '../../../src/plans/liveChecks';
import { LiveCache } from '../../../src/plans/liveSource';
import { analyzePlan } from '../../../src/plans/validate';
import { env } from '../../support/fakePlanServices';
import { fakeAccount, resource, snapshot } from './fakeLive';

const text = [
  'defaults: { profile: default, region: us-east-1 }',
  'snapshots:',
  '  - { service: neptune-graph, resource: g-missing, name: a }',
  '  - { service: neptune-graph, resource: busy-graph, name: b }',
  '  - { service: neptune-graph, resource: g-ok, name: taken }',
  '  - { service: neptune-graph, resource: g-ok, name: free }',
  '',
].join('\n');

const account = () =>
  fakeAccount(
    [
      resource('neptune-graph', 'g-ok', 'release'),
      resource('neptune-graph', 'g-busy', 'busy-graph', 'SNAPSHOTTING', 'a snapshot is in progress'),
    ],
    [snapshot('neptune-graph', 'g-ok', 'taken')],
  );

test('live checks: resource not found, not snapshottable, name taken', async () => {
  const analysis = analyzePlan(text, env);
  const cache = new LiveCache(account());
  const diagnostics = await completeLiveDiagnostics(analysis, cache);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]),
    [
      ['resource-not-found', 'error', 'g-missing'],
      ['resource-state', 'warning', 'busy-graph'],
      ['name-taken', 'error', 'taken'],
    ],
  );
  assert.match(diagnostics[0]?.message ?? '', /No graph `g-missing` in profile `default`, us-east-1/);
  assert.match(diagnostics[1]?.message ?? '', /is SNAPSHOTTING: a snapshot is in progress/);
});

test('live checks never wait: the first pass reports only what is cached and says what to load', async () => {
  const source = account();
  const cache = new LiveCache(source);
  const analysis = analyzePlan(text, env);
  const first = liveDiagnostics(analysis, cache);
  assert.deepEqual(first.diagnostics, []);
  assert.ok(first.loads.length > 0);
  await Promise.all(first.loads);
  assert.equal(
    source.calls.filter((c) => c.startsWith('resources')).length,
    1,
    'one listing per service, profile and region',
  );
  await completeLiveDiagnostics(analysis, cache);
  const callsAfter = source.calls.length;
  const again = liveDiagnostics(analyzePlan(text + '\n', env), cache);
  assert.equal(again.loads.length, 0, 'a warm cache answers at once');
  assert.equal(again.diagnostics.length, 3);
  assert.equal(source.calls.length, callsAfter, 'no new AWS call for an edit');
});

test('cached facts expire after their time to live', async () => {
  let now = 0;
  const source = account();
  const cache = new LiveCache(source, { ttlMs: 1000, now: () => now });
  const analysis = analyzePlan(text, env);
  await completeLiveDiagnostics(analysis, cache);
  const calls = source.calls.length;
  now = 999;
  await completeLiveDiagnostics(analysis, cache);
  assert.equal(source.calls.length, calls);
  now = 1001;
  await completeLiveDiagnostics(analysis, cache);
  assert.ok(source.calls.length > calls);
});

test('a failed live check is one informational diagnostic for the whole plan', async () => {
  const source = account();
  source.failWith = new Error('Could not load credentials from any providers');
  const analysis = analyzePlan(text, env);
  const diagnostics = await completeLiveDiagnostics(analysis, new LiveCache(source));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.severity, 'info');
  assert.equal(diagnostics[0]?.code, 'live-unavailable');
  assert.equal(text.slice(diagnostics[0]?.span.start, diagnostics[0]?.span.end), 'snapshots');
  assert.match(
    diagnostics[0]?.message ?? '',
    /Live checks skipped for 4 entries: profile `default`, us-east-1 \(Neptune Analytics\): Could not load credentials/,
  );
});

test('entries with an unknown profile or region are not checked live', async () => {
  const source = account();
  const analysis = analyzePlan(
    'snapshots:\n  - { service: docdb, resource: a, name: a, profile: ghost, region: us-east-1 }\n',
    env,
  );
  assert.deepEqual(await completeLiveDiagnostics(analysis, new LiveCache(source)), []);
  assert.deepEqual(source.calls, []);
});

test('a resource is found by id, name, ARN, or ignoring case; an ambiguous name is reported', () => {
  const rs = [resource('docdb', 'prod-db', 'Prod'), resource('docdb', 'x', 'twin'), resource('docdb', 'y', 'twin')];
  assert.equal(findResource(rs, 'prod-db').kind, 'found');
  assert.equal(findResource(rs, 'Prod').kind, 'found');
  assert.equal(findResource(rs, 'PROD-DB').kind, 'found');
  assert.equal(findResource(rs, rs[0]?.arn ?? '').kind, 'found');
  assert.equal(findResource(rs, 'twin').kind, 'ambiguous');
  assert.equal(findResource(rs, 'none').kind, 'missing');
});
