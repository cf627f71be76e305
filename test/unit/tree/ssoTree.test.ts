// IAM Identity Center in the explorer model: sessions at the root (covered profiles hidden), a session's accounts
// through the account filters and pages, an account's roles filtered and in preferred order, the regions of a role,
// a session that is not signed in, and what the session's error nodes offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notSignedIn, signInExpired } from '../../../src/aws/sso/ssoErrors';
import type { ErrorNode, LoadMoreNode, ProfileNode } from '../../../src/tree/model/nodes';
import type { IdentityCenterSettings } from '../../../src/tree/model/treeSettings';
import { awsError } from '../../support/fakeService';
import { account, accountNode, labelsOf, sessionEntry, sessionNode, ssoSetup } from './ssoFakes';

const ic = (settings: Partial<IdentityCenterSettings>): IdentityCenterSettings => ({
  preferredRoles: {},
  regions: {},
  ...settings,
});

const org = [
  account('prod-data', '111111111111'),
  account('staging', '222222222222'),
  account('sandbox', '333333333333'),
  account('prod-web', '444444444444'),
];

test('the root lists the sessions first, then the profiles minus those a usable session covers', async () => {
  const corp = sessionEntry('corp', {
    profiles: [
      { name: 'prod-admin', accountId: '111111111111', roleName: 'AdministratorAccess' },
      // Names the session but no role: not a role of the portal, so it stays.
      { name: 'corp-plain' },
    ],
  });
  const broken = sessionEntry('broken', {
    error: 'The [sso-session broken] section lacks sso_region.',
    profiles: [{ name: 'old-admin', accountId: '222222222222', roleName: 'AdministratorAccess' }],
  });
  const { model } = ssoSetup({
    sessions: [broken, corp],
    profiles: [
      { name: 'dev', kind: 'static' },
      { name: 'prod-admin', kind: 'sso' },
      { name: 'corp-plain', kind: 'sso' },
      { name: 'old-admin', kind: 'sso' },
    ],
  });
  const discovered: number[] = [];
  model.onDidLoadProfiles((n) => discovered.push(n));
  const root = await model.getChildren();
  assert.deepEqual(
    root.map((n) => n.kind),
    ['ssoSession', 'ssoSession', 'profile', 'profile', 'profile'],
  );
  assert.deepEqual(labelsOf(model, root), [
    'broken · IAM Identity Center',
    'corp · IAM Identity Center',
    'dev',
    'corp-plain',
    // A session that cannot be used covers nothing: its profile still shows.
    'old-admin',
  ]);
  assert.deepEqual(discovered, [6]);
  assert.deepEqual(
    model.sessionNodes().map((n) => n.session.name),
    ['broken', 'corp'],
  );
});

test('a covered profile shows once, under its session, as its profile name with the role as description', async () => {
  const corp = sessionEntry('corp', {
    profiles: [{ name: 'prod-admin', accountId: '111111111111', roleName: 'AdministratorAccess' }],
  });
  const { model, ic: fake } = ssoSetup({ sessions: [corp], profiles: [{ name: 'prod-admin', kind: 'sso' }] });
  fake.accounts = org;
  fake.roles.set('111111111111', ['AdministratorAccess', 'ReadOnlyAccess']);
  const roles = (await model.getChildren(await accountNode(model, '111111111111'))) as ProfileNode[];
  assert.deepEqual(
    roles.map((r) => r.profile.name),
    ['prod-admin', 'sso:corp/111111111111/ReadOnlyAccess'],
  );
  assert.deepEqual(labelsOf(model, roles), ['prod-admin', 'ReadOnlyAccess']);
  assert.equal(model.describe(roles[0]!).description, 'AdministratorAccess');
  assert.equal(model.describe(roles[1]!).description, '');
  assert.match(model.describe(roles[1]!).contextValue, /\bssoRole\b/);
});

test("a session's accounts: include and exclude by name and by id, with patterns, any case", async () => {
  const { model, ic: fake, settings } = ssoSetup();
  fake.accounts = org;
  settings.value = {
    ...settings.value,
    identityCenter: ic({ includeAccounts: ['PROD-*', '333333333333'], excludeAccounts: ['prod-web'] }),
  };
  const session = await sessionNode(model);
  assert.deepEqual(labelsOf(model, await model.getChildren(session)), ['prod-data', 'sandbox']);

  settings.value = { ...settings.value, identityCenter: ic({ excludeAccounts: ['2222*', '*-web'] }) };
  model.refreshNode(session);
  assert.deepEqual(labelsOf(model, await model.getChildren(session)), ['prod-data', 'sandbox']);

  settings.value = { ...settings.value, identityCenter: ic({ includeAccounts: ['nothing-*'] }) };
  model.refreshNode(session);
  const none = await model.getChildren(session);
  assert.equal(none.length, 1);
  assert.equal(none[0]!.kind, 'placeholder');
  assert.match(model.describe(none[0]!).label, /^No accounts/);
});

