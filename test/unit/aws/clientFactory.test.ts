import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { createClientFactory, type ClientFactoryOptions } from '../../../src/aws/clientFactory';
import { createEndpointGuard, EndpointOverrideUnavailableError } from '../../../src/aws/endpointGuard';
import { classifyAwsError } from '../../../src/aws/errors';
import { startListener } from '../../support/listener';
import { recordingLogger } from '../../support/recordingLogger';
import { s3Client } from '../../../src/aws/helperClients';
import { docdbClient } from '../../../src/services/docdbClient';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';

const credentials = () => async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' });

const factories: Array<{ clear(): void }> = [];
after(() => factories.forEach((f) => f.clear()));

function factory(overrides: Partial<ClientFactoryOptions> = {}) {
  const f = createClientFactory({
    credentials,
    endpoints: () => ({}),
    requestTimeoutMs: () => 5_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-aws/0.1.0',
    logger: recordingLogger().logger,
    ...overrides,
  });
  factories.push(f);
  return f;
}

test('one client per (kind, profile, region): same instance for the same key, new otherwise', async () => {
  const f = factory();
  const a = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
  assert.equal(await f.get(neptuneGraphClient, 'dev', 'us-east-1'), a);
  assert.notEqual(await f.get(neptuneGraphClient, 'dev', 'eu-west-1'), a);
  assert.notEqual(await f.get(neptuneGraphClient, 'prod', 'us-east-1'), a);
  const [x, y] = await Promise.all([f.get(docdbClient, 'dev', 'us-east-1'), f.get(docdbClient, 'dev', 'us-east-1')]);
  assert.equal(x, y, 'concurrent first calls get one client');
  assert.equal(await a.config.region(), 'us-east-1');
  const ssw = await f.get(simSpaceWeaverClient, 'dev', 'ap-southeast-2');
  assert.equal(ssw.region, 'ap-southeast-2');
  assert.equal(ssw.endpoint.href, 'https://simspaceweaver.ap-southeast-2.amazonaws.com/');
  f.clear();
  assert.notEqual(await f.get(neptuneGraphClient, 'dev', 'us-east-1'), a, 'clear() drops the cached clients');
});

test('endpoint overrides: the per-service key wins over "*", and bad URLs get a clear message', async () => {
  let endpoints: Record<string, string> = { '*': 'http://127.0.0.1:4566', 'neptune-graph': 'http://127.0.0.1:9000' };
  const f = factory({ endpoints: () => endpoints });
  assert.equal((await f.endpointFor(neptuneGraphClient, 'dev')).url, 'http://127.0.0.1:9000');
  assert.equal((await f.endpointFor(docdbClient, 'dev')).url, 'http://127.0.0.1:4566');
  const neptune = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
  const endpoint = await neptune.config.endpoint?.();
  assert.equal(endpoint?.hostname, '127.0.0.1');
  assert.equal(endpoint?.port, 9000);
  assert.equal((await f.get(simSpaceWeaverClient, 'dev', 'us-east-1')).endpoint.href, 'http://127.0.0.1:4566/');
  const s3 = await f.get(s3Client, 'dev', 'us-east-1');
  assert.equal(s3.config.forcePathStyle, true, 'S3 uses path-style addressing on an overridden endpoint');
  endpoints = { docdb: 'not a url' };
  f.clear();
  await assert.rejects(
    f.get(docdbClient, 'dev', 'us-east-1'),
    /endpoint override for docdb \("not a url"\) is not a valid http\(s\) URL; fix snapshotExplorer\.endpoints\["docdb"\]/,
  );
  assert.equal((await f.endpointFor(s3Client, 'dev')).url, undefined);
  assert.equal((await f.get(s3Client, 'dev', 'us-east-1')).config.forcePathStyle, false);
});

