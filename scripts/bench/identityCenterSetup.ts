// The IAM Identity Center benchmark's setting: the emulator in its own process with an organisation of N accounts
// (`--sso-accounts`), a temporary HOME whose AWS config holds one `[sso-session]` on the emulator's demo portal, the
// real IAM Identity Center facade signed in through the device flow (approved by the emulator's admin route), and the
// explorer model the view uses on it, every portal call and credential resolution recorded.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClientFactory } from '../../src/aws/clientFactory';
import { createCredentialSource } from '../../src/aws/credentials';
import { classifyAwsError } from '../../src/aws/errors';
import { discoverProfiles } from '../../src/aws/profiles';
import { createIdentityCenter, type IdentityCenter } from '../../src/aws/sso/identityCenter';
import { parseSsoProfileName } from '../../src/aws/sso/ssoProfiles';
import { services } from '../../src/services/registry';
import { ExplorerModel } from '../../src/tree/model/explorerModel';
import type { IdentityCenterSource } from '../../src/tree/model/ssoTree';
import { defaultTreeSettings, type TreeSettings } from '../../src/tree/model/treeSettings';
import { quietLogger, startEmulatorProcess, tempDir, type EmulatorProcess } from './support';

export const BENCH_SESSION = 'bench';
/** The emulator's demo portal (emulator/README.md, "IAM Identity Center"). */
const START_URL = 'https://emulator-demo.awsapps.com/start';

/** Starts `emulator/cli.ts` with an organisation of `accounts` accounts and waits for its "listening" line. */
export function startSsoEmulator(accounts: number): Promise<EmulatorProcess> {
  return startEmulatorProcess({ ssoAccounts: accounts });
}

/** A temporary HOME with an AWS config holding only the benchmark's `[sso-session]` (and no credentials). */
export function writeSsoConfig(dir: string): Record<string, string> {
  const config = [
    `[sso-session ${BENCH_SESSION}]`,
    `sso_start_url = ${START_URL}`,
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
  ];
  writeFileSync(path.join(dir, 'config'), config.join('\n') + '\n');
  writeFileSync(path.join(dir, 'credentials'), '');
  return {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
}

export interface SsoBench {
  readonly emulator: EmulatorProcess;
  readonly env: Record<string, string>;
  readonly identityCenter: IdentityCenter;
  /** The device-flow sign-in, from StartDeviceAuthorization to the cached token (approval by the admin route). */
  readonly signInMs: number;
  close(): Promise<void>;
}

/** Starts the emulator, writes the config and signs in with the real facade (its token cache in the temp HOME). */
export async function startSsoBench(accounts: number): Promise<SsoBench> {
  const tmp = tempDir('bench-sso-');
  const env = writeSsoConfig(tmp.dir);
  let emulator: EmulatorProcess;
  try {
    emulator = await startSsoEmulator(accounts);
  } catch (error) {
    tmp.remove();
    throw error;
  }
  const identityCenter = createIdentityCenter({
    env,
    homeDir: tmp.dir,
    endpointFor: async () => emulator.url,
    logger: quietLogger,
    userAgent: 'snapshot-explorer-bench/0',
  });
  const close = async (): Promise<void> => {
    identityCenter.dispose();
    await emulator.stop();
    tmp.remove();
  };
  try {
    const started = performance.now();
    let approval: Promise<unknown> = Promise.resolve();
    await identityCenter.signIn(BENCH_SESSION, {
      onCode: (code) => {
        approval = emulator.admin('POST', '/_emulator/sso/approve', { userCode: code.userCode });
      },
      signal: AbortSignal.timeout(60_000),
    });
    await approval;
    const signInMs = performance.now() - started;
    return { emulator, env, identityCenter, signInMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What the model asked of IAM Identity Center, as the product's code made the calls. */
export class SsoRecorder {
  /** Durations of the ListAccounts pages, in order. */
  readonly accountPagesMs: number[] = [];
  /** The account of each ListAccountRoles page. */
  readonly roleListings: string[] = [];
  /** The account of each credential resolution of a role (GetRoleCredentials). */
  readonly credentialResolutions: string[] = [];

  /** The facade as the tree's source, its listings recorded. */
  source(ic: IdentityCenter): IdentityCenterSource {
    return {
      sessions: () => ic.sessions(),
      status: (session) => ic.status(session),
      listAccounts: async (session, token, pageSize, signal) => {
        const started = performance.now();
        try {
          return await ic.listAccounts(session, token, pageSize, signal);
        } finally {
          this.accountPagesMs.push(performance.now() - started);
        }
      },
      listRoles: (session, accountId, token, signal) => {
        this.roleListings.push(accountId);
        return ic.listRoles(session, accountId, token, signal);
      },
    };
  }
}

export interface BenchSsoModel {
  readonly model: ExplorerModel;
  readonly recorder: SsoRecorder;
  dispose(): void;
}

/**
 * The explorer model on the signed-in session: roles' credentials from the facade (GetRoleCredentials, cached by the
 * credential source as in the product), every service on the emulator, the roles' regions from the session's setting.
 */
export function benchSsoModel(bench: SsoBench, options: { pageSize: number; region: string }): BenchSsoModel {
  const recorder = new SsoRecorder();
  const ic = bench.identityCenter;
  const source = createCredentialSource({
    env: bench.env,
    logger: quietLogger,
    createProvider: async (profile) => {
      const provider = ic.provider(profile);
      if (!provider) throw new Error(`the benchmark has no profile "${profile}"`);
      return async () => {
        recorder.credentialResolutions.push(parseSsoProfileName(profile)?.accountId ?? profile);
        return provider();
      };
    },
  });
  const factory = createClientFactory({
    credentials: (profile) => source.provider(profile),
    endpoints: () => ({ '*': bench.emulator.url }),
    requestTimeoutMs: () => 60_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-bench/0',
    logger: quietLogger,
  });
  const settings: TreeSettings = {
    ...defaultTreeSettings,
    pageSize: options.pageSize,
    identityCenter: { preferredRoles: {}, regions: { [BENCH_SESSION]: [options.region] } },
  };
  const model = new ExplorerModel({
    profiles: () => discoverProfiles(bench.env),
    clients: factory,
    services,
    settings: () => settings,
    checkCredentials: async (profile) => void (await source.provider(profile)()),
    classifyError: classifyAwsError,
    log: quietLogger,
    identityCenter: recorder.source(ic),
  });
  return {
    model,
    recorder,
    dispose() {
      model.dispose();
      factory.clear();
    },
  };
}
