// Runs a plan's entries with a concurrency cap through an injected create function (the extension routes it
// through its create-and-track path), then, for entries with retention, the retention of each (runRetention.ts,
// outside the cap: it waits for the new snapshot), and reports every entry: created, failed, cancelled or skipped
// (the user chose to skip it), and what retention deleted and kept. Nothing is skipped silently: an entry that
// fails before AWS saw it (its resource not found or not available, the run cancelled) is handed to
// `recordFailure`, so Snapshot Activity lists every entry of the run.
import type { AwsClients } from '../aws/clients';
import type { ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import { randomUUID } from 'node:crypto';
import { findResource } from './liveChecks';
import { createServiceLiveSource, LiveCache } from './liveSource';
import { stateSentence } from './messages';
import type { EntryRetention } from './planSnapshots';
import { planNameOf, planTagKey, type RetentionReport } from './retention';
import { createRetainer, type Retain, type RetainerOptions } from './runRetention';
import type { ResolvedEntry } from './validate';
import * as l10n from '../l10n';

/** One create call to make: plain data, so it crosses the language server connection as JSON. */
export interface PlanRunEntry {
  /** 0-based position in the plan's `snapshots` list. */
  readonly index: number;
  /** 1-based line of the entry, for the report. */
  readonly line: number;
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  /** The resource as written (id, name or ARN). */
  readonly resource: string;
  readonly input: SnapshotInput;
  /** Retention (`keep`, `maxAgeDays`), when the entry has any; the input's tags then carry the plan's mark. */
  readonly retention?: EntryRetention;
}

export type EntryOutcome = 'created' | 'failed' | 'cancelled' | 'skipped';

export interface EntryReport {
  readonly entry: PlanRunEntry;
  readonly outcome: EntryOutcome;
  /** The snapshot's id, when the create call returned one. */
  readonly snapshotId?: string;
  /** Why it failed, was cancelled or skipped. */
  readonly message?: string;
  readonly durationMs: number;
  /** What retention did, for an entry with retention whose snapshot was requested. */
  readonly retention?: RetentionReport;
}

export interface RunReport {
  readonly entries: readonly EntryReport[];
  readonly created: number;
  readonly failed: number;
  readonly cancelled: number;
  /** Entries the user chose not to run (expected to fail). */
  readonly skipped: number;
  /** Snapshots retention deleted (or started deleting), and those it chose but could not delete. */
  readonly deleted: number;
  readonly deleteFailed: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** One run of a plan: its entries' operations share `runId` (one batch in Snapshot Activity, one notification). */
export interface RunContext {
  readonly runId: string;
}

/** Thrown by `create` when the failure is already recorded (in Snapshot Activity): `recordFailure` is not called. */
export class RecordedFailure extends Error {}

export interface RunDeps {
  /** The full target of an entry (the resource looked up live); throws with a clear message when it cannot. */
  resolve(entry: PlanRunEntry): Promise<ResourceTarget>;
  /**
   * Requests one snapshot; resolves once the create call was accepted (tracking continues elsewhere). Throws with a
   * clear message otherwise (a `RecordedFailure` when it already recorded the failure).
   */
  create(
    target: ResourceTarget,
    input: SnapshotInput,
    run: RunContext,
  ): Promise<{ readonly id?: string; readonly snapshotId?: string } | undefined | void>;
  /** Records an entry that failed without `create` recording it (not found, not available, cancelled, refused). */
  recordFailure?(entry: PlanRunEntry, message: string, run: RunContext, target?: ResourceTarget): void;
  /** The most create calls in flight at once (at least 1). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Entries not to run, by index, with why (the user chose to skip them): reported as skipped. */
  readonly skip?: ReadonlyMap<number, string>;
  /** Default: a new random id. */
  readonly runId?: string;
  onProgress?(report: EntryReport, done: number, total: number): void;
  /** Retention of an entry whose snapshot was requested (absent: entries' retention is not applied). */
  readonly retain?: Retain;
  /** Called when an entry's retention has ended. */
  onRetention?(report: EntryReport): void;
}

/**
 * The entries of an analysed plan as run entries (only meaningful when the plan has no errors). `title` is the plan's
 * file name: its mark (`snapshot-plan: <name>`) is added to the tags of entries with retention whose service takes
 * tags.
 */
export function toRunEntries(
  entries: readonly ResolvedEntry[],
  lineOf: (offset: number) => number,
  title = 'plan',
): PlanRunEntry[] {
  const planName = planNameOf(title);
  return entries.map((e) => {
    const tags = e.tags.map((t) => ({ ...t }));
    if (e.retention && e.service.rules.tags) tags.push({ key: planTagKey, value: planName });
    return {
      index: e.index,
      line: lineOf(e.entry.span.start) + 1,
      service: e.service.id,
      profile: e.profile,
      region: e.region,
      resource: e.resource,
      input: { values: { ...e.values }, tags },
      ...(e.retention ? { retention: { ...e.retention, planName } } : {}),
    };
  });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runPlan(entries: readonly PlanRunEntry[], deps: RunDeps): Promise<RunReport> {
  const startedAt = new Date();
  const run: RunContext = { runId: deps.runId ?? randomUUID() };
  const fail = (i: number, entry: PlanRunEntry, message: string, started: number, target?: ResourceTarget): void => {
    deps.recordFailure?.(entry, message, run, target);
    finish(i, { entry, outcome: 'failed', message, durationMs: Date.now() - started });
  };
  const reports: EntryReport[] = new Array<EntryReport>(entries.length);
  const retentions: Array<Promise<void>> = [];
  let next = 0;
  let done = 0;
  const finish = (i: number, report: EntryReport): void => {
    reports[i] = report;
    done++;
    deps.onProgress?.(report, done, entries.length);
  };
  const worker = async (): Promise<void> => {
    for (let i = next++; i < entries.length; i = next++) {
      const entry = entries[i] as PlanRunEntry;
      const started = Date.now();
      const skipped = deps.skip?.get(entry.index);
      if (skipped !== undefined) {
        finish(i, { entry, outcome: 'skipped', message: skipped, durationMs: 0 });
        continue;
      }
      if (deps.signal?.aborted) {
        const message = l10n.t('The run was cancelled before this entry started: nothing was requested.');
        deps.recordFailure?.(entry, message, run);
        finish(i, { entry, outcome: 'cancelled', message, durationMs: 0 });
        continue;
      }
      let target: ResourceTarget;
      try {
        target = await deps.resolve(entry);
      } catch (error) {
        fail(i, entry, messageOf(error), started);
        continue;
      }
      try {
        const result = await deps.create(target, entry.input, run);
        const snapshotId = result ? (result.snapshotId ?? result.id) : undefined;
        const report: EntryReport = {
          entry,
          outcome: 'created',
          ...(snapshotId ? { snapshotId } : {}),
          durationMs: Date.now() - started,
        };
        finish(i, report);
        const { retain } = deps;
        if (entry.retention && retain) {
          const request = { target, retention: entry.retention, input: entry.input, requestedAt: started };
          const task = snapshotId
            ? retain({ ...request, snapshotId, ...(deps.signal ? { signal: deps.signal } : {}) })
            : Promise.resolve({
                deleted: [],
                failed: [],
                kept: [],
                note: l10n.t('The create call gave no snapshot id: nothing was deleted.'),
              });
          retentions.push(
            task.then((retention) => {
              reports[i] = { ...report, retention };
              deps.onRetention?.(reports[i] as EntryReport);
            }),
          );
        }
      } catch (error) {
        if (error instanceof RecordedFailure)
          finish(i, { entry, outcome: 'failed', message: error.message, durationMs: Date.now() - started });
        else fail(i, entry, messageOf(error), started, target);
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(deps.concurrency) || 1, entries.length));
  await Promise.all(Array.from({ length: workers }, worker));
  await Promise.all(retentions);
  const count = (o: EntryOutcome) => reports.filter((r) => r.outcome === o).length;
  const sum = (of: (r: RetentionReport) => number) =>
    reports.reduce((n, r) => n + (r.retention ? of(r.retention) : 0), 0);
  return {
    entries: reports,
    created: count('created'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    skipped: count('skipped'),
    deleted: sum((r) => r.deleted.length),
    deleteFailed: sum((r) => r.failed.length),
    startedAt,
    finishedAt: new Date(),
  };
}

export interface TargetResolverOptions {
  readonly services: readonly SnapshotService[];
  readonly clients: AwsClients;
}

/** Looks an entry's resource up live (by id, name or ARN), as the live checks do. */
export function createTargetResolver(options: TargetResolverOptions): (entry: PlanRunEntry) => Promise<ResourceTarget> {
  // One listing per (service, profile, region) for the whole run, however many entries share it.
  const cache = new LiveCache(createServiceLiveSource({ services: options.services, clients: options.clients }), {
    ttlMs: 30_000,
    failureTtlMs: 0,
  });
  return async (entry) => {
    const service = options.services.find((s) => s.id === entry.service);
    if (!service) throw new Error(l10n.t('Unknown service {0}.', entry.service));
    const lookup = findResource(await cache.resources(entry.service, entry.profile, entry.region), entry.resource);
    if (lookup.kind === 'missing') {
      throw new Error(
        l10n.t(
          'No {0} {1} in profile {2}, {3}.',
          service.resourceNoun.one,
          entry.resource,
          entry.profile,
          entry.region,
        ),
      );
    }
    if (lookup.kind === 'ambiguous') {
      throw new Error(
        l10n.t('Several {0} are named {1}: write the id in the plan.', service.resourceNoun.many, entry.resource),
      );
    }
    const resource = lookup.resource;
    if (!resource.snapshottable.ok) {
      throw new Error(
        stateSentence(service.resourceNoun.one, resource.name, resource.status, resource.snapshottable.reason),
      );
    }
    return { profile: entry.profile, region: entry.region, service, resource };
  };
}

export interface RunPlanOptions {
  /** The most create calls in flight at once. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Entries not to run, by index, with why. */
  readonly skip?: ReadonlyMap<number, string>;
  onProgress?(report: EntryReport, done: number, total: number): void;
  onRetention?(report: EntryReport): void;
}

/** What the extension gives the plan commands to run entries with (see createPlanRunner). */
export type RunPlanEntries = (entries: readonly PlanRunEntry[], options: RunPlanOptions) => Promise<RunReport>;

export interface PlanRunnerDeps extends TargetResolverOptions {
  /** The create-and-track path: resolves once the snapshot was requested, throws with a clear message otherwise. */
  readonly create: RunDeps['create'];
  /** Records the entries that fail before the create-and-track path saw them (runActivity.ts). */
  readonly recordFailure?: RunDeps['recordFailure'];
  /** How retention waits for new snapshots (defaults: runRetention.ts). */
  readonly retention?: Omit<RetainerOptions, 'clients'>;
}

/**
 * A runner that looks each resource up live, then requests its snapshot through `create`; for an entry with
 * retention, waits until that snapshot is available and deletes the plan's snapshots the rules let go.
 */
export function createPlanRunner(deps: PlanRunnerDeps): RunPlanEntries {
  return (entries, options) =>
    runPlan(entries, {
      resolve: createTargetResolver(deps),
      create: deps.create,
      ...(deps.recordFailure ? { recordFailure: deps.recordFailure } : {}),
      retain: createRetainer({ clients: deps.clients, ...deps.retention }),
      ...options,
    });
}
