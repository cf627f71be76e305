// The endpoint of each client kind from every source, their precedence, the AWS config file as the AWS CLI reads
// it, and the guard that fails closed when a configured override goes missing.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { ClientService } from '../../../src/aws/clients';
import { createProfileEndpointReader } from '../../../src/aws/endpointConfig';
import { createEndpointGuard, EndpointOverrideUnavailableError } from '../../../src/aws/endpointGuard';
import {
  configServiceKey,
  envSuffix,
  resolveEndpoint,
  type EndpointInputs,
  type ProfileEndpointConfig,
} from '../../../src/aws/endpoints';
import { ec2Client, s3Client } from '../../../src/aws/helperClients';
import { docdbClient } from '../../../src/services/docdbClient';
import { neptuneClient } from '../../../src/services/neptuneClient';
import { neptuneGraphClient } from '../../../src/services/neptuneGraphClient';
import { simSpaceWeaverClient } from '../../../src/services/simSpaceWeaverClient';
import { storageGatewayClient } from '../../../src/services/storageGatewayClient';

const kinds: ClientService[] = [
  neptuneGraphClient,
  storageGatewayClient,
  docdbClient,
  neptuneClient,
  ec2Client,
  s3Client,
  simSpaceWeaverClient,
];

function inputs(overrides: Partial<EndpointInputs> = {}): EndpointInputs {
  return { setting: {}, env: {}, profile: 'dev', profileConfig: {}, ...overrides };
}

test('the service names of AWS_ENDPOINT_URL_<SERVICE> and of the [services] section, from the SDK service ids', () => {
  assert.deepEqual(kinds.map(envSuffix), [
    'NEPTUNE_GRAPH',
    'STORAGE_GATEWAY',
    'DOCDB',
    'NEPTUNE',
    'EC2',
    'S3',
    'SIMSPACEWEAVER',
  ]);
  assert.deepEqual(kinds.map(configServiceKey), [
    'neptune_graph',
    'storage_gateway',
    'docdb',
    'neptune',
    'ec2',
    's3',
    'simspaceweaver',
  ]);
});

test('precedence: setting per service, setting *, env per service, env, services section, profile endpoint_url', () => {
  const all: EndpointInputs = inputs({
    setting: { docdb: 'http://a.test', '*': 'http://b.test' },
    env: { AWS_ENDPOINT_URL_DOCDB: 'http://c.test', AWS_ENDPOINT_URL: 'http://d.test' },
    profileConfig: { servicesSection: 'emu', services: { docdb: 'http://e.test' }, endpointUrl: 'http://f.test' },
  });
  const steps: Array<[string, string, (i: EndpointInputs) => EndpointInputs]> = [
    ['http://a.test', 'snapshotExplorer.endpoints["docdb"]', (i) => ({ ...i, setting: { '*': 'http://b.test' } })],
    ['http://b.test', 'snapshotExplorer.endpoints["*"]', (i) => ({ ...i, setting: {} })],
    ['http://c.test', 'AWS_ENDPOINT_URL_DOCDB', (i) => ({ ...i, env: { AWS_ENDPOINT_URL: 'http://d.test' } })],
    ['http://d.test', 'AWS_ENDPOINT_URL', (i) => ({ ...i, env: {} })],
    [
      'http://e.test',
      'the endpoint_url of docdb in [services emu] of profile "dev"',
      (i) => ({ ...i, profileConfig: { endpointUrl: 'http://f.test' } }),
    ],
    ['http://f.test', 'the endpoint_url of profile "dev"', (i) => ({ ...i, profileConfig: {} })],
  ];
  let current = all;
  for (const [url, source, next] of steps) {
    assert.deepEqual(resolveEndpoint(docdbClient, current), { url, source });
    current = next(current);
  }
  assert.deepEqual(resolveEndpoint(docdbClient, current), { url: undefined, source: "AWS's public endpoint" });
});

test('a per-service entry serves only its service; blank entries count as absent', () => {
  const i = inputs({ setting: { 'neptune-graph': 'http://n.test', docdb: '  ' } });
  assert.equal(resolveEndpoint(neptuneGraphClient, i).url, 'http://n.test');
  assert.equal(resolveEndpoint(docdbClient, i).url, undefined);
  assert.equal(resolveEndpoint(ec2Client, inputs({ env: { AWS_ENDPOINT_URL_S3: 'http://s.test' } })).url, undefined);
});

test('ignore_configured_endpoint_urls (profile or environment) ignores the environment and the file, not the setting', () => {
  const configured: Partial<EndpointInputs> = {
    env: { AWS_ENDPOINT_URL: 'http://d.test' },
    profileConfig: { endpointUrl: 'http://f.test' },
  };
  const byEnv = inputs({ ...configured, env: { ...configured.env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } });
  assert.equal(resolveEndpoint(docdbClient, byEnv).url, undefined);
  const byProfile = inputs({ ...configured, profileConfig: { endpointUrl: 'http://f.test', ignoreConfigured: true } });
  assert.equal(resolveEndpoint(docdbClient, byProfile).url, undefined);
  assert.equal(resolveEndpoint(docdbClient, { ...byProfile, setting: { '*': 'http://b.test' } }).url, 'http://b.test');
});

