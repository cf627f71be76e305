// The MFA prompt of ui/awsAccess.ts with the SDK's fromIni (a `vscode` fake that records the input box; a local
// listener stands in for STS, reached only through `snapshotExplorer.endpoints.sts`): the code typed is checked as
// 6 digits inline and sent as the AssumeRole's TokenCode with the profile's device; a cancelled prompt fails at once
// with a sentence, and nothing is sent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { EventEmitter } from '../../support/eventEmitter';
import { fakeMemento, installFakeVscode } from '../../support/fakeVscode';
import { startListener, type Listener } from '../../support/listener';
import { recordingLogger } from '../../support/recordingLogger';

interface InputBoxOptions {
  title?: string;
  prompt?: string;
  ignoreFocusOut?: boolean;
  validateInput?: (value: string) => string | undefined;
}

const prompts: InputBoxOptions[] = [];
let answer: string | undefined;
const restore = installFakeVscode({
  EventEmitter,
  l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[+i])) },
  workspace: {
    getConfiguration: () => ({
      get: <T>(_key: string, fallback: T) => fallback,
      inspect: (key: string) => (key === 'endpoints' ? { globalValue: { sts: sts.url } } : undefined),
    }),
    onDidChangeConfiguration: () => ({ dispose: () => undefined }),
  },
  window: {
    showInputBox: async (options: InputBoxOptions) => {
      prompts.push(options);
      return answer;
    },
    showWarningMessage: async () => undefined,
  },
  commands: { executeCommand: async () => undefined },
});

const DEVICE = 'arn:aws:iam::123456789012:mfa/demo';
const ASSUMED = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAMFAEXAMPLE000001</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
<SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/admin-mfa/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>`;

let sts: Listener;
let dir: string;
const savedEnv = { ...process.env };
let dispose: () => void = () => undefined;

before(async () => {
  sts = await startListener(() => ({ headers: { 'content-type': 'text/xml' }, body: ASSUMED }));
  dir = mkdtempSync(path.join(tmpdir(), 'mfa-prompt-'));
  writeFileSync(path.join(dir, 'credentials'), '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base\n');
  writeFileSync(
    path.join(dir, 'config'),
    `[profile mfa]\nrole_arn = arn:aws:iam::210987654321:role/admin-mfa\nsource_profile = base\nmfa_serial = ${DEVICE}\n`,
  );
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
});

after(async () => {
  dispose();
  restore();
  process.env = savedEnv;
  await sts?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  prompts.length = 0;
  sts.requests.length = 0;
});

async function access() {
  const { createAwsAccess } = await import('../../../src/ui/awsAccess');
  type Args = Parameters<typeof createAwsAccess>;
  const aws = createAwsAccess(recordingLogger().logger as unknown as Args[0], '0.0.0', fakeMemento() as never);
  dispose = () => aws.dispose();
  return aws;
}

test('the code typed in the input box is checked as 6 digits and sent with the device', async () => {
  const aws = await access();
  answer = '123456';
  const identity = await aws.credentials.provider('mfa')();
  assert.equal(identity.accessKeyId, 'ASIAMFAEXAMPLE000001');
  assert.equal(prompts.length, 1, 'one prompt');
  const [prompt] = prompts;
  assert.equal(prompt?.title, 'MFA code');
  assert.equal(prompt?.prompt, `Enter the current code of MFA device ${DEVICE}`);
  assert.equal(prompt?.ignoreFocusOut, true);
  for (const bad of ['', '12345', '1234567', 'abcdef', '12 456']) {
    assert.equal(prompt?.validateInput?.(bad), 'An MFA code is 6 digits.', `"${bad}" is refused inline`);
  }
  assert.equal(prompt?.validateInput?.('000123'), undefined);
  assert.equal(sts.requests.length, 1);
  const form = new URLSearchParams(sts.requests[0]?.body);
  assert.equal(form.get('Action'), 'AssumeRole');
  assert.equal(form.get('SerialNumber'), DEVICE);
  assert.equal(form.get('TokenCode'), '123456');
  await aws.credentials.provider('mfa')();
  assert.equal(prompts.length, 1, 'cached credentials: not asked again');
  aws.dispose();
});

test('a cancelled prompt fails the resolution at once with a sentence, and sends nothing', async () => {
  const aws = await access();
  answer = undefined;
  await assert.rejects(aws.credentials.provider('mfa')(), { message: 'MFA code entry was cancelled.' });
  assert.equal(prompts.length, 1);
  assert.equal(sts.requests.length, 0);
  answer = '654321';
  const identity = await aws.credentials.provider('mfa')();
  assert.equal(identity.accessKeyId, 'ASIAMFAEXAMPLE000001', 'the next use asks again');
  assert.equal(prompts.length, 2);
  aws.dispose();
});
