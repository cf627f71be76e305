import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { configFilePath, credentialsFilePath } from '../../../src/aws/paths';

test('shared files default to ~/.aws like the AWS CLI', () => {
  const env = { HOME: '/home/ana' };
  assert.equal(configFilePath(env), path.join('/home/ana', '.aws', 'config'));
  assert.equal(credentialsFilePath(env), path.join('/home/ana', '.aws', 'credentials'));
});

test('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE override the defaults, with ~ expanded', () => {
  const env = { HOME: '/home/ana', AWS_CONFIG_FILE: '~/alt/config', AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' };
  assert.equal(configFilePath(env), path.join('/home/ana', 'alt', 'config'));
  assert.equal(credentialsFilePath(env), '/etc/creds');
});
