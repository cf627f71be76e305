import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { createClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource } from '../../../src/aws/credentials';
import { classifyAwsError } from '../../../src/aws/errors';
import { discoverProfiles } from '../../../src/aws/profiles';
import { describeError } from '../../../src/aws/redact';
import { startListener } from '../../support/listener';
import { recordingLogger } from '../../support/recordingLogger';
import { s3Client } from '../../../src/aws/helperClients';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLEtokenValueThatIsLongEnoughToLookReal0123456789abcdefghij==';

test('a full run with known fake keys logs neither the secret, the token nor any Authorization value', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'secrets-'));
  let sswCalls = 0;
  const listener = await startListener((request) => {
    if (request.path === '/graphs') return { body: { graphs: [] } };
    if (request.method === 'HEAD') return { status: 200 };
    if (request.path === '/listsimulations') {
      sswCalls += 1;
      return sswCalls === 1
        ? { status: 500, headers: { 'x-amzn-errortype': 'InternalServerException' }, body: { Message: 'retry me' } }
        : { body: { Simulations: [{ Name: 'Sim1', CreationTime: 1700000000 }] } };
    }
    if (request.path === '/createsnapshot') {
      return { status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException' }, body: { Message: 'denied' } };
    }
    return { status: 404, headers: { 'x-amzn-errortype': 'ResourceNotFoundException' }, body: { Message: 'gone' } };
  });
  const { logger, lines } = recordingLogger();
  const env = {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
  try {
    await writeFile(
      env.AWS_SHARED_CREDENTIALS_FILE,
      `[dev]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n` +
        // A malformed line holding the secret: its error message must not quote it.
        `[broken]\naws_secret_access_key ${SECRET}\n`,
    );
    await writeFile(env.AWS_CONFIG_FILE, '[profile dev]\nregion = us-east-1\n');
    for (const profile of await discoverProfiles(env)) {
      logger.info(`profile ${profile.name}: ${profile.kind}${profile.error ? ` (${profile.error})` : ''}`);
    }
    const credentials = createCredentialSource({ env, logger });
    const clients = createClientFactory({
      credentials: (profile) => credentials.provider(profile),
      endpoints: () => ({ '*': listener.url }),
      requestTimeoutMs: () => 5_000,
      maxConcurrentRequests: () => 4,
      userAgent: 'snapshot-explorer-aws/0.1.0',
      logger,
    });
    try {
      await (await clients.get(neptuneGraphClient, 'dev', 'us-east-1')).send(new ListGraphsCommand({}));
      await (await clients.get(s3Client, 'dev', 'us-east-1')).send(new HeadBucketCommand({ Bucket: 'b' }));
      const ssw = await clients.get(simSpaceWeaverClient, 'dev', 'us-east-1');
      await ssw.listSimulations();
      for (const failing of [
        () => ssw.createSnapshot({ Simulation: 'Sim1', Destination: { BucketName: 'b' } }),
        () => ssw.describeSimulation({ Simulation: 'Nope' }),
        () => credentials.provider('missing')(),
      ]) {
        const error = await failing().then(
          () => assert.fail('expected a failure'),
          (e: unknown) => e,
        );
        // What the command wrapper does with a failure: log it with its classification.
        logger.error(`${JSON.stringify(classifyAwsError(error))} ${describeError(error)}`);
      }
    } finally {
      clients.clear();
    }
  } finally {
    await listener.close();
    await rm(dir, { recursive: true, force: true });
  }

  const authorizations = listener.requests.map((r) => String(r.headers.authorization));
  assert.equal(listener.requests.length, 6, 'every call reached the listener (one retried)');
  assert.ok(
    authorizations.every((a) => a.startsWith('AWS4-HMAC-SHA256 ')),
    'the requests were signed',
  );
  assert.ok(
    listener.requests.every((r) => r.headers['x-amz-security-token'] === TOKEN),
    'with the session token',
  );
  assert.ok(lines.length >= 10, `the run logged something to check (${lines.length} lines)`);
  assert.ok(lines.some((l) => l.includes('simspaceweaver ListSimulations [dev] us-east-1 → 200')));
  assert.ok(lines.some((l) => l.includes('simspaceweaver CreateSnapshot [dev] us-east-1 → 403 AccessDeniedException')));
  const signatures = authorizations.map((a) => /Signature=([0-9a-f]+)/.exec(a)?.[1] ?? 'missing');
  for (const line of lines) {
    assert.ok(!line.includes(SECRET), `secret key in: ${line}`);
    assert.ok(!line.includes(TOKEN) && !line.includes(TOKEN.slice(0, 24)), `session token in: ${line}`);
    assert.ok(!line.includes('AWS4-HMAC-SHA256'), `Authorization value in: ${line}`);
    for (const authorization of authorizations) assert.ok(!line.includes(authorization));
    for (const signature of signatures) assert.ok(!line.includes(signature), `signature in: ${line}`);
  }
});
