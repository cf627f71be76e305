import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import {
  ConflictException,
  ResourceNotFoundException,
  SimSpaceWeaverClient,
  ValidationException,
} from '../../../src/aws/simspaceweaver/client';
import { rawRequest, rejects, startTestEmulator, type TestEmulator } from './helpers';

describe('emulator: simspaceweaver over restJson1 (self-signed requests and our own client) and s3', () => {
  let emu: TestEmulator;
  let client: SimSpaceWeaverClient;
  before(async () => {
    emu = await startTestEmulator({ snapshotSeconds: 5 });
    client = new SimSpaceWeaverClient(emu.config());
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const signed = (method: string, path: string, query?: Record<string, string>, body?: string) =>
    rawRequest(emu.url, {
      method,
      path,
      query,
      body,
      headers: body ? { 'content-type': 'application/json' } : {},
      service: 'simspaceweaver',
    });

  it('answers requests signed with @smithy/signature-v4 in the model wire format', async () => {
    const list = await signed('GET', '/listsimulations');
    assert.equal(list.status, 200);
    const body = JSON.parse(list.text) as { Simulations: { Name: string; Status: string; CreationTime: number }[] };
    assert.deepEqual(
      body.Simulations.map((s) => [s.Name, s.Status]),
      [
        ['city-traffic', 'STARTED'],
        ['crowd-evacuation', 'STOPPED'],
      ],
    );
    assert.equal(body.Simulations[0]!.CreationTime, Date.parse('2025-07-01T08:00:00Z') / 1000, 'epoch seconds');
    const missing = await signed('GET', '/describesimulation', { simulation: 'nope' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.match((JSON.parse(missing.text) as { Message: string }).Message, /nope/);
    const created = await signed(
      'POST',
      '/createsnapshot',
      undefined,
      JSON.stringify({ Simulation: 'city-traffic', Destination: { BucketName: 'weaver-demo-snapshots-use1' } }),
    );
    assert.deepEqual([created.status, created.text], [200, '{}']);
  });

  it('takes a snapshot with our client: SNAPSHOT_IN_PROGRESS, then STARTED, SnapshotS3Location set', async () => {
    emu.clock.advance(Date.parse('2026-03-04T05:06:07Z') - emu.clock.now);
    await client.createSnapshot({
      Simulation: 'city-traffic',
      Destination: { BucketName: 'weaver-demo-snapshots-use1', ObjectKeyPrefix: 'weekly' },
    });
    let sim = await client.describeSimulation({ Simulation: 'city-traffic' });
    assert.equal(sim.Status, 'SNAPSHOT_IN_PROGRESS');
    assert.deepEqual(sim.SnapshotS3Location, {
      BucketName: 'weaver-demo-snapshots-use1',
      ObjectKey: 'weekly/snapshot/city-traffic-260304-0506-07.zip',
    });
    await rejects(
      client.createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'weaver-demo-snapshots-use1' } }),
      {
        cls: ConflictException,
      },
    );
    emu.clock.advance(5_000);
    sim = await client.describeSimulation({ Simulation: 'city-traffic' });
    assert.equal(sim.Status, 'STARTED');
    const listed = await client.listSimulations({});
    assert.equal(listed.Simulations?.find((s) => s.Name === 'city-traffic')?.Status, 'STARTED');
  });

  it('refuses a stopped simulation, a missing bucket and a bucket in another region with ValidationException', async () => {
    const dest = { BucketName: 'weaver-demo-snapshots-use1' };
    await rejects(client.createSnapshot({ Simulation: 'crowd-evacuation', Destination: dest }), {
      cls: ValidationException,
      message: /STOPPED/,
    });
    await rejects(
      client.createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'no-such-bucket' } }),
      {
        cls: ValidationException,
        message: /does not exist/,
      },
    );
    await rejects(
      client.createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'weaver-demo-snapshots-euw1' } }),
      {
        cls: ValidationException,
        message: /eu-west-1/,
      },
    );
    await rejects(client.createSnapshot({ Simulation: 'ghost', Destination: dest }), {
      cls: ResourceNotFoundException,
    });
    await rejects(client.describeSimulation({ Simulation: 'has space' }), {
      cls: ValidationException,
      message: /pattern/,
    });
    await rejects(client.createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'ab' } }), {
      cls: ValidationException,
      message: /destination\.bucketName/,
    });
  });

  it('pages ListSimulations with NextToken, every simulation once', async () => {
    const eu = new SimSpaceWeaverClient(emu.config('eu-west-1'));
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await eu.listSimulations({ MaxResults: 40, NextToken: token });
      names.push(...(page.Simulations ?? []).map((s) => s.Name!));
      token = page.NextToken;
      pages += 1;
    } while (token);
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 106);
    await rejects(eu.listSimulations({ NextToken: 'forged' }), { cls: ValidationException });
  });

  it('s3: lists every bucket with its region and heads buckets path-style (200, 404, 301 for another region)', async () => {
    const s3 = new S3Client({ ...emu.config(), forcePathStyle: true });
    const list = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(
      list.Buckets?.map((b) => [b.Name, b.BucketRegion]),
      [
        ['weaver-123456789012-schemas', 'us-east-1'],
        ['weaver-demo-snapshots-euw1', 'eu-west-1'],
        ['weaver-demo-snapshots-use1', 'us-east-1'],
      ],
    );
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'weaver-demo-snapshots-use1' }));
    assert.equal(head.BucketRegion, 'us-east-1');
    await rejects(s3.send(new HeadBucketCommand({ Bucket: 'not-there' })), { name: 'NotFound', status: 404 });
    const moved = await rejects(s3.send(new HeadBucketCommand({ Bucket: 'weaver-demo-snapshots-euw1' })), {
      status: 301,
    });
    assert.equal(
      (moved as unknown as { $response?: { headers: Record<string, string> } }).$response?.headers[
        'x-amz-bucket-region'
      ],
      'eu-west-1',
    );
    const paged = await s3.send(new ListBucketsCommand({ MaxBuckets: 2 }));
    assert.equal(paged.Buckets?.length, 2);
    const rest = await s3.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: paged.ContinuationToken }));
    assert.deepEqual(
      rest.Buckets?.map((b) => b.Name),
      ['weaver-demo-snapshots-use1'],
    );
  });
});