test("an account's roles: filtered by include/exclude, preferred roles first (by name, id or `*`)", async () => {
  const { model, ic: fake, settings } = ssoSetup();
  fake.accounts = org;
  const roles = ['AdministratorAccess', 'Billing', 'PowerUserAccess', 'ReadOnlyAccess'];
  fake.roles.set('111111111111', roles);
  fake.roles.set('222222222222', roles);
  settings.value = {
    ...settings.value,
    identityCenter: ic({
      excludeRoles: ['billing'],
      preferredRoles: { 'prod-data': ['ReadOnly*'], '222222222222': 'PowerUserAccess', '*': 'AdministratorAccess' },
    }),
  };
  const prod = await accountNode(model, '111111111111');
  assert.deepEqual(labelsOf(model, await model.getChildren(prod)), [
    'ReadOnlyAccess',
    'AdministratorAccess',
    'PowerUserAccess',
  ]);
  const staging = await accountNode(model, '222222222222');
  assert.deepEqual(labelsOf(model, await model.getChildren(staging)), [
    'PowerUserAccess',
    'AdministratorAccess',
    'ReadOnlyAccess',
  ]);

  settings.value = { ...settings.value, identityCenter: ic({ includeRoles: ['*Access'], excludeRoles: ['Power*'] }) };
  model.refreshNode(prod);
  assert.deepEqual(labelsOf(model, await model.getChildren(prod)), ['AdministratorAccess', 'ReadOnlyAccess']);
});

test("a role's regions: the session's identityCenter.regions, else its `*`, else the tree's `*`, else the session region", async () => {
  const { model, ic: fake, settings } = ssoSetup({ sessions: [sessionEntry('corp'), sessionEntry('other')] });
  fake.accounts = org;
  fake.roles.set('111111111111', ['ReadOnlyAccess']);
  const regionsOf = async (session: string): Promise<string[]> => {
    const node = await accountNode(model, '111111111111', session);
    model.refreshNode(node);
    const [role] = await model.getChildren(node);
    assert.ok(role && role.kind === 'profile');
    return labelsOf(model, await model.getChildren(role));
  };
  settings.value = {
    ...settings.value,
    regions: { '*': ['us-east-2'] },
    identityCenter: ic({ regions: { corp: ['eu-west-1', 'us-west-2'], '*': ['ap-south-1'] } }),
  };
  assert.deepEqual(await regionsOf('corp'), ['eu-west-1', 'us-west-2']);
  assert.deepEqual(await regionsOf('other'), ['ap-south-1']);

  settings.value = { ...settings.value, identityCenter: ic({ regions: { corp: ['eu-west-1'] } }) };
  assert.deepEqual(await regionsOf('other'), ['us-east-2']);

  settings.value = { ...settings.value, regions: {}, identityCenter: ic({}) };
  assert.deepEqual(await regionsOf('other'), ['eu-central-1']);

  // A role's own entry in the tree's regions setting (by its profile name) wins over the session's.
  settings.value = {
    ...settings.value,
    regions: { 'sso:corp/111111111111/ReadOnlyAccess': ['sa-east-1'] },
    identityCenter: ic({ regions: { '*': ['ap-south-1'] } }),
  };
  assert.deepEqual(await regionsOf('corp'), ['sa-east-1']);
});

test('a session not signed in gives one error node that offers to sign in again; its sibling still loads', async () => {
  const { model, ic: fake } = ssoSetup({ sessions: [sessionEntry('corp'), sessionEntry('other')] });
  fake.accounts = org;
  fake.accountsError = (session) => (session === 'corp' ? notSignedIn('corp') : undefined);
  const children = await model.getChildren(await sessionNode(model, 'corp'));
  assert.equal(children.length, 1);
  const error = children[0] as ErrorNode;
  assert.equal(error.kind, 'error');
  assert.equal(error.error.kind, 'credentials-expired');
  assert.equal(error.error.reauthenticate, true);
  const view = model.describe(error);
  assert.match(view.label, /^Could not list the accounts of corp: Not signed in to IAM Identity Center session corp/);
  // Signing in again is the editor's own device flow (not the profile's Reauthenticate).
  assert.equal(view.contextValue, 'error retryable ssoSignIn');
  assert.equal(model.getParent(error), await sessionNode(model, 'corp'));
  assert.equal((await model.getChildren(await sessionNode(model, 'other'))).length, org.length);

  // Signed in: Retry (or a refresh) shows the accounts.
  fake.accountsError = undefined;
  await model.retry(error);
  assert.deepEqual(labelsOf(model, await model.getChildren(await sessionNode(model, 'corp'))), [
    'prod-data',
    'staging',
    'sandbox',
    'prod-web',
  ]);
});

