// The answers to the custom requests (dry run, resolve for a run), built from an analysis and the live cache
// (with retention's previews: what a run would delete now).
import { dryRunPlan } from './dryRun';
import { completeLiveDiagnostics, findResource, type Lookup } from './liveChecks';
import type { LiveCache } from './liveSource';
import type { PlanDiagnostic } from './model';
import type { DryRunResult, ExpectedFailure, ResolveResult, RetentionSummary } from './protocol';
import { previewPlanRetention, type RetentionPreview } from './retentionPreview';
import { toRunEntries } from './run';
import type { PlanAnalysis, ResolvedEntry } from './validate';
import * as l10n from '../l10n';

/** Resolves after `ms` with `fallback`, or earlier with the promise's value. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function dryRunAnswer(
  analysis: PlanAnalysis,
  title: string,
  cache: LiveCache | undefined,
  liveTimeoutMs: number,
): Promise<DryRunResult> {
  let live: PlanDiagnostic[] = [];
  let lookup: ((entry: ResolvedEntry) => Lookup | undefined) | undefined;
  let retention: Map<number, RetentionPreview> | undefined;
  if (cache) {
    [live, retention] = await Promise.all([
      withTimeout(completeLiveDiagnostics(analysis, cache), liveTimeoutMs, []),
      previews(analysis, cache, title, liveTimeoutMs),
    ]);
    lookup = (entry) => {
      const listed = cache.peekResources(entry.service.id, entry.profile, entry.region);
      return listed?.status === 'ok' ? findResource(listed.value, entry.resource) : undefined;
    };
  } else retention = previewsWithoutLive(analysis);
  return dryRunPlan(analysis, { title, live, retention, ...(lookup ? { lookup } : {}) });
}

const previews = (analysis: PlanAnalysis, cache: LiveCache, title: string, ms: number) =>
  withTimeout(
    previewPlanRetention(analysis, cache, title),
    ms,
    previewsWithoutLive(analysis, l10n.t('the live state did not answer in time')),
  );

function previewsWithoutLive(
  analysis: PlanAnalysis,
  reason = l10n.t('live checks are off'),
): Map<number, RetentionPreview> {
  const out = new Map<number, RetentionPreview>();
  for (const e of analysis.entries) if (e.retention) out.set(e.index, { kind: 'unknown', reason });
  return out;
}

/** The entries the live diagnostics (errors and warnings) say will fail, with the checks' sentences. */
export function expectedFailures(analysis: PlanAnalysis, live: readonly PlanDiagnostic[]): ExpectedFailure[] {
  const problems = live.filter((d) => d.severity !== 'info');
  return analysis.entries.flatMap((e) => {
    const inside = problems.filter((d) => d.span.start >= e.entry.span.start && d.span.end <= e.entry.span.end);
    if (inside.length === 0) return [];
    const line = analysis.lines.positionAt(e.entry.span.start).line + 1;
    return [{ index: e.index, line, resource: e.resource, reason: inside.map((d) => d.message).join(' ') }];
  });
}

/**
 * The entries to run, the ones the live checks (the same the Problems view shows) say will fail, and (with a cache)
 * what retention would delete now, for the Run Plan confirmation.
 */
export async function resolveWithRetention(
  analysis: PlanAnalysis,
  title: string,
  cache: LiveCache | undefined,
  liveTimeoutMs: number,
): Promise<ResolveResult> {
  const plain = resolveAnswer(analysis, title);
  if (plain.entries.length === 0) return plain;
  const live = cache ? await withTimeout(completeLiveDiagnostics(analysis, cache), liveTimeoutMs, []) : [];
  const resolved = { ...plain, expectedFailures: expectedFailures(analysis, live) };
  if (!analysis.entries.some((e) => e.retention)) return resolved;
  const found = cache ? await previews(analysis, cache, title, liveTimeoutMs) : previewsWithoutLive(analysis);
  const all = [...found.values()];
  const retention: RetentionSummary = {
    entries: all.length,
    deletions: all.reduce((n, p) => n + (p.kind === 'ok' ? p.selection.delete.length : 0), 0),
    unknown: all.filter((p) => p.kind === 'unknown').length,
  };
  return { ...resolved, retention };
}

export function resolveAnswer(analysis: PlanAnalysis, title?: string): ResolveResult {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const problems = errors.slice(0, 10).map((d) => l10n.t('line {0}: {1}', d.range.start.line + 1, d.message));
  const counts = new Map<string, { service: string; label: string; count: number }>();
  for (const e of analysis.entries) {
    const row = counts.get(e.service.id) ?? { service: e.service.id, label: e.service.label, count: 0 };
    row.count++;
    counts.set(e.service.id, row);
  }
  return {
    entries: errors.length
      ? []
      : toRunEntries(analysis.entries, (offset) => analysis.lines.positionAt(offset).line, title),
    errorCount: errors.length,
    problems,
    perService: [...counts.values()],
    expectedFailures: [],
  };
}
