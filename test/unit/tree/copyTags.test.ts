// Copy Tags on a snapshot, against the recording `vscode` fake: the tags as `key=value, key=value` (what Create
// Snapshot's tags step takes) on the clipboard, read with one call when the listing did not return them (and that read
// serves the tooltip too); a snapshot without tags says so and copies nothing; a failed read says why.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { neptuneGraphRules } from '../../../src/validation/index';
import { parseTags } from '../../../src/validation/tags';
import { fakeExtensionContext, silentLogChannel } from '../../support/fakeVscode';
import { FakeService, awsError, noClients, resource, snapshot } from '../../support/fakeService';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

const load = () => import('../../../src/tree/register');
const log = silentLogChannel;

async function snapshotsOf(graphs: FakeService): Promise<ExplorerNode[]> {
  const { registerExplorer } = await load();
  rec.commands.clear();
  const context = fakeExtensionContext('/ext') as unknown as Parameters<typeof registerExplorer>[0];
  registerExplorer(context, {
    log: log as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => [{ name: 'dev', kind: 'static', sources: ['credentials'], region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    checkCredentials: async () => undefined,
  });
  const provider = rec.views.at(-1)!.treeDataProvider;
  let nodes = (await provider.getChildren(undefined)) as ExplorerNode[];
  for (let depth = 0; depth < 4; depth++) nodes = (await provider.getChildren(nodes[0])) as ExplorerNode[];
  return nodes;
}

function graphsWith(...snapshots: ReturnType<typeof snapshot>[]): FakeService {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources = [resource('g-1', { name: 'orders' })];
  graphs.snapshots.set('g-1', snapshots);
  return graphs;
}

test('Copy Tags copies the tags the listing returned as key=value pairs Create Snapshot reads back', async () => {
  const tags = [
    { key: 'team', value: 'data, science' },
    { key: 'env', value: 'prod' },
  ];
  const [node] = await snapshotsOf(graphsWith(snapshot('gs-1', new Date('2026-02-01T00:00:00Z'), { tags })));
  await rec.run('snapshotExplorer.copyTags', node);
  const copied = rec.clipboard.at(-1) ?? '';
  assert.equal(copied, 'team=data\\, science, env=prod');
  assert.deepEqual(
    parseTags(copied, neptuneGraphRules.tags!).tags,
    tags,
    'the same tags when pasted into Create Snapshot',
  );
  assert.match(rec.messages.at(-1) ?? '', /Copied tags: team=data/);
});

test('tags the listing did not return are read with one call, which the tooltip then reuses', async () => {
  const graphs = graphsWith(snapshot('gs-1', new Date('2026-02-01T00:00:00Z'), { arn: 'arn:gs-1' }));
  const reads: string[] = [];
  graphs.snapshotTags = async (_ctx, s) => {
    reads.push(s.id);
    return [{ key: 'owner', value: 'graph-team' }];
  };
  const [node] = await snapshotsOf(graphs);
  await rec.run('snapshotExplorer.copyTags', node);
  assert.equal(rec.clipboard.at(-1), 'owner=graph-team');
  assert.match(rec.progress.at(-1)?.title ?? '', /Reading the tags of gs-1/);
  const provider = rec.views.at(-1)!.treeDataProvider as unknown as {
    getTreeItem(n: unknown): { tooltip?: { value: string } };
  };
  assert.match(provider.getTreeItem(node).tooltip?.value ?? '', /owner=graph\\-team/, 'the tooltip needs no read');
  assert.deepEqual(reads, ['gs-1']);
});

test('a snapshot without tags says so and copies nothing; a failed read says why', async () => {
  const graphs = graphsWith(snapshot('gs-1', new Date('2026-02-01T00:00:00Z')));
  graphs.snapshotTags = async () => [];
  const [node] = await snapshotsOf(graphs);
  const before = rec.clipboard.length;
  await rec.run('snapshotExplorer.copyTags', node);
  assert.equal(rec.clipboard.length, before);
  assert.equal(rec.notifications.at(-1)?.message, 'gs-1 has no tags: nothing copied.');
  const failing = graphsWith(snapshot('gs-2', new Date('2026-02-01T00:00:00Z')));
  failing.snapshotTags = async () => {
    throw awsError('AccessDeniedException', 'no neptune-graph:ListTagsForResource');
  };
  const [other] = await snapshotsOf(failing);
  await rec.run('snapshotExplorer.copyTags', other);
  assert.equal(rec.clipboard.length, before);
  const error = rec.notifications.at(-1);
  assert.equal(error?.level, 'error');
  assert.match(error?.message ?? '', /Could not read the tags of gs-2: no neptune-graph:ListTagsForResource/);
});