test('the endpoint of every source reaches the client: environment and the profile of the AWS config', async () => {
  const { logger, lines } = recordingLogger();
  const f = factory({
    endpoints: () => ({}),
    env: { AWS_ENDPOINT_URL_DOCDB: 'http://127.0.0.1:7001' },
    profileEndpoints: async (profile) =>
      profile === 'emu' ? { endpointUrl: 'http://127.0.0.1:7002', services: { s3: 'http://127.0.0.1:7003' } } : {},
    logger,
  });
  const docdb = await f.get(docdbClient, 'emu', 'us-east-1');
  assert.equal((await docdb.config.endpoint?.())?.port, 7001, 'AWS_ENDPOINT_URL_DOCDB before the config file');
  const neptune = await f.get(neptuneGraphClient, 'emu', 'us-east-1');
  assert.equal((await neptune.config.endpoint?.())?.port, 7002, "the profile's endpoint_url");
  const s3 = await f.get(s3Client, 'emu', 'us-east-1');
  assert.equal((await s3.config.endpoint?.())?.port, 7003, "the profile's services section");
  assert.equal(s3.config.forcePathStyle, true);
  const other = await f.get(neptuneGraphClient, 'other', 'us-east-1');
  assert.equal(other.config.isCustomEndpoint, false, 'another profile keeps AWS endpoints');
  assert.equal(other.config.ignoreConfiguredEndpointUrls, true, "the SDK never reads the default profile's");
  assert.ok(
    lines.includes(
      'debug Created docdb client for profile "emu" in us-east-1: endpoint http://127.0.0.1:7001 (AWS_ENDPOINT_URL_DOCDB)',
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      'debug Created neptune-graph client for profile "other" in us-east-1: AWS\'s public endpoint (no override)',
    ),
    lines.join('\n'),
  );
});

test('fail closed: once an override was seen, a client is never built without it', async () => {
  let known: Readonly<Record<string, string>> = {};
  const guard = createEndpointGuard({ get: () => known, set: (value) => (known = value) });
  let setting: Record<string, string> | undefined = { '*': 'http://127.0.0.1:4566' };
  let unreadable = false;
  const f = factory({
    endpoints: () => {
      if (unreadable) throw new Error('configuration not ready');
      return setting;
    },
    guard,
    // Even with an endpoint_url in the AWS config, a missing override of the setting refuses the client.
    profileEndpoints: async () => ({ endpointUrl: 'http://127.0.0.1:7777' }),
  });
  const before = await f.get(docdbClient, 'dev', 'us-east-1');
  assert.equal((await before.config.endpoint?.())?.port, 4566);
  for (const lost of [{}, undefined, 'throws'] as const) {
    f.clear();
    setting = lost === 'throws' ? setting : lost;
    unreadable = lost === 'throws';
    await assert.rejects(f.get(docdbClient, 'dev', 'us-east-1'), (error: unknown) => {
      assert.ok(error instanceof EndpointOverrideUnavailableError, String(error));
      assert.match(error.message, /^Endpoint override not available: .*docdb.*http:\/\/127\.0\.0\.1:4566/);
      return true;
    });
    await assert.rejects(f.get(simSpaceWeaverClient, 'dev', 'us-east-1'), EndpointOverrideUnavailableError);
  }
  unreadable = false;
  setting = { '*': 'http://127.0.0.1:4566' };
  assert.equal((await (await f.get(docdbClient, 'dev', 'us-east-1')).config.endpoint?.())?.port, 4566, 'back again');
  f.clear();
  setting = {};
  guard.release(['*']);
  const released = await f.get(docdbClient, 'dev', 'us-east-1');
  assert.equal((await released.config.endpoint?.())?.port, 7777, 'released: the next source applies');
});

test('a clear() during a client creation never keeps a client built from the old settings', async () => {
  let setting: Record<string, string> = { '*': 'http://127.0.0.1:4566' };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const f = factory({
    endpoints: () => setting,
    profileEndpoints: async () => {
      await gate;
      return {};
    },
  });
  const first = f.get(docdbClient, 'dev', 'us-east-1');
  f.clear();
  setting = { '*': 'http://127.0.0.1:5000' };
  release();
  assert.equal((await (await first).config.endpoint?.())?.port, 5000, 'rebuilt from the settings after the clear');
  assert.equal((await (await f.get(docdbClient, 'dev', 'us-east-1')).config.endpoint?.())?.port, 5000);
});

