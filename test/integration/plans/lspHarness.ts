// Starts the plan language server as the extension does (a Node child process over IPC) and talks LSP to it
// with vscode-jsonrpc, with temporary AWS config files whose `demo` profile opens the local emulator.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import type { PlanInitializationOptions, PlanServerSettings } from '../../../src/plans/protocol';

const root = path.resolve(import.meta.dirname, '../../..');

export interface LspDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: number;
  readonly code: string;
  readonly message: string;
}

export interface PlanServer {
  readonly connection: MessageConnection;
  /** Opens a document; returns its uri. */
  open(name: string, text: string): Promise<string>;
  change(uri: string, version: number, text: string): Promise<void>;
  /** Waits until the latest diagnostics of a document satisfy `done` (polling with a deadline). */
  diagnostics(
    uri: string,
    done: (d: readonly LspDiagnostic[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly LspDiagnostic[]>;
  /** Every log line the server sent (window/logMessage). */
  readonly logs: string[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly emulatorUrl: string;
  /** `source` runs src/server/server.ts through tsx; `bundle` runs dist/server.js. */
  readonly mode?: 'source' | 'bundle';
  readonly settings?: Partial<PlanServerSettings>;
}

export async function startPlanServer(options: ServerOptions): Promise<PlanServer> {
  const home = mkdtempSync(path.join(tmpdir(), 'plan-server-'));
  const demo = DEMO_CREDENTIALS[0];
  if (!demo) throw new Error('no demo credentials');
  writeFileSync(
    path.join(home, 'config'),
    '[profile demo]\nregion = us-east-1\n\n[profile nocreds]\nregion = us-east-1\n',
  );
  writeFileSync(
    path.join(home, 'credentials'),
    `[demo]\naws_access_key_id = ${demo.accessKeyId}\naws_secret_access_key = ${demo.secretAccessKey}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const bundle = options.mode === 'bundle';
  const child: ChildProcess = fork(
    bundle ? path.join(root, 'dist/server.js') : path.join(root, 'src/server/server.ts'),
    ['--node-ipc'],
    {
      cwd: root,
      env,
      execArgv: bundle ? [] : ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const latest = new Map<string, readonly LspDiagnostic[]>();
  const logs: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
    latest.set(p.uri, p.diagnostics);
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const settings: PlanServerSettings = {
    endpoints: { '*': options.emulatorUrl },
    knownEndpoints: { '*': options.emulatorUrl },
    requestTimeoutSeconds: 10,
    maxConcurrentRequests: 8,
    trusted: true,
    liveChecks: true,
    ...options.settings,
  };
  const init: PlanInitializationOptions = { settings, userAgent: 'snapshot-explorer-aws/test' };
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: init,
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    logs,
    async open(name, text) {
      const uri = `file://${path.join(home, name)}`;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'snapshot-plan', version: 1, text },
      });
      return uri;
    },
    async change(uri, version, text) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async diagnostics(uri, done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = latest.get(uri);
        if (current && done(current)) return current;
        if (Date.now() > deadline) {
          throw new Error(
            `diagnostics not reached in ${timeoutMs} ms: ${JSON.stringify(current)}\nserver log:\n${logs.join('\n')}\n${stderr.join('')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill(), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