test('a session whose config cannot be used shows why without a call to the portal, and offers no sign-in', async () => {
  const broken = sessionEntry('broken', { error: 'The [sso-session broken] section lacks sso_start_url.' });
  const { model, ic: fake } = ssoSetup({ sessions: [broken] });
  const children = await model.getChildren(await sessionNode(model, 'broken'));
  assert.equal(children.length, 1);
  const error = children[0] as ErrorNode;
  assert.equal(error.kind, 'error');
  assert.equal(error.error.reauthenticate, false);
  assert.match(error.error.message, /lacks sso_start_url/);
  assert.equal(model.describe(error).contextValue, 'error retryable');
  assert.equal(fake.count('listAccounts'), 0);
});

test("a role whose credentials need a new sign-in shows one error node that offers the session's sign-in", async () => {
  const signIns: string[] = [];
  const { model, ic: fake } = ssoSetup({
    profiles: [{ name: 'dev', kind: 'static' }],
    deps: {
      checkCredentials: async (profile) => {
        signIns.push(profile);
        if (profile.startsWith('sso:')) throw signInExpired('corp', Date.parse('2026-12-07T09:00:00Z'));
        if (profile === 'dev')
          throw awsError('ExpiredTokenException', 'The security token included in the request is expired');
      },
    },
  });
  fake.accounts = org;
  fake.roles.set('111111111111', ['ReadOnlyAccess']);
  const [role] = await model.getChildren(await accountNode(model, '111111111111'));
  assert.ok(role);
  const children = await model.getChildren(role);
  assert.equal(children.length, 1);
  const error = children[0] as ErrorNode;
  assert.equal(error.kind, 'error');
  assert.equal(error.error.reauthenticate, true);
  assert.equal(model.describe(error).contextValue, 'error retryable ssoSignIn');
  assert.match(model.describe(error).label, /sign-in to IAM Identity Center session corp expired/);
  assert.deepEqual(signIns, ['sso:corp/111111111111/ReadOnlyAccess']);
  // A hand-written profile's expired credentials still offer the profile's own Reauthenticate.
  const dev = (await model.getChildren()).find((n) => n.kind === 'profile');
  assert.ok(dev);
  const [devError] = await model.getChildren(dev);
  assert.ok(devError && devError.kind === 'error');
  assert.equal(model.describe(devError).contextValue, 'error retryable reauthenticate');
});

test('accounts page by the pageSize setting: "Load more…" until the last page; a page the filters empty keeps it', async () => {
  const { model, ic: fake, settings } = ssoSetup({ settings: { pageSize: 2 } });
  fake.accounts = [...org, account('analytics', '555555555555')];
  const session = await sessionNode(model);
  let children = await model.getChildren(session);
  assert.deepEqual(labelsOf(model, children), ['prod-data', 'staging', 'Load more…']);
  while (children.at(-1)?.kind === 'loadMore') {
    await model.loadMore(children.at(-1) as LoadMoreNode);
    children = await model.getChildren(session);
  }
  assert.deepEqual(labelsOf(model, children), ['prod-data', 'staging', 'sandbox', 'prod-web', 'analytics']);
  const pages = fake.calls.filter((c) => c.op === 'listAccounts');
  assert.deepEqual(
    pages.map((c) => [c.nextToken, c.pageSize]),
    [
      [undefined, 2],
      ['2', 2],
      ['4', 2],
    ],
  );

  settings.value = { ...settings.value, identityCenter: ic({ excludeAccounts: ['prod-*', 'staging'] }) };
  model.refreshNode(session);
  children = await model.getChildren(session);
  assert.deepEqual(
    children.map((n) => n.kind),
    ['loadMore'],
  );
  await model.loadMore(children[0] as LoadMoreNode);
  assert.deepEqual(labelsOf(model, await model.getChildren(session)), ['sandbox', 'Load more…']);
});
