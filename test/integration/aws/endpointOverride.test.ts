// The endpoint override through settings changes, as the extension wires it (ui/awsAccess.ts with a scripted
// `vscode` configuration), with the real client factory, services and explorer model against the emulator: a
// change in the middle of a tree load, and a moment when VS Code's configuration lacks the value, never send a call
// anywhere but the emulator (the network guard of the test process would refuse it and fail the run).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_CREDENTIALS, startEmulator } from '../../../emulator';
import { classifyAwsError } from '../../../src/aws/errors';
import { discoverProfiles } from '../../../src/aws/profiles';
import { silentLogger } from '../../../src/log';
import { services } from '../../../src/services/registry';
import { ExplorerModel } from '../../../src/tree/model/explorerModel';
import type { ExplorerNode } from '../../../src/tree/model/nodes';
import { defaultTreeSettings } from '../../../src/tree/model/treeSettings';
import { EventEmitter } from '../../support/eventEmitter';
import { fakeMemento, installFakeVscode } from '../../support/fakeVscode';
import { networkGuardState } from '../../support/networkGuard';
import { docdbClient } from '../../../src/services/docdbClient';

type ChangeListener = (event: { affectsConfiguration(section: string): boolean }) => void;

/** The configuration VS Code would hand the extension: user-level values, readable or not at a given moment. */
const config = {
  endpoints: undefined as Record<string, string> | undefined,
  /** false: `inspect` finds no user value, as when VS Code dropped or has not yet parsed it. */
  present: true,
  listeners: [] as ChangeListener[],
  warnings: [] as string[],
  /** The user's answer to the warning about a missing override. */
  answer: undefined as string | undefined,
  change(...sections: string[]): void {
    const event = { affectsConfiguration: (s: string) => sections.some((c) => c === s || c.startsWith(`${s}.`)) };
    for (const listener of [...config.listeners]) listener(event);
  },
};

const restore = installFakeVscode({
  EventEmitter,
  l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[+i])) },
  workspace: {
    getConfiguration: () => ({
      get: <T>(_key: string, fallback: T) => fallback,
      inspect: () => ({ globalValue: config.present ? config.endpoints : undefined }),
    }),
    onDidChangeConfiguration: (listener: ChangeListener) => {
      config.listeners.push(listener);
      return { dispose: () => undefined };
    },
  },
  window: {
    showWarningMessage: async (message: string) => {
      config.warnings.push(message);
      return config.answer;
    },
  },
  commands: { executeCommand: async () => undefined },
});

let emulator: { url: string; stop(): Promise<void> };
let dir: string;
const savedEnv = { ...process.env };
let dispose: () => void = () => undefined;

before(async () => {
  emulator = await startEmulator({ port: 0, snapshotSeconds: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'endpoint-override-'));
  const [demo] = DEMO_CREDENTIALS;
  // No endpoint_url in this config: only the setting keeps the calls off AWS.
  writeFileSync(path.join(dir, 'config'), '[profile demo]\nregion = us-east-1\n');
  writeFileSync(
    path.join(dir, 'credentials'),
    `[demo]\naws_access_key_id = ${demo!.accessKeyId}\naws_secret_access_key = ${demo!.secretAccessKey}\n`,
  );
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
});

