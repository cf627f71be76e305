// Runs a plan's entries with a concurrency cap through an injected create function (the extension routes it
// through its create-and-track path), and reports every entry: created, failed or cancelled. Nothing is
// skipped silently.
import type { AwsClients } from '../aws/clients';
import type { ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import { findResource } from './liveChecks';
import { createServiceLiveSource, LiveCache } from './liveSource';
import type { ResolvedEntry } from './validate';

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
}

export type EntryOutcome = 'created' | 'failed' | 'cancelled';

export interface EntryReport {
  readonly entry: PlanRunEntry;
  readonly outcome: EntryOutcome;
  /** The snapshot's id, when the create call returned one. */
  readonly snapshotId?: string;
  /** Why it failed or was cancelled. */
  readonly message?: string;
  readonly durationMs: number;
}

export interface RunReport {
  readonly entries: readonly EntryReport[];
  readonly created: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

export interface RunDeps {
  /** The full target of an entry (the resource looked up live); throws with a clear message when it cannot. */
  resolve(entry: PlanRunEntry): Promise<ResourceTarget>;
  /** Requests one snapshot; resolves once the create call was accepted (tracking continues elsewhere). */
  create(
    target: ResourceTarget,
    input: SnapshotInput,
  ): Promise<{ readonly id?: string; readonly snapshotId?: string } | undefined | void>;
  /** The most create calls in flight at once (at least 1). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  onProgress?(report: EntryReport, done: number, total: number): void;
}

/** The entries of an analysed plan as run entries (only meaningful when the plan has no errors). */
export function toRunEntries(entries: readonly ResolvedEntry[], lineOf: (offset: number) => number): PlanRunEntry[] {
  return entries.map((e) => ({
    index: e.index,
    line: lineOf(e.entry.span.start) + 1,
    service: e.service.id,
    profile: e.profile,
    region: e.region,
    resource: e.resource,
    input: { values: { ...e.values }, tags: e.tags.map((t) => ({ ...t })) },
  }));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runPlan(entries: readonly PlanRunEntry[], deps: RunDeps): Promise<RunReport> {
  const startedAt = new Date();
  const reports: EntryReport[] = new Array<EntryReport>(entries.length);
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
      if (deps.signal?.aborted) {
        finish(i, {
          entry,
          outcome: 'cancelled',
          message: 'The run was cancelled before this entry started.',
          durationMs: 0,
        });
        continue;
      }
      try {
        const target = await deps.resolve(entry);
        const result = await deps.create(target, entry.input);
        const snapshotId = result ? (result.snapshotId ?? result.id) : undefined;
        finish(i, {
          entry,
          outcome: 'created',
          ...(snapshotId ? { snapshotId } : {}),
          durationMs: Date.now() - started,
        });
      } catch (error) {
        finish(i, { entry, outcome: 'failed', message: messageOf(error), durationMs: Date.now() - started });
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(deps.concurrency) || 1, entries.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const count = (o: EntryOutcome) => reports.filter((r) => r.outcome === o).length;
  return {
    entries: reports,
    created: count('created'),
    failed: count('failed'),
    cancelled: count('cancelled'),
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
    if (!service) throw new Error(`Unknown service ${entry.service}.`);
    const lookup = findResource(await cache.resources(entry.service, entry.profile, entry.region), entry.resource);
    if (lookup.kind === 'missing') {
      throw new Error(`No ${service.resourceNoun.one} ${entry.resource} in profile ${entry.profile}, ${entry.region}.`);
    }
    if (lookup.kind === 'ambiguous') {
      throw new Error(`Several ${service.resourceNoun.many} are named ${entry.resource}: write the id in the plan.`);
    }
    const resource = lookup.resource;
    if (!resource.snapshottable.ok) {
      throw new Error(
        `The ${service.resourceNoun.one} ${resource.name} is ${resource.status}: ${resource.snapshottable.reason}`,
      );
    }
    return { profile: entry.profile, region: entry.region, service, resource };
  };
}

export interface RunPlanOptions {
  /** The most create calls in flight at once. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  onProgress?(report: EntryReport, done: number, total: number): void;
}

/** What the extension gives the plan commands to run entries with (see createPlanRunner). */
export type RunPlanEntries = (entries: readonly PlanRunEntry[], options: RunPlanOptions) => Promise<RunReport>;

export interface PlanRunnerDeps extends TargetResolverOptions {
  /** The create-and-track path: resolves once the snapshot was requested, throws with a clear message otherwise. */
  readonly create: RunDeps['create'];
}

/** A runner that looks each resource up live, then requests its snapshot through `create`. */
export function createPlanRunner(deps: PlanRunnerDeps): RunPlanEntries {
  return (entries, options) =>
    runPlan(entries, { resolve: createTargetResolver(deps), create: deps.create, ...options });
}
