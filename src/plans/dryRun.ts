// The dry run of a plan: every create call it would make, with expanded names, as a readable Markdown
// document plus the same facts as data (for tests and the Run Plan confirmation).
import type { Lookup } from './liveChecks';
import type { PlanDiagnostic } from './model';
import { cell, inlineCode, inputsCell, tagsCell } from './report';
import { toRunEntries, type PlanRunEntry } from './run';
import type { PlanAnalysis, ResolvedEntry } from './validate';

export interface PlannedCall extends PlanRunEntry {
  /** The API operation, e.g. CreateGraphSnapshot. */
  readonly operation: string;
  readonly serviceLabel: string;
  /** The resource's id and status when the live lookup found it. */
  readonly resourceId?: string;
  readonly resourceStatus?: string;
  /** Errors and warnings of this entry (static and live), as `line N: message`. */
  readonly problems: readonly string[];
}

export interface DryRun {
  readonly markdown: string;
  readonly calls: readonly PlannedCall[];
  /** Errors anywhere in the plan (a run refuses while there are any). */
  readonly errorCount: number;
}

export interface DryRunOptions {
  readonly title: string;
  /** Live diagnostics known so far (from the cache). */
  readonly live?: readonly PlanDiagnostic[];
  /** The live lookup of an entry's resource, when known. */
  readonly lookup?: (entry: ResolvedEntry) => Lookup | undefined;
}

const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function dryRunPlan(analysis: PlanAnalysis, options: DryRunOptions): DryRun {
  const all = [...analysis.diagnostics, ...(options.live ?? [])].filter((d) => d.severity !== 'info');
  const lineOf = (offset: number): number => analysis.lines.positionAt(offset).line;
  const runEntries = toRunEntries(analysis.entries, lineOf);
  const calls: PlannedCall[] = analysis.entries.map((e, i) => {
    const inside = all.filter((d) => d.span.start >= e.entry.span.start && d.span.end <= e.entry.span.end);
    const lookup = options.lookup?.(e);
    const found = lookup?.kind === 'found' ? lookup.resource : undefined;
    return {
      ...(runEntries[i] as PlanRunEntry),
      operation: e.service.createOperation,
      serviceLabel: e.service.label,
      ...(found ? { resourceId: found.id, resourceStatus: found.status } : {}),
      problems: inside.map((d) => `line ${d.range.start.line + 1}: ${d.message}`),
    };
  });
  const errorCount = all.filter((d) => d.severity === 'error').length;
  const perService = new Map<string, number>();
  for (const c of calls)
    perService.set(
      `${c.serviceLabel} (${c.operation})`,
      (perService.get(`${c.serviceLabel} (${c.operation})`) ?? 0) + 1,
    );

  const lines = [
    `# Dry run: ${options.title}`,
    '',
    `Nothing was created. Names are expanded for ${utc(analysis.now)}; Run Plan expands them again when it starts.`,
    '',
    `**${calls.length} ${calls.length === 1 ? 'snapshot' : 'snapshots'}** would be requested` +
      (perService.size ? `: ${[...perService].map(([k, n]) => `${n} × ${k}`).join(', ')}.` : '.'),
    '',
  ];
  if (errorCount) {
    lines.push(
      `> **${errorCount} ${errorCount === 1 ? 'error' : 'errors'}**: Run Plan refuses to start until the plan has none.`,
      '',
    );
  }
  const skipped = analysis.plan.entries.length - calls.length;
  if (skipped > 0) {
    lines.push(
      `> ${skipped} ${skipped === 1 ? 'entry is' : 'entries are'} incomplete (no known service, resource, profile or region) and not listed below; see Problems.`,
      '',
    );
  }
  if (calls.length) {
    lines.push(
      '| # | Line | Call | Resource | Profile / region | Inputs | Tags | Live |',
      '|---|---|---|---|---|---|---|---|',
    );
    calls.forEach((c, i) => {
      const resource =
        c.resourceId && c.resourceId !== c.resource
          ? `${inlineCode(c.resource)} → ${inlineCode(c.resourceId)}`
          : inlineCode(c.resource);
      const live =
        c.resourceStatus ??
        (options.lookup
          ? options.lookup(analysis.entries[i] as ResolvedEntry)?.kind === 'missing'
            ? 'not found'
            : 'not checked'
          : 'not checked');
      lines.push(
        `| ${i + 1} | ${c.line} | ${cell(`${c.serviceLabel}: ${c.operation}`)} | ${cell(resource)} | ${cell(`${c.profile} / ${c.region}`)} | ${inputsCell(c)} | ${tagsCell(c)} | ${cell(live)} |`,
      );
    });
    lines.push('');
  }
  if (all.length) {
    lines.push('## Problems', '');
    for (const d of all) lines.push(`- line ${d.range.start.line + 1} (${d.severity}): ${d.message}`);
    lines.push('');
  }
  return { markdown: lines.join('\n'), calls, errorCount };
}
