// Open in AWS Console against the recording `vscode` fake: a resource opens the service's page of the resource, a
// snapshot (also one in the group of snapshots without a resource here) the service's page of that snapshot, and the
// group itself opens nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/profiles';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { fakeExtensionContext, silentLogChannel } from '../../support/fakeVscode';
import { FakeService, noClients, resource, snapshot } from '../../support/fakeService';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

// Loaded after the fake is installed, so its `import * as vscode` gets the fake.
const load = () => import('../../../src/tree/register');

const log = silentLogChannel;

const dev: ProfileInfo = { name: 'dev', kind: 'static', sources: ['credentials'], region: 'eu-west-1' };

async function setup() {
  const { registerExplorer } = await load();
  rec.commands.clear();
  const volumes = new FakeService('storagegateway', 'Storage Gateway');
  volumes.resources = [resource('vol-1', { name: 'vol-1' })];
  volumes.snapshots.set('vol-1', [snapshot('snap-1', new Date('2026-02-01T00:00:00Z'))]);
  volumes.listUnattachedSnapshots = async () => ({
    items: [snapshot('snap-copy', new Date('2026-02-02T00:00:00Z'), { resourceId: 'vol-elsewhere' })],
  });
  // The service's own URLs, so the test sees which one each node asks for.
  volumes.consoleUrl = (region, r) => `https://console.example/${region}/resource/${r.id}`;
  volumes.snapshotConsoleUrl = (region, s, r) =>
    `https://console.example/${region}/snapshot/${s.id}/in/${r?.unattached ? 'group' : r?.id}`;
  const context = fakeExtensionContext('/ext') as unknown as Parameters<typeof registerExplorer>[0];
  registerExplorer(context, {
    log: log as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => [dev],
    clients: noClients,
    services: [volumes],
    checkCredentials: async () => undefined,
  });
  const provider = rec.views.at(-1)!.treeDataProvider;
  const children = (node?: unknown) => provider.getChildren(node) as Promise<ExplorerNode[]>;
  const [p] = await children();
  const [r] = await children(p);
  const [s] = await children(r);
  return { children, resourceNodes: await children(s) };
}

test('a resource opens its own page, its snapshot the snapshot page, a snapshot without a resource here too', async () => {
  const { children, resourceNodes } = await setup();
  const volume = resourceNodes.find((n) => n.kind === 'resource' && !n.target.resource.unattached)!;
  const group = resourceNodes.find((n) => n.kind === 'resource' && n.target.resource.unattached)!;
  assert.ok(volume && group, 'the volume and the group of snapshots without a volume here');
  const [snap] = await children(volume);
  const [copy] = await children(group);

  await rec.run('snapshotExplorer.openInConsole', volume);
  await rec.run('snapshotExplorer.openInConsole', snap);
  await rec.run('snapshotExplorer.openInConsole', copy);
  const opened = rec.opened.length;
  await rec.run('snapshotExplorer.openInConsole', group);

  assert.deepEqual(rec.opened, [
    'https://console.example/eu-west-1/resource/vol-1',
    'https://console.example/eu-west-1/snapshot/snap-1/in/vol-1',
    'https://console.example/eu-west-1/snapshot/snap-copy/in/group',
  ]);
  assert.equal(rec.opened.length, opened, 'the group is no AWS resource: nothing opens');
});
