// The name filter and Search Everywhere against the emulator's demo data, with real profiles files, credentials,
// client factory and service modules: the filtered tree holds only the branches leading to a match (and the
// profile whose credentials fail, with its error), and Search Everywhere finds a graph on a later page of the 205
// generated in eu-west-1.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { searchEverywhere } from '../../../src/tree/model/searchEverywhere';
import { emulatorWithProfiles } from '../../support/emulatorProfiles';

const emulator = emulatorWithProfiles({ prefix: 'tree-filter-it-', profiles: ['demo', 'ops', 'broken'] });

beforeEach(() => emulator.reset());

async function listCalls(operation: string): Promise<number> {
  return (await emulator.calls()).filter((c) => c.operation === operation).length;
}

const makeModel = (): ExplorerModel => emulator.model();

/** The filtered tree: every shown node's label, indented, expanding what the filter draws expanded. */
async function shown(model: ExplorerModel, node?: ExplorerNode, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const child of await model.getChildren(node)) {
    const view = model.describe(child);
    out.push(`${'  '.repeat(depth)}${view.label}`);
    if (view.collapsible === 'expanded') out.push(...(await shown(model, child, depth + 1)));
  }
  return out;
}

test('a filter shows only the path to each match, expanded, and the profile whose credentials fail', async () => {
  const model = makeModel();
  model.setFilter('orders');
  const tree = await shown(model);
  assert.deepEqual(tree, [
    'broken',
    tree[1] ?? '(the error node of broken)',
    'demo',
    '  us-east-1',
    '    DocumentDB',
    '      orders-prod',
  ]);
  assert.match(tree[1] ?? '', /^ {2}Could not get credentials for broken/);
  const summary = model.filtering.summary();
  assert.equal(summary.matches, 1);
  assert.equal(summary.placesWithMatches, 1);
  assert.equal(summary.placesSearched, 10, 'every service of demo (us-east-1) and ops (eu-west-1), first pages');
  assert.ok(summary.placesWithMore >= 4, 'the generated eu-west-1 places have more pages');
  model.dispose();
});

test('Search Everywhere finds a graph on a later page of eu-west-1, within its page bound', async () => {
  const model = makeModel();
  model.setFilter('bulk-graph-0180');
  assert.deepEqual(await shown(model), [
    'broken',
    '  Could not get credentials for broken: ' + (await brokenMessage(model)),
  ]);
  const places = model.filtering.placesWithMore();
  assert.ok(places.some((p) => p.profile === 'ops' && p.service.id === 'neptune-graph'));
  const graphsBefore = await listCalls('ListGraphs');

  const bounded = await searchEverywhere(
    places.map((p) => ({ id: p.id, loadNextPage: () => model.filtering.loadNextPage(p) })),
    { maxPagesPerPlace: 1, maxConcurrentPlaces: 2, signal: new AbortController().signal },
  );
  assert.equal(bounded.pagesLoaded, places.length, 'one page per place');
  assert.equal(await listCalls('ListGraphs'), graphsBefore + 1);
  assert.equal(model.filtering.summary().matches, 0, 'page 2 of the graphs holds 0051–0100');

  const found: number[] = [];
  const result = await searchEverywhere(
    model.filtering.placesWithMore().map((p) => ({ id: p.id, loadNextPage: () => model.filtering.loadNextPage(p) })),
    {
      maxPagesPerPlace: 20,
      maxConcurrentPlaces: 4,
      signal: new AbortController().signal,
      onProgress: () => found.push(model.filtering.summary().matches),
    },
  );
  assert.equal(result.cancelled, false);
  assert.equal(result.placesStopped, 0, 'every generated place ends within 20 pages of 50');
  assert.ok(found.includes(1) && found.indexOf(1) < found.length - 1, 'the match counted as its page landed');
  const tree = await shown(model);
  assert.deepEqual(tree.slice(tree.indexOf('ops')), [
    'ops',
    '  eu-west-1',
    '    Neptune Analytics',
    '      bulk-graph-0180',
  ]);
  assert.equal(model.filtering.placesWithMore().length, 0);
  model.dispose();
});

test('cancelling Search Everywhere leaves the remaining pages unloaded', async () => {
  const model = makeModel();
  model.setFilter('bulk-graph-0180');
  await model.getChildren();
  const places = model.filtering.placesWithMore();
  const controller = new AbortController();
  const result = await searchEverywhere(
    places.map((p) => ({ id: p.id, loadNextPage: () => model.filtering.loadNextPage(p) })),
    {
      maxPagesPerPlace: 20,
      maxConcurrentPlaces: 1,
      signal: controller.signal,
      onProgress: (p) => p.pagesLoaded >= 2 && controller.abort(),
    },
  );
  assert.equal(result.cancelled, true);
  assert.equal(result.pagesLoaded, 2);
  assert.equal(model.filtering.placesWithMore().length, places.length, 'every place still has pages to search');
  model.dispose();
});

async function brokenMessage(model: ExplorerModel): Promise<string> {
  const broken = (await model.getChildren()).find((n) => n.kind === 'profile' && n.profile.name === 'broken');
  const [error] = broken ? await model.getChildren(broken) : [];
  assert.ok(error?.kind === 'error');
  return error.error.message;
}
