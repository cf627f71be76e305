// One running demo: the extension (built, or the packaged .vsix for the tests), the local AWS emulator with its demo
// data, a throwaway AWS config naming the emulator's demo keys (and the emulator as each profile's endpoint_url), and
// code-server with the extension installed and pointed at the emulator.
// `npm start` runs one for a person; the end-to-end tests run one per test file and drive it with Chromium.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CREDENTIALS } from '../../emulator/credentials';
import { startEmulator } from '../../emulator/index';
import { awsFilesIn, demoProfiles, writeAwsFiles, type AwsFiles, type DemoProfile } from './awsFiles';
import { startCodeServer } from './codeServer';
import { targetFromEnv, targetPaths, type TargetPaths, type VscodeTarget } from './vscodeTargets.mjs';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Where a VS Code target's code-server and Node are (default: the one `$E2E_VSCODE` names, else the newest). */
export function codeServerPaths(target: VscodeTarget = targetFromEnv()): TargetPaths {
  return targetPaths(projectRoot, target);
}

export interface DemoSessionOptions {
  /** The VS Code to run (default: the one `$E2E_VSCODE` names, else the newest; scripts/e2e/vscodeTargets.mjs). */
  target?: VscodeTarget;
  /** code-server's port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** false: no emulator, no endpoint override, the user's own AWS profiles (`npm start -- --no-emulator`). */
  emulator: boolean;
  /** The profiles written to the throwaway config; default: one per demo key pair. */
  profiles?: readonly DemoProfile[];
  /** Extra VS Code user settings. */
  settings?: Record<string, unknown>;
  /** Add the emulator's demo IAM Identity Center session (`[sso-session demo-sso]`) to the throwaway config. */
  identityCenter?: boolean;
  /** Copy the files of examples/ (the sample snapshot plan) into the workspace folder. */
  exampleFiles?: boolean;
  /** The extension folder code-server loads (default: this project, built when stale). */
  extensionRoot?: string;
  /** A packaged .vsix to install instead of a folder (the e2e tests: scripts/e2e/vsix.ts). */
  vsix?: string;
  /** Progress messages. */
  log: (message: string) => void;
  /** code-server's own output (its log lines). */
  codeServerOutput?: (line: string) => void;
  /** VS Code's log level (the tests use debug: the extension then logs every client's endpoint and every call). */
  logLevel?: 'trace' | 'debug' | 'info';
}

export interface DemoSession {
  /** The VS Code this session runs. */
  target: VscodeTarget;
  /** The workbench URL. */
  url: string;
  /** The emulator's base URL (undefined with `emulator: false`). */
  emulatorUrl: string | undefined;
  /** The throwaway AWS files (undefined with `emulator: false`). */
  awsFiles: AwsFiles | undefined;
  /** Scratch folder holding everything this session wrote. */
  scratchDir: string;
  /** The folder the workbench opens. */
  workspaceFolder: string;
  /** code-server's user data folder (its logs, including the extension's log, are under `logs/`). */
  userDataDir: string;
  /** Settles when code-server exits, stopped or not. */
  exited: Promise<void>;
  /** Stops code-server and the emulator and deletes the scratch folder. */
  stop(): Promise<void>;
}

/** The profiles `npm start` and the tests use by default: the emulator's demo keys in us-east-1 and eu-west-1. */
export function defaultDemoProfiles(): DemoProfile[] {
  return demoProfiles(DEMO_CREDENTIALS);
}

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), 0);
}

/** Runs the build when dist/extension.js is missing or older than the sources or the manifest. */
export function ensureBuilt(log: (message: string) => void, force = false): void {
  const bundle = path.join(projectRoot, 'dist', 'extension.js');
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'src')),
    newestMtime(path.join(projectRoot, 'package.json')),
  );
  if (!force && existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  log('building the extension (npm run build)');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the extension build failed (see above)');
  // esbuild leaves an unchanged bundle untouched; mark it fresh so the next run does not build again.
  const now = new Date();
  utimesSync(bundle, now, now);
}

