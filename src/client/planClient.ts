// Starts the plan language server (dist/server.js over Node IPC) on first use and keeps its settings current; holds
// the read-only documents the plan commands show (reportDocuments.ts).
import * as vscode from 'vscode';
// Types only: the client library (~0.4 MB) is loaded when the first plan opens, not at activation.
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { PlanLanguageClient } from './languageClientLib';
import {
  planLanguageId,
  type PlanInitializationOptions,
  type PlanRequest,
  type PlanServerSettings,
  type PlanSettingsChange,
} from '../plans/protocol';
import { knownOverridesStore } from '../ui/endpointSettings';
import { ServerCrashes } from './serverCrashes';
import { booleanValue, numberValue, onDidChangeSettings, userEndpoints } from '../ui/settings';
import { PlanReportDocuments } from './reportDocuments';

/** The server's settings from the `snapshotExplorer` configuration, the known overrides and the workspace trust. */
export function readServerSettings(globalState: vscode.Memento): PlanServerSettings {
  return {
    endpoints: userEndpoints(),
    knownEndpoints: knownOverridesStore(globalState).get(),
    requestTimeoutSeconds: numberValue('requestTimeoutSeconds'),
    maxConcurrentRequests: numberValue('maxConcurrentRequests'),
    liveChecks: booleanValue('plans.liveChecks', true),
    trusted: vscode.workspace.isTrusted,
  };
}

export class PlanClient implements vscode.Disposable {
  private client: PlanLanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** What happens when the server process dies: restarted a few times, then stopped with a Restart action. */
  private readonly crashes: ServerCrashes;
  /** The dry runs and run reports, as read-only documents. */
  readonly reports: PlanReportDocuments;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const push = (): void => void this.sendSettings();
    this.crashes = new ServerCrashes({ log, restart: () => this.restart() });
    this.reports = new PlanReportDocuments();
    this.subscriptions.push(
      onDidChangeSettings([], push),
      vscode.workspace.onDidGrantWorkspaceTrust(push),
      this.reports,
    );
  }

  /** Starts the server once; later calls get the same client (started again if it stopped after crashes). */
  start(): Promise<LanguageClient> {
    const stopped = this.client;
    if (stopped?.isDown()) this.starting = stopped.start().then(() => stopped);
    this.starting ??= this.create().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async restart(): Promise<void> {
    await this.start();
  }

  private async create(): Promise<LanguageClient> {
    const { PlanLanguageClient, TransportKind, CloseAction, ErrorAction } = await import('./languageClientLib');
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const version = String((this.context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
    const initializationOptions: PlanInitializationOptions = {
      settings: readServerSettings(this.context.globalState),
      userAgent: `snapshot-explorer-aws/${version}`,
      ...(vscode.l10n.uri ? { l10nBundle: vscode.l10n.uri.fsPath } : {}),
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: planLanguageId }],
      initializationOptions,
      outputChannel: this.log,
      ...this.crashes.clientOptions({ CloseAction, ErrorAction }),
    };
    const client = new PlanLanguageClient(
      'snapshotPlans',
      vscode.l10n.t('Snapshot Plans'),
      serverOptions,
      clientOptions,
    );
    this.log.info('Starting the snapshot plan language server');
    await client.start();
    this.client = client;
    return client;
  }

  async request<P, R>(request: PlanRequest<P, R>, params: P): Promise<R> {
    const client = await this.start();
    return client.sendRequest<R>(request.method, params);
  }

  /** Sends the current settings to the server (also when the known endpoint overrides change). */
  async sendSettings(): Promise<void> {
    if (!this.client) return;
    const change: PlanSettingsChange = { settings: readServerSettings(this.context.globalState) };
    await this.client.sendNotification('workspace/didChangeConfiguration', change);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    void this.client?.stop();
  }
}
