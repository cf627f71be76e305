// IAM Identity Center in the explorer model, finding and moving: the name filter finds accounts by name or id without
// listing any account's roles, collapsed accounts are never asked for anything, and getParent walks role → account →
// session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { account, accountNode, labelsOf, sessionNode, ssoSetup } from './ssoFakes';

const org = [
  account('prod-data', '111111111111'),
  account('staging', '222222222222'),
  account('sandbox', '333333333333'),
  account('prod-web', '444444444444'),
];

test('the filter finds accounts by name or id without listing any account’s roles', async () => {
  const { model, ic: fake } = ssoSetup();
  fake.accounts = org;
  for (const a of org) fake.roles.set(a.id, ['ReadOnlyAccess']);
  model.setFilter('STAG');
  const root = await model.getChildren();
  assert.deepEqual(labelsOf(model, root), ['corp · IAM Identity Center']);
  assert.equal(model.describe(root[0]!).collapsible, 'expanded');
  const accounts = await model.getChildren(root[0]);
  assert.deepEqual(labelsOf(model, accounts), ['staging']);
  assert.equal(model.describe(accounts[0]!).collapsible, 'collapsed');
  assert.equal(fake.count('listRoles'), 0);

  model.setFilter('3333');
  assert.deepEqual(labelsOf(model, await model.getChildren(await sessionNode(model))), ['sandbox']);
  assert.equal(fake.count('listRoles'), 0);

  // No account matches: the session hides (no roles listed to find out).
  model.setFilter('no-such-account');
  assert.deepEqual(labelsOf(model, await model.getChildren()), []);
  assert.equal(fake.count('listRoles'), 0);

  // Expanding a matching account lists its roles, all shown under it.
  model.setFilter('prod-data');
  const prod = (await model.getChildren(await sessionNode(model))).find((n) => n.kind === 'ssoAccount');
  assert.ok(prod);
  assert.deepEqual(labelsOf(model, await model.getChildren(prod)), ['ReadOnlyAccess']);
  assert.equal(fake.count('listRoles'), 1);
});

test('getParent: a role’s parent is its account, an account’s its session, a session has none', async () => {
  const { model, ic: fake } = ssoSetup();
  fake.accounts = org;
  fake.roles.set('222222222222', ['ReadOnlyAccess']);
  const session = await sessionNode(model);
  const staging = await accountNode(model, '222222222222');
  const [role] = await model.getChildren(staging);
  assert.ok(role);
  const [region] = await model.getChildren(role);
  assert.ok(region);
  const parents: Array<ExplorerNode | undefined> = [region, role, staging, session].map((n) => model.getParent(n));
  assert.deepEqual(parents, [role, staging, session, undefined]);
  assert.equal(staging.id, 'sso/corp/222222222222');
  assert.equal(role.id, 'sso/corp/222222222222/ReadOnlyAccess');
});

test('collapsed accounts are never asked for their roles; only expanded ones are, once each', async () => {
  const { model, ic: fake } = ssoSetup();
  fake.accounts = org;
  for (const a of org) fake.roles.set(a.id, ['AdministratorAccess', 'ReadOnlyAccess']);
  const accounts = await model.getChildren(await sessionNode(model));
  assert.equal(accounts.length, org.length);
  assert.equal(fake.count('listRoles'), 0);
  await model.getChildren(accounts[1]);
  await model.getChildren(accounts[1]);
  assert.deepEqual(
    fake.calls.filter((c) => c.op === 'listRoles').map((c) => c.accountId),
    ['222222222222'],
  );
});
