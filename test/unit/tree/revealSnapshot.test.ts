// Reveal in Tree selects the snapshot itself: the model finds its node (its resource's snapshots read again, paged),
// a copy in the region's group of snapshots without a resource there, and says where it looked when it is gone.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import type { Operation } from '../../../src/snapshots/operation';
import { FakeService, noClients, resource, snapshot } from '../../support/fakeService';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());

function setup(pageSize = 50) {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  const model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    settings: () => ({ ...defaultTreeSettings, pageSize }),
    classifyError: classifyAwsError,
    throttleRetry: { attempts: 0 },
  });
  return { model, graphs };
}

const at = { profile: 'dev', region: 'eu-west-1', serviceId: 'neptune-graph' };

test('finds a new snapshot under its resource, reading the snapshots again and page by page', async () => {
  const { model, graphs } = setup(2);
  graphs.resources = ['g1', 'g2', 'g3'].map((id) => resource(id));
  graphs.snapshots.set('g3', [snapshot('s1', 'available', { resourceId: 'g3' })]);
  // The resource's snapshots were listed before the new one existed.
  const before = await model.findSnapshot({ ...at, resourceId: 'g3', snapshotId: 's-new' });
  assert.equal(before.node, undefined);
  assert.equal(before.owner?.target.resource.id, 'g3', 'it looked under the resource');
  graphs.snapshots.set(
    'g3',
    ['s1', 's2', 's3', 's-new'].map((id) => snapshot(id, 'available', { resourceId: 'g3' })),
  );
  const { node, owner } = await model.findSnapshot({ ...at, resourceId: 'g3', snapshotId: 's-new' });
  assert.equal(node?.kind, 'snapshot');
  assert.equal(node?.snapshot.id, 's-new');
  assert.equal(model.getParent(node!), owner, 'its parent is the resource, for view.reveal');
});

test('a copy whose resource is not in the region is found in the group of such snapshots', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('local')];
  graphs.listUnattachedSnapshots = async () => ({ items: [snapshot('copy-1', 'available', { resourceId: 'far' })] });
  const { node, owner } = await model.findSnapshot({ ...at, resourceId: 'far', snapshotId: 'copy-1' });
  assert.equal(owner?.target.resource.unattached, true);
  assert.equal(node?.snapshot.id, 'copy-1');
});

test('nothing is found where the tree does not show the region', async () => {
  const { model, graphs } = setup();
  graphs.resources = [resource('g1')];
  const found = await model.findSnapshot({ ...at, region: 'us-west-2', resourceId: 'g1', snapshotId: 's' });
  assert.deepEqual(found, { owner: undefined });
});

function op(extra: Partial<Operation>): Operation {
  return {
    id: 'o',
    kind: 'create',
    service: 'docdb',
    profile: 'demo',
    region: 'us-east-1',
    resourceId: 'orders',
    resourceName: 'orders',
    snapshotName: 'orders-1',
    startedAt: 0,
    state: 'succeeded',
    input: { values: {}, tags: [] },
    requestKey: 'k',
    ...extra,
  };
}

test('Reveal in Tree aims at the snapshot made: a create’s, a copy’s in its destination; none for a delete', async () => {
  const { snapshotToReveal } = await import('../../../src/ui/notifications');
  assert.deepEqual(snapshotToReveal(op({ snapshotId: 'orders-1' })), {
    profile: 'demo',
    region: 'us-east-1',
    serviceId: 'docdb',
    resourceId: 'orders',
    snapshotId: 'orders-1',
    snapshotName: 'orders-1',
  });
  assert.deepEqual(
    snapshotToReveal(
      op({ kind: 'copy', snapshotId: 'orders-1', target: { name: 'orders-1-copy', id: 'arn:c', region: 'eu-west-1' } }),
    ),
    {
      profile: 'demo',
      region: 'eu-west-1',
      serviceId: 'docdb',
      resourceId: 'orders',
      snapshotId: 'arn:c',
      snapshotName: 'orders-1-copy',
    },
  );
  assert.equal(snapshotToReveal(op({ kind: 'delete', snapshotId: 'orders-1' })), undefined);
  assert.equal(snapshotToReveal(op({ snapshotId: undefined, state: 'failed' })), undefined);
});
