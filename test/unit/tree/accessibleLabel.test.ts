// The tree rows' accessible labels: every node kind says what it is, its name and its state, in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleLabel } from '../../../src/tree/model/accessibleLabel';
import { describeNode, type DescribeState } from '../../../src/tree/model/describe';
import {
  errorNode,
  loadMoreNode,
  placeholderNode,
  profileNode,
  regionNode,
  resourceNode,
  serviceNode,
  snapshotNode,
  type ExplorerNode,
} from '../../../src/tree/model/nodes';
import { neptuneGraphService } from '../../../src/services/neptuneGraph';
import { resource, snapshot } from '../../support/fakeService';

function state(inProgress: ReadonlySet<string> = new Set()): DescribeState {
  return {
    isInProgress: (key) => inProgress.has(key),
    isLoadingMore: () => false,
    serviceCounts: () => ({ loaded: 3, shown: 3, more: false }),
    filter: '',
    snapshotTags: () => ({ kind: 'unread' }),
  } as DescribeState;
}

const profile = profileNode({ name: 'demo', kind: 'static', region: 'us-east-1' });
const region = regionNode(profile, 'us-east-1');
const service = serviceNode(region, neptuneGraphService);
const graph = resourceNode(service, resource('g-1', { name: 'customer-graph', status: 'AVAILABLE' }));
const stopped = resourceNode(
  service,
  resource('g-2', {
    name: 'recommendations',
    status: 'STOPPED',
    snapshottable: { ok: false, reason: 'graph is stopped (a snapshot needs it available)' },
  }),
);
const unattached = resourceNode(
  service,
  resource('#unattached', { name: 'Other snapshots', status: '', unattached: true }),
);
const available = snapshotNode(graph, snapshot('gs-1', 'available', { name: 'customer-graph-2025-07-01' }));
const creating = snapshotNode(graph, snapshot('gs-2', 'creating', { name: 'customer-graph-e2e', progress: 45 }));
const failed = snapshotNode(graph, snapshot('gs-3', 'failed', { name: 'customer-graph-bad' }));

function say(node: ExplorerNode, s = state()): string {
  return accessibleLabel(node, describeNode(node, s));
}

test('a snapshot row says its service, kind, name and state', () => {
  assert.equal(say(available), 'Neptune Analytics snapshot customer-graph-2025-07-01, available');
  assert.equal(say(creating), 'Neptune Analytics snapshot customer-graph-e2e, creating, 45 percent');
  assert.equal(say(failed), 'Neptune Analytics snapshot customer-graph-bad, failed');
});

test('a resource row says its service, kind, name and state, why it cannot be snapshotted, and a snapshot in flight', () => {
  assert.equal(say(graph), 'Neptune Analytics graph customer-graph, available');
  assert.equal(
    say(stopped),
    'Neptune Analytics graph recommendations, stopped, cannot snapshot now: graph is stopped (a snapshot needs it available)',
  );
  assert.equal(
    say(graph, state(new Set([graph.key]))),
    'Neptune Analytics graph customer-graph, available, snapshot in progress',
  );
  assert.match(say(unattached), /^Group Other snapshots, /);
});

test('profile, region, service, load more, placeholder and error rows say what they are', () => {
  assert.equal(say(profile), 'AWS profile demo, keys, us-east-1');
  assert.equal(say(region), 'Region us-east-1 of profile demo');
  assert.equal(say(service), 'Neptune Analytics in us-east-1, 3 graphs');
  assert.equal(say(loadMoreNode(service, 't')), 'Load more graphs');
  assert.equal(say(loadMoreNode(graph, 't')), 'Load more snapshots');
  assert.equal(say(placeholderNode(graph, 'No snapshots')), 'No snapshots');
  const error = errorNode(
    service,
    { message: 'Access denied', kind: 'access-denied', code: 'AccessDeniedException', reauthenticate: false },
    'Could not list graphs',
  );
  assert.equal(say(error), 'Error: Could not list graphs: Access denied, AccessDeniedException');
});

test('no row is read with icon names or Markdown', () => {
  const nodes: ExplorerNode[] = [profile, region, service, graph, stopped, unattached, available, creating, failed];
  for (const node of nodes) assert.doesNotMatch(say(node), /\$\(|\*\*|&nbsp;|~spin/, node.id);
});
