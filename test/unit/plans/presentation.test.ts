// How plan facts read: one date format (src/dates.ts) in hovers, dry runs and reports; a resource that cannot be
// snapshotted said without repeating words; a resource hover naming its ARN once; the dry run's narrow tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../../src/dates';
import { dryRunPlan } from '../../../src/plans/dryRun';
import { describeResource } from '../../../src/plans/hover';
import { completeLiveDiagnostics } from '../../../src/plans/liveChecks';
import { LiveCache } from '../../../src/plans/liveSource';
import { messages, stateSentence } from '../../../src/plans/messages';
import { formatRunReport } from '../../../src/plans/report';
import type { RunReport } from '../../../src/plans/run';
import { analyzePlan } from '../../../src/plans/validate';
import type { Resource } from '../../../src/services/service';
import { env as planEnv } from '../../support/fakePlanServices';
import { fakeAccount, resource } from './fakeLive';

test('one date format: UTC to the minute, from a Date or ms; nothing for no date or an invalid one', () => {
  const at = Date.UTC(2026, 11, 2, 3, 36, 1);
  assert.equal(formatDateTime(new Date(at)), '2026-12-02 03:36 UTC');
  assert.equal(formatDateTime(at), '2026-12-02 03:36 UTC');
  assert.equal(formatDateTime(undefined), undefined);
  assert.equal(formatDateTime(new Date('nope')), undefined);
});

test('a resource that cannot be snapshotted is said once: no "is modifying: cluster is modifying"', () => {
  const reason = 'cluster is modifying (a snapshot needs it available)';
  assert.equal(
    messages.resourceState('cluster', 'orders-prod', 'modifying', reason),
    'The cluster `orders-prod` is modifying (a snapshot needs it available)',
  );
  assert.equal(
    stateSentence('graph', 'g', 'SNAPSHOTTING', 'a snapshot of this graph is already in progress'),
    'The graph g is SNAPSHOTTING: a snapshot of this graph is already in progress',
  );
  assert.equal(
    stateSentence('volume', 'vol-1', 'AVAILABLE', 'gateway is offline'),
    'The volume vol-1 is AVAILABLE: gateway is offline',
  );
  assert.equal(
    stateSentence('simulation', 's', 'STOPPED', 'simulation stopped: start it first'),
    'The simulation s stopped: start it first',
  );
});

test('the live check of a modifying cluster repeats no word', async () => {
  const analysis = analyzePlan(
    'defaults:\n  profile: default\n  region: us-east-1\nsnapshots:\n  - service: docdb\n    resource: orders-prod\n    name: orders-plan\n',
    planEnv,
  );
  const cache = new LiveCache(
    fakeAccount([
      resource(
        'docdb',
        'orders-prod',
        'orders-prod',
        'modifying',
        'cluster is modifying (a snapshot needs it available)',
      ),
    ]),
  );
  const diagnostics = await completeLiveDiagnostics(analysis, cache);
  const state = diagnostics.find((d) => d.code === 'resource-state');
  assert.equal(state?.message, 'The cluster `orders-prod` is modifying (a snapshot needs it available)');
});

test('a resource hover names its ARN once and its creation date in the one format', () => {
  const arn = 'arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-1/volume/vol-1';
  const volume: Resource = {
    service: 'storagegateway',
    id: arn,
    displayId: 'vol-1',
    name: 'vol-1',
    arn,
    status: 'AVAILABLE',
    summary: '1 GiB · cached',
    createdAt: new Date(Date.UTC(2026, 11, 2, 3, 36, 1)),
    snapshottable: { ok: true },
    details: [
      ['Volume ID', 'vol-1'],
      ['ARN', arn],
      ['Status', 'AVAILABLE'],
      ['Created', '2026-12-02T03:36:01.000Z'],
      ['Gateway', 'sgw-1'],
    ],
  };
  const markdown = describeResource(volume);
  assert.equal(markdown.split(arn).length - 1, 1, markdown);
  assert.match(markdown, /Created: 2026-12-02 03:36 UTC/);
  assert.doesNotMatch(markdown, /T03:36:01|12\/2\/2026/);
  assert.match(markdown, /Gateway: sgw-1/);
  assert.match(markdown, /^\*\*vol-1\*\* — AVAILABLE/);
});

