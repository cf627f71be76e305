// The plan language server over a real LSP connection (IPC), with the local emulator as the account.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type CallRecord } from '../../../emulator';
import { examplePlan } from '../../../src/plans/example';
import type { DryRunResult, ResolveResult } from '../../../src/plans/protocol';
import { startPlanServer, type PlanServer } from './lspHarness';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let server: PlanServer;

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 0, verifySignatures: true });
  server = await startPlanServer({ emulatorUrl: emulator.url });
});

after(async () => {
  await server?.stop();
  await emulator?.stop();
});

const calls = async (): Promise<CallRecord[]> =>
  (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as CallRecord[];

const plan = [
  'defaults:',
  '  profile: demo',
  '  region: us-east-1',
  'snapshots:',
  '  - service: neptune-graph',
  '    resource: g-nope000000',
  '    name: a-{date}',
  '  - service: neptune-graph',
  '    resource: customer-graph',
  '    name: customer-graph-2025-06-01',
  '  - service: docdb',
  '    resource: analytics-docdb',
  '    name: before-release',
  '',
].join('\n');

test('static diagnostics arrive at once; live ones (missing resource, taken name, state) follow', async () => {
  const uri = await server.open('live.snapshots.yaml', plan);
  const diagnostics = await server.diagnostics(
    uri,
    (d) => d.some((x) => x.code === 'name-taken') && d.some((x) => x.code === 'resource-not-found'),
  );
  const byCode = new Map(diagnostics.map((d) => [d.code, d]));
  assert.equal(byCode.get('resource-not-found')?.range.start.line, 5);
  assert.equal(byCode.get('resource-not-found')?.severity, 1);
  assert.match(byCode.get('resource-not-found')?.message ?? '', /No graph `g-nope000000` in profile `demo`, us-east-1/);
  assert.equal(byCode.get('name-taken')?.range.start.line, 9);
  assert.deepEqual(byCode.get('name-taken')?.range, {
    start: { line: 9, character: 10 },
    end: { line: 9, character: 35 },
  });
  assert.equal(byCode.get('resource-state')?.range.start.line, 11, 'the modifying cluster is flagged');
  assert.equal(byCode.get('resource-state')?.severity, 2);
});

test('an edit is diagnosed again from the cache, without new AWS calls', async () => {
  const uri = await server.open('edit.snapshots.yaml', plan);
  await server.diagnostics(uri, (d) => d.some((x) => x.code === 'name-taken'));
  const before = (await calls()).length;
  await server.change(uri, 2, plan.replace('name: a-{date}', 'name: Bad_{date}'));
  const diagnostics = await server.diagnostics(
    uri,
    (d) => d.some((x) => x.code === 'invalid-value') && d.some((x) => x.code === 'name-taken'),
  );
  assert.ok(diagnostics.some((d) => d.code === 'resource-not-found'));
  assert.equal((await calls()).length, before, 'no AWS call for an edit while the cache is warm');
});

test('a profile without credentials gives one informational diagnostic, not one per entry', async () => {
  const text = plan.replace('profile: demo', 'profile: nocreds');
  const uri = await server.open('nocreds.snapshots.yaml', text);
  const diagnostics = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'live-unavailable'));
  const live = diagnostics.filter((d) => d.code === 'live-unavailable');
  assert.equal(live.length, 1);
  assert.equal(live[0]?.severity, 3);
  assert.match(live[0]?.message ?? '', /Live checks skipped for 3 entries/);
  assert.equal(diagnostics.filter((d) => ['resource-not-found', 'name-taken'].includes(d.code)).length, 0);
});

