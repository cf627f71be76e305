// The dry run of a plan: every create call it would make, with expanded names, and every snapshot its retention
// would delete now, with why, as a readable Markdown document plus the same facts as data (for tests and the Run
// Plan confirmation).
import type { Lookup } from './liveChecks';
import type { PlanDiagnostic } from './model';
import { formatDateTime } from '../dates';
import { cell, entriesTable, inlineCode, inputRows, table } from './report';
import type { RetentionPreview } from './retentionPreview';
import { toRunEntries, type PlanRunEntry } from './run';
import type { PlanAnalysis, ResolvedEntry } from './validate';
import * as l10n from '../l10n';

export interface PlannedCall extends PlanRunEntry {
  /** The API operation, e.g. CreateGraphSnapshot. */
  readonly operation: string;
  readonly serviceLabel: string;
  /** The resource's id and status when the live lookup found it. */
  readonly resourceId?: string;
  readonly resourceStatus?: string;
  /** Errors and warnings of this entry (static and live), as `line N: message`. */
  readonly problems: readonly string[];
  /** For an entry with retention: what a run would delete now (from the live state), or why that is not known. */
  readonly deletions?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly reason: string }>;
  readonly retentionUnknown?: string;
}

export interface DryRun {
  readonly markdown: string;
  readonly calls: readonly PlannedCall[];
  /** Errors anywhere in the plan (a run refuses while there are any). */
  readonly errorCount: number;
  /** How many snapshots retention would delete now, over every entry. */
  readonly deletions: number;
}

export interface DryRunOptions {
  readonly title: string;
  /** Live diagnostics known so far (from the cache). */
  readonly live?: readonly PlanDiagnostic[];
  /** The live lookup of an entry's resource, when known. */
  readonly lookup?: (entry: ResolvedEntry) => Lookup | undefined;
  /** Retention previews by entry index (retentionPreview.ts). */
  readonly retention?: ReadonlyMap<number, RetentionPreview>;
}

function retentionOf(preview: RetentionPreview | undefined): Partial<PlannedCall> {
  if (!preview) return {};
  if (preview.kind === 'unknown') return { retentionUnknown: preview.reason };
  const deletions = preview.selection.delete.map((c) => ({
    id: c.snapshot.id,
    name: c.snapshot.name,
    reason: c.reason,
  }));
  return { deletions };
}

function retentionSection(calls: readonly PlannedCall[]): string[] {
  const withRetention = calls.filter((c) => c.retention);
  if (withRetention.length === 0) return [];
  const lines = [
    l10n.t('## Retention'),
    '',
    l10n.t(
      'What a run would delete now, once each new snapshot is available (the run lists the snapshots again then). Only snapshots the plan took (tagged `snapshot-plan`, or under the entry’s S3 prefix) are ever deleted.',
    ),
    '',
  ];
  for (const c of withRetention) {
    const rules = [
      c.retention?.keep !== undefined ? l10n.t('keep {0}', c.retention.keep) : '',
      c.retention?.maxAgeDays !== undefined ? l10n.t('maxAgeDays {0}', c.retention.maxAgeDays) : '',
    ].filter(Boolean);
    const head = l10n.t(
      '- line {0}, {1} {2} ({3}): ',
      c.line,
      c.serviceLabel,
      inlineCode(c.resource),
      rules.join(', '),
    );
    if (c.retentionUnknown !== undefined) lines.push(l10n.t('{0}not known now: {1}', head, c.retentionUnknown));
    else if (!c.deletions || c.deletions.length === 0) lines.push(l10n.t('{0}deletes nothing', head));
    else {
      lines.push(l10n.t('{0}deletes {1}', head, c.deletions.length));
      for (const d of c.deletions)
        lines.push(`  - ${inlineCode(d.name)}${d.name !== d.id ? ` (${inlineCode(d.id)})` : ''}: ${d.reason}`);
    }
  }
  lines.push('');
  return lines;
}

