import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError, reauthenticateAdvice, type AwsErrorKind } from '../../../src/aws/errors';
import type { ProfileInfo } from '../../../src/aws/profiles';

function serviceError(name: string, status: number, message = 'boom'): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-1' },
  });
}

function providerError(message: string, name = 'CredentialsProviderError'): Error {
  return Object.assign(new Error(message), { name });
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code, syscall: 'connect' });
}

test('service error codes map to their kinds, with code, request id and status', () => {
  const cases: Array<[string, number, AwsErrorKind]> = [
    ['ExpiredToken', 400, 'credentials-expired'],
    ['ExpiredTokenException', 400, 'credentials-expired'],
    ['UnrecognizedClientException', 400, 'credentials-invalid'],
    ['InvalidClientTokenId', 403, 'credentials-invalid'],
    ['AuthFailure', 401, 'credentials-invalid'],
    ['InvalidAccessKeyId', 403, 'credentials-invalid'],
    ['SignatureDoesNotMatch', 403, 'credentials-invalid'],
    ['AccessDeniedException', 403, 'access-denied'],
    ['AccessDenied', 403, 'access-denied'],
    ['Throttling', 400, 'throttled'],
    ['ThrottlingException', 400, 'throttled'],
    ['RequestLimitExceeded', 503, 'throttled'],
    ['SlowDown', 503, 'throttled'],
    ['TooManyRequests', 429, 'throttled'],
    ['ResourceNotFoundException', 404, 'not-found'],
    ['DBClusterNotFoundFault', 404, 'not-found'],
    ['ValidationException', 400, 'validation'],
    ['InvalidParameterValue', 400, 'validation'],
    ['ConflictException', 409, 'conflict'],
    ['DBClusterSnapshotAlreadyExistsFault', 400, 'conflict'],
    ['InvalidDBClusterStateFault', 400, 'conflict'],
    ['ServiceQuotaExceededException', 402, 'quota'],
    ['SnapshotQuotaExceeded', 400, 'quota'],
    ['InternalServerException', 500, 'other'],
  ];
  for (const [name, status, kind] of cases) {
    const info = classifyAwsError(serviceError(name, status));
    assert.equal(info.kind, kind, name);
    assert.equal(info.code, name);
    assert.equal(info.httpStatus, status);
    assert.equal(info.requestId, 'req-1');
    assert.equal(info.message, 'boom');
  }
});

test('credential provider failures are expired or missing credentials', () => {
  const expired = [
    'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    'Token is expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    'The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    'UnauthorizedException: Session token not found or invalid',
  ];
  for (const message of expired) assert.equal(classifyAwsError(providerError(message)).kind, 'credentials-expired');
  assert.equal(classifyAwsError(providerError('Token is expired.', 'TokenProviderError')).kind, 'credentials-expired');
  const missing = [
    'Could not load credentials from any providers',
    'Could not resolve credentials using profile: [dev] in configuration/credentials file(s).',
    'Profile dev was not found.',
    'Profile dev could not be found in shared credentials file.',
    'Unable to find environment variable credentials.',
    'Profile dev requires multi-factor authentication, but no MFA code callback was provided.',
  ];
  for (const message of missing) assert.equal(classifyAwsError(providerError(message)).kind, 'credentials-missing');
  assert.equal(
    classifyAwsError(providerError('Detected a cycle attempting to resolve credentials for profile a')).kind,
    'credentials-invalid',
  );
});

test('socket errors, timeouts and aborts are network and cancelled', () => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']) {
    const info = classifyAwsError(nodeError(code));
    assert.equal(info.kind, 'network', code);
    assert.equal(info.code, code);
  }
  assert.equal(classifyAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).kind, 'network');
  const wrapped = new Error('socket hang up', { cause: nodeError('ECONNRESET') });
  assert.equal(classifyAwsError(wrapped).kind, 'network', 'a network cause counts');
  assert.equal(classifyAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind, 'cancelled');
  assert.equal(classifyAwsError(new DOMException('This operation was aborted', 'AbortError')).kind, 'cancelled');
});

test('odd thrown values still classify, and secrets in messages are masked', () => {
  assert.deepEqual(classifyAwsError('plain string'), { kind: 'other', message: 'plain string' });
  assert.deepEqual(classifyAwsError(undefined), { kind: 'other', message: 'Unknown error' });
  assert.equal(classifyAwsError({ $metadata: { httpStatusCode: 403 }, message: 'nope' }).kind, 'access-denied');
  const leaky = classifyAwsError(new Error('bad aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
  assert.ok(!leaky.message.includes('wJalrXUtnFEMI'), leaky.message);
});

const profile = (p: Partial<ProfileInfo> & Pick<ProfileInfo, 'name' | 'kind'>): ProfileInfo => ({
  sources: ['config'],
  ...p,
});

test('reauthenticate advice: aws sso login for SSO, followed through a role chain', () => {
  const sso = profile({ name: 'corp-sso', kind: 'sso', ssoSession: 'corp' });
  assert.equal(reauthenticateAdvice(sso).command, 'aws sso login --profile corp-sso');
  const role = profile({ name: 'admin', kind: 'assume-role', sourceProfile: 'corp-sso', roleArn: 'arn:x' });
  const advice = reauthenticateAdvice(role, [sso, role]);
  assert.equal(advice.command, 'aws sso login --profile corp-sso');
  assert.match(advice.message, /Profile "admin" assumes its role with the credentials of profile "corp-sso"/);
  assert.equal(reauthenticateAdvice(role).command, undefined, 'without the profile list: no command to guess');
  assert.equal(
    reauthenticateAdvice(profile({ name: "o'hara", kind: 'sso' })).command,
    `aws sso login --profile 'o'\\''hara'`,
  );
  assert.equal(reauthenticateAdvice(profile({ name: 'dev', kind: 'static' })).command, 'aws configure --profile dev');
  assert.match(reauthenticateAdvice(profile({ name: '@env', kind: 'env' })).message, /AWS_ACCESS_KEY_ID/);
  const loop = profile({ name: 'loop', kind: 'assume-role', sourceProfile: 'loop' });
  assert.equal(reauthenticateAdvice(loop, [loop]).command, undefined, 'a self-referencing role does not recurse');
});
