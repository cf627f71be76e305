// Markdown documents: the dry run of a plan and the report of a run (created, failed, skipped, and for entries with
// retention, the snapshots deleted, not deleted and kept). Plain English (no vscode.l10n here). Tables stay narrow
// (a preview beside the plan is half a window): an overview of the entries, then their inputs as rows of their own.
import { formatDateTime } from '../dates';
import type { RetainedSnapshot } from './retention';
import type { EntryReport, PlanRunEntry, RunReport } from './run';
import * as l10n from '../l10n';

/** Escapes a value for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export const inlineCode = (text: string): string => (text === '' ? '' : `\`${text.replace(/`/g, 'ʼ')}\``);

/** An entry's inputs, then its tags, as `| name | value |` rows (cells escaped). */
export function inputRows(entry: Pick<PlanRunEntry, 'input'>): Array<readonly [string, string]> {
  return [
    ...Object.entries(entry.input.values).map(([k, v]) => [cell(k), cell(inlineCode(v))] as const),
    ...entry.input.tags.map((t) => [cell(l10n.t('tag {0}', t.key)), cell(inlineCode(t.value))] as const),
  ];
}

/**
 * The overview table of entries, with a `Profile / region` column only when they differ (else one line above it
 * says where every entry runs): `columns` are the ones between Resource and the place, `last` after it.
 */
export function entriesTable(
  entries: ReadonlyArray<{
    readonly entry: Pick<PlanRunEntry, 'line' | 'profile' | 'region'>;
    readonly cells: readonly string[];
  }>,
  head: readonly string[],
): string[] {
  const places = new Set(entries.map((e) => `${e.entry.profile} / ${e.entry.region}`));
  const [only] = places;
  if (places.size === 1 && only !== undefined) {
    return [
      l10n.t('Every entry runs in profile / region {0}.', inlineCode(only)),
      '',
      ...table(
        [l10n.t('Line'), ...head],
        entries.map((e) => [String(e.entry.line), ...e.cells]),
      ),
    ];
  }
  const withPlace = (cells: readonly string[], place: string) => [...cells.slice(0, -1), place, ...cells.slice(-1)];
  return table(
    [l10n.t('Line'), ...withPlace(head, l10n.t('Profile / region'))],
    entries.map((e) => [String(e.entry.line), ...withPlace(e.cells, cell(`${e.entry.profile} / ${e.entry.region}`))]),
  );
}

/** A Markdown table: a header row, its alignment row and the rows. */
export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric = 1): string[] {
  const align = head.map((_, i) => (i < numeric ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const named = (s: RetainedSnapshot): string =>
  `${inlineCode(s.name)}${s.name !== s.id ? ` (${inlineCode(s.id)})` : ''}: ${s.reason}`;

/** The Retention section: per entry with retention, what was deleted, not deleted and kept. */
function retentionLines(entries: readonly EntryReport[], labelOf: (serviceId: string) => string): string[] {
  const withRetention = entries.filter((r) => r.entry.retention);
  if (withRetention.length === 0) return [];
  const lines = ['', l10n.t('## Retention'), ''];
  for (const r of withRetention) {
    lines.push(
      l10n.t('### Line {0}: {1} {2}', r.entry.line, labelOf(r.entry.service), inlineCode(r.entry.resource)),
      '',
    );
    const retention = r.retention;
    if (!retention) {
      lines.push(l10n.t('Nothing was deleted: no snapshot was requested for this entry.'), '');
      continue;
    }
    if (retention.note) lines.push(retention.note, '');
    for (const d of retention.deleted)
      lines.push(`- 🗑 ${d.status === 'deleted' ? 'deleted' : `deleting (${d.status})`} ${named(d)}`);
    for (const f of retention.failed) lines.push(l10n.t('- ❌ not deleted {0} — {1}', named(f), f.message));
    for (const k of retention.kept) lines.push(l10n.t('- kept {0}', named(k)));
    lines.push('');
  }
  return lines;
}

export function formatRunReport(report: RunReport, title: string, labelOf: (serviceId: string) => string): string {
  const seconds = ((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000).toFixed(1);
  const lines = [
    l10n.t('# Run report: {0}', title),
    '',
    l10n.t('Started {0}, finished after {1} s.', formatDateTime(report.startedAt) ?? '', seconds),
    '',
    l10n.t('**{0} of {1} snapshots requested**', report.created, report.entries.length) +
      (report.failed ? l10n.t(', {0} failed', report.failed) : '') +
      (report.skipped ? l10n.t(', {0} skipped', report.skipped) : '') +
      (report.cancelled ? l10n.t(', {0} cancelled', report.cancelled) : '') +
      l10n.t('. Every entry is in the Snapshot Activity view, where requested snapshots keep being tracked.') +
      (report.entries.some((r) => r.entry.retention)
        ? l10n.t(
            ' Retention: {0} deleted{1}.',
            report.deleted,
            report.deleteFailed ? `, ${report.deleteFailed} not deleted` : '',
          )
        : ''),
    '',
  ];
  const outcomes = { failed: '❌ failed', cancelled: '⏹ cancelled', skipped: '⏭ skipped' } as const;
  const rows = report.entries.map((r) => {
    const outcome =
      r.outcome === 'created'
        ? `✅ requested${r.snapshotId ? ` ${inlineCode(r.snapshotId)}` : ''}`
        : `${outcomes[r.outcome]}: ${r.message ?? ''}`;
    return {
      entry: r.entry,
      cells: [cell(labelOf(r.entry.service)), cell(inlineCode(r.entry.resource)), cell(outcome)],
    };
  });
  lines.push(...entriesTable(rows, [l10n.t('Service'), l10n.t('Resource'), l10n.t('Outcome')]), '');
  lines.push(l10n.t('## Inputs'), '');
  const inputs = report.entries.flatMap((r) => inputRows(r.entry).map(([k, v]) => [String(r.entry.line), k, v]));
  lines.push(...table([l10n.t('Line'), l10n.t('Input'), l10n.t('Value')], inputs));
  lines.push(...retentionLines(report.entries, labelOf));
  return lines.join('\n') + '\n';
}
