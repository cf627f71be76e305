import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  InternalServerException,
  ListGraphsCommand,
  NeptuneGraphClient,
  ThrottlingException,
} from '@aws-sdk/client-neptune-graph';
import { DescribeDBClustersCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { ListGatewaysCommand, StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import { DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { SimSpaceWeaverClient } from '../../../src/aws/simspaceweaver/client';
import { rawRequest, rejects, startTestEmulator, type TestEmulator } from './helpers';

describe('emulator: authentication, call log, admin API and fault injection', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const withKeys = (accessKeyId: string, secretAccessKey: string) => ({
    ...emu.config(),
    credentials: { accessKeyId, secretAccessKey },
  });

  it('rejects an unknown access key with each protocol’s error (403, or 401 AuthFailure for EC2)', async () => {
    const unknown = withKeys('AKIAUNKNOWNKEY000000', 'secret');
    await rejects(new NeptuneGraphClient(unknown).send(new ListGraphsCommand({})), {
      name: 'UnrecognizedClientException',
      status: 403,
    });
    await rejects(new StorageGatewayClient(unknown).send(new ListGatewaysCommand({})), {
      name: 'UnrecognizedClientException',
      status: 403,
    });
    await rejects(new DocDBClient(unknown).send(new DescribeDBClustersCommand({})), {
      name: 'InvalidClientTokenId',
      status: 403,
    });
    await rejects(new EC2Client(unknown).send(new DescribeSnapshotsCommand({})), { name: 'AuthFailure', status: 401 });
    await rejects(new S3Client({ ...unknown, forcePathStyle: true }).send(new ListBucketsCommand({})), {
      name: 'InvalidAccessKeyId',
      status: 403,
    });
    await rejects(new SimSpaceWeaverClient(unknown).listSimulations({}), {
      name: 'UnrecognizedClientException',
      status: 403,
    });
  });

  it('rejects a wrong secret (bad signature) with InvalidSignatureException / SignatureDoesNotMatch', async () => {
    const wrong = withKeys('AKIAEMULATORDEMO0002', 'not-the-secret');
    await rejects(new NeptuneGraphClient(wrong).send(new ListGraphsCommand({})), {
      name: 'InvalidSignatureException',
      status: 403,
    });
    await rejects(new StorageGatewayClient(wrong).send(new ListGatewaysCommand({})), {
      name: 'InvalidSignatureException',
    });
    await rejects(new DocDBClient(wrong).send(new DescribeDBClustersCommand({})), {
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
    await rejects(new EC2Client(wrong).send(new DescribeSnapshotsCommand({})), { name: 'SignatureDoesNotMatch' });
    await rejects(new S3Client({ ...wrong, forcePathStyle: true }).send(new ListBucketsCommand({})), {
      name: 'SignatureDoesNotMatch',
    });
    await rejects(new SimSpaceWeaverClient(wrong).listSimulations({}), { name: 'InvalidSignatureException' });
  });

  it('rejects a tampered body even when the header signature is well-formed', async () => {
    const ok = await rawRequest(emu.url, { method: 'GET', path: '/graphs', service: 'neptune-graph' });
    assert.equal(ok.status, 200);
    const response = await rawRequest(emu.url, {
      method: 'POST',
      path: '/snapshots',
      service: 'neptune-graph',
      body: JSON.stringify({ graphIdentifier: 'g-cust0demo1', snapshotName: 'a' }),
      headers: { 'content-type': 'application/json', 'x-amz-content-sha256': 'f'.repeat(64) },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
  });

  it('rejects requests without Authorization, or with a garbled one, as each protocol does', async () => {
    const unsigned = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
      fetch(`${emu.url}${path}`, { method: init.method ?? 'GET', body: init.body, headers: init.headers });
    let r = await unsigned('/graphs');
    assert.deepEqual([r.status, r.headers.get('x-amzn-errortype')], [403, 'MissingAuthenticationTokenException']);
    r = await unsigned('/', {
      method: 'POST',
      body: '{}',
      headers: { 'x-amz-target': 'StorageGateway_20130630.ListGateways', 'content-type': 'application/x-amz-json-1.1' },
    });
    assert.equal(r.status, 403);
    assert.equal(((await r.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');
    r = await unsigned('/', {
      method: 'POST',
      body: 'Action=DescribeDBClusters&Version=2014-10-31',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /<Code>MissingAuthenticationToken<\/Code>/);
    r = await unsigned('/', {
      method: 'POST',
      body: 'Action=DescribeSnapshots&Version=2016-11-15',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.match(await r.text(), /<Code>MissingAuthenticationToken<\/Code>/);
    r = await unsigned('/');
    assert.equal(r.status, 403);
    assert.match(await r.text(), /<Code>AccessDenied<\/Code>/);
    r = await unsigned('/graphs', { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=garbage' } });
    assert.equal(r.headers.get('x-amzn-errortype'), 'IncompleteSignatureException');
    const calls = await emu.calls();
    assert.deepEqual(
      calls.map((c) => [c.service, c.operation, c.status]),
      [
        ['neptune-graph', 'ListGraphs', 403],
        ['storagegateway', 'ListGateways', 403],
        ['docdb', 'DescribeDBClusters', 403],
        ['ec2', 'DescribeSnapshots', 401],
        ['s3', 'ListBuckets', 403],
        ['neptune-graph', 'ListGraphs', 403],
      ],
    );
  });

  it('records every call in order with service, operation, region, status, access key id and account; reset empties it', async () => {
    await new NeptuneGraphClient(emu.config('eu-west-1')).send(new ListGraphsCommand({ maxResults: 1 }));
    await rejects(new DocDBClient(emu.config()).send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })), {
      name: 'DBClusterNotFoundFault',
    });
    assert.deepEqual(await emu.calls(), [
      {
        service: 'neptune-graph',
        operation: 'ListGraphs',
        region: 'eu-west-1',
        status: 200,
        accessKeyId: 'AKIAEMULATORDEMO0001',
        accountId: '123456789012',
      },
      {
        service: 'docdb',
        operation: 'DescribeDBClusters',
        region: 'us-east-1',
        status: 404,
        accessKeyId: 'AKIAEMULATORDEMO0001',
        accountId: '123456789012',
        error: 'DBClusterNotFoundFault',
      },
    ]);
    await emu.reset();
    assert.deepEqual(await emu.calls(), []);
    const health = await emu.admin('GET', 'health');
    assert.equal((health.json as { status: string }).status, 'ok');
  });

  it('rejects bad fault settings with 400 and an explanation', async () => {
    for (const body of [
      { throttleRate: 2 },
      { errorRate: -1 },
      { latencyMs: 'slow' },
      { throttleRate: 0.6, errorRate: 0.6 },
      { operations: 'x' },
      { hang: 'docdb' },
    ]) {
      const r = await emu.admin('POST', 'faults', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match((r.json as { error: string }).error, /must/);
    }
  });

  it('throttles and fails at the configured rates with each service’s errors, deterministically for a seed', async () => {
    const client = new NeptuneGraphClient(emu.config());
    const run = async (): Promise<string> => {
      let outcome = '';
      for (let i = 0; i < 200; i++) {
        try {
          await client.send(new ListGraphsCommand({ maxResults: 1 }));
          outcome += '.';
        } catch (error) {
          if (error instanceof ThrottlingException) {
            assert.equal(error.$metadata.httpStatusCode, 429);
            outcome += 'T';
          } else if (error instanceof InternalServerException) {
            assert.equal(error.$metadata.httpStatusCode, 500);
            outcome += 'E';
          } else throw error;
        }
      }
      return outcome;
    };
    await emu.admin('POST', 'faults', { throttleRate: 0.3, errorRate: 0.1, seed: 42 });
    const first = await run();
    const throttled = [...first].filter((c) => c === 'T').length;
    const failed = [...first].filter((c) => c === 'E').length;
    // Binomial(200, 0.3): mean 60, sd ≈ 6.5; Binomial(200, 0.1): mean 20, sd ≈ 4.2. Bounds at about 4 sd.
    assert.ok(throttled >= 34 && throttled <= 86, `throttled ${throttled}`);
    assert.ok(failed >= 4 && failed <= 37, `failed ${failed}`);
    await emu.admin('POST', 'faults', { throttleRate: 0.3, errorRate: 0.1, seed: 42 });
    assert.equal(await run(), first, 'the same seed gives the same sequence');
  });

  it('limits faults to the named services and operations, with each service’s throttling error', async () => {
    await emu.admin('POST', 'faults', {
      throttleRate: 1,
      services: ['docdb', 'ec2', 's3', 'storagegateway', 'simspaceweaver'],
    });
    await new NeptuneGraphClient(emu.config()).send(new ListGraphsCommand({}));
    await rejects(new DocDBClient(emu.config()).send(new DescribeDBClustersCommand({})), {
      name: 'Throttling',
      status: 400,
    });
    await rejects(new EC2Client(emu.config()).send(new DescribeSnapshotsCommand({})), {
      name: 'RequestLimitExceeded',
      status: 503,
    });
    await rejects(new S3Client({ ...emu.config(), forcePathStyle: true }).send(new ListBucketsCommand({})), {
      name: 'SlowDown',
      status: 503,
    });
    await rejects(new StorageGatewayClient(emu.config()).send(new ListGatewaysCommand({})), {
      name: 'ThrottlingException',
      status: 400,
    });
    await rejects(new SimSpaceWeaverClient(emu.config()).listSimulations({}), {
      name: 'ThrottlingException',
      status: 429,
    });
    await emu.admin('POST', 'faults', { errorRate: 1, operations: ['DescribeSnapshots'] });
    await new DocDBClient(emu.config()).send(new DescribeDBClustersCommand({}));
    await rejects(new EC2Client(emu.config()).send(new DescribeSnapshotsCommand({})), {
      name: 'InternalError',
      status: 500,
    });
  });

  it('hangs every call of the services named in `hang` until the faults change, the others answering', async () => {
    await emu.admin('POST', 'faults', { hang: ['docdb'], latencyMs: 10 });
    const client = new DocDBClient({ ...emu.config(), maxAttempts: 1 });
    let settled = false;
    const hung = client.send(new DescribeDBClustersCommand({})).finally(() => (settled = true));
    await new NeptuneGraphClient(emu.config()).send(new ListGraphsCommand({}));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(settled, false, 'no answer while the setting lasts');
    await emu.admin('POST', 'faults', {});
    await rejects(hung, { name: 'InternalFailure', status: 500 });
  });

  it('adds the configured latency', async () => {
    await emu.admin('POST', 'faults', { latencyMs: 120 });
    const started = Date.now();
    await new NeptuneGraphClient(emu.config()).send(new ListGraphsCommand({}));
    assert.ok(Date.now() - started >= 115, `took ${Date.now() - started} ms`);
  });
});
