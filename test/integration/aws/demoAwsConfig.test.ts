// The throwaway AWS config of `npm start` and the e2e tests (scripts/e2e/awsFiles.ts) keeps the demo off AWS on its
// own: with the endpoint setting empty or unreadable (a window that did not get the user settings), every client of
// every demo profile resolves to the emulator through the profile's `endpoint_url`, and a call reaches the emulator
// (the network guard of the test process fails the run on any other host).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ListGraphsCommand } from '@aws-sdk/client-neptune-graph';
import { DEMO_CREDENTIALS, startEmulator } from '../../../emulator';
import { awsFilesIn, demoProfiles, writeAwsFiles } from '../../../scripts/e2e/awsFiles';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import type { ClientSpec } from '../../../src/aws/clients';
import { createProfileEndpointReader } from '../../../src/aws/endpointConfig';
import { ec2Client, s3Client } from '../../../src/aws/helperClients';
import { docdbClient } from '../../../src/services/docdbClient';
import { neptuneClient } from '../../../src/services/neptuneClient';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';
import { storageGatewayClient } from '../../../src/services/storageGatewayClient';
import { recordingLogger } from '../../support/recordingLogger';
import { networkGuardState } from '../../support/networkGuard';

const specs: ClientSpec<object>[] = [
  docdbClient,
  neptuneClient,
  neptuneGraphClient,
  simSpaceWeaverClient,
  storageGatewayClient,
  ec2Client,
  s3Client,
];
const profiles = demoProfiles(DEMO_CREDENTIALS);

let emulator: { url: string; stop(): Promise<void> };
let dir: string;
const factories: ClientFactory[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'demo-aws-config-'));
  writeAwsFiles(awsFilesIn(dir), profiles, emulator.url);
});

after(async () => {
  factories.forEach((f) => f.clear());
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function factory(endpoints: () => Readonly<Record<string, string>> | undefined): ClientFactory {
  const files = awsFilesIn(dir);
  const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const f = createClientFactory({
    credentials: (profile) => async () => ({
      accessKeyId: byName.get(profile)?.accessKeyId ?? '',
      secretAccessKey: byName.get(profile)?.secretAccessKey ?? '',
    }),
    endpoints,
    env,
    profileEndpoints: createProfileEndpointReader(env),
    requestTimeoutMs: () => 5_000,
    maxConcurrentRequests: () => 4,
    userAgent: 'snapshot-explorer-aws/test',
    logger: recordingLogger().logger,
  });
  factories.push(f);
  return f;
}

for (const [what, endpoints] of [
  ['empty', () => ({})],
  ['unreadable', () => undefined],
] as const) {
  test(`with the endpoint setting ${what}, every client of every demo profile resolves to the emulator`, async () => {
    const f = factory(endpoints);
    assert.ok(profiles.length >= 2, 'the demo has several profiles');
    for (const profile of profiles) {
      for (const spec of specs) {
        const resolved = await f.endpointFor(spec, profile.name);
        assert.equal(resolved.url, emulator.url, `${spec.kind} of ${profile.name}: ${resolved.source}`);
        assert.match(resolved.source, /endpoint_url of profile/);
      }
    }
  });
}

test('with no setting at all, a call of a demo profile reaches the emulator', async () => {
  const f = factory(() => undefined);
  const [first] = profiles;
  const client = await f.get(neptuneGraphClient, first!.name, first!.region);
  const answer = await client.send(new ListGraphsCommand({}));
  assert.ok((answer.graphs ?? []).length > 0, 'the emulator listed its demo graphs');
  assert.deepEqual(networkGuardState()?.blocked ?? [], [], 'no call was meant for another host');
});