test('completion offers live resource ids with their status', async () => {
  const text =
    'defaults: { profile: demo, region: us-east-1 }\nsnapshots:\n  - service: neptune-graph\n    resource: \n';
  const uri = await server.open('complete.snapshots.yaml', text);
  const items = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 3, character: 14 },
  })) as Array<{ label: string; detail?: string }>;
  const byLabel = new Map(items.map((i) => [i.label, i.detail]));
  assert.match(byLabel.get('g-cust0demo1') ?? '', /^AVAILABLE · customer-graph/);
  assert.match(byLabel.get('g-reco0demo3') ?? '', /^STOPPED/);
});

test('hover shows a resource’s status and ARN', async () => {
  const text =
    'defaults: { profile: demo, region: us-east-1 }\nsnapshots:\n  - service: docdb\n    resource: orders-prod\n    name: x\n';
  const uri = await server.open('hover.snapshots.yaml', text);
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: 16 },
  })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /orders-prod.*available/);
  assert.match(hover?.contents.value ?? '', /ARN: `arn:aws:rds:us-east-1:123456789012:cluster:orders-prod`/);
});

test('code lenses offer Dry run and Run plan', async () => {
  const uri = await server.open('lens.snapshots.yaml', plan);
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{
    command: { title: string; command: string; arguments: unknown[] };
  }>;
  assert.deepEqual(
    lenses.map((l) => [l.command.title, l.command.command, l.command.arguments]),
    [
      ['Dry run', 'snapshotExplorer.dryRunPlan', [uri]],
      ['Run plan', 'snapshotExplorer.runPlan', [uri]],
    ],
  );
});

test('dry run lists the right calls with expanded names, and creates nothing', async () => {
  const text = [
    'defaults: { profile: demo, region: us-east-1, name: "{resource}-rel-{date}", description: "rel {date}" }',
    'snapshots:',
    '  - { service: neptune-graph, resource: customer-graph }',
    '  - { service: storagegateway, resource: vol-1122AABB }',
    '  - { service: docdb, resource: eu-sessions, region: eu-west-1 }',
    '  - { service: simspaceweaver, resource: city-traffic, bucket: weaver-demo-snapshots-use1 }',
    '',
  ].join('\n');
  const uri = await server.open('dry.snapshots.yaml', text);
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const result = (await server.connection.sendRequest('snapshotPlans/dryRun', { uri })) as DryRunResult;
  assert.equal(result.errorCount, 0, result.markdown);
  assert.deepEqual(
    result.calls.map((c) => [c.operation, c.region, c.resourceId, c.input.values]),
    [
      ['CreateGraphSnapshot', 'us-east-1', 'g-cust0demo1', { snapshotName: `customer-graph-rel-${date}` }],
      [
        'CreateSnapshot',
        'us-east-1',
        'arn:aws:storagegateway:us-east-1:123456789012:gateway/sgw-12A3456B/volume/vol-1122AABB',
        { SnapshotDescription: `rel ${date}` },
      ],
      [
        'CreateDBClusterSnapshot',
        'eu-west-1',
        'eu-sessions',
        { DBClusterSnapshotIdentifier: `eu-sessions-rel-${date}` },
      ],
      ['CreateSnapshot', 'us-east-1', 'city-traffic', { BucketName: 'weaver-demo-snapshots-use1' }],
    ],
  );
  assert.match(result.markdown, /\*\*4 snapshots\*\* would be requested/);
  assert.equal((await calls()).filter((c) => c.operation.startsWith('Create')).length, 0, 'a dry run creates nothing');
});

