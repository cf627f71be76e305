// The answers to the custom requests (dry run, resolve for a run), built from an analysis and the live cache.
import { dryRunPlan } from './dryRun';
import { completeLiveDiagnostics, findResource, type Lookup } from './liveChecks';
import type { LiveCache } from './liveSource';
import type { PlanDiagnostic } from './model';
import type { DryRunResult, ResolveResult } from './protocol';
import { toRunEntries } from './run';
import type { PlanAnalysis, ResolvedEntry } from './validate';

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
  if (cache) {
    live = await withTimeout(completeLiveDiagnostics(analysis, cache), liveTimeoutMs, []);
    lookup = (entry) => {
      const listed = cache.peekResources(entry.service.id, entry.profile, entry.region);
      return listed?.status === 'ok' ? findResource(listed.value, entry.resource) : undefined;
    };
  }
  return dryRunPlan(analysis, { title, live, ...(lookup ? { lookup } : {}) });
}

export function resolveAnswer(analysis: PlanAnalysis): ResolveResult {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const problems = errors.slice(0, 10).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const counts = new Map<string, { service: string; label: string; count: number }>();
  for (const e of analysis.entries) {
    const row = counts.get(e.service.id) ?? { service: e.service.id, label: e.service.label, count: 0 };
    row.count++;
    counts.set(e.service.id, row);
  }
  return {
    entries: errors.length ? [] : toRunEntries(analysis.entries, (offset) => analysis.lines.positionAt(offset).line),
    errorCount: errors.length,
    problems,
    perService: [...counts.values()],
  };
}
