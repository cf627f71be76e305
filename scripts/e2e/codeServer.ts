// Starts code-server (the VS Code workbench served to a browser) with this extension installed, in throwaway
// folders: its own config, user data, extensions dir and workspace folder; nothing is written to the user's home.
// The extension is either the packaged .vsix (`code-server --install-extension`, what a user installs) or a folder
// linked into the extensions dir (`npm start`'s development build, the benchmarks' staged build).
// Used by `npm start` (scripts/start.mjs) and by the end-to-end tests (test/e2e/harness.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface ExtensionManifest {
  publisher: string;
  name: string;
  version: string;
}

export interface CodeServerOptions {
  /** code-server's entry script (from install-code-server.mjs). */
  entry: string;
  /** The Node code-server (and so the extension host) runs on: the one its release declares (vscodeTargets.mjs). */
  node: string;
  /** The extension to install: a packaged .vsix, or a folder holding package.json and dist/. */
  extension: { vsix: string } | { folder: string };
  /** Scratch folder for code-server's config, user data, extensions and logs. */
  dataDir: string;
  /** The folder the workbench opens. */
  workspaceFolder: string;
  /** Port to bind on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** VS Code user settings (settings.json). */
  settings: Record<string, unknown>;
  /** Extra environment for code-server and its extension host (AWS_CONFIG_FILE, ...). */
  env: Record<string, string>;
  /** Keep the caller's AWS_* variables (real profiles); by default they are removed so only `env` counts. */
  inheritAwsEnvironment?: boolean;
  /** Receives every line code-server prints. */
  onOutput?: (line: string) => void;
  /** How long to wait for "HTTP server listening on". */
  startTimeoutMs?: number;
  /** VS Code's log level, for its own logs and the extensions' log channels (default: info). */
  logLevel?: 'trace' | 'debug' | 'info';
}

export interface CodeServer {
  /** The workbench URL, opening the workspace folder. */
  url: string;
  port: number;
  /** Settles when code-server's process exits (stopped or not). */
  exited: Promise<void>;
  /** Stops code-server and every process it started. */
  stop(): Promise<void>;
}

/** Environment variables that would make the extension see the developer's own AWS identity. */
const awsIdentityVariables = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

export function readManifest(extensionRoot: string): ExtensionManifest {
  const manifest = JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as ExtensionManifest;
  return { publisher: manifest.publisher, name: manifest.name, version: manifest.version };
}

/** The folder name VS Code loads an extension from: `<publisher>.<name>-<version>`. */
export function extensionFolderName(manifest: ExtensionManifest): string {
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:`port` now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The environment code-server runs with: the caller's, minus any AWS identity (so only what `extra` names is seen),
 * minus npm's lifecycle variables, with XDG folders in the scratch dir (code-server writes its config and logs there).
 */
export function codeServerEnv(
  dataDir: string,
  extra: Record<string, string>,
  inheritAwsEnvironment = false,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if ((!inheritAwsEnvironment && awsIdentityVariables.includes(key)) || /^npm_/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dataDir, 'xdg-cache'),
    ...extra,
  };
}

/** Installs the .vsix into the throwaway extensions dir the way a user does (`code-server --install-extension`). */
function installVsix(options: CodeServerOptions, vsix: string, folderArgs: readonly string[]): void {
  const result = spawnSync(options.node, [options.entry, ...folderArgs, '--install-extension', vsix], {
    cwd: options.workspaceFolder,
    env: codeServerEnv(options.dataDir, options.env, options.inheritAwsEnvironment),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal}):\n${output}`);
  }
}

function prepareFolders(options: CodeServerOptions): { args: string[] } {
  const userDataDir = path.join(options.dataDir, 'user-data');
  const extensionsDir = path.join(options.dataDir, 'extensions');
  const configFile = path.join(options.dataDir, 'config.yaml');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(options.workspaceFolder, { recursive: true });
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2) + '\n');
  const folderArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if ('vsix' in options.extension) {
    installVsix(options, options.extension.vsix, folderArgs);
  } else {
    const manifest = readManifest(options.extension.folder);
    symlinkSync(options.extension.folder, path.join(extensionsDir, extensionFolderName(manifest)), 'dir');
  }
  return {
    args: [
      ...folderArgs,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${options.port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(options.logLevel ? ['--log', options.logLevel] : []),
      options.workspaceFolder,
    ],
  };
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal); // the whole group: code-server, its extension host, pty host, file watcher
      } catch {
        // already gone
      }
    };
    const force = setTimeout(() => kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      kill('SIGKILL'); // any straggler left in the group after the parent exited
      resolve();
    });
    kill('SIGTERM');
  });
}

/** Starts code-server and resolves once it serves the workbench. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port === 0 ? await freePort() : options.port;
  const { args } = prepareFolders({ ...options, port });
  const child = spawn(options.node, [options.entry, ...args], {
    cwd: options.workspaceFolder,
    env: codeServerEnv(options.dataDir, options.env, options.inheritAwsEnvironment),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() reaches every process it starts
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = (): void => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopProcessGroup(child);
  };

  const output: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`code-server did not start within ${options.startTimeoutMs ?? 60_000} ms`)),
        options.startTimeoutMs ?? 60_000,
      );
      const onLine = (line: string): void => {
        output.push(line);
        options.onOutput?.(line);
        if (line.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          buffered += chunk;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      }
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`code-server exited (${code ?? signal}) before it was ready:\n${output.slice(-20).join('\n')}`),
        );
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspaceFolder)}`;
  return { url, port, exited, stop };
}
