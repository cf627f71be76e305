import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountVisible,
  expiryText,
  filterAccounts,
  filterRoles,
  matchesPattern,
  orderRoles,
  preferredRoleNames,
  roleVisible,
  warnAt,
} from '../../../../src/aws/sso/accountFilters';

const accounts = [
  { id: '123456789012', name: 'prod-data' },
  { id: '210987654321', name: 'staging' },
  { id: '333333333333', name: 'sandbox' },
  { id: '555555555555', name: 'Security-Audit' },
];
const roles = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess'].map((name) => ({ name }));

test('matchesPattern: * wildcard, case-insensitive, whole value, regex characters literal', () => {
  assert.equal(matchesPattern('prod-*', 'prod-data'), true);
  assert.equal(matchesPattern('PROD-*', 'prod-data'), true);
  assert.equal(matchesPattern('*data', 'prod-data'), true);
  assert.equal(matchesPattern('prod', 'prod-data'), false);
  assert.equal(matchesPattern('*', 'anything'), true);
  assert.equal(matchesPattern('a.c', 'abc'), false);
  assert.equal(matchesPattern('a.c', 'a.c'), true);
  assert.equal(matchesPattern('(x)+', '(x)+'), true);
  assert.equal(matchesPattern('1234*', '123456789012'), true);
});

test('accounts: include by name or id, exclude wins, empty include shows all', () => {
  assert.deepEqual(
    filterAccounts(accounts, {}).map((a) => a.name),
    ['prod-data', 'staging', 'sandbox', 'Security-Audit'],
  );
  assert.deepEqual(
    filterAccounts(accounts, { includeAccounts: ['prod-*', '333333333333'] }).map((a) => a.name),
    ['prod-data', 'sandbox'],
  );
  assert.deepEqual(
    filterAccounts(accounts, { excludeAccounts: ['security-*', '2109*'] }).map((a) => a.name),
    ['prod-data', 'sandbox'],
  );
  assert.equal(accountVisible(accounts[0]!, { includeAccounts: ['*'], excludeAccounts: ['prod-data'] }), false);
  assert.equal(accountVisible(accounts[0]!, { includeAccounts: ['  '] }), true);
});

test('roles: include and exclude by role name', () => {
  assert.deepEqual(
    filterRoles(roles, { includeRoles: ['*Access'], excludeRoles: ['admin*'] }).map((r) => r.name),
    ['PowerUserAccess', 'ReadOnlyAccess'],
  );
  assert.equal(roleVisible('ReadOnlyAccess', { includeRoles: ['readonly*'] }), true);
  assert.equal(roleVisible('AdministratorAccess', { includeRoles: ['readonly*'] }), false);
});

test('preferred roles: the account id, then its name, then patterns, then *', () => {
  const preferred = {
    '*': ['ReadOnlyAccess'],
    'prod-*': 'PowerUserAccess',
    'prod-data': ['AdministratorAccess'],
  };
  assert.deepEqual(preferredRoleNames(accounts[0]!, preferred), [
    'AdministratorAccess',
    'PowerUserAccess',
    'ReadOnlyAccess',
  ]);
  assert.deepEqual(
    orderRoles(roles, accounts[1]!, preferred).map((r) => r.name),
    ['ReadOnlyAccess', 'AdministratorAccess', 'PowerUserAccess'],
  );
  assert.deepEqual(
    orderRoles(roles, accounts[0]!, { '123456789012': ['readonly*'], '*': ['power*'] }).map((r) => r.name),
    ['ReadOnlyAccess', 'PowerUserAccess', 'AdministratorAccess'],
  );
  assert.deepEqual(
    orderRoles(roles, accounts[2]!, {}).map((r) => r.name),
    roles.map((r) => r.name),
  );
});

test('expiryText: minutes under an hour, expired once past, nothing otherwise', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  assert.equal(expiryText(new Date(now + 25 * 60_000), now), 'expires in 25 min');
  assert.equal(expiryText(new Date(now + 25 * 60_000 + 59_000), now), 'expires in 25 min');
  assert.equal(expiryText(new Date(now + 20_000), now), 'expires in 1 min');
  assert.equal(expiryText(new Date(now + 59 * 60_000), now), 'expires in 59 min');
  assert.equal(expiryText(new Date(now + 60 * 60_000), now), undefined);
  assert.equal(expiryText(new Date(now + 8 * 3600_000), now), undefined);
  assert.equal(expiryText(new Date(now), now), 'expired');
  assert.equal(expiryText(new Date(now - 1), now), 'expired');
});

test('warnAt: ten minutes before expiry', () => {
  assert.equal(warnAt(new Date('2026-12-07T10:00:00Z')).toISOString(), '2026-12-07T09:50:00.000Z');
});
