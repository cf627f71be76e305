// Sign In, Sign Out and Reauthenticate on IAM Identity Center nodes (src/tree/commands.ts) against the recording fake
// of `vscode`, with the explorer on a fake Identity Center: a session node, an error node under a session and a role
// under an account sign in to their session; Reauthenticate under a session signs in instead of showing the CLI's
// advice; from the palette (no argument) the UI is asked to pick a session.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/profiles';
import { notSignedIn, signInExpired } from '../../../src/aws/sso/ssoErrors';
import { commandIds } from '../../../src/commandIds';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { fakeExtensionContext, silentLogChannel } from '../../support/fakeVscode';
import { FakeService, noClients } from '../../support/fakeService';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';
import { account, FakeIdentityCenter, sessionEntry } from './ssoFakes';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

// Loaded after the fake is installed, so its `import * as vscode` gets the fake.
const load = () => import('../../../src/tree/register');

const profiles: ProfileInfo[] = [
  { name: 'dev', kind: 'static', sources: ['credentials'], region: 'eu-west-1' },
  { name: 'legacy-admin', kind: 'sso', sources: ['config'], region: 'eu-west-1', ssoSession: 'corp' },
];

async function setup(opts: { withSignIn?: boolean } = {}) {
  const { registerExplorer } = await load();
  rec.commands.clear();
  for (const list of [rec.notifications, rec.messages, rec.clipboard]) list.length = 0;
  const ic = new FakeIdentityCenter([sessionEntry('corp'), sessionEntry('lab')]);
  ic.accounts = [account('prod-data', '111111111111')];
  ic.roles.set('111111111111', ['ReadOnlyAccess']);
  // Not signed in to lab: its branch is one error node that offers the sign-in.
  ic.accountsError = (session) => (session === 'lab' ? notSignedIn('lab') : undefined);
  const calls: string[] = [];
  const context = fakeExtensionContext('/ext') as unknown as Parameters<typeof registerExplorer>[0];
  registerExplorer(context, {
    log: silentLogChannel as unknown as Parameters<typeof registerExplorer>[1]['log'],
    profiles: async () => profiles,
    clients: noClients,
    services: [new FakeService('neptune-graph', 'Neptune Analytics')],
    identityCenter: ic,
    checkCredentials: async (profile) => {
      if (profile.startsWith('sso:')) throw signInExpired('corp', Date.parse('2026-12-07T09:00:00Z'));
    },
    ...(opts.withSignIn === false
      ? {}
      : {
          signIn: async (session?: string) => void calls.push(`signIn ${session ?? '(ask)'}`),
          signOut: async (session?: string) => void calls.push(`signOut ${session ?? '(ask)'}`),
        }),
  });
  const provider = rec.views.at(-1)!.treeDataProvider;
  const children = (node?: ExplorerNode) => provider.getChildren(node) as Promise<ExplorerNode[]>;
  const label = (node: ExplorerNode) => (provider.getTreeItem(node) as { label: string }).label;
  const find = async (parent: ExplorerNode | undefined, name: string): Promise<ExplorerNode> => {
    const found = (await children(parent)).find((n) => label(n) === name);
    assert.ok(found, `${name} is shown`);
    return found;
  };
  return { ic, calls, children, find };
}

test('Sign In on a session, an error node under it, or a role under an account signs in to that session', async () => {
  const { calls, children, find } = await setup();
  const lab = await find(undefined, 'lab · IAM Identity Center');
  await rec.run(commandIds.signIn, lab);
  assert.deepEqual(calls, ['signIn lab']);

  const corp = await find(undefined, 'corp · IAM Identity Center');
  const prod = await find(corp, 'prod-data');
  const role = await find(prod, 'ReadOnlyAccess');
  await rec.run(commandIds.signIn, role);
  const [roleError] = await children(role);
  assert.equal(roleError?.kind, 'error');
  await rec.run(commandIds.signIn, roleError);

  const [sessionError] = await children(lab);
  assert.equal(sessionError?.kind, 'error');
  await rec.run(commandIds.signIn, sessionError);
  assert.deepEqual(calls, ['signIn lab', 'signIn corp', 'signIn corp', 'signIn lab']);
  assert.deepEqual(rec.notifications, []);
});

test('Sign Out on a session or a node under it signs out of that session', async () => {
  const { calls, find } = await setup();
  const corp = await find(undefined, 'corp · IAM Identity Center');
  await rec.run(commandIds.signOut, corp);
  await rec.run(commandIds.signOut, await find(corp, 'prod-data'));
  assert.deepEqual(calls, ['signOut corp', 'signOut corp']);
});

test('from the palette (no argument) Sign In and Sign Out ask the UI to pick the session', async () => {
  const { calls } = await setup();
  await rec.run(commandIds.signIn);
  await rec.run(commandIds.signOut);
  assert.deepEqual(calls, ['signIn (ask)', 'signOut (ask)']);
});

test('Reauthenticate under a session signs in to it instead of showing the CLI advice', async () => {
  const { calls, children, find } = await setup();
  const corp = await find(undefined, 'corp · IAM Identity Center');
  const role = await find(await find(corp, 'prod-data'), 'ReadOnlyAccess');
  const [roleError] = await children(role);
  assert.equal(roleError?.kind, 'error');
  await rec.run(commandIds.reauthenticate, roleError);
  const [sessionError] = await children(await find(undefined, 'lab · IAM Identity Center'));
  assert.equal(sessionError?.kind, 'error');
  await rec.run(commandIds.reauthenticate, sessionError);
  // A hand-written profile that signs in with the session: the editor's sign-in too.
  await rec.run(commandIds.reauthenticate, await find(undefined, 'legacy-admin'));
  assert.deepEqual(calls, ['signIn corp', 'signIn lab', 'signIn corp']);
  assert.deepEqual(rec.notifications, [], 'no advice shown');
  assert.deepEqual(rec.clipboard, []);
});

test('Reauthenticate elsewhere still gives the CLI advice; without the sign-in, no Sign In commands', async () => {
  const { calls, find } = await setup();
  await rec.run(commandIds.reauthenticate, await find(undefined, 'dev'));
  assert.deepEqual(calls, []);
  assert.deepEqual(
    rec.notifications.map((n) => [n.level, n.actions]),
    [['info', ['Copy Command']]],
  );
  assert.match(rec.notifications[0]?.message ?? '', /access keys of profile "dev"/);

  await setup({ withSignIn: false });
  assert.equal(rec.commands.has(commandIds.signIn), false);
  assert.equal(rec.commands.has(commandIds.signOut), false);
  assert.equal(rec.commands.has(commandIds.reauthenticate), true);
});