test('a real call reaches the overridden endpoint, signed, with the user-agent suffix, and is logged', async () => {
  const listener = await startListener((r) => (r.method === 'HEAD' ? { status: 200 } : { body: { graphs: [] } }));
  const { logger, lines } = recordingLogger();
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }), logger });
    const neptune = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
    const output = await neptune.send(new ListGraphsCommand({}));
    assert.deepEqual(output.graphs, []);
    const [request] = listener.requests;
    assert.equal(request?.method, 'GET');
    assert.equal(request?.path, '/graphs');
    assert.match(String(request?.headers['user-agent']), /snapshot-explorer-aws\/0\.1\.0/);
    assert.match(
      String(request?.headers.authorization),
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/neptune-graph\//,
    );
    assert.match(String(request?.headers['amz-sdk-request']), /max=5/, 'DEFAULT_MAX_ATTEMPTS');

    const s3 = await f.get(s3Client, 'dev', 'us-east-1');
    await s3.send(new HeadBucketCommand({ Bucket: 'my-bucket' }));
    assert.match(String(listener.requests[1]?.path), /^\/my-bucket\/?$/, 'path-style bucket addressing');

    const ssw = await f.get(simSpaceWeaverClient, 'dev', 'us-east-1');
    await ssw.listSimulations();
    assert.match(String(listener.requests[2]?.headers['user-agent']), /snapshot-explorer-aws\/0\.1\.0$/);

    assert.ok(
      lines.some((l) => /^debug neptune-graph ListGraphs \[dev\] us-east-1 → 200 in \d+ ms$/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => /^debug s3 HeadBucket \[dev\] us-east-1 → 200 in \d+ ms$/.test(l)));
    assert.ok(lines.some((l) => /^debug simspaceweaver ListSimulations \[dev\] us-east-1 → 200 in \d+ ms$/.test(l)));
  } finally {
    await listener.close();
  }
});

test('failed calls are logged with their status and code after standard retries', async () => {
  const listener = await startListener(() => ({
    status: 403,
    headers: { 'x-amzn-errortype': 'AccessDeniedException' },
    body: { message: 'no' },
  }));
  const { logger, lines } = recordingLogger();
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }), logger });
    const neptune = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
    const error = await neptune.send(new ListGraphsCommand({})).catch((e: unknown) => e);
    assert.equal(classifyAwsError(error).kind, 'access-denied');
    assert.equal(listener.requests.length, 1, 'a 403 is not retried');
    assert.ok(lines.some((l) => /neptune-graph ListGraphs \[dev\] us-east-1 → 403 AccessDeniedException in/.test(l)));
    assert.equal(await neptune.config.retryStrategy().then((s) => (s as { mode?: string }).mode), 'standard');
  } finally {
    await listener.close();
  }
});

test('the clients of one profile and region share one retry policy (its quota); other places have their own', async () => {
  const f = factory();
  const strategy = async (client: { config: { retryStrategy(): Promise<unknown> } }) => client.config.retryStrategy();
  const here = await strategy(await f.get(neptuneGraphClient, 'dev', 'us-east-1'));
  assert.equal(await strategy(await f.get(docdbClient, 'dev', 'us-east-1')), here);
  assert.notEqual(await strategy(await f.get(docdbClient, 'dev', 'eu-west-1')), here);
  assert.notEqual(await strategy(await f.get(docdbClient, 'prod', 'us-east-1')), here);
});

test('a 500 is retried; a request that timed out is not sent again (one request timeout, not three)', async () => {
  let answered = 0;
  const failing = await startListener(() =>
    ++answered < 3
      ? { status: 500, headers: { 'x-amzn-errortype': 'InternalServerException' }, body: { message: 'oops' } }
      : { body: { graphs: [] } },
  );
  const silent = await startListener(() => ({ hang: true }));
  try {
    const retried = await factory({ endpoints: () => ({ '*': failing.url }), retry: { transientBaseMs: 1 } });
    const neptune = await retried.get(neptuneGraphClient, 'dev', 'us-east-1');
    const output = await neptune.send(new ListGraphsCommand({}));
    assert.equal(output.$metadata.attempts, 3);
    assert.equal(failing.requests.length, 3);

    const f = factory({ endpoints: () => ({ '*': silent.url }), requestTimeoutMs: () => 300 });
    const hanging = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
    const started = Date.now();
    const error = await hanging.send(new ListGraphsCommand({})).catch((e: unknown) => e);
    assert.equal(classifyAwsError(error).kind, 'network', String(error));
    assert.equal(silent.requests.length, 1, 'sent once');
    assert.ok(Date.now() - started < 900, `failed after ${Date.now() - started} ms`);
    // Our SimSpace Weaver client follows the same policy.
    const weaver = await f.get(simSpaceWeaverClient, 'dev', 'us-east-1');
    const weaverError = await weaver.listSimulations().catch((e: unknown) => e);
    assert.equal(classifyAwsError(weaverError).kind, 'network', String(weaverError));
    assert.equal(silent.requests.length, 2, 'sent once');
  } finally {
    await failing.close();
    await silent.close();
  }
});

