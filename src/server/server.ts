// The snapshot plan language server (dist/server.js, started by the extension over Node IPC).
// Only wiring: LSP events → the pure plan modules in src/plans; AWS access from src/aws with the settings
// the client sends.
import {
  CodeLensRefreshRequest,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createClientFactory, type ClientFactory } from '../aws/clientFactory';
import { createProfileEndpointReader } from '../aws/endpointConfig';
import { createEndpointGuard } from '../aws/endpointGuard';
import { numberSettings } from '../settingsDefaults';
import { createCredentialSource } from '../aws/credentials';
import { classifyAwsError } from '../aws/errors';
import { discoverProfiles } from '../aws/profiles';
import type { PlanEnvironment } from '../plans/catalog';
import { completePlan, type CompletionKind } from '../plans/completion';
import { hoverPlan } from '../plans/hover';
import { createServiceLiveSource, LiveCache } from '../plans/liveSource';
import type { PlanDiagnostic } from '../plans/model';
import { ProfileTracker } from '../plans/profileTracker';
import {
  dryRunRequest,
  planCommands,
  resolveRequest,
  type PlanDocumentParams,
  type PlanInitializationOptions,
  type PlanServerSettings,
  type PlanSettingsChange,
} from '../plans/protocol';
import { dryRunAnswer, resolveWithRetention, withTimeout } from '../plans/requests';
import { previewRetention } from '../plans/retentionPreview';
import { PlanSession } from '../plans/session';
import type { ResolvedEntry } from '../plans/validate';
import { regionNames } from '../services/regions';
import { allRegions, services } from '../services/registry';
import { connectionLogger } from './logger';
import * as l10n from '../l10n';

const LIVE_DELAY_MS = 400;
const COMPLETION_TIMEOUT_MS = 4000;
const DRY_RUN_LIVE_TIMEOUT_MS = 15_000;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = connectionLogger(connection.console);

let settings: PlanServerSettings = {
  endpoints: {},
  knownEndpoints: {},
  requestTimeoutSeconds: numberSettings.requestTimeoutSeconds.default,
  maxConcurrentRequests: numberSettings.maxConcurrentRequests.default,
  trusted: false,
  liveChecks: true,
};
let clients: ClientFactory | undefined;
let cache: LiveCache | undefined;

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};
const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  service: CompletionItemKind.Module,
  profile: CompletionItemKind.Reference,
  region: CompletionItemKind.Constant,
  resource: CompletionItemKind.Value,
  variable: CompletionItemKind.Variable,
};

const toDiagnostic = (d: PlanDiagnostic): Diagnostic => ({
  range: d.range,
  severity: severities[d.severity],
  code: d.code,
  source: 'snapshot-plan',
  message: d.message,
});

function describeError(error: unknown): string {
  const info = classifyAwsError(error);
  return info.code && !info.message.includes(info.code) ? `${info.code}: ${info.message}` : info.message;
}

const profiles = new ProfileTracker({
  discover: () => discoverProfiles(process.env),
  maxAgeMs: 10_000,
  onChange: () => session.refresh(),
  onError: (error) => log.warn(`Could not read the AWS profiles: ${describeError(error)}`),
});

const environment = (): PlanEnvironment => ({
  services,
  profiles: profiles.current(),
  regions: allRegions,
  regionNames,
  now: new Date(),
});

const session = new PlanSession({
  environment,
  cache: () => (settings.liveChecks ? cache : undefined),
  publish: (uri, version, diagnostics) =>
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toDiagnostic) }),
  liveDelayMs: LIVE_DELAY_MS,
  describeError,
  onError: (error) => log.error(error instanceof Error ? error : String(error)),
});

/** (Re)builds the AWS access from the settings: one client factory and one cache of live facts. */
function buildAws(userAgent: string): void {
  const credentials = createCredentialSource({
    env: process.env,
    logger: log,
    // A role's STS calls go where the extension's setting sends this profile's clients (`sts`, `*`), as in the view.
    endpoints: (service, profile) => factory.endpointFor(service, profile),
    requestTimeoutMs: () => settings.requestTimeoutSeconds * 1000,
  });
  const factory = createClientFactory({
    credentials: (profile) => credentials.provider(profile),
    endpoints: () => settings.endpoints,
    // The extension remembers the overrides (its global state); the server only refuses what they lack.
    guard: createEndpointGuard({ get: () => settings.knownEndpoints ?? {}, set: () => undefined }),
    env: process.env,
    profileEndpoints: createProfileEndpointReader(process.env),
    requestTimeoutMs: () => settings.requestTimeoutSeconds * 1000,
    maxConcurrentRequests: () => settings.maxConcurrentRequests,
    userAgent,
    logger: log,
  });
  clients = factory;
  cache = new LiveCache(createServiceLiveSource({ services, clients }));
}

