import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCreateFlow, type CreateFlowDeps, type FlowResult } from '../../../src/snapshots/createFlow';
import { docdbRules, neptuneGraphRules, simSpaceWeaverRules, storageGatewayRules } from '../../../src/validation';
import { silentLogger } from '../../../src/log';
import { ForcefulPrompter, ScriptedPrompter, type Action } from '../../support/scriptedPrompter';
import { fakeService, noClients, resource, snapshot, type FakeService } from '../../support/fakeService';

const now = new Date(Date.UTC(2026, 10, 22, 15, 30, 0));

function deps(services: FakeService[], extra: Partial<CreateFlowDeps> = {}): CreateFlowDeps {
  return {
    clients: noClients,
    services,
    log: silentLogger,
    profiles: async () => [{ name: 'default' }, { name: 'prod' }],
    regionsFor: () => ['us-east-1', 'eu-west-1'],
    defaultTags: () => ({}),
    listBuckets: async () => [],
    now: () => now,
    ...extra,
  };
}

function docdb(options: Partial<Parameters<typeof fakeService>[0]> = {}): FakeService {
  return fakeService({
    id: 'docdb',
    label: 'DocumentDB',
    rules: docdbRules,
    resources: [
      resource('orders'),
      resource('stopped-one', { status: 'stopped', snapshottable: { ok: false, reason: 'the cluster is stopped' } }),
    ],
    ...options,
  });
}

function created(result: FlowResult) {
  assert.equal(result.kind, 'create', `expected a request, got ${JSON.stringify(result)}`);
  return result.kind === 'create' ? result.request : assert.fail();
}

const palette: Action[] = [
  { id: 'profile', pick: 'prod' },
  { id: 'region', pick: 'eu-west-1' },
  { id: 'service', pick: 'DocumentDB' },
  { id: 'resource', pick: 'orders' },
];

test('the palette path asks profile, region, service, resource, the inputs and a confirmation, with a step counter', async () => {
  const service = docdb();
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'orders-manual-1' },
    { id: 'tags', type: 'team=data, env=prod' },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([service])));
  assert.equal(request.target.profile, 'prod');
  assert.equal(request.target.region, 'eu-west-1');
  assert.equal(request.target.resource.id, 'orders');
  assert.deepEqual(request.input.values, { DBClusterSnapshotIdentifier: 'orders-manual-1' });
  assert.deepEqual(request.input.tags, [
    { key: 'team', value: 'data' },
    { key: 'env', value: 'prod' },
  ]);
  assert.deepEqual(
    prompter.shown.map((s) => `${s.id} ${s.step}/${s.totalSteps}`),
    [
      'profile 1/5',
      'region 2/5',
      'service 3/5',
      'resource 4/7',
      'field:DBClusterSnapshotIdentifier 5/7',
      'tags 6/7',
      'confirm 7/7',
    ],
  );
  assert.match(prompter.shown.at(-1)?.title ?? '', /DocumentDB.*orders/);
  assert.equal(service.createCalls.length, 0, 'the flow itself never calls create');
  assert.equal(prompter.remaining(), 0);
});

test('the confirm step lists exactly what will be sent', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'Orders-Manual' },
    { id: 'tags', type: 'team=data' },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([docdb()])));
  const lines = Object.fromEntries(request.summary.map((l) => [l.label, l.value]));
  assert.equal(lines.DBClusterIdentifier, 'orders');
  assert.equal(lines.DBClusterSnapshotIdentifier, 'Orders-Manual (stored as orders-manual)');
  assert.equal(lines.Tags, 'team=data');
  const confirm = prompter.shown.at(-1);
  const line = confirm?.items?.find((i) => i.label === 'DBClusterSnapshotIdentifier');
  assert.equal(line?.disabledReason, undefined, 'a line can be chosen');
  assert.equal(line?.detail, 'Enter: change this value');
  assert.deepEqual(
    confirm?.items?.map((i) => [i.icon, i.label]).filter(([icon]) => icon),
    [
      ['check', 'Create snapshot'],
      ['close', 'Cancel'],
    ],
    'icons apart from the words',
  );
});

test('Enter on a line of the confirm step goes back to the step that asked for its value', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'first-name' },
    { id: 'tags', type: 'a=1' },
    { id: 'confirm', pick: 'DBClusterSnapshotIdentifier' },
    { id: 'field:DBClusterSnapshotIdentifier', type: 'second-name' },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Tags' },
    { id: 'tags', type: 'a=2' },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([docdb()])));
  assert.equal(request.input.values.DBClusterSnapshotIdentifier, 'second-name');
  assert.deepEqual(request.input.tags, [{ key: 'a', value: '2' }]);
  assert.equal(prompter.remaining(), 0);
});

