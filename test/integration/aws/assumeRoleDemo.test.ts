// The demo's assume-role profile (scripts/e2e/awsFiles.ts, the throwaway AWS config of `npm start` and the e2e
// tests): `demo-deploy` reaches the staging account through the emulator's STS with nothing but the profile's
// endpoint_url (no endpoint setting), both with the extension's wiring (the client factory's endpoints) and with the
// credential source's default (AWS_ENDPOINT_URL_* and the profile, as the language server and the scripts use it).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { DEMO_CREDENTIALS, startEmulator, type RunningEmulator } from '../../../emulator';
import { awsFilesIn, demoProfiles, writeAwsFiles } from '../../../scripts/e2e/awsFiles';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource } from '../../../src/aws/credentials';
import { createProfileEndpointReader } from '../../../src/aws/endpointConfig';
import { discoverProfiles } from '../../../src/aws/profiles';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { networkGuardState } from '../../support/networkGuard';
import { recordingLogger } from '../../support/recordingLogger';

let emulator: RunningEmulator;
let dir: string;
const factories: ClientFactory[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, verifySignatures: true });
  dir = mkdtempSync(path.join(tmpdir(), 'demo-assume-role-'));
  writeAwsFiles(awsFilesIn(dir), demoProfiles(DEMO_CREDENTIALS), emulator.url);
});

after(async () => {
  factories.forEach((f) => f.clear());
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function env() {
  const files = awsFilesIn(dir);
  return { HOME: dir, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
}

test('the demo config has demo-deploy, a role of staging with demo as its source, beside the key profiles', async () => {
  const profiles = await discoverProfiles(env());
  assert.deepEqual(
    profiles.map((p) => [p.name, p.kind, p.error]),
    [
      ['demo', 'static', undefined],
      ['demo-deploy', 'assume-role', undefined],
      ['demo-ops', 'static', undefined],
      ['demo-readonly', 'static', undefined],
    ],
  );
  assert.match(readFileSync(env().AWS_SHARED_CREDENTIALS_FILE, 'utf8'), /^\[demo\]/);
  assert.doesNotMatch(readFileSync(env().AWS_SHARED_CREDENTIALS_FILE, 'utf8'), /demo-deploy/);
  const withoutDemo = mkdtempSync(path.join(tmpdir(), 'demo-assume-role-'));
  try {
    writeAwsFiles(awsFilesIn(withoutDemo), demoProfiles(DEMO_CREDENTIALS).slice(1), emulator.url);
    assert.doesNotMatch(readFileSync(awsFilesIn(withoutDemo).configFile, 'utf8'), /demo-deploy/, 'no source: no role');
  } finally {
    rmSync(withoutDemo, { recursive: true, force: true });
  }
});

for (const wiring of ['the client factory’s endpoints', 'the default resolver'] as const) {
  test(`demo-deploy lists staging’s graphs with no endpoint setting (${wiring})`, async () => {
    const { logger, lines } = recordingLogger();
    const files = env();
    const credentials = createCredentialSource({
      env: files,
      logger,
      ...(wiring === 'the default resolver'
        ? {}
        : { endpoints: (service, profile) => factory.endpointFor(service, profile) }),
    });
    const factory = createClientFactory({
      credentials: (profile) => credentials.provider(profile),
      endpoints: () => ({}),
      env: files,
      profileEndpoints: createProfileEndpointReader(files),
      requestTimeoutMs: () => 10_000,
      maxConcurrentRequests: () => 4,
      userAgent: 'snapshot-explorer-aws/test',
      logger,
    });
    factories.push(factory);
    const client = await factory.get(neptuneGraphClient, 'demo-deploy', 'us-east-1');
    const graphs = await client.send(new ListGraphsCommand({}));
    assert.deepEqual(
      (graphs.graphs ?? []).map((g) => g.name),
      ['staging-graph'],
    );
    assert.ok(
      lines.includes(
        `debug Created sts client for profile "demo-deploy" in us-east-1: endpoint ${emulator.url} (the endpoint_url of profile "demo-deploy")`,
      ),
      lines.join('\n'),
    );
    assert.deepEqual(networkGuardState()?.blocked ?? [], [], 'no call was meant for another host');
  });
}
