// The whole access layer against the local emulator (signatures verified): profiles from a config file, the
// credential source (the SDK's fromIni), the client factory with an endpoint override, and our SimSpace Weaver client.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { DEMO_CREDENTIALS, startEmulator, type RunningEmulator } from '../../../emulator';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource } from '../../../src/aws/credentials';
import { classifyAwsError } from '../../../src/aws/errors';
import { discoverProfiles } from '../../../src/aws/profiles';
import {
  ConflictException,
  ResourceNotFoundException,
  ValidationException,
} from '../../../src/aws/simspaceweaver/client';
import { recordingLogger } from '../../support/recordingLogger';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';

const [demo] = DEMO_CREDENTIALS;
if (!demo) throw new Error('the emulator has no demo credentials');

describe('access layer → emulator: SimSpace Weaver through profiles, credentials and the client factory', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let clients: ClientFactory;
  const { logger, lines } = recordingLogger();

  before(async () => {
    emulator = await startEmulator({ port: 0, verifySignatures: true, snapshotSeconds: 60 });
    dir = await mkdtemp(path.join(tmpdir(), 'aws-integration-'));
    await writeFile(
      path.join(dir, 'credentials'),
      [
        '[demo]',
        `aws_access_key_id = ${demo.accessKeyId}`,
        `aws_secret_access_key = ${demo.secretAccessKey}`,
        '[wrong-secret]',
        `aws_access_key_id = ${demo.accessKeyId}`,
        'aws_secret_access_key = notTheRightSecretKeyForTheDemoAccessKey00',
        '[stranger]',
        'aws_access_key_id = AKIAUNKNOWNKEY000001',
        'aws_secret_access_key = strangerSecretKey0001/NotKnownAnywhere000',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'config'), '[profile demo]\nregion = us-east-1\n');
    const env = {
      HOME: dir,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    };
    const profiles = await discoverProfiles(env);
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.region]),
      [
        ['demo', 'static', 'us-east-1'],
        ['stranger', 'static', undefined],
        ['wrong-secret', 'static', undefined],
      ],
    );
    const credentials = createCredentialSource({ env, logger });
    clients = createClientFactory({
      credentials: (profile) => credentials.provider(profile),
      endpoints: () => ({ '*': emulator.url }),
      requestTimeoutMs: () => 10_000,
      maxConcurrentRequests: () => 4,
      userAgent: 'snapshot-explorer-aws/0.1.0',
      logger,
      maxAttempts: 2,
    });
  });
  after(async () => {
    clients.clear();
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
  });

  it('lists simulations page by page with Dates, and describes one', async () => {
    const ssw = await clients.get(simSpaceWeaverClient, 'demo', 'us-east-1');
    const first = await ssw.listSimulations({ MaxResults: 1 });
    assert.equal(first.Simulations?.length, 1);
    assert.ok(first.NextToken);
    const second = await ssw.listSimulations({ MaxResults: 1, NextToken: first.NextToken });
    const names = [...(first.Simulations ?? []), ...(second.Simulations ?? [])].map((s) => s.Name);
    assert.deepEqual(names, ['city-traffic', 'crowd-evacuation']);
    assert.deepEqual(first.Simulations?.[0]?.CreationTime, new Date('2025-07-01T08:00:00Z'));
    const city = await ssw.describeSimulation({ Simulation: 'city-traffic' });
    assert.equal(city.Status, 'STARTED');
    assert.equal(city.Description, 'Downtown traffic model');
    assert.equal(city.MaximumDuration, '14D');
    assert.ok(city.CreationTime instanceof Date);
    const eu = await clients.get(simSpaceWeaverClient, 'demo', 'eu-west-1');
    const euNames = (await eu.listSimulations()).Simulations?.map((s) => s.Name) ?? [];
    assert.ok(euNames.includes('eu-weather') && !euNames.includes('city-traffic'), 'each region has its own');
  });

  it('creates a snapshot; the simulation shows it in progress and refuses a second one', async () => {
    const ssw = await clients.get(simSpaceWeaverClient, 'demo', 'us-east-1');
    const created = await ssw.createSnapshot({
      Simulation: 'city-traffic',
      Destination: { BucketName: 'weaver-demo-snapshots-use1', ObjectKeyPrefix: 'nightly' },
    });
    assert.equal(created.$metadata.httpStatusCode, 200);
    const after = await ssw.describeSimulation({ Simulation: 'city-traffic' });
    assert.equal(after.Status, 'SNAPSHOT_IN_PROGRESS');
    assert.equal(after.SnapshotS3Location?.BucketName, 'weaver-demo-snapshots-use1');
    assert.match(after.SnapshotS3Location?.ObjectKey ?? '', /^nightly\/snapshot\/city-traffic-\d{6}-\d{4}-\d{2}\.zip$/);
    const again = await ssw
      .createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'weaver-demo-snapshots-use1' } })
      .catch((e: unknown) => e);
    assert.ok(again instanceof ConflictException, String(again));
    assert.equal(classifyAwsError(again).kind, 'conflict');
  });

  it('modeled errors arrive typed: unknown simulation, stopped simulation, bad bucket', async () => {
    const ssw = await clients.get(simSpaceWeaverClient, 'demo', 'us-east-1');
    const missing = await ssw.describeSimulation({ Simulation: 'nope' }).catch((e: unknown) => e);
    assert.ok(missing instanceof ResourceNotFoundException);
    assert.equal(missing.$metadata.httpStatusCode, 404);
    assert.match(missing.message, /nope/);
    const stopped = await ssw
      .createSnapshot({ Simulation: 'crowd-evacuation', Destination: { BucketName: 'weaver-demo-snapshots-use1' } })
      .catch((e: unknown) => e);
    assert.ok(stopped instanceof ValidationException);
    const badBucket = await ssw
      .createSnapshot({ Simulation: 'city-traffic', Destination: { BucketName: 'no-such-bucket-anywhere' } })
      .catch((e: unknown) => e);
    assert.ok(badBucket instanceof ValidationException);
    assert.equal(classifyAwsError(badBucket).kind, 'validation');
  });

  it('a wrong secret fails signature verification and an unknown key is rejected: invalid credentials', async () => {
    const wrong = await (
      await clients.get(simSpaceWeaverClient, 'wrong-secret', 'us-east-1')
    )
      .listSimulations()
      .catch((e: unknown) => e);
    assert.equal((wrong as Error).name, 'InvalidSignatureException');
    assert.equal(classifyAwsError(wrong).kind, 'credentials-invalid');
    const stranger = await (
      await clients.get(simSpaceWeaverClient, 'stranger', 'us-east-1')
    )
      .listSimulations()
      .catch((e: unknown) => e);
    assert.equal((stranger as Error).name, 'UnrecognizedClientException');
    assert.equal(classifyAwsError(stranger).kind, 'credentials-invalid');
  });

  it('throttling is retried up to maxAttempts, then reported as throttled', async () => {
    const faults = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1, services: ['simspaceweaver'] }),
    });
    assert.equal(faults.status, 200);
    const ssw = await clients.get(simSpaceWeaverClient, 'demo', 'us-east-1');
    const error = await ssw.listSimulations().catch((e: unknown) => e);
    assert.equal(classifyAwsError(error).kind, 'throttled');
    const calls = (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as Array<{ operation: string }>;
    assert.equal(calls.filter((c) => c.operation === 'ListSimulations').length, 2, 'two attempts');
    // The SDK clients of the same factory are unaffected (faults target simspaceweaver only).
    const neptune = await clients.get(neptuneGraphClient, 'demo', 'us-east-1');
    assert.ok(Array.isArray((await neptune.send(new ListGraphsCommand({}))).graphs));
  });

  it('logged no secret key of any profile', () => {
    assert.ok(lines.some((l) => l.includes('simspaceweaver ListSimulations [demo] us-east-1 → 200')));
    for (const line of lines) {
      assert.ok(!line.includes(demo.secretAccessKey), line);
      assert.ok(!line.includes('notTheRightSecretKeyForTheDemoAccessKey00'), line);
      assert.ok(!line.includes('AWS4-HMAC-SHA256'), line);
    }
  });
});
