// The emulator on port 0 with real AWS profiles files (the demo keys) in a temporary HOME, for integration tests
// that go through the real credential source, client factory and service modules: registers the test file's
// before/after hooks and gives its env, the emulator's admin API and explorer models built against it.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CREDENTIALS, startEmulator, type CallRecord, type RunningEmulator } from '../../emulator';
import { createClientFactory, type ClientFactory } from '../../src/aws/clientFactory';
import type { AwsClients } from '../../src/aws/clients';
import { createCredentialSource } from '../../src/aws/credentials';
import { classifyAwsError } from '../../src/aws/errors';
import { discoverProfiles } from '../../src/aws/profiles';
import { silentLogger } from '../../src/log';
import { services } from '../../src/services/registry';
import { ExplorerModel } from '../../src/tree/model/explorerModel';
import type { ExplorerModelDeps } from '../../src/tree/model/explorerModelDeps';
import { defaultTreeSettings, type TreeSettings } from '../../src/tree/model/treeSettings';

/** The profiles a test can ask for: demo (us-east-1) and ops (eu-west-1) with the demo keys, broken (its
 * credential_process fails). */
export type ProfileName = 'demo' | 'ops' | 'broken';

export interface ModelOptions {
  /** Over the default tree settings. */
  readonly settings?: Partial<TreeSettings>;
  /** The client factory's request timeout (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Wraps the client factory (to observe the calls). */
  readonly wrap?: (clients: AwsClients) => AwsClients;
  /** Other model deps (prefetch, slow loads, …); `checkCredentials: undefined` leaves the credentials check out. */
  readonly deps?: Partial<ExplorerModelDeps>;
}

export interface EmulatorProfiles {
  readonly url: string;
  /** HOME and the AWS config and credentials files. */
  readonly env: Record<string, string>;
  /** A call of the emulator's admin API that must answer 200; its JSON answer. */
  admin(method: string, route: string, body?: unknown): Promise<unknown>;
  setFaults(faults: Record<string, unknown>): Promise<unknown>;
  reset(): Promise<unknown>;
  calls(): Promise<CallRecord[]>;
  /** An explorer model on the profiles files and a client factory of its own (cleared after the file's tests). */
  model(options?: ModelOptions): ExplorerModel;
}

const config: Record<ProfileName, string[]> = {
  demo: ['[profile demo]', 'region = us-east-1'],
  ops: ['[profile ops]', 'region = eu-west-1'],
  broken: ['[profile broken]', 'region = us-east-1', `credential_process = ${process.execPath} -e "process.exit(3)"`],
};

const keys: Partial<Record<ProfileName, number>> = { demo: 0, ops: 1 };

/** Writes the config and credentials files of `profiles` into `dir`; the env that points at them. */
export function writeProfilesFiles(dir: string, profiles: readonly ProfileName[]): Record<string, string> {
  const credentials = profiles.flatMap((name) => {
    const index = keys[name];
    const key = index === undefined ? undefined : DEMO_CREDENTIALS[index];
    if (index !== undefined) assert.ok(key, `demo credentials ${index}`);
    return key
      ? [`[${name}]`, `aws_access_key_id = ${key.accessKeyId}`, `aws_secret_access_key = ${key.secretAccessKey}`]
      : [];
  });
  writeFileSync(path.join(dir, 'config'), [...profiles.flatMap((name) => config[name]), ''].join('\n'));
  writeFileSync(path.join(dir, 'credentials'), [...credentials, ''].join('\n'));
  return {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
}

/** Starts the emulator (created snapshots available at once) and writes the profiles before the file's tests. */
export function emulatorWithProfiles(options: { prefix: string; profiles: readonly ProfileName[] }): EmulatorProfiles {
  let running: RunningEmulator | undefined;
  let dir: string | undefined;
  let env: Record<string, string> | undefined;
  const factories: ClientFactory[] = [];

  before(async () => {
    running = await startEmulator({ port: 0, snapshotSeconds: 0 });
    dir = mkdtempSync(path.join(tmpdir(), options.prefix));
    env = writeProfilesFiles(dir, options.profiles);
  });

  after(async () => {
    for (const f of factories) f.clear();
    await running?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const started = () => {
    assert.ok(running && env, 'the emulator is started in the before hook');
    return { url: running.url, env };
  };

  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${started().url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    assert.equal(response.status, 200, `${method} ${route}`);
    return response.json();
  };

  return {
    get url() {
      return started().url;
    },
    get env() {
      return started().env;
    },
    admin,
    setFaults: (faults) => admin('POST', '/_emulator/faults', faults),
    reset: () => admin('POST', '/_emulator/reset'),
    calls: async () => (await admin('GET', '/_emulator/calls')) as CallRecord[],
    model(model: ModelOptions = {}) {
      const { url, env: modelEnv } = started();
      const source = createCredentialSource({ env: modelEnv, logger: silentLogger });
      const factory = createClientFactory({
        credentials: (profile) => source.provider(profile),
        endpoints: () => ({ '*': url }),
        requestTimeoutMs: () => model.requestTimeoutMs ?? 10_000,
        maxConcurrentRequests: () => 8,
        userAgent: 'snapshot-explorer-tests/0',
        logger: silentLogger,
      });
      factories.push(factory);
      const settings: TreeSettings = { ...defaultTreeSettings, ...model.settings };
      return new ExplorerModel({
        profiles: () => discoverProfiles(modelEnv),
        clients: model.wrap ? model.wrap(factory) : factory,
        services,
        settings: () => settings,
        checkCredentials: async (profile) => void (await source.provider(profile)()),
        classifyError: classifyAwsError,
        ...model.deps,
      });
    },
  };
}
