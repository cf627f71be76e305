// The explorer's markers on their own: the name filter on resources, and which in-progress keys changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TreeMarkers } from '../../../src/tree/model/markers';
import { placeholderNode, profileNode, regionNode, resourceNode, serviceNode } from '../../../src/tree/model/nodes';
import { FakeService, resource } from '../../support/fakeService';

const service = serviceNode(
  regionNode(profileNode({ name: 'dev', kind: 'static' }), 'us-east-1'),
  new FakeService('fake'),
);

test('the filter is trimmed, reports whether it changed, and lets through matching resources and other nodes', () => {
  const markers = new TreeMarkers();
  const orders = resourceNode(service, resource('orders'));
  const users = resourceNode(service, resource('users'));
  const empty = placeholderNode(service, 'none');
  assert.deepEqual(markers.shown([orders, users, empty]), [orders, users, empty]);
  assert.equal(markers.setFilter('  ORD '), true);
  assert.equal(markers.filter, 'ORD');
  assert.equal(markers.setFilter('ORD'), false);
  assert.deepEqual(markers.shown([orders, users, empty]), [orders, empty]);
});

test('setting the in-progress keys returns those that entered or left', () => {
  const markers = new TreeMarkers();
  assert.deepEqual([...markers.setInProgress(new Set(['a', 'b']))].sort(), ['a', 'b']);
  assert.deepEqual([...markers.setInProgress(new Set(['b', 'c']))].sort(), ['a', 'c']);
  assert.deepEqual([...markers.setInProgress(new Set(['c', 'b']))], []);
  assert.equal(markers.isInProgress('c'), true);
  assert.equal(markers.isInProgress('a'), false);
});
