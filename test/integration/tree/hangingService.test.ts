// A service that does not answer, through the real SDK clients against the emulator (its `hang` fault): its branch
// says it is still loading, then shows its error node (with Retry) after ONE request timeout, not three; the other
// services of the region load meanwhile; Retry loads it once the service answers again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, DEMO_CREDENTIALS } from '../../../emulator';
import { createClientFactory, type ClientFactory } from '../../../src/aws/clientFactory';
import { createCredentialSource } from '../../../src/aws/credentials';
import { classifyAwsError } from '../../../src/aws/errors';
import { discoverProfiles } from '../../../src/aws/profiles';
import { silentLogger } from '../../../src/log';
import { services } from '../../../src/services/registry';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import { messages } from '../../../src/tree/model/messages';
import type { ErrorNode, ServiceNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings, type TreeSettings } from '../../../src/tree/model/treeSettings';

const REQUEST_TIMEOUT_MS = 1_500;
let emulator: { url: string; stop(): Promise<void> };
let dir: string;
let factory: ClientFactory | undefined;

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'tree-hang-'));
  const [demo] = DEMO_CREDENTIALS;
  writeFileSync(path.join(dir, 'config'), '[profile demo]\nregion = us-east-1\n');
  writeFileSync(
    path.join(dir, 'credentials'),
    `[demo]\naws_access_key_id = ${demo!.accessKeyId}\naws_secret_access_key = ${demo!.secretAccessKey}\n`,
  );
});

after(async () => {
  factory?.clear();
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function admin(route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  assert.equal(response.status, 200, route);
  return response.json();
}

test('a hanging listing shows its error node after one request timeout; the rest of the tree is unaffected', async () => {
  await admin('/_emulator/faults', { hang: ['docdb'] });
  const env = {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
  const source = createCredentialSource({ env, logger: silentLogger });
  factory = createClientFactory({
    credentials: (profile) => source.provider(profile),
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => REQUEST_TIMEOUT_MS,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-tests/0',
    logger: silentLogger,
  });
  const settings: TreeSettings = { ...defaultTreeSettings, regions: { '*': ['us-east-1'] } };
  const model = new ExplorerModel({
    profiles: () => discoverProfiles(env),
    clients: factory,
    services,
    settings: () => settings,
    classifyError: classifyAwsError,
    slowLoads: { afterMs: 500 },
  });
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  const nodes = (await model.getChildren(region)) as ServiceNode[];
  const docdb = nodes.find((n) => n.service.id === 'docdb');
  const graphs = nodes.find((n) => n.service.id === 'neptune-graph');
  assert.ok(docdb && graphs);

  const started = Date.now();
  const hanging = model.getChildren(docdb);
  const others = await model.getChildren(graphs);
  assert.ok(
    others.some((n) => n.kind === 'resource'),
    'the other services load meanwhile',
  );
  assert.ok(Date.now() - started < REQUEST_TIMEOUT_MS, 'without waiting for the hanging one');
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(model.isLoadingSlowly(docdb), true, 'it says it is still loading');
  assert.equal(model.isLoadingSlowly(graphs), false);

  const [error] = await hanging;
  const elapsed = Date.now() - started;
  assert.equal(error?.kind, 'error');
  const view = model.describe(error);
  assert.equal(view.label, 'Could not list clusters: ' + messages.noAnswer);
  assert.equal(view.description, 'ETIMEDOUT');
  assert.match(view.contextValue, /\bretryable\b/);
  assert.equal((error as ErrorNode).error.kind, 'network');
  assert.ok(elapsed >= REQUEST_TIMEOUT_MS - 50, `after the timeout (${elapsed} ms)`);
  assert.ok(elapsed < 2 * REQUEST_TIMEOUT_MS, `after one timeout, not three (${elapsed} ms)`);
  assert.equal(model.isLoadingSlowly(docdb), false);

  // The service answers again (the emulator then answers, and logs, the calls it held): Retry loads it.
  await admin('/_emulator/faults', {});
  await new Promise((resolve) => setTimeout(resolve, 100));
  const log = (await admin('/_emulator/calls')) as Array<{ service: string; operation: string }>;
  assert.equal(log.filter((c) => c.service === 'docdb').length, 1, 'the timed-out listing was sent once');
  await model.retry(error as ErrorNode);
  const clusters = await model.getChildren(docdb);
  assert.ok(
    clusters.some((n) => n.kind === 'resource'),
    'Retry loads the clusters',
  );
  model.dispose();
});