/**
 * A cache of its own for an explicit request (Dry Run, Run Plan's confirmation): what a run would delete is read
 * afresh, not from the minute-old answers that serve diagnostics and hovers (a plan run may have just made one).
 */
function freshCache(): LiveCache | undefined {
  return settings.liveChecks && clients ? new LiveCache(createServiceLiveSource({ services, clients })) : undefined;
}

const resources = (serviceId: string, profile: string, region: string) => {
  const live = settings.liveChecks ? cache : undefined;
  return live
    ? withTimeout(live.resources(serviceId, profile, region), COMPLETION_TIMEOUT_MS, [])
    : Promise.resolve([]);
};

connection.onInitialize((params) => {
  const init = params.initializationOptions as Partial<PlanInitializationOptions> | undefined;
  const l10nError = l10n.configureL10n(init?.l10nBundle ? { fsPath: init.l10nBundle } : undefined);
  if (l10nError) log.warn(`Translation bundle ${init?.l10nBundle ?? ''} not loaded: ${l10nError.message}`);
  if (init?.settings) settings = init.settings;
  buildAws(init?.userAgent ?? 'snapshot-explorer-aws');
  void profiles.refresh();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '{', '-'] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'snapshot-plan-server' },
  };
});

connection.onDidChangeConfiguration((change) => {
  const next = (change as Partial<PlanSettingsChange>).settings;
  if (!next || typeof next !== 'object' || !('endpoints' in next)) return;
  settings = next;
  clients?.clear();
  cache?.clear();
  session.refresh();
  void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});

documents.onDidChangeContent((e) => void session.update(e.document.uri, e.document.version, e.document.getText()));
documents.onDidClose((e) => {
  session.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const items = await completePlan({
    text: doc.getText(),
    offset: doc.offsetAt(params.position),
    env: environment(),
    plan: session.analysis(doc.uri)?.plan,
    resources,
  });
  return items.map((i): CompletionItem => ({
    label: i.label,
    kind: completionKinds[i.kind],
    detail: i.detail,
    documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
    sortText: i.sortText,
    filterText: i.filterText,
    textEdit: {
      range: { start: doc.positionAt(i.replace.start), end: doc.positionAt(i.replace.end) },
      newText: i.insertText,
    },
  }));
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const analysis = doc && session.analysis(doc.uri);
  if (!doc || !analysis) return null;
  const live = settings.liveChecks ? cache : undefined;
  const hover = await hoverPlan({
    analysis,
    offset: doc.offsetAt(params.position),
    env: environment(),
    resources,
    ...(live
      ? {
          retention: (entry: ResolvedEntry) =>
            withTimeout(previewRetention(entry, live, titleOf(doc.uri), new Date()), COMPLETION_TIMEOUT_MS, {
              kind: 'unknown' as const,
              reason: l10n.t('the live state did not answer in time'),
            }),
        }
      : {}),
  });
  if (!hover) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.markdown },
    range: { start: doc.positionAt(hover.span.start), end: doc.positionAt(hover.span.end) },
  };
});

connection.onCodeLens((params) => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const args = [params.textDocument.uri];
  const lenses: CodeLens[] = [
    { range, command: { title: l10n.t('Dry run'), command: planCommands.dryRun, arguments: args } },
  ];
  if (settings.trusted)
    lenses.push({ range, command: { title: l10n.t('Run plan'), command: planCommands.run, arguments: args } });
  return lenses;
});

/** The plan's file name (its dry run title and, without `.snapshots.yaml`, the mark of its snapshots). */
const titleOf = (uri: string): string => decodeURIComponent(uri.split('/').pop() ?? uri);

connection.onRequest(dryRunRequest.method, async (params: PlanDocumentParams) => {
  const analysis = session.analyzeNow(params.uri);
  if (!analysis) return null;
  return dryRunAnswer(analysis, titleOf(params.uri), freshCache(), DRY_RUN_LIVE_TIMEOUT_MS);
});

connection.onRequest(resolveRequest.method, async (params: PlanDocumentParams) => {
  const analysis = session.analyzeNow(params.uri);
  if (!analysis) return null;
  return resolveWithRetention(analysis, titleOf(params.uri), freshCache(), DRY_RUN_LIVE_TIMEOUT_MS);
});

connection.onShutdown(() => {
  session.dispose();
  clients?.clear();
});

documents.listen(connection);
connection.listen();
