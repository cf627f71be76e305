import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  SimSpaceWeaverClient,
  SimSpaceWeaverServiceException,
  TooManyTagsException,
  ValidationException,
} from '../../../src/aws/simspaceweaver/client';
import { resolveSimSpaceWeaverEndpoint } from '../../../src/aws/simspaceweaver/endpoint';
import { classifyAwsError } from '../../../src/aws/errors';
import { startListener, type RecordedRequest, type Reply } from '../../support/listener';

const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue1234567890',
};

const clients: SimSpaceWeaverClient[] = [];
after(() => clients.forEach((c) => c.destroy()));

function client(url: string, extra: Partial<ConstructorParameters<typeof SimSpaceWeaverClient>[0]> = {}) {
  const c = new SimSpaceWeaverClient({ region: 'us-west-2', credentials: CREDENTIALS, endpoint: url, ...extra });
  clients.push(c);
  return c;
}

/** Re-signs what the listener received with the same credentials and date; true when the signature matches. */
async function signatureIsValid(request: RecordedRequest, credentials = CREDENTIALS): Promise<boolean> {
  const authorization = String(request.headers.authorization ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    // The signer adds these itself: the date, the token, and the payload hash computed from the body received.
    if (!['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(name)) {
      headers[name] = String(request.headers[name]);
    }
  }
  const query: Record<string, string> = {};
  request.query.forEach((value, key) => (query[key] = value));
  const unsigned = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: request.path,
    query,
    headers,
    ...(request.body ? { body: request.body } : {}),
  });
  const signer = new SignatureV4({ service: 'simspaceweaver', region: 'us-west-2', credentials, sha256: Sha256 });
  const resigned = await signer.sign(unsigned, { signingDate });
  return resigned.headers.authorization === authorization;
}

test('ListSimulations: GET /listsimulations with query, SigV4 headers that verify, typed output with Dates', async () => {
  const listener = await startListener(() => ({
    headers: { 'x-amzn-requestid': 'rid-1' },
    body: {
      NextToken: 'next',
      Simulations: [
        {
          Name: 'Sim1',
          Arn: 'arn:aws:simspaceweaver:us-west-2:123456789012:simulation/Sim1',
          CreationTime: 1700000000.5,
          Status: 'STARTED',
          TargetStatus: 'STARTED',
          Extra: 1,
        },
      ],
    },
  }));
  try {
    const output = await client(listener.url, { userAgent: 'snapshot-explorer-aws/0.1.0' }).listSimulations({
      MaxResults: 5,
      NextToken: 'a/b+c=',
    });
    const [request] = listener.requests;
    assert.ok(request);
    assert.equal(request.method, 'GET');
    assert.equal(request.path, '/listsimulations');
    assert.equal(request.query.get('maxResults'), '5');
    assert.equal(request.query.get('nextToken'), 'a/b+c=');
    assert.equal(request.body, '');
    assert.match(
      String(request.headers.authorization),
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-west-2\/simspaceweaver\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
    assert.match(String(request.headers['x-amz-date']), /^\d{8}T\d{6}Z$/);
    assert.equal(request.headers['x-amz-security-token'], CREDENTIALS.sessionToken);
    assert.match(String(request.headers['user-agent']), /snapshot-explorer-aws\/0\.1\.0$/);
    assert.equal(request.headers['amz-sdk-request'], 'attempt=1; max=3');
    assert.equal(await signatureIsValid(request), true, 'the signature recomputes with @smithy/signature-v4');
    assert.equal(
      await signatureIsValid({ ...request, path: '/describesimulation' }),
      false,
      'a changed request does not verify',
    );
    assert.deepEqual(output, {
      NextToken: 'next',
      Simulations: [
        {
          Name: 'Sim1',
          Arn: 'arn:aws:simspaceweaver:us-west-2:123456789012:simulation/Sim1',
          CreationTime: new Date(1700000000500),
          Status: 'STARTED',
          TargetStatus: 'STARTED',
        },
      ],
      $metadata: { httpStatusCode: 200, requestId: 'rid-1', attempts: 1, totalRetryDelay: 0 },
    });
  } finally {
    await listener.close();
  }
});

test('DescribeSimulation: GET /describesimulation?simulation=, nested output kept, timestamp as Date', async () => {
  const listener = await startListener(() => ({
    body: {
      Name: 'My.Sim_1',
      CreationTime: 1700000000,
      Status: 'SNAPSHOT_IN_PROGRESS',
      LiveSimulationState: { Clocks: [{ Status: 'STARTED' }], Domains: [{ Name: 'd', Lifecycle: 'PerWorker' }] },
      SnapshotS3Location: { BucketName: 'b', ObjectKey: 'k' },
    },
  }));
  try {
    const output = await client(listener.url).describeSimulation({ Simulation: 'My.Sim_1' });
    const [request] = listener.requests;
    assert.equal(request?.method, 'GET');
    assert.equal(request?.rawUrl, '/describesimulation?simulation=My.Sim_1');
    assert.ok(request && (await signatureIsValid(request)));
    assert.deepEqual(output.CreationTime, new Date(1700000000000));
    assert.equal(output.Status, 'SNAPSHOT_IN_PROGRESS');
    assert.deepEqual(output.LiveSimulationState?.Domains, [{ Name: 'd', Lifecycle: 'PerWorker' }]);
    assert.deepEqual(output.SnapshotS3Location, { BucketName: 'b', ObjectKey: 'k' });
  } finally {
    await listener.close();
  }
});

test('CreateSnapshot: POST /createsnapshot with a JSON body that is signed', async () => {
  const listener = await startListener(() => ({ body: {} }));
  try {
    const output = await client(listener.url).createSnapshot({
      Simulation: 'Sim1',
      Destination: { BucketName: 'my-bucket', ObjectKeyPrefix: 'snaps' },
    });
    const [request] = listener.requests;
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/createsnapshot');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request.body), {
      Destination: { BucketName: 'my-bucket', ObjectKeyPrefix: 'snaps' },
      Simulation: 'Sim1',
    });
    assert.equal(await signatureIsValid(request), true);
    assert.equal(await signatureIsValid({ ...request, body: request.body.replace('Sim1', 'Sim2') }), false);
    assert.equal(output.$metadata.httpStatusCode, 200);
  } finally {
    await listener.close();
  }
});