/**
 * Installs the target's code-server and Node (and on Debian as root the apt packages) when missing, printing progress
 * to stderr; returns where they are.
 */
export function ensureCodeServer(target: VscodeTarget = targetFromEnv()): TargetPaths {
  const paths = codeServerPaths(target);
  const installer = path.join(projectRoot, 'scripts', 'e2e', 'install-code-server.mjs');
  const result = spawnSync(process.execPath, [installer, '--target', target.id], {
    cwd: projectRoot,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0 || !existsSync(paths.entry) || !existsSync(paths.node)) {
    throw new Error('installing code-server failed (see the output above)');
  }
  return paths;
}

function copyExamples(workspaceFolder: string): void {
  const examples = path.join(projectRoot, 'examples');
  if (!existsSync(examples)) return;
  for (const name of readdirSync(examples)) {
    const file = path.join(examples, name);
    if (statSync(file).isFile()) copyFileSync(file, path.join(workspaceFolder, name));
  }
}

/** Settings every demo window gets: a quiet workbench, and the endpoint override when there is an emulator. */
function demoSettings(emulatorUrl: string | undefined, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'chat.disableAIFeatures': true,
    // VS Code 1.139 opens the secondary side bar (its Chat) in a new workspace; 1.103 keeps it hidden
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    ...(emulatorUrl ? { 'snapshotExplorer.endpoints': { '*': emulatorUrl } } : {}),
    ...extra,
  };
}

export async function startDemoSession(options: DemoSessionOptions): Promise<DemoSession> {
  if (options.vsix === undefined && options.extensionRoot === undefined) ensureBuilt(options.log);
  const target = options.target ?? targetFromEnv();
  const { entry, node } = ensureCodeServer(target);
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'snapshot-explorer-demo-'));
  const workspaceFolder = path.join(scratchDir, 'workspace');
  const dataDir = path.join(scratchDir, 'code-server');
  mkdirSync(workspaceFolder, { recursive: true });
  if (options.exampleFiles) copyExamples(workspaceFolder);
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
    stops.length = 0;
    rmSync(scratchDir, { recursive: true, force: true });
  };
  try {
    let emulatorUrl: string | undefined;
    let awsFiles: AwsFiles | undefined;
    const env: Record<string, string> = {};
    if (options.emulator) {
      const emulator = await startEmulator({ port: 0 });
      stops.push(() => emulator.stop());
      emulatorUrl = emulator.url;
      options.log(`emulator listening on ${emulatorUrl}`);
      awsFiles = awsFilesIn(scratchDir);
      writeAwsFiles(
        awsFiles,
        options.profiles ?? defaultDemoProfiles(),
        emulatorUrl,
        undefined,
        !!options.identityCenter,
      );
      env.AWS_CONFIG_FILE = awsFiles.configFile;
      env.AWS_SHARED_CREDENTIALS_FILE = awsFiles.credentialsFile;
      // A home folder of the session's own: IAM Identity Center tokens (~/.aws/sso/cache) never touch the user's.
      env.HOME = path.join(scratchDir, 'home');
      mkdirSync(env.HOME, { recursive: true });
      // IAM Identity Center's portal and sign-in have no profile to carry an endpoint_url: name the emulator for them.
      env.AWS_ENDPOINT_URL_SSO = emulatorUrl;
      env.AWS_ENDPOINT_URL_SSO_OIDC = emulatorUrl;
    }
    const codeServer = await startCodeServer({
      entry,
      node,
      extension: options.vsix ? { vsix: options.vsix } : { folder: options.extensionRoot ?? projectRoot },
      dataDir,
      workspaceFolder,
      port: options.port,
      settings: demoSettings(emulatorUrl, options.settings ?? {}),
      env,
      inheritAwsEnvironment: !options.emulator,
      ...(options.codeServerOutput ? { onOutput: options.codeServerOutput } : {}),
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    });
    stops.push(() => codeServer.stop());
    return {
      target,
      url: codeServer.url,
      emulatorUrl,
      awsFiles,
      scratchDir,
      workspaceFolder,
      userDataDir: path.join(dataDir, 'user-data'),
      exited: codeServer.exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
