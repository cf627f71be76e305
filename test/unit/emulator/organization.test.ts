// The emulator's demo organisation (accounts and roles as data) and its store of issued temporary credentials.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssuedCredentials, roleId } from '../../../emulator/identity/issued';
import { demoOrganization, findRole } from '../../../emulator/identity/organization';
import { FULL_ACCESS, READ_ONLY_ACCESS } from '../../../emulator/identity/policies';
import { assumableRole, parseRoleArn } from '../../../emulator/services/sts/roles';

describe('emulator: the demo organisation', () => {
  it('has six named accounts by default, the default account (prod-data) first', () => {
    const org = demoOrganization();
    assert.deepEqual(
      org.map((a) => [a.id, a.name]),
      [
        ['123456789012', 'prod-data'],
        ['210987654321', 'staging'],
        ['333333333333', 'sandbox'],
        ['444444444444', 'analytics'],
        ['555555555555', 'security-audit'],
        ['666666666666', 'shared-services'],
      ],
    );
    for (const account of org) {
      assert.ok(account.roles.length >= 1 && account.roles.length <= 3, account.name);
      assert.equal(account.email, `${account.name}@example.com`);
    }
  });

  it('size 100 → 100 accounts with unique 12-digit ids, the generated ones with three roles each', () => {
    const org = demoOrganization(100);
    assert.equal(org.length, 100);
    assert.equal(new Set(org.map((a) => a.id)).size, 100);
    assert.equal(new Set(org.map((a) => a.name)).size, 100);
    for (const account of org) assert.match(account.id, /^\d{12}$/, account.name);
    assert.deepEqual(org[6], {
      id: '100000000007',
      name: 'account-007',
      email: 'account-007@example.com',
      roles: org[6]!.roles,
    });
    assert.equal(org[99]!.id, '100000000100');
    assert.equal(org[99]!.name, 'account-100');
    for (const account of org.slice(6)) {
      assert.deepEqual(
        account.roles.map((r) => r.name),
        ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess'],
      );
    }
  });

  it('refuses a size that is not a whole number from 1', () => {
    for (const size of [0, -1, 2.5, Number.NaN]) assert.throws(() => demoOrganization(size), RangeError);
    assert.equal(demoOrganization(1).length, 1);
  });

  it('finds a role of an account, with its policy; nothing for another account or name', () => {
    const org = demoOrganization();
    assert.equal(findRole(org, '210987654321', 'ReadOnlyAccess')?.policy, READ_ONLY_ACCESS);
    assert.equal(findRole(org, '210987654321', 'AdministratorAccess')?.policy, FULL_ACCESS);
    assert.equal(findRole(org, '333333333333', 'ReadOnlyAccess'), undefined);
    assert.equal(findRole(org, '999999999999', 'AdministratorAccess'), undefined);
  });

  it('STS can assume the organisation roles and the extra demo roles, and reads role ARNs with paths', () => {
    const org = demoOrganization();
    assert.deepEqual(parseRoleArn('arn:aws:iam::210987654321:role/deploy'), {
      accountId: '210987654321',
      roleName: 'deploy',
    });
    assert.deepEqual(parseRoleArn('arn:aws:iam::210987654321:role/team/a/deploy')?.roleName, 'deploy');
    assert.equal(parseRoleArn('arn:aws:iam::2109876543:role/deploy'), undefined);
    assert.equal(parseRoleArn('arn:aws:iam::210987654321:user/deploy'), undefined);
    assert.equal(assumableRole(org, '210987654321', 'admin-mfa')?.requireMfa, true);
    assert.equal(assumableRole(org, '444444444444', 'PowerUserAccess')?.policy, FULL_ACCESS);
    assert.equal(assumableRole(org, '123456789012', 'deploy'), undefined);
  });
});

describe('emulator: issued temporary credentials', () => {
  const request = {
    accountId: '210987654321',
    roleName: 'ReadOnlyAccess',
    sessionName: 'me',
    policy: READ_ONLY_ACCESS,
    durationSeconds: 900,
    now: 1_000_000,
  };

  it('issues ASIA keys with a secret, a session token and an expiration, and finds them by key until cleared', () => {
    const store = new IssuedCredentials();
    const first = store.issue(request);
    const second = store.issue(request);
    assert.match(first.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.notEqual(first.accessKeyId, second.accessKeyId);
    assert.notEqual(first.secretAccessKey, second.secretAccessKey);
    assert.notEqual(first.sessionToken, second.sessionToken);
    assert.equal(first.expiration, 1_000_000 + 900_000);
    assert.equal(first.arn, 'arn:aws:sts::210987654321:assumed-role/ReadOnlyAccess/me');
    assert.equal(first.userId, `${roleId('210987654321', 'ReadOnlyAccess')}:me`);
    assert.match(first.userId, /^AROA[A-Z0-9]{17}:me$/);
    assert.equal(first.policy, READ_ONLY_ACCESS);
    assert.equal(store.lookup(first.accessKeyId), first);
    assert.equal(store.lookup('ASIAAAAAAAAAAAAAAAAA'), undefined);
    assert.equal(store.size, 2);
    store.clear();
    assert.equal(store.lookup(first.accessKeyId), undefined);
    assert.equal(store.size, 0);
  });
});