test('from the tree, the resource line of the confirm step offers no change', async () => {
  const service = docdb();
  const target = { profile: 'default', region: 'us-east-1', service, resource: resource('orders') };
  const prompter = new ScriptedPrompter([
    { id: 'field:DBClusterSnapshotIdentifier', enter: true },
    { id: 'tags', enter: true },
    { id: 'confirm', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service]), { target });
  const items = prompter.shown.at(-1)?.items ?? [];
  assert.equal(items.find((i) => i.label === 'DBClusterIdentifier')?.detail, undefined);
  assert.equal(items.find((i) => i.label === 'Tags')?.detail, 'Enter: change this value');
});

test('going back keeps the values typed before', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'first-name' },
    { id: 'tags', type: 'a=1' },
    { id: 'confirm', back: true },
    { id: 'tags', back: true },
    { id: 'field:DBClusterSnapshotIdentifier', enter: true },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([docdb()])));
  const reopened = prompter.shown.filter((s) => s.kind === 'input').map((s) => `${s.id}=${s.value}`);
  assert.deepEqual(reopened.slice(2), ['tags=a=1', 'field:DBClusterSnapshotIdentifier=first-name', 'tags=a=1']);
  assert.equal(request.input.values.DBClusterSnapshotIdentifier, 'first-name');
});

test('going back to the resource step highlights the resource picked before', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', back: true },
    { id: 'resource', back: true },
    { id: 'service', pick: 'DocumentDB' },
    { id: 'resource', pick: 'orders' },
    { id: 'field:DBClusterSnapshotIdentifier', cancel: true },
  ]);
  const result = await runCreateFlow(prompter, deps([docdb()]));
  assert.equal(result.kind, 'cancel');
  assert.deepEqual(
    prompter.shown.map((s) => s.id),
    [
      'profile',
      'region',
      'service',
      'resource',
      'field:DBClusterSnapshotIdentifier',
      'resource',
      'service',
      'resource',
      'field:DBClusterSnapshotIdentifier',
    ],
  );
});

test('an invalid name is refused as typed and the flow goes on only with a valid one', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: '1-starts-with-digit' },
    { id: 'field:DBClusterSnapshotIdentifier', type: 'double--hyphen' },
    { id: 'field:DBClusterSnapshotIdentifier', type: 'fine-name' },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([docdb()])));
  assert.equal(prompter.refusals.length, 2);
  assert.equal(request.input.values.DBClusterSnapshotIdentifier, 'fine-name');
});

test('capitals in a DocumentDB identifier warn that it is stored lowercase, without blocking', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'MySnap' },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([docdb()])));
  const message = prompter.messages.find((m) => m.value === 'MySnap')?.message;
  assert.equal(message?.severity, 'warning');
  assert.match(message?.message ?? '', /lowercase/i);
  assert.equal(request.input.values.DBClusterSnapshotIdentifier, 'MySnap');
});

test('a tag error points at the offending pair', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', enter: true },
    { id: 'tags', type: 'team=data, aws:owner=me' },
    { id: 'tags', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([docdb()]));
  const refusal = prompter.refusals.find((r) => r.id === 'tags');
  assert.ok(refusal, 'the bad tag was refused');
  assert.match(refusal.message, /aws:owner=me/);
  assert.match(refusal.message, /Tag 2/);
});

test('the name box opens with a valid default, and the tags box with the default tags setting', async () => {
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', enter: true },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(
    await runCreateFlow(prompter, deps([docdb()], { defaultTags: () => ({ team: 'data', 'cost center': 'x' }) })),
  );
  const name = request.input.values.DBClusterSnapshotIdentifier ?? '';
  assert.match(name, /^orders-/);
  assert.deepEqual(
    docdbRules.fields[0]?.validate(name).filter((i) => i.severity === 'error'),
    [],
  );
  assert.deepEqual(request.input.tags, [
    { key: 'team', value: 'data' },
    { key: 'cost center', value: 'x' },
  ]);
});

test('resources that cannot be snapshotted are shown disabled with the reason and cannot be picked', async () => {
  const prompter = new ScriptedPrompter([
    ...palette.slice(0, 3),
    { id: 'resource', pick: 'stopped-one' },
    { id: 'resource', cancel: true },
  ]);
  const result = await runCreateFlow(prompter, deps([docdb()]));
  assert.equal(result.kind, 'cancel');
  const items = prompter.shown.find((s) => s.id === 'resource')?.items ?? [];
  assert.equal(items.find((i) => i.label === 'stopped-one')?.disabledReason, 'the cluster is stopped');
  assert.deepEqual(prompter.refusals, [{ id: 'resource', message: 'the cluster is stopped' }]);
});