test('a bad URL names the source to fix; a missing services section is an error, not AWS', () => {
  assert.throws(
    () => resolveEndpoint(s3Client, inputs({ env: { AWS_ENDPOINT_URL_S3: 'ftp://x' } })),
    /endpoint override for s3 \("ftp:\/\/x"\) is not a valid http\(s\) URL; fix AWS_ENDPOINT_URL_S3/,
  );
  const missing: ProfileEndpointConfig = { servicesSection: 'gone', error: 'Profile "dev" names the services section' };
  assert.throws(() => resolveEndpoint(s3Client, inputs({ profileConfig: missing })), /names the services section/);
});

test('the AWS config file: endpoint_url, the services section and ignore_configured_endpoint_urls per profile', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-config-'));
  const configFile = path.join(dir, 'config');
  const write = (text: string) => writeFileSync(configFile, text);
  write(
    [
      '[default]',
      'endpoint_url = http://127.0.0.1:1000',
      '[profile emu]',
      'services = local',
      'endpoint_url = http://127.0.0.1:2000',
      '[profile quiet]',
      'endpoint_url = http://127.0.0.1:3000',
      'ignore_configured_endpoint_urls = true',
      '[profile broken]',
      'services = nowhere',
      '[services local]',
      'docdb =',
      '  endpoint_url = http://127.0.0.1:4000',
      'neptune_graph =',
      '  endpoint_url = http://127.0.0.1:5000',
      '',
    ].join('\n'),
  );
  const read = createProfileEndpointReader({ AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: `${dir}/none` });
  assert.deepEqual(await read('default'), { endpointUrl: 'http://127.0.0.1:1000' });
  const emu = await read('emu');
  assert.deepEqual(emu, {
    endpointUrl: 'http://127.0.0.1:2000',
    servicesSection: 'local',
    services: { docdb: 'http://127.0.0.1:4000', neptune_graph: 'http://127.0.0.1:5000' },
  });
  assert.equal(
    resolveEndpoint(neptuneGraphClient, inputs({ profile: 'emu', profileConfig: emu })).url,
    'http://127.0.0.1:5000',
  );
  assert.equal(resolveEndpoint(ec2Client, inputs({ profile: 'emu', profileConfig: emu })).url, 'http://127.0.0.1:2000');
  assert.deepEqual(await read('quiet'), { endpointUrl: 'http://127.0.0.1:3000', ignoreConfigured: true });
  assert.match(
    (await read('broken')).error ?? '',
    /services section "nowhere", which the AWS config file does not have/,
  );
  assert.deepEqual(await read('@env'), {});
  // An edit is seen by the next read (size or modification time changed).
  write('[profile emu]\nendpoint_url = http://127.0.0.1:6000\n');
  assert.deepEqual(await read('emu'), { endpointUrl: 'http://127.0.0.1:6000' });
});

test('the guard remembers overrides, refuses kinds whose override went missing, and lets released ones through', () => {
  let stored: Readonly<Record<string, string>> = {};
  let writes = 0;
  const guard = createEndpointGuard({
    get: () => stored,
    set: (value) => {
      writes += 1;
      stored = value;
    },
  });
  assert.deepEqual(guard.observe({}), {}, 'nothing configured: nothing missing');
  guard.check('docdb', undefined); // never configured: an unreadable setting refuses nothing
  assert.deepEqual(guard.observe({ '*': 'http://127.0.0.1:4566', docdb: 'http://127.0.0.1:9000' }), {});
  assert.equal(writes, 1);
  guard.observe({ '*': 'http://127.0.0.1:4566', docdb: 'http://127.0.0.1:9000' });
  assert.equal(writes, 1, 'an unchanged setting is not written again');
  assert.deepEqual(guard.observe({ '*': 'http://127.0.0.1:4566' }), { docdb: 'http://127.0.0.1:9000' });
  assert.throws(() => guard.check('docdb', { '*': 'http://127.0.0.1:4566' }), EndpointOverrideUnavailableError);
  guard.check('neptune-graph', { '*': 'http://127.0.0.1:4566' });
  guard.check('neptune-graph', { 'neptune-graph': 'http://127.0.0.1:1' }); // its own key replaces `*`: fine
  assert.throws(() => guard.check('neptune-graph', undefined), /Endpoint override not available/);
  assert.throws(() => guard.check('s3', {}), /s3 now \(it was http:\/\/127\.0\.0\.1:4566\)/);
  guard.release(['docdb', 'neptune-graph']);
  assert.deepEqual(guard.observe({ '*': 'http://127.0.0.1:4566' }), {});
  guard.check('docdb', { '*': 'http://127.0.0.1:4566' });
  guard.release(['*']);
  guard.check('s3', {});
  assert.deepEqual(stored, {});
});
