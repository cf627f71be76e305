import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dryRunPlan } from '../../../src/plans/dryRun';
import { completeLiveDiagnostics, findResource } from '../../../src/plans/liveChecks';
import { LiveCache } from '../../../src/plans/liveSource';
import { analyzePlan } from '../../../src/plans/validate';
import { env } from '../../support/fakePlanServices';
import { fakeAccount, resource } from './fakeLive';

const text = [
  'defaults: { profile: default, region: us-east-1, tags: { team: data } }',
  'snapshots:',
  '  - { service: neptune-graph, resource: release, name: "{resource}-{date}" }',
  '  - { service: storagegateway, resource: vol-1, description: "Release | {date}" }',
  '  - { service: docdb, resource: ghost, name: g }',
  '',
].join('\n');

test('a dry run lists every call with expanded inputs, tags, and live facts', async () => {
  const analysis = analyzePlan(text, env);
  const cache = new LiveCache(
    fakeAccount([resource('neptune-graph', 'g-1', 'release'), resource('storagegateway', 'vol-1')]),
  );
  const live = await completeLiveDiagnostics(analysis, cache);
  const lookup = (e: (typeof analysis.entries)[number]) => {
    const listed = cache.peekResources(e.service.id, e.profile, e.region);
    return listed?.status === 'ok' ? findResource(listed.value, e.resource) : undefined;
  };
  const dry = dryRunPlan(analysis, { title: 'release.snapshots.yaml', live, lookup });
  assert.deepEqual(
    dry.calls.map((c) => [
      c.operation,
      c.resource,
      c.resourceId,
      c.input.values,
      c.input.tags,
      c.line,
      c.problems.length,
    ]),
    [
      [
        'CreateGraphSnapshot',
        'release',
        'g-1',
        { snapshotName: 'release-20261123' },
        [{ key: 'team', value: 'data' }],
        3,
        0,
      ],
      [
        'CreateSnapshot',
        'vol-1',
        'vol-1',
        { SnapshotDescription: 'Release | 20261123' },
        [{ key: 'team', value: 'data' }],
        4,
        0,
      ],
      [
        'CreateDBClusterSnapshot',
        'ghost',
        undefined,
        { DBClusterSnapshotIdentifier: 'g' },
        [{ key: 'team', value: 'data' }],
        5,
        1,
      ],
    ],
  );
  assert.equal(dry.errorCount, 1);
  assert.match(dry.markdown, /^# Dry run: release\.snapshots\.yaml/);
  assert.match(
    dry.markdown,
    /\*\*3 snapshots\*\* would be requested: 1 × Neptune Analytics \(CreateGraphSnapshot\), 1 × Storage Gateway/,
  );
  assert.match(dry.markdown, /`release` → `g-1`/);
  assert.match(dry.markdown, /Release \\\| 20261123/, 'pipes are escaped inside the table');
  assert.match(dry.markdown, /\| not found \|/);
  assert.match(dry.markdown, /## Problems\n\n- line 5 \(error\): No cluster `ghost`/);
  assert.match(dry.markdown, /Run Plan refuses to start/);
});

test('a dry run without live facts says they were not checked', () => {
  const dry = dryRunPlan(analyzePlan(text, env), { title: 't' });
  assert.equal(dry.errorCount, 0);
  assert.match(dry.markdown, /\| not checked \|/);
  assert.doesNotMatch(dry.markdown, /## Problems/);
});

test('incomplete entries are counted, not silently dropped', () => {
  const dry = dryRunPlan(analyzePlan('snapshots:\n  - { service: nope, resource: a }\n', env), { title: 't' });
  assert.equal(dry.calls.length, 0);
  assert.match(dry.markdown, /1 entry is incomplete/);
});