test('a disabled resource returned anyway by a prompter is refused by the flow, which asks again', async () => {
  const prompter = new ForcefulPrompter([
    ...palette.slice(0, 3),
    { id: 'resource', pick: 'orders' },
    { id: 'field:DBClusterSnapshotIdentifier', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([docdb()]));
  const again = prompter.shown.filter((s) => s.id === 'resource');
  assert.equal(again.length, 2);
  assert.match(again[1]?.message ?? '', /stopped-one.*the cluster is stopped/);
});

test('services not offered in the region are disabled', async () => {
  const service = docdb({ offeredIn: (r) => r !== 'eu-west-1' });
  const prompter = new ScriptedPrompter([
    ...palette.slice(0, 2),
    { id: 'service', pick: 'DocumentDB' },
    { id: 'service', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service]));
  assert.match(prompter.refusals[0]?.message ?? '', /not offered in eu-west-1/);
});

test('a listing failure shows as a disabled item, so the user can go back', async () => {
  const service = docdb();
  service.listResources = () => Promise.reject(new Error('The security token included in the request is invalid'));
  const prompter = new ScriptedPrompter([
    ...palette.slice(0, 3),
    { id: 'resource', back: true },
    { id: 'service', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service]));
  const items = prompter.shown.find((s) => s.id === 'resource')?.items ?? [];
  assert.equal(items.length, 1);
  assert.match(items[0]?.disabledReason ?? '', /security token/);
});

test('from a tree node the flow starts at the inputs, at step 1', async () => {
  const service = docdb();
  const target = { profile: 'default', region: 'us-east-1', service, resource: resource('orders') };
  const prompter = new ScriptedPrompter([
    { id: 'field:DBClusterSnapshotIdentifier', type: 'from-tree' },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([service]), { target }));
  assert.deepEqual(request.target, target);
  assert.deepEqual(
    prompter.shown.map((s) => `${s.step}/${s.totalSteps}`),
    ['1/3', '2/3', '3/3'],
  );
});

test('a tree node whose resource cannot be snapshotted is refused with the reason, before any prompt', async () => {
  const service = docdb();
  const target = {
    profile: 'default',
    region: 'us-east-1',
    service,
    resource: resource('x', { snapshottable: { ok: false, reason: 'it is stopped' } }),
  };
  const prompter = new ScriptedPrompter([]);
  const result = await runCreateFlow(prompter, deps([service]), { target });
  assert.equal(result.kind, 'refused');
  assert.match(result.kind === 'refused' ? result.message : '', /it is stopped/);
});

test('a DocumentDB identifier already taken (in any case) is refused on Enter', async () => {
  const service = docdb({ snapshots: [snapshot('nightly', 'available', { resourceId: 'orders' })] });
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'Nightly' },
    { id: 'field:DBClusterSnapshotIdentifier', type: 'nightly-2' },
    { id: 'tags', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  created(await runCreateFlow(prompter, deps([service])));
  assert.match(prompter.refusals[0]?.message ?? '', /"nightly" already exists/);
  assert.equal(service.listSnapshotCalls.length, 2, 'checked on Enter only, once per Enter');
  assert.equal(service.statusCalls.length, 1, 'the free name was also looked up region-wide');
});

test('a DocumentDB identifier used by a snapshot of another cluster is refused too', async () => {
  const service = docdb({
    status: (ref) => (ref.snapshotId === 'elsewhere' ? snapshot('elsewhere', 'available') : undefined),
  });
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'elsewhere' },
    { id: 'field:DBClusterSnapshotIdentifier', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service]));
  assert.match(prompter.refusals[0]?.message ?? '', /"elsewhere" already exists/);
});

test('the name check is never run per keystroke, only on Enter', async () => {
  const service = fakeService({
    id: 'neptune-graph',
    label: 'Neptune Analytics',
    rules: neptuneGraphRules,
    resources: [resource('g-1234567890', { name: 'graph' })],
  });
  const prompter = new ScriptedPrompter([
    { id: 'field:snapshotName', type: 'Bad Name' },
    { id: 'field:snapshotName', type: 'good-name' },
    { id: 'tags', cancel: true },
  ]);
  const target = { profile: 'p', region: 'us-east-1', service, resource: resource('g-1234567890', { name: 'graph' }) };
  await runCreateFlow(prompter, deps([service]), { target });
  assert.equal(service.listSnapshotCalls.length, 1, 'the invalid value never reached the AWS check');
});

test('a name check that times out lets the user go on with a second Enter', async () => {
  const service = docdb({ listSnapshotsDelayMs: 200 });
  const prompter = new ScriptedPrompter([
    ...palette,
    { id: 'field:DBClusterSnapshotIdentifier', type: 'slow-check' },
    { id: 'field:DBClusterSnapshotIdentifier', type: 'slow-check' },
    { id: 'tags', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service], { nameCheckTimeoutMs: 20 }));
  assert.match(prompter.refusals[0]?.message ?? '', /did not answer.*Enter again/);
  assert.equal(prompter.refusals.length, 1);
});