test('the dry run: a narrow overview table, then each call’s inputs as rows; dates in the one format', () => {
  const analysis = analyzePlan(
    "defaults:\n  profile: default\n  region: us-east-1\nsnapshots:\n  - service: docdb\n    resource: orders\n    name: 'orders-{date}'\n    tags:\n      team: data\n",
    planEnv,
  );
  const dry = dryRunPlan(analysis, { title: 'release.snapshots.yaml' });
  assert.match(dry.markdown, /Names are expanded for 2026-11-23 14:05 UTC;/);
  assert.match(
    dry.markdown,
    /Every entry runs in profile \/ region `default \/ us-east-1`\.\n\n\| Line \| Service \| Resource \| Live \|\n\| ---: \| --- \| --- \| --- \|\n\| 5 \| DocumentDB \| `orders` \| not checked \|/,
  );
  assert.match(dry.markdown, /### Line 5: `CreateDBClusterSnapshot` of `orders`\n\n\| Input \| Value \|/);
  assert.match(dry.markdown, /\| DBClusterSnapshotIdentifier \| `orders-20261123` \|/);
  assert.match(dry.markdown, /\| tag team \| `data` \|/);
  assert.doesNotMatch(dry.markdown, /<br>/, 'no cells stacked with line breaks');
});

test('the run report: dates in the one format, skipped entries said, inputs in rows of their own', () => {
  const entry = (index: number, resourceId: string) => ({
    index,
    line: 5 + index,
    service: 'docdb',
    profile: 'default',
    region: 'us-east-1',
    resource: resourceId,
    input: { values: { DBClusterSnapshotIdentifier: `${resourceId}-plan` }, tags: [] },
  });
  const report: RunReport = {
    entries: [
      { entry: entry(0, 'orders'), outcome: 'created', snapshotId: 'orders-plan', durationMs: 5 },
      { entry: entry(1, 'busy'), outcome: 'skipped', message: 'expected to fail: busy is modifying', durationMs: 0 },
    ],
    created: 1,
    failed: 0,
    cancelled: 0,
    skipped: 1,
    deleted: 0,
    deleteFailed: 0,
    startedAt: new Date(Date.UTC(2026, 11, 2, 3, 36, 1)),
    finishedAt: new Date(Date.UTC(2026, 11, 2, 3, 36, 3)),
  };
  const markdown = formatRunReport(report, 'release.snapshots.yaml', () => 'DocumentDB');
  assert.match(markdown, /Started 2026-12-02 03:36 UTC, finished after 2\.0 s\./);
  assert.match(markdown, /\*\*1 of 2 snapshots requested\*\*, 1 skipped\./);
  assert.match(markdown, /\| 6 \| DocumentDB \| `busy` \| ⏭ skipped: expected to fail: busy is modifying \|/);
  const elsewhere = formatRunReport(
    {
      ...report,
      entries: [report.entries[0]!, { ...report.entries[1]!, entry: { ...entry(1, 'busy'), region: 'eu-west-1' } }],
    },
    'release.snapshots.yaml',
    () => 'DocumentDB',
  );
  assert.match(
    elsewhere,
    /\| Line \| Service \| Resource \| Profile \/ region \| Outcome \|/,
    'entries in several places: a column',
  );
  assert.match(elsewhere, /\| 6 \| DocumentDB \| `busy` \| default \/ eu-west-1 \| ⏭ skipped/);
  assert.match(
    markdown,
    /## Inputs\n\n\| Line \| Input \| Value \|\n\| ---: \| --- \| --- \|\n\| 5 \| DBClusterSnapshotIdentifier \| `orders-plan` \|/,
  );
});