export function dryRunPlan(analysis: PlanAnalysis, options: DryRunOptions): DryRun {
  const all = [...analysis.diagnostics, ...(options.live ?? [])].filter((d) => d.severity !== 'info');
  const lineOf = (offset: number): number => analysis.lines.positionAt(offset).line;
  const runEntries = toRunEntries(analysis.entries, lineOf, options.title);
  const calls: PlannedCall[] = analysis.entries.map((e, i) => {
    const inside = all.filter((d) => d.span.start >= e.entry.span.start && d.span.end <= e.entry.span.end);
    const lookup = options.lookup?.(e);
    const found = lookup?.kind === 'found' ? lookup.resource : undefined;
    return {
      ...(runEntries[i] as PlanRunEntry),
      operation: e.service.createOperation,
      serviceLabel: e.service.label,
      ...(found ? { resourceId: found.id, resourceStatus: found.status } : {}),
      problems: inside.map((d) => l10n.t('line {0}: {1}', d.range.start.line + 1, d.message)),
      ...retentionOf(options.retention?.get(e.index)),
    };
  });
  const deletions = calls.reduce((n, c) => n + (c.deletions?.length ?? 0), 0);
  const errorCount = all.filter((d) => d.severity === 'error').length;
  const perService = new Map<string, number>();
  for (const c of calls)
    perService.set(
      `${c.serviceLabel} (${c.operation})`,
      (perService.get(`${c.serviceLabel} (${c.operation})`) ?? 0) + 1,
    );

  const lines = [
    l10n.t('# Dry run: {0}', options.title),
    '',
    l10n.t(
      'Nothing was created. Names are expanded for {0}; Run Plan expands them again when it starts.',
      formatDateTime(analysis.now) ?? '',
    ),
    '',
    (calls.length === 1
      ? l10n.t('**1 snapshot** would be requested')
      : l10n.t('**{0} snapshots** would be requested', calls.length)) +
      (perService.size ? `: ${[...perService].map(([k, n]) => `${n} × ${k}`).join(', ')}.` : '.'),
    '',
  ];
  if (calls.some((c) => c.retention)) {
    lines.push(
      deletions === 1
        ? l10n.t('**1 snapshot** would be deleted by retention (see Retention).')
        : l10n.t('**{0} snapshots** would be deleted by retention (see Retention).', deletions),
      '',
    );
  }
  if (errorCount) {
    lines.push(
      errorCount === 1
        ? l10n.t('> **1 error**: Run Plan refuses to start until the plan has none.')
        : l10n.t('> **{0} errors**: Run Plan refuses to start until the plan has none.', errorCount),
      '',
    );
  }
  const skipped = analysis.plan.entries.length - calls.length;
  if (skipped > 0) {
    lines.push(
      skipped === 1
        ? l10n.t(
            '> 1 entry is incomplete (no known service, resource, profile or region) and not listed below; see Problems.',
          )
        : l10n.t(
            '> {0} entries are incomplete (no known service, resource, profile or region) and not listed below; see Problems.',
            skipped,
          ),
      '',
    );
  }
  if (calls.length) {
    const rows: Array<{ entry: PlanRunEntry; cells: string[] }> = [];
    const details: string[] = [l10n.t('## Calls'), ''];
    calls.forEach((c, i) => {
      const resource =
        c.resourceId && c.resourceId !== c.resource
          ? `${inlineCode(c.resource)} → ${inlineCode(c.resourceId)}`
          : inlineCode(c.resource);
      const live =
        c.resourceStatus ??
        (options.lookup
          ? options.lookup(analysis.entries[i] as ResolvedEntry)?.kind === 'missing'
            ? l10n.t('not found')
            : l10n.t('not checked')
          : l10n.t('not checked'));
      rows.push({ entry: c, cells: [cell(c.serviceLabel), cell(resource), cell(live)] });
      details.push(
        l10n.t('### Line {0}: {1} of {2}', c.line, inlineCode(c.operation), inlineCode(c.resource)),
        '',
        ...table([l10n.t('Input'), l10n.t('Value')], inputRows(c), 0),
        '',
      );
    });
    lines.push(...entriesTable(rows, [l10n.t('Service'), l10n.t('Resource'), l10n.t('Live')]), '', ...details);
  }
  lines.push(...retentionSection(calls));
  if (all.length) {
    lines.push(l10n.t('## Problems'), '');
    for (const d of all) lines.push(l10n.t('- line {0} ({1}): {2}', d.range.start.line + 1, d.severity, d.message));
    lines.push('');
  }
  return { markdown: lines.join('\n'), calls, errorCount, deletions };
}