test('resolve returns the entries to run, or refuses with the errors', async () => {
  const good = await server.open(
    'resolve.snapshots.yaml',
    'defaults: { profile: demo, region: us-east-1 }\nsnapshots:\n  - { service: docdb, resource: orders-prod, name: a }\n  - { service: docdb, resource: catalog-dev, name: b }\n',
  );
  const ok = (await server.connection.sendRequest('snapshotPlans/resolve', { uri: good })) as ResolveResult;
  assert.equal(ok.errorCount, 0);
  assert.deepEqual(ok.perService, [{ service: 'docdb', label: 'DocumentDB', count: 2 }]);
  assert.deepEqual(
    ok.entries.map((e) => [e.line, e.resource, e.input.values]),
    [
      [3, 'orders-prod', { DBClusterSnapshotIdentifier: 'a' }],
      [4, 'catalog-dev', { DBClusterSnapshotIdentifier: 'b' }],
    ],
  );
  assert.deepEqual(ok.expectedFailures, [], 'both clusters are available');
  const failing = await server.open(
    'failing.snapshots.yaml',
    'defaults: { profile: demo, region: us-east-1 }\nsnapshots:\n  - { service: docdb, resource: orders-prod, name: a }\n  - { service: neptune-graph, resource: recommendations, name: b }\n  - { service: docdb, resource: ghost, name: c }\n',
  );
  const expected = (await server.connection.sendRequest('snapshotPlans/resolve', { uri: failing })) as ResolveResult;
  assert.equal(expected.errorCount, 0, 'live problems do not block the run: the confirmation names them');
  assert.deepEqual(
    expected.expectedFailures.map((f) => [f.index, f.line, f.resource, f.reason]),
    [
      [1, 4, 'recommendations', 'The graph `recommendations` is stopped (a snapshot needs it available)'],
      [2, 5, 'ghost', 'No cluster `ghost` in profile `demo`, us-east-1 (matched against ids, names and ARNs).'],
    ],
  );
  const bad = await server.open(
    'bad.snapshots.yaml',
    'snapshots:\n  - { service: docdb, resource: orders-prod, name: "a--b", profile: demo }\n',
  );
  const refused = (await server.connection.sendRequest('snapshotPlans/resolve', { uri: bad })) as ResolveResult;
  assert.ok(refused.errorCount > 0);
  assert.deepEqual(refused.entries, []);
  assert.match(refused.problems[0] ?? '', /^line 2: /);
});

test('the shipped example plan passes every check, live ones included, against the demo account', async () => {
  const uri = await server.open('release.snapshots.yaml', examplePlan);
  const result = (await server.connection.sendRequest('snapshotPlans/dryRun', { uri })) as DryRunResult;
  assert.equal(result.errorCount, 0, result.markdown);
  assert.equal(result.calls.length, 6);
  assert.deepEqual(
    result.calls.filter((c) => !c.resourceId || c.problems.length > 0),
    [],
    'every resource was found and nothing is flagged',
  );
});

test('the bundled server (dist/server.js) answers live diagnostics too', async (t) => {
  if (!existsSync(path.resolve(import.meta.dirname, '../../../dist/server.js'))) {
    t.skip('dist/server.js is not built (npm test builds it first)');
    return;
  }
  const bundled = await startPlanServer({ emulatorUrl: emulator.url, mode: 'bundle' });
  try {
    const uri = await bundled.open('bundle.snapshots.yaml', plan);
    const diagnostics = await bundled.diagnostics(uri, (d) => d.some((x) => x.code === 'resource-not-found'));
    assert.ok(diagnostics.some((d) => d.code === 'name-taken'));
  } finally {
    await bundled.stop();
  }
});

test('live checks fail closed: a missing endpoint override is reported, and no call goes anywhere', async () => {
  // The extension has seen an override for every service, but the settings it sends now lack it.
  const lost = await startPlanServer({
    emulatorUrl: emulator.url,
    settings: { endpoints: {}, knownEndpoints: { '*': emulator.url } },
  });
  try {
    const before = (await calls()).length;
    const uri = await lost.open('lost.snapshots.yaml', plan);
    const diagnostics = await lost.diagnostics(uri, (d) => d.some((x) => x.code === 'live-unavailable'));
    const live = diagnostics.filter((d) => d.code === 'live-unavailable');
    assert.ok(live.length >= 1);
    assert.match(live[0]?.message ?? '', /Endpoint override not available/);
    assert.equal((await calls()).length, before, 'no call reached the emulator either');
  } finally {
    await lost.stop();
  }
});
