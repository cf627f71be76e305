// ui/awsAccess.ts against the recording vscode fake: the clients follow the endpoint setting whenever VS Code
// delivers it. A client built while the setting was still empty (the first window of a fresh user data folder) is
// rebuilt from the override before its next use: when the change event names another key, and when no event came
// yet; the lists reload once. No call is sent (only the clients' resolved endpoints are read).
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { docdbClient } from '../../../src/services/docdbClient';
import { fakeMemento } from '../../support/fakeVscode';
import { recordingLogger } from '../../support/recordingLogger';
import { installVscodeRecorder } from '../../support/vscodeRecorder/recorder';

const rec = installVscodeRecorder();
after(() => rec.restore());
const savedEnv = { ...process.env };
after(() => {
  process.env = savedEnv;
});

const override = 'http://127.0.0.1:4566';

function setEndpoints(value: Record<string, string> | undefined): void {
  rec.settings.global['snapshotExplorer.endpoints'] = value;
  rec.settings.values['snapshotExplorer.endpoints'] = value;
}

function change(...keys: string[]): void {
  const event = { affectsConfiguration: (s: string) => keys.some((k) => k === s || k.startsWith(`${s}.`)) };
  for (const listener of [...rec.configListeners]) listener(event);
}

async function access() {
  const { createAwsAccess } = await import('../../../src/ui/awsAccess');
  const { lines, logger } = recordingLogger();
  type Args = Parameters<typeof createAwsAccess>;
  const aws = createAwsAccess(logger as unknown as Args[0], '0.0.0', fakeMemento() as unknown as Args[2]);
  let reloads = 0;
  const subscription = aws.onDidChangeEndpoints(() => (reloads += 1));
  return {
    aws,
    lines,
    reloads: () => reloads,
    dispose: () => {
      subscription.dispose();
      aws.dispose();
    },
  };
}

async function endpointOf(aws: Awaited<ReturnType<typeof access>>['aws']): Promise<string> {
  const client = await aws.clients.get(docdbClient, 'demo', 'us-east-1');
  const endpoint = await client.config.endpoint?.();
  return endpoint ? `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port ?? ''}` : "AWS's own";
}

beforeEach(() => {
  rec.configListeners.length = 0;
  rec.notifications.length = 0;
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  process.env.AWS_CONFIG_FILE = '/nonexistent/config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials';
  setEndpoints(undefined);
});

test('an override delivered in an event naming another key rebuilds the clients built without it', async () => {
  const { aws, lines, dispose } = await access();
  try {
    assert.equal(await endpointOf(aws), "AWS's own", 'before the setting arrives: no override');
    setEndpoints({ '*': override });
    change('workbench.editor.doubleClickTabToToggleEditorGroupSizes');
    assert.equal(await endpointOf(aws), `${override}`);
    assert.ok(lines.some((l) => /The endpoint setting changed/.test(l)));
  } finally {
    dispose();
  }
});

test('an override that arrived with no event yet is used by the next client, and the lists reload once', async () => {
  const { aws, reloads, dispose } = await access();
  try {
    assert.equal(await endpointOf(aws), "AWS's own");
    setEndpoints({ docdb: override });
    assert.equal(await endpointOf(aws), `${override}`, 'the cached client is not used: it was built without it');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(reloads(), 1, 'the lists loaded with the old clients reload');
    assert.equal(await endpointOf(aws), `${override}`);
    change('snapshotExplorer.endpoints');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(reloads(), 1, 'the late event changes nothing more');
    assert.equal(rec.notifications.length, 0, 'no warning: nothing is missing');
  } finally {
    dispose();
  }
});

test('an override that goes away after activation is refused, never replaced by AWS', async () => {
  setEndpoints({ '*': override });
  const { aws, dispose } = await access();
  try {
    assert.equal(await endpointOf(aws), `${override}`);
    setEndpoints(undefined);
    await assert.rejects(endpointOf(aws), /Endpoint override not available/);
    assert.equal(rec.notifications.length, 1, 'one warning says the override is missing');
  } finally {
    dispose();
  }
});