test('SimSpace Weaver: pick a bucket of the region, see the object key, no name and no tags', async () => {
  const service = fakeService({
    id: 'simspaceweaver',
    label: 'SimSpace Weaver',
    rules: simSpaceWeaverRules,
    resources: [resource('MySim', { service: 'simspaceweaver' })],
  });
  const regionsAsked: string[] = [];
  const prompter = new ScriptedPrompter([
    { id: 'bucket', pick: 'sim-snapshots' },
    { id: 'field:ObjectKeyPrefix', type: 'runs/a' },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const target = {
    profile: 'p',
    region: 'us-west-2',
    service,
    resource: resource('MySim', { service: 'simspaceweaver' }),
  };
  const request = created(
    await runCreateFlow(
      prompter,
      deps([service], {
        listBuckets: async (ctx) => (regionsAsked.push(ctx.region), [{ name: 'sim-snapshots', region: ctx.region }]),
      }),
      { target },
    ),
  );
  assert.deepEqual(regionsAsked, ['us-west-2']);
  assert.deepEqual(request.input, { values: { BucketName: 'sim-snapshots', ObjectKeyPrefix: 'runs/a' }, tags: [] });
  const info = prompter.messages.find((m) => m.id === 'field:ObjectKeyPrefix')?.message;
  assert.equal(info?.severity, 'info');
  // AWS stamps the object with the second it takes the snapshot: the flow shows the stamp's pattern, no guess.
  const location = 's3://sim-snapshots/runs/a/snapshot/MySim-YYMMdd-HHmm-ss.zip';
  const note = 'YYMMdd-HHmm-ss: the UTC time SimSpace Weaver takes the snapshot';
  assert.equal(info?.message, `The snapshot will be written to ${location} (${note})`);
  assert.ok(request.summary.some((l) => l.label === 'Object key' && l.value === location && l.note === note));
  const line = prompter.shown.at(-1)?.items?.find((i) => i.label === 'Object key');
  assert.equal(line?.detail, `${note} · Enter: change this value`);
  assert.ok(!prompter.shown.some((s) => s.id === 'tags'));
});

test('SimSpace Weaver: a typed bucket name is checked by the S3 naming rules', async () => {
  const service = fakeService({ id: 'simspaceweaver', label: 'SimSpace Weaver', rules: simSpaceWeaverRules });
  const target = {
    profile: 'p',
    region: 'us-west-2',
    service,
    resource: resource('MySim', { service: 'simspaceweaver' }),
  };
  const prompter = new ScriptedPrompter([
    { id: 'bucket', pick: 'Type a bucket name…' },
    { id: 'field:BucketName', type: 'Bad_Bucket' },
    { id: 'field:BucketName', type: 'good-bucket' },
    { id: 'field:ObjectKeyPrefix', enter: true },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([service]), { target }));
  assert.equal(prompter.refusals.length, 1);
  assert.deepEqual(request.input.values, { BucketName: 'good-bucket' });
  assert.deepEqual(
    prompter.shown.map((s) => `${s.id} ${s.step}/${s.totalSteps}`),
    ['bucket 1/3', 'field:BucketName 2/4', 'field:ObjectKeyPrefix 3/4', 'confirm 4/4'],
  );
});

test('Storage Gateway asks for a description (default valid) and tags', async () => {
  const service = fakeService({ id: 'storagegateway', label: 'Storage Gateway', rules: storageGatewayRules });
  const target = {
    profile: 'p',
    region: 'us-east-1',
    service,
    resource: resource('arn:aws:storagegateway:us-east-1:1:gateway/sgw-1/volume/vol-1', { name: 'vol-1' }),
  };
  const prompter = new ScriptedPrompter([
    { id: 'field:SnapshotDescription', enter: true },
    { id: 'tags', type: 'aws:x=1' },
    { id: 'tags', type: 'x=1' },
    { id: 'confirm', pick: 'Create snapshot' },
  ]);
  const request = created(await runCreateFlow(prompter, deps([service]), { target }));
  assert.ok((request.input.values.SnapshotDescription ?? '').includes('vol-1'));
  assert.equal(prompter.refusals.length, 1);
});

test('Retry prefills the previous values', async () => {
  const service = docdb();
  const target = { profile: 'default', region: 'us-east-1', service, resource: resource('orders') };
  const prompter = new ScriptedPrompter([
    { id: 'field:DBClusterSnapshotIdentifier', enter: true },
    { id: 'tags', enter: true },
    { id: 'confirm', cancel: true },
  ]);
  await runCreateFlow(prompter, deps([service]), {
    target,
    previous: { values: { DBClusterSnapshotIdentifier: 'taken-name' }, tags: [{ key: 'a', value: 'b' }] },
  });
  assert.deepEqual(
    prompter.shown.filter((s) => s.kind === 'input').map((s) => s.value),
    ['taken-name', 'a=b'],
  );
});
