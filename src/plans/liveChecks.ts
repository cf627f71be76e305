// Checks that need the account: the resource exists (by id, name or ARN), is in a state that allows a
// snapshot, and the snapshot name is not taken. Reads only cached facts (never blocks typing); says which
// facts are missing so the caller can load them and check again. A failed load is ONE info diagnostic.
import type { Resource } from '../services/service';
import type { LiveCache } from './liveSource';
import { messages } from './messages';
import type { PlanDiagnostic, RawDiagnostic } from './model';
import { visibleSpan } from './spans';
import type { CacheEntry } from './ttlCache';
import type { PlanAnalysis, ResolvedEntry } from './validate';
import * as l10n from '../l10n';

export type Lookup =
  { kind: 'found'; resource: Resource } | { kind: 'missing' } | { kind: 'ambiguous'; matches: Resource[] };

/** Finds the resource an entry names: by id, ARN or name (exact first, then ignoring case). */
export function findResource(resources: readonly Resource[], written: string): Lookup {
  const exact = resources.filter((r) => r.id === written || r.arn === written || r.name === written);
  const byId = exact.find((r) => r.id === written || r.arn === written);
  if (byId) return { kind: 'found', resource: byId };
  if (exact.length === 1 && exact[0]) return { kind: 'found', resource: exact[0] };
  if (exact.length > 1) return { kind: 'ambiguous', matches: exact };
  const lower = written.toLowerCase();
  const loose = resources.filter((r) => r.id.toLowerCase() === lower || r.name.toLowerCase() === lower);
  if (loose.length === 1 && loose[0]) return { kind: 'found', resource: loose[0] };
  if (loose.length > 1) return { kind: 'ambiguous', matches: loose };
  return { kind: 'missing' };
}

export interface LiveCheckResult {
  readonly diagnostics: PlanDiagnostic[];
  /** Loads still to do (or in flight) before the checks are complete; empty when done. */
  readonly loads: Array<Promise<unknown>>;
}

interface Failure {
  readonly where: string;
  readonly error: unknown;
  count: number;
}

const defaultDescribe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function liveDiagnostics(
  analysis: PlanAnalysis,
  cache: LiveCache,
  describeError: (error: unknown) => string = defaultDescribe,
): LiveCheckResult {
  const out: RawDiagnostic[] = [];
  const loads: Array<Promise<unknown>> = [];
  const failures = new Map<string, Failure>();
  const fail = (entry: ResolvedEntry, state: CacheEntry<unknown> & { status: 'failed' }): void => {
    const where = l10n.t('profile `{0}`, {1} ({2})', entry.profile, entry.region, entry.service.label);
    const failure = failures.get(where) ?? { where, error: state.error, count: 0 };
    failure.count++;
    failures.set(where, failure);
  };
  for (const entry of analysis.entries) {
    if (!entry.located || !entry.entry.resource) continue;
    const resourceSpan = visibleSpan(entry.entry.resource);
    const listed = cache.peekResources(entry.service.id, entry.profile, entry.region);
    if (!listed || listed.status === 'pending') {
      loads.push(cache.resources(entry.service.id, entry.profile, entry.region).catch(() => undefined));
      continue;
    }
    if (listed.status === 'failed') {
      fail(entry, listed);
      continue;
    }
    const noun = entry.service.resourceNoun.one;
    const lookup = findResource(listed.value, entry.resource);
    if (lookup.kind === 'missing') {
      out.push({
        span: resourceSpan,
        severity: 'error',
        code: 'resource-not-found',
        message: messages.resourceNotFound(noun, entry.resource, entry.profile, entry.region),
      });
      continue;
    }
    if (lookup.kind === 'ambiguous') {
      out.push({
        span: resourceSpan,
        severity: 'error',
        code: 'resource-not-found',
        message: messages.resourceAmbiguous(
          noun,
          entry.resource,
          lookup.matches.map((r) => r.id),
        ),
      });
      continue;
    }
    const resource = lookup.resource;
    if (!resource.snapshottable.ok) {
      out.push({
        span: resourceSpan,
        severity: 'warning',
        code: 'resource-state',
        message: messages.resourceState(noun, entry.resource, resource.status, resource.snapshottable.reason),
      });
    }
    const name = entry.inputs.find((i) => i.key === 'name');
    if (!name) continue;
    const snapshots = cache.peekSnapshots(entry.service.id, entry.profile, entry.region, resource);
    if (!snapshots || snapshots.status === 'pending') {
      loads.push(cache.snapshots(entry.service.id, entry.profile, entry.region, resource).catch(() => undefined));
      continue;
    }
    if (snapshots.status === 'failed') {
      fail(entry, snapshots);
      continue;
    }
    const wanted = name.normalized.toLowerCase();
    if (snapshots.value.some((s) => s.name.toLowerCase() === wanted || s.id.toLowerCase() === wanted)) {
      const span = name.fromDefaults ? resourceSpan : visibleSpan(name.source);
      out.push({
        span,
        severity: 'error',
        code: 'name-taken',
        message: messages.nameTaken(name.label, name.value, noun, resource.name),
      });
    }
  }
  const all = [...failures.values()];
  const first = all[0];
  if (first) {
    const count = all.reduce((n, f) => n + f.count, 0);
    const span = analysis.plan.snapshotsKeySpan ?? { start: 0, end: 0 };
    out.push({
      span,
      severity: 'info',
      code: 'live-unavailable',
      message: messages.liveUnavailable(count, first.where, describeError(first.error), all.length - 1),
    });
  }
  return { diagnostics: out.map((d) => ({ ...d, range: analysis.lines.rangeOf(d.span) })), loads };
}

/** Loads every missing fact (resources, then snapshots of the found ones) and returns the complete checks. */
export async function completeLiveDiagnostics(
  analysis: PlanAnalysis,
  cache: LiveCache,
  describeError?: (error: unknown) => string,
): Promise<PlanDiagnostic[]> {
  for (let round = 0; round < 4; round++) {
    const result = liveDiagnostics(analysis, cache, describeError);
    if (result.loads.length === 0) return result.diagnostics;
    await Promise.all(result.loads);
  }
  return liveDiagnostics(analysis, cache, describeError).diagnostics;
}
