// The messages between the plan language client and server, typed once for both sides. Plain descriptors
// (no vscode-jsonrpc classes): the client and the server bundle different vscode-jsonrpc versions.
import { commandIds } from '../commandIds';
import type { PlannedCall } from './dryRun';
import type { PlanRunEntry } from './run';

export const planLanguageId = 'snapshot-plan';

/** Client command ids the server's code lenses execute (arguments: the document URI as a string). */
export const planCommands = {
  newPlan: commandIds.newPlan,
  dryRun: commandIds.dryRunPlan,
  run: commandIds.runPlan,
} as const;

/** What the server needs from the extension's settings, sent at start and on every change. */
export interface PlanServerSettings {
  /** `snapshotExplorer.endpoints` (user level); undefined when it could not be read. */
  readonly endpoints: Readonly<Record<string, string>> | undefined;
  /** The overrides the extension has seen: the server refuses a service whose override is missing now. */
  readonly knownEndpoints: Readonly<Record<string, string>>;
  readonly requestTimeoutSeconds: number;
  readonly maxConcurrentRequests: number;
  /** Whether the workspace is trusted (the Run lens shows only then). */
  readonly trusted: boolean;
  /** False turns the live checks (AWS calls) off. */
  readonly liveChecks: boolean;
}

export interface PlanInitializationOptions {
  readonly settings: PlanServerSettings;
  /** e.g. `snapshot-explorer-aws/0.1.0`. */
  readonly userAgent: string;
  /** The file of the display language's translation bundle (`vscode.l10n.uri`); absent for English. */
  readonly l10nBundle?: string;
}

/** The body of `workspace/didChangeConfiguration` the client sends. */
export interface PlanSettingsChange {
  readonly settings: PlanServerSettings;
}

export interface PlanDocumentParams {
  readonly uri: string;
}

export interface DryRunResult {
  readonly markdown: string;
  readonly calls: readonly PlannedCall[];
  readonly errorCount: number;
  /** How many snapshots retention would delete now. */
  readonly deletions: number;
}

/** For the Run Plan confirmation: what retention would delete now (from the live state). */
export interface RetentionSummary {
  /** Entries with `keep` or `maxAgeDays`. */
  readonly entries: number;
  /** Snapshots a run would delete now, over those entries. */
  readonly deletions: number;
  /** Entries whose deletions are not known now (live checks off, or the listing failed). */
  readonly unknown: number;
}

/** An entry the live checks say will fail now (its resource not found or not available, its name taken). */
export interface ExpectedFailure {
  /** The entry's index in the plan (PlanRunEntry.index) and its 1-based line. */
  readonly index: number;
  readonly line: number;
  readonly resource: string;
  /** The live checks' sentences (as the Problems view shows them), joined. */
  readonly reason: string;
}

export interface ResolveResult {
  /** Every entry to run (empty when the plan has errors). */
  readonly entries: readonly PlanRunEntry[];
  readonly errorCount: number;
  /** The first few errors, as `line N: message`. */
  readonly problems: readonly string[];
  /** How many snapshots per service, for the confirmation. */
  readonly perService: ReadonlyArray<{ readonly service: string; readonly label: string; readonly count: number }>;
  /** Present when some entry has retention. */
  readonly retention?: RetentionSummary;
  /** Entries the live checks say will fail now (empty when live checks are off or did not answer in time). */
  readonly expectedFailures: readonly ExpectedFailure[];
}

/** A request's method name, carrying its parameter and result types for both sides. */
export interface PlanRequest<P, R> {
  readonly method: string;
  /** Never set: only here so the types travel with the descriptor. */
  readonly types?: { readonly params: P; readonly result: R };
}

/** The dry run of an open plan document (null when the server does not have the document open). */
export const dryRunRequest: PlanRequest<PlanDocumentParams, DryRunResult | null> = { method: 'snapshotPlans/dryRun' };
/** The entries to run, expanded now (null when the server does not have the document open). */
export const resolveRequest: PlanRequest<PlanDocumentParams, ResolveResult | null> = {
  method: 'snapshotPlans/resolve',
};
