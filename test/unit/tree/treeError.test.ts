// The error node's data: a request that got no answer within the request timeout says so in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAwsError } from '../../../src/aws/errors';
import { messages } from '../../../src/tree/model/messages';
import { toTreeError } from '../../../src/tree/model/treeError';

test('our request timeout reads "No answer within the request timeout", its code kept; an AWS answer keeps its words', () => {
  const timeout = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded…'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  });
  const node = toTreeError(timeout, classifyAwsError);
  assert.equal(node.message, messages.noAnswer);
  assert.equal(node.code, 'ETIMEDOUT');
  assert.equal(node.kind, 'network');

  const answered = Object.assign(new Error('Your socket connection to the server was not read from'), {
    name: 'RequestTimeout',
    $metadata: { httpStatusCode: 400 },
  });
  assert.equal(
    toTreeError(answered, classifyAwsError).message,
    'Your socket connection to the server was not read from',
  );
});