after(async () => {
  dispose();
  restore();
  process.env = savedEnv;
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function emulatorCalls(): Promise<Array<{ service: string; operation: string; status: number }>> {
  return (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as Array<{
    service: string;
    operation: string;
    status: number;
  }>;
}

test('a settings change in the middle of a tree load keeps every later call on the override', async () => {
  const { createAwsAccess } = await import('../../../src/ui/awsAccess');
  const memento = fakeMemento();
  config.endpoints = { '*': emulator.url };
  const log = { ...silentLogger, appendLine: () => undefined } as unknown as Parameters<typeof createAwsAccess>[0];
  const aws = createAwsAccess(log, '0.0.0', memento as unknown as Parameters<typeof createAwsAccess>[2]);
  dispose = () => aws.dispose();
  const model = new ExplorerModel({
    profiles: () => discoverProfiles(process.env),
    clients: aws.clients,
    services,
    settings: () => ({ ...defaultTreeSettings, regions: { '*': ['us-east-1', 'eu-west-1'] } }),
    checkCredentials: async (profile) => void (await aws.credentials.provider(profile)()),
    classifyError: classifyAwsError,
  });
  const label = (node: ExplorerNode) => model.describe(node).label;
  const [demo] = await model.getChildren();
  const regions = await model.getChildren(demo);

  // Start loading every service of both regions; before any answer, the regions setting changes (Choose
  // Regions…), and VS Code re-reads the user settings: for a moment the override is not in them.
  const serviceNodes = (await Promise.all(regions.map((r) => model.getChildren(r)))).flat();
  const loading = Promise.all(serviceNodes.map((s) => model.getChildren(s)));
  config.present = false;
  config.change('snapshotExplorer.regions', 'snapshotExplorer.endpoints');
  const duringGap = await Promise.all(serviceNodes.map((s) => model.getChildren(s)));
  await loading;
  assert.equal(config.warnings.length, 1, 'one warning says the override is missing');
  assert.match(config.warnings[0] ?? '', /The endpoint override \*: http:\/\/127\.0\.0\.1:\d+ is no longer/);

  // Branches loaded while the value was missing show why, and sent nothing.
  const gapErrors = duringGap.flat().filter((n) => n.kind === 'error');
  for (const node of gapErrors) assert.match(label(node), /Endpoint override not available/);

  // The value is back (VS Code finished the re-read): every branch loads from the emulator.
  config.present = true;
  config.change('snapshotExplorer.endpoints');
  model.refresh();
  const after = (await Promise.all(serviceNodes.map((s) => model.getChildren(s)))).flat();
  assert.ok(after.length > 8, `the services list their resources (${after.length})`);
  assert.deepEqual(after.filter((n) => n.kind === 'error').map(label), [], 'no branch fails once the override is back');
  const calls = await emulatorCalls();
  for (const service of ['neptune-graph', 'storagegateway', 'docdb', 'simspaceweaver']) {
    assert.ok(
      calls.some((c) => c.service === service && c.status === 200),
      `${service} reached the emulator`,
    );
  }
  assert.deepEqual(networkGuardState()?.blocked ?? [], [], 'no call was meant for another host');
  assert.equal(config.warnings.length, 1, 'the restored override raises no further warning');
});

test('"Use AWS Endpoints" releases a missing override: only then may a service go to its other endpoints', async () => {
  const { createAwsAccess } = await import('../../../src/ui/awsAccess');
  const data = new Map<string, unknown>([['snapshotExplorer.knownEndpointOverrides', { docdb: emulator.url }]]);
  const memento = fakeMemento(data);
  // A window opens with the override gone from the user settings (removed while VS Code was closed).
  config.endpoints = {};
  config.present = true;
  config.warnings.length = 0;
  config.answer = 'Use AWS Endpoints';
  let refreshed = 0;
  const log = { ...silentLogger } as unknown as Parameters<typeof createAwsAccess>[0];
  const aws = createAwsAccess(log, '0.0.0', memento as unknown as Parameters<typeof createAwsAccess>[2]);
  const subscription = aws.onDidChangeEndpoints(() => (refreshed += 1));
  try {
    await assert.rejects(aws.clients.get(docdbClient, 'demo', 'us-east-1'), /Endpoint override not available/);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the warning's answer arrives
    assert.equal(config.warnings.length, 1);
    assert.equal(refreshed, 1, 'the tree reloads once the user chose');
    assert.deepEqual(data.get('snapshotExplorer.knownEndpointOverrides'), {});
    // Now a DocumentDB client may be built; with the AWS config pointing at the emulator, that is where it goes.
    writeFileSync(path.join(dir, 'config'), `[profile demo]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n`);
    const docdb = await aws.clients.get(docdbClient, 'demo', 'us-east-1');
    assert.equal((await docdb.config.endpoint?.())?.port, Number(new URL(emulator.url).port));
  } finally {
    subscription.dispose();
    aws.dispose();
  }
});
