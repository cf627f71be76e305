import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSsoProfileName, parseSsoProfileName, ssoProfileName } from '../../../../src/aws/sso/ssoProfiles';

test('ssoProfileName builds sso:<session>/<account>/<role>', () => {
  assert.equal(ssoProfileName('corp', '123456789012', 'ReadOnlyAccess'), 'sso:corp/123456789012/ReadOnlyAccess');
});

test('parseSsoProfileName round-trips, also for session names with slashes', () => {
  for (const session of ['corp', 'team/dev', 'a/b/c', 'my-company']) {
    const name = ssoProfileName(session, '210987654321', 'Power.User+1@x=y,z');
    assert.deepEqual(parseSsoProfileName(name), {
      session,
      accountId: '210987654321',
      roleName: 'Power.User+1@x=y,z',
    });
    assert.equal(isSsoProfileName(name), true);
  }
});

test('parseSsoProfileName is undefined for any other name', () => {
  for (const name of [
    'default',
    'corp',
    'sso-admin',
    'sso:corp',
    'sso:corp/123456789012',
    'sso:/123456789012/Admin',
    'sso:corp/12345678901/Admin',
    'sso:corp/1234567890123/Admin',
    'sso:corp/123456789012/',
    'sso:corp/123456789012/Ad min',
    'SSO:corp/123456789012/Admin',
    'xsso:corp/123456789012/Admin',
  ]) {
    assert.equal(parseSsoProfileName(name), undefined, name);
  }
});
