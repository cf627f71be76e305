// A service whose endpoint no longer answers as the service (SimSpace Weaver after its end of support), against the
// emulator's `gone` fault: the real SDK clients and our Weaver client get an HTML 404 page in every region; the tree
// shows one line under the profile instead of an error per region, and counts on the other services.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { isEndpointGone } from '../../../src/aws/endpointAnswer';
import type { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode, ServiceNode } from '../../../src/tree/model/nodes';
import { emulatorWithProfiles } from '../../support/emulatorProfiles';

const emulator = emulatorWithProfiles({ prefix: 'tree-gone-', profiles: ['demo'] });
const { admin } = emulator;

beforeEach(() => emulator.reset());

function makeModel(): ExplorerModel {
  return emulator.model({
    settings: { regions: { '*': ['us-east-1', 'eu-west-1'] } },
    deps: { prefetchServices: true, isEndpointGone },
  });
}

const labels = (model: ExplorerModel, nodes: readonly ExplorerNode[]) => nodes.map((n) => model.describe(n).label);

/** Polls until `check` holds (the prefetched listings land in the background). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Shows the profile and its regions, as VS Code does (regions are expanded): the services' first pages load. */
async function open(model: ExplorerModel): Promise<{ profile: ExplorerNode; regions: ExplorerNode[] }> {
  const [profile] = await model.getChildren();
  assert.ok(profile);
  const regions = (await model.getChildren(profile)).filter((n) => n.kind === 'region');
  for (const region of regions) await model.getChildren(region);
  return { profile, regions };
}

test('Weaver gone in every region: one line under the profile with its end of support, no error per region', async () => {
  await admin('POST', '/_emulator/faults', { gone: ['simspaceweaver'] });
  const model = makeModel();
  const { profile, regions } = await open(model);
  await until(async () => (await model.getChildren(profile)).some((n) => n.kind === 'unreachable'), 'the one line');
  assert.deepEqual(labels(model, await model.getChildren(profile)), [
    'us-east-1',
    'eu-west-1',
    'SimSpace Weaver: not reachable in any region',
  ]);
  for (const region of regions) {
    const shown = await model.getChildren(region);
    assert.ok(!labels(model, shown).includes('SimSpace Weaver'), 'left out of each region');
    assert.ok(
      shown.every((n) => n.kind === 'service'),
      'no error node',
    );
  }
  // The other services answered, and show their counts without being expanded.
  const east = await model.getChildren(regions[0]);
  const graphs = east.find((n): n is ServiceNode => n.kind === 'service' && n.service.id === 'neptune-graph');
  assert.ok(graphs);
  await until(async () => model.describe(graphs).description === '3 graphs', 'the graphs count: 3 graphs');
  const log = (await admin('GET', '/_emulator/calls')) as Array<{ service: string; region: string; status: number }>;
  const weaver = log.filter((c) => c.service === 'simspaceweaver');
  assert.deepEqual([...new Set(weaver.map((c) => `${c.region} ${c.status}`))].sort(), [
    'eu-west-1 404',
    'us-east-1 404',
  ]);
  const line = (await model.getChildren(profile)).find((n) => n.kind === 'unreachable');
  assert.ok(line);
  assert.equal(model.describe(line).description, 'end of support 2026-05-20');
  assert.match(model.describe(line).tooltip ?? '', /us\\-east\\-1, eu\\-west\\-1/);
  model.dispose();
});

test('an SDK client service gone too (awsQuery: DocumentDB) gets its own line; back after a refresh once it answers', async () => {
  await admin('POST', '/_emulator/faults', { gone: ['simspaceweaver', 'docdb'] });
  const model = makeModel();
  const { profile } = await open(model);
  await until(
    async () => (await model.getChildren(profile)).filter((n) => n.kind === 'unreachable').length === 2,
    'two lines',
  );
  assert.deepEqual(labels(model, await model.getChildren(profile)).slice(2), [
    'DocumentDB: not reachable in any region',
    'SimSpace Weaver: not reachable in any region',
  ]);
  const docdbLine = (await model.getChildren(profile)).find((n) => n.kind === 'unreachable');
  assert.ok(docdbLine);
  assert.equal(model.describe(docdbLine).description, 'endpoint does not answer');
  await admin('POST', '/_emulator/faults', {});
  model.refreshNode(profile);
  const { regions } = await open(model);
  await until(async () => (await model.getChildren(profile)).every((n) => n.kind === 'region'), 'the lines gone');
  assert.deepEqual(labels(model, await model.getChildren(regions[0])), [
    'Neptune Analytics',
    'Storage Gateway',
    'DocumentDB',
    'SimSpace Weaver',
    'Neptune Database',
  ]);
  model.dispose();
});

test('throttling in every region is an AWS answer: the errors stay under the service, no one line', async () => {
  await admin('POST', '/_emulator/faults', { throttleRate: 1, services: ['simspaceweaver'] });
  const model = makeModel();
  const { profile, regions } = await open(model);
  const east = await model.getChildren(regions[0]);
  const weaver = east.find((n): n is ServiceNode => n.kind === 'service' && n.service.id === 'simspaceweaver');
  assert.ok(weaver);
  const [error] = await model.getChildren(weaver);
  assert.equal(error?.kind, 'error');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok((await model.getChildren(profile)).every((n) => n.kind === 'region'));
  model.dispose();
});

test('the gone fault takes service ids only', async () => {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gone: 'simspaceweaver' }),
  });
  assert.equal(response.status, 400);
  assert.match(await response.text(), /gone must be an array of strings/);
  assert.deepEqual(((await admin('POST', '/_emulator/faults', { gone: ['docdb'] })) as { gone?: string[] }).gone, [
    'docdb',
  ]);
});