test('the request timeout setting applies: a silent endpoint fails as a network error', async () => {
  const listener = await startListener(() => ({ hang: true }));
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }), requestTimeoutMs: () => 200, maxAttempts: 1 });
    const neptune = await f.get(neptuneGraphClient, 'dev', 'us-east-1');
    const started = Date.now();
    const error = await neptune.send(new ListGraphsCommand({})).catch((e: unknown) => e);
    assert.equal(classifyAwsError(error).kind, 'network', String(error));
    assert.ok(Date.now() - started < 3_000);
  } finally {
    await listener.close();
  }
});

test('requests in flight never exceed maxConcurrentRequests per profile and region, across its clients', async () => {
  const listener = await startListener(
    () => new Promise((resolve) => setTimeout(() => resolve({ body: { graphs: [] } }), 40)),
  );
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }), maxConcurrentRequests: () => 2 });
    // Two clients of one profile and region (two kinds) share its limit.
    const calls = [0, 1, 2].flatMap(() => [
      f.get(neptuneGraphClient, 'dev', 'us-east-1').then((c) => c.send(new ListGraphsCommand({}))),
      f
        .get(s3Client, 'dev', 'us-east-1')
        .then((c) => c.send(new HeadBucketCommand({ Bucket: 'b' })).catch(() => undefined)),
    ]);
    await Promise.all(calls);
    assert.equal(listener.requests.length, 6);
    assert.equal(listener.stats.maxInFlight, 2);
  } finally {
    await listener.close();
  }
});

test('other profiles and regions do not wait for a busy one', async () => {
  const listener = await startListener(
    () => new Promise((resolve) => setTimeout(() => resolve({ body: { graphs: [] } }), 40)),
  );
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }), maxConcurrentRequests: () => 2 });
    const places: Array<[string, string]> = [
      ['dev', 'us-east-1'],
      ['dev', 'eu-west-1'],
      ['prod', 'us-east-1'],
    ];
    const calls = places.flatMap(([profile, region]) =>
      [0, 1].map(async () => (await f.get(neptuneGraphClient, profile, region)).send(new ListGraphsCommand({}))),
    );
    await Promise.all(calls);
    assert.equal(listener.requests.length, 6);
    assert.equal(listener.stats.maxInFlight, 6, 'three places × their own limit of 2');
  } finally {
    await listener.close();
  }
});

test('clients of every profile and region share one pool of kept-alive connections; clear() closes it', async () => {
  const listener = await startListener(() => ({ body: { graphs: [] } }));
  try {
    const f = factory({ endpoints: () => ({ '*': listener.url }) });
    const places: Array<[string, string]> = [
      ['dev', 'us-east-1'],
      ['prod', 'us-east-1'],
      ['dev', 'eu-west-1'],
    ];
    // One call after another: each finds the connection the previous client left open.
    for (const [profile, region] of [...places, ...places]) {
      await (await f.get(neptuneGraphClient, profile, region)).send(new ListGraphsCommand({}));
    }
    assert.equal(listener.requests.length, 6);
    assert.equal(listener.stats.connections, 1, 'six calls of three clients over one connection');
    // A client destroyed on its own (as the SDK allows) leaves the shared pool to the others.
    (await f.get(neptuneGraphClient, 'dev', 'us-east-1')).destroy();
    await (await f.get(neptuneGraphClient, 'prod', 'us-east-1')).send(new ListGraphsCommand({}));
    assert.equal(listener.stats.connections, 1);
    f.clear();
    await (await f.get(neptuneGraphClient, 'prod', 'us-east-1')).send(new ListGraphsCommand({}));
    assert.equal(listener.stats.connections, 2, 'clear() closed the pool: the next call connects again');
  } finally {
    await listener.close();
  }
});
