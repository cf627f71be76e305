// A snapshot's tags in its tooltip: shown at once when the listing returned them, else read with one call when the
// tooltip resolves (never during a tree load), once per snapshot node; a failure says so, an abort reads again later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode, SnapshotNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import type { AwsContext, Snapshot } from '../../../src/services/service';
import type { Tag } from '../../../src/validation/types';
import { FakeService, awsError, noClients, resource, snapshot } from '../../support/fakeService';

interface Setup {
  model: ExplorerModel;
  graphs: FakeService;
  reads: Array<{ ctx: AwsContext; snapshot: Snapshot }>;
}

function setup(read?: (snapshot: Snapshot, signal: AbortSignal | undefined) => Promise<readonly Tag[]>): Setup {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.resources = [resource('g1')];
  const reads: Setup['reads'] = [];
  if (read) {
    graphs.snapshotTags = (ctx, s) => {
      reads.push({ ctx, snapshot: s });
      return read(s, ctx.signal);
    };
  }
  const model = new ExplorerModel({
    profiles: async () => [{ name: 'dev', kind: 'static', region: 'eu-west-1' }],
    clients: noClients,
    services: [graphs],
    settings: () => defaultTreeSettings,
    throttleRetry: { attempts: 0 },
  });
  return { model, graphs, reads };
}

async function snapshots(model: ExplorerModel): Promise<SnapshotNode[]> {
  let nodes: ExplorerNode[] = await model.getChildren();
  for (let depth = 0; depth < 4; depth++) nodes = await model.getChildren(nodes[0]);
  return nodes.filter((n): n is SnapshotNode => n.kind === 'snapshot');
}

const live = () => new AbortController().signal;

test('tags the listing returned show at once: no call, nothing to resolve; none shows as none', async () => {
  const { model, graphs, reads } = setup(async () => [{ key: 'never', value: 'read' }]);
  graphs.snapshots.set('g1', [
    snapshot('tagged', new Date('2026-02-01T00:00:00Z'), { tags: [{ key: 'reason', value: 'migration' }] }),
    snapshot('untagged', new Date('2026-01-01T00:00:00Z'), { tags: [] }),
  ]);
  const [tagged, untagged] = await snapshots(model);
  const view = model.describe(tagged!);
  assert.equal(view.resolvable, undefined);
  assert.match(view.tooltip ?? '', /\*\*Tags:\*\* reason=migration/);
  assert.match(model.describe(untagged!).tooltip ?? '', /\*\*Tags:\*\* none/);
  assert.equal(reads.length, 0);
});

test('other tags are read with one call when the tooltip resolves, never while the tree loads', async () => {
  const { model, graphs, reads } = setup(async () => [
    { key: 'team', value: 'data' },
    { key: 'env', value: 'prod' },
  ]);
  graphs.snapshots.set('g1', [snapshot('s1', new Date('2026-02-01T00:00:00Z'), { arn: 'arn:s1' })]);
  const [s1] = await snapshots(model);
  const before = model.describe(s1!);
  assert.equal(before.resolvable, true);
  assert.doesNotMatch(before.tooltip ?? '', /Tags/);
  assert.equal(reads.length, 0, 'loading the tree read no tags');
  const [first, second] = await Promise.all([model.resolve(s1!, live()), model.resolve(s1!, live())]);
  assert.equal(reads.length, 1, 'two hovers at once make one call');
  assert.deepEqual(
    [reads[0]?.ctx.profile, reads[0]?.ctx.region, reads[0]?.snapshot.arn],
    ['dev', 'eu-west-1', 'arn:s1'],
  );
  for (const view of [first, second, model.describe(s1!)]) {
    assert.match(view.tooltip ?? '', /\*\*Tags:\*\* team=data, env=prod/);
    assert.equal(view.resolvable, undefined);
  }
  await model.resolve(s1!, live());
  assert.equal(reads.length, 1, 'read once per snapshot node');
  model.refreshNode(s1!.parent);
  const [fresh] = await snapshots(model);
  assert.equal(model.describe(fresh!).resolvable, true, 'a refresh reads them again on the next hover');
});

test('a failed read says why in the tooltip and is not repeated on every hover', async () => {
  const { model, graphs, reads } = setup(async () => {
    throw awsError('AccessDeniedException', 'not authorized to perform: neptune-graph:ListTagsForResource');
  });
  graphs.snapshots.set('g1', [snapshot('s1', new Date('2026-02-01T00:00:00Z'))]);
  const [s1] = await snapshots(model);
  const view = await model.resolve(s1!, live());
  const text = (view.tooltip ?? '').replace(/\\/g, ''); // without the Markdown escapes
  assert.match(
    text,
    /\*\*Tags:\*\* could not be read \(not authorized to perform: neptune-graph:ListTagsForResource\)/,
  );
  await model.resolve(s1!, live());
  assert.equal(reads.length, 1);
});

test('a read aborted with the hover leaves the tags unread, so the next hover reads them', async () => {
  let calls = 0;
  const { model, graphs } = setup(
    (_s, signal) =>
      new Promise((resolve, reject) => {
        calls++;
        if (calls > 1) return resolve([{ key: 'k', value: 'v' }]);
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      }),
  );
  graphs.snapshots.set('g1', [snapshot('s1', new Date('2026-02-01T00:00:00Z'))]);
  const [s1] = await snapshots(model);
  const hover = new AbortController();
  const pending = model.resolve(s1!, hover.signal);
  hover.abort();
  assert.equal((await pending).resolvable, true);
  assert.match((await model.resolve(s1!, live())).tooltip ?? '', /\*\*Tags:\*\* k=v/);
});

test('a service without tags to read shows no tags row and nothing to resolve', async () => {
  const { model, graphs } = setup();
  graphs.snapshots.set('g1', [snapshot('s1', new Date('2026-02-01T00:00:00Z'))]);
  const [s1] = await snapshots(model);
  const view = await model.resolve(s1!, live());
  assert.equal(view.resolvable, undefined);
  assert.doesNotMatch(view.tooltip ?? '', /Tags/);
});