test('every modeled error parses into its typed class with message, status and request id', async () => {
  const cases: Array<[string, number, new (...args: never[]) => SimSpaceWeaverServiceException, 'client' | 'server']> =
    [
      ['ResourceNotFoundException', 404, ResourceNotFoundException, 'client'],
      ['ValidationException', 400, ValidationException, 'client'],
      ['ConflictException', 409, ConflictException, 'client'],
      ['AccessDeniedException', 403, AccessDeniedException, 'client'],
      ['InternalServerException', 500, InternalServerException, 'server'],
      ['ServiceQuotaExceededException', 402, ServiceQuotaExceededException, 'client'],
      ['TooManyTagsException', 400, TooManyTagsException, 'client'],
    ];
  let current: Reply = {};
  const listener = await startListener(() => current);
  const c = client(listener.url, { retryStrategy: new ConfiguredRetryStrategy(1, 0) });
  try {
    for (const [code, status, ErrorClass, fault] of cases) {
      current = {
        status,
        headers: {
          'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazonaws.simspaceweaver/`,
          'x-amzn-requestid': `rid-${code}`,
        },
        body: { Message: `message of ${code}` },
      };
      const error = await c.describeSimulation({ Simulation: 'x' }).then(
        () => assert.fail('expected an error'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ErrorClass, code);
      assert.ok(error instanceof SimSpaceWeaverServiceException);
      assert.equal(error.name, code);
      assert.equal(error.message, `message of ${code}`);
      assert.equal(error.Message, `message of ${code}`);
      assert.equal(error.$fault, fault);
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.equal(error.$metadata.requestId, `rid-${code}`);
    }
    current = { status: 409, body: { __type: 'com.amazonaws.simspaceweaver#ConflictException', message: 'busy' } };
    const fromBody = await c
      .createSnapshot({ Simulation: 's', Destination: { BucketName: 'b' } })
      .catch((e: unknown) => e);
    assert.ok(fromBody instanceof ConflictException, 'code from __type when the header is absent');
    assert.equal(fromBody.message, 'busy');
    assert.equal(classifyAwsError(fromBody).kind, 'conflict');

    current = { status: 400, headers: { 'x-amzn-errortype': 'SomethingNew' }, body: { Message: 'new' } };
    const unknown = await c.listSimulations().catch((e: unknown) => e);
    assert.ok(unknown instanceof SimSpaceWeaverServiceException);
    assert.equal(unknown.constructor, SimSpaceWeaverServiceException);
    assert.equal(unknown.name, 'SomethingNew');
    assert.equal(unknown.message, 'new');
  } finally {
    await listener.close();
  }
});

test('retries a throttle and a 500 like the SDK, then succeeds with one invocation id', async () => {
  const script: Reply[] = [
    { status: 429, headers: { 'x-amzn-errortype': 'ThrottlingException' }, body: { Message: 'slow down' } },
    { status: 500, headers: { 'x-amzn-errortype': 'InternalServerException' }, body: { Message: 'oops' } },
    { body: { Simulations: [] } },
  ];
  const listener = await startListener((_r, i) => script[i] ?? { status: 500 });
  try {
    const output = await client(listener.url).listSimulations();
    assert.equal(listener.requests.length, 3);
    assert.deepEqual(
      listener.requests.map((r) => r.headers['amz-sdk-request']),
      ['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3'],
    );
    assert.equal(new Set(listener.requests.map((r) => r.headers['amz-sdk-invocation-id'])).size, 1);
    for (const request of listener.requests) assert.equal(await signatureIsValid(request), true);
    assert.equal(output.$metadata.attempts, 3);
    assert.deepEqual(output.Simulations, []);
  } finally {
    await listener.close();
  }
});

test('client errors are not retried; exhausted retries throw the last error with its attempts', async () => {
  const listener = await startListener((r) =>
    r.path === '/describesimulation'
      ? { status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: { Message: 'bad name' } }
      : { status: 503, body: {} },
  );
  try {
    const c = client(listener.url, { retryStrategy: new ConfiguredRetryStrategy(3, 0), maxAttempts: 3 });
    const validation = await c.describeSimulation({ Simulation: '!' }).catch((e: unknown) => e);
    assert.ok(validation instanceof ValidationException);
    assert.equal(listener.requests.length, 1, 'a 400 validation error is sent once');
    assert.equal(validation.$metadata.attempts, 1);
    const unavailable = await c.listSimulations().catch((e: unknown) => e);
    assert.ok(unavailable instanceof SimSpaceWeaverServiceException);
    assert.equal(unavailable.name, 'UnknownError');
    assert.equal(unavailable.$metadata.httpStatusCode, 503);
    assert.equal(unavailable.$metadata.attempts, 3);
    assert.equal(listener.requests.length, 4);
  } finally {
    await listener.close();
  }
});

test('a refused connection is retried, then classified as a network error', async () => {
  const listener = await startListener(() => ({}));
  const url = listener.url;
  await listener.close();
  const error = await client(url, { retryStrategy: new ConfiguredRetryStrategy(2, 0) })
    .listSimulations()
    .catch((e: unknown) => e);
  assert.equal(classifyAwsError(error).kind, 'network');
  assert.equal(classifyAwsError(error).code, 'ECONNREFUSED');
});

test('an abort signal ends a hanging call promptly with an AbortError', async () => {
  const listener = await startListener(() => ({ hang: true }));
  try {
    const controller = new AbortController();
    const pending = client(listener.url).listSimulations({}, { abortSignal: controller.signal });
    while (listener.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(classifyAwsError(error).kind, 'cancelled');
    assert.equal(listener.requests.length, 1, 'an aborted call is not retried');
  } finally {
    await listener.close();
  }
});

test('the endpoint follows the model rule set and honours an override with a base path', async () => {
  assert.equal(
    resolveSimSpaceWeaverEndpoint({ region: 'us-east-1' }).href,
    'https://simspaceweaver.us-east-1.amazonaws.com/',
  );
  assert.equal(
    resolveSimSpaceWeaverEndpoint({ region: 'cn-north-1' }).href,
    'https://simspaceweaver.cn-north-1.amazonaws.com.cn/',
  );
  assert.equal(
    resolveSimSpaceWeaverEndpoint({ region: 'us-gov-west-1' }).host,
    'simspaceweaver.us-gov-west-1.amazonaws.com',
  );
  assert.throws(() => resolveSimSpaceWeaverEndpoint({}), /Invalid Configuration: Missing Region/);
  assert.throws(() => resolveSimSpaceWeaverEndpoint({ region: 'evil.com/x' }), /not a valid region name/);
  assert.equal(client('https://vpce.example:8443').endpoint.href, 'https://vpce.example:8443/');
  const listener = await startListener(() => ({ body: {} }));
  try {
    await client(`${listener.url}/prefix/`).listSimulations();
    assert.equal(listener.requests[0]?.path, '/prefix/listsimulations');
    assert.equal(await signatureIsValid(listener.requests[0] as RecordedRequest), true);
  } finally {
    await listener.close();
  }
});
