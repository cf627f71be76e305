// What counts as an endpoint that no longer answers as its service: no such host, nothing listening, or an HTTP
// answer in no AWS protocol (no request id). An AWS error, whatever its status, is an answer of the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEndpointGone } from '../../../src/aws/endpointAnswer';
import { SimSpaceWeaverServiceException } from '../../../src/aws/simspaceweaver/errors';

const nodeError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

test('a host that is not found or refuses connections is gone (also as the cause of an SDK error)', () => {
  assert.equal(isEndpointGone(nodeError('ENOTFOUND')), true);
  assert.equal(isEndpointGone(nodeError('ECONNREFUSED')), true);
  assert.equal(isEndpointGone(Object.assign(new Error('wrapped'), { cause: nodeError('ENOTFOUND') })), true);
  assert.equal(isEndpointGone(nodeError('ETIMEDOUT')), false, 'a timeout may be an outage');
  assert.equal(isEndpointGone(nodeError('EAI_AGAIN')), false, 'a DNS hiccup is temporary');
});

test('an HTTP answer without the service protocol is gone: what each client throws for an HTML page', () => {
  const json = Object.assign(
    new SyntaxError(`Unexpected token '<'\n  Deserialization error: to see the raw response…`),
    {
      $metadata: { httpStatusCode: 404 },
    },
  );
  const query = Object.assign(new Error('Unknown'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  const weaver = new SimSpaceWeaverServiceException({
    name: 'UnknownError',
    message: 'The service answered HTTP 404 without an error code.',
    $fault: 'client',
    $metadata: { httpStatusCode: 404 },
  });
  for (const error of [json, query, weaver]) assert.equal(isEndpointGone(error), true, String(error));
});

test('an AWS error (it carries a request id), an abort or a plain error is not', () => {
  const aws = (name: string, status: number) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' } });
  assert.equal(isEndpointGone(aws('ResourceNotFoundException', 404)), false);
  assert.equal(isEndpointGone(aws('NotFound', 404)), false);
  assert.equal(isEndpointGone(aws('ThrottlingException', 429)), false);
  assert.equal(isEndpointGone(aws('InternalServerException', 500)), false);
  assert.equal(isEndpointGone(Object.assign(new Error('x'), { name: 'AbortError' })), false);
  assert.equal(isEndpointGone(new Error('boom')), false);
  assert.equal(isEndpointGone(undefined), false);
  assert.equal(isEndpointGone('ENOTFOUND'), false);
});
