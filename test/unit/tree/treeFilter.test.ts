// The filter's pure rules on hand-built nodes and branch facts: what matches, what is shown (unknown and failed
// branches never hidden), and how a shown node is drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NodeView } from '../../../src/tree/model/describeParts';
import {
  errorNode,
  loadMoreNode,
  profileNode,
  regionNode,
  resourceNode,
  serviceNode,
  type BranchOwner,
  type ExplorerNode,
} from '../../../src/tree/model/nodes';
import {
  filterChildren,
  filteredView,
  isMatch,
  isShown,
  type BranchFacts,
  type BranchLookup,
} from '../../../src/tree/model/treeFilter';
import { FakeService, resource } from '../../support/fakeService';

const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
graphs.notOffered.add('ap-south-1');
const dev = profileNode({ name: 'dev', kind: 'static' });
const east = regionNode(dev, 'us-east-1');
const south = regionNode(dev, 'ap-south-1');
const service = serviceNode(east, graphs);
const notOffered = serviceNode(south, graphs);
const orders = resourceNode(service, resource('g-1', { name: 'Orders-Prod' }));
const users = resourceNode(service, resource('g-2', { name: 'users', displayId: 'vol-ORD' }));
const group = resourceNode(
  service,
  resource('#unattached', { name: 'Snapshots without a graph here', unattached: true }),
);

function lookupOf(entries: Array<[BranchOwner, BranchFacts]>): BranchLookup {
  const byId = new Map(entries.map(([owner, facts]) => [owner.id, facts]));
  return (owner) => (owner ? byId.get(owner.id) : undefined);
}

const facts = (items: ExplorerNode[], extra: Partial<BranchFacts> = {}): BranchFacts => ({
  items,
  failed: false,
  more: false,
  ...extra,
});

test('a match is a resource whose name or ID contains the filter, in any case; never the unattached group', () => {
  assert.equal(isMatch(orders, 'prod'), true);
  assert.equal(isMatch(orders, 'G-1'), true);
  assert.equal(isMatch(users, 'prod'), false);
  assert.equal(isMatch(group, 'without'), false);
  assert.equal(isMatch(service, 'neptune'), false, 'services, regions and profiles are not matched by name');
});

test('a branch is shown when a match is loaded under it, its listing failed, or it is not known yet', () => {
  const withMatch = lookupOf([
    [dev, facts([east, south])],
    [east, facts([service])],
    [service, facts([orders, users])],
  ]);
  assert.equal(isShown(dev, 'prod', withMatch), true);
  assert.equal(isShown(south, 'prod', withMatch), true, 'a region not loaded yet is unknown, so shown');
  assert.equal(isShown(notOffered, 'prod', withMatch), false, 'a service not offered holds nothing');
  assert.equal(
    isShown(
      dev,
      'nothing',
      lookupOf([
        [dev, facts([east])],
        [east, facts([service])],
        [service, facts([orders])],
      ]),
    ),
    false,
  );
  const failed = lookupOf([
    [dev, facts([east])],
    [east, facts([service])],
    [service, facts([users], { failed: true })],
  ]);
  assert.equal(isShown(dev, 'prod', failed), true, 'an error is never hidden');
  assert.equal(isShown(service, '', lookupOf([])), true, 'no filter shows everything');
});

test('filterChildren keeps errors and "Load more…", drops non-matching resources, and keeps every snapshot', () => {
  const lookup = lookupOf([[service, facts([orders, users])]]);
  const error = errorNode(service, { message: 'x', kind: 'other', reauthenticate: false }, 'Could not load more');
  const more = loadMoreNode(service, '2');
  assert.deepEqual(filterChildren(service, [orders, users, more, error], 'prod', lookup), [orders, more, error]);
  assert.deepEqual(filterChildren(orders, [users], 'prod', lookup), [users], 'under a resource nothing is filtered');
});

test('under a filter, a shown branch is drawn expanded with an id of the filter’s own; resources stay collapsed', () => {
  const view = (node: ExplorerNode): NodeView => ({
    id: node.id,
    label: 'x',
    contextValue: 'c',
    collapsible: 'collapsed',
  });
  assert.deepEqual(filteredView(dev, view(dev), 'a b'), {
    ...view(dev),
    id: 'filter:a%20b|profile/dev',
    collapsible: 'expanded',
  });
  assert.equal(filteredView(service, view(service), 'a').collapsible, 'expanded');
  assert.equal(filteredView(orders, view(orders), 'a').collapsible, 'collapsed');
  assert.equal(filteredView(orders, view(orders), 'a').id, `filter:a|${orders.id}`);
  assert.equal(filteredView(notOffered, { ...view(notOffered), collapsible: 'none' }, 'a').collapsible, 'none');
  assert.deepEqual(filteredView(dev, view(dev), ''), view(dev), 'no filter: the view as it is');
});
