// Markdown documents: the dry run of a plan and the report of a run (created, and for entries with retention, the
// snapshots deleted, not deleted and kept). Plain English (no vscode.l10n here).
import type { RetainedSnapshot } from './retention';
import type { EntryReport, PlanRunEntry, RunReport } from './run';

/** Escapes a value for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export const inlineCode = (text: string): string => (text === '' ? '' : `\`${text.replace(/`/g, 'ʼ')}\``);

export function inputsCell(entry: Pick<PlanRunEntry, 'input'>): string {
  const values = Object.entries(entry.input.values).map(([k, v]) => `${k}=${inlineCode(v)}`);
  return cell(values.join('<br>'));
}

export function tagsCell(entry: Pick<PlanRunEntry, 'input'>): string {
  return cell(entry.input.tags.map((t) => inlineCode(`${t.key}=${t.value}`)).join(' '));
}

const utc = (d: Date): string => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

const named = (s: RetainedSnapshot): string =>
  `${inlineCode(s.name)}${s.name !== s.id ? ` (${inlineCode(s.id)})` : ''}: ${s.reason}`;

/** The Retention section: per entry with retention, what was deleted, not deleted and kept. */
function retentionLines(entries: readonly EntryReport[], labelOf: (serviceId: string) => string): string[] {
  const withRetention = entries.filter((r) => r.entry.retention);
  if (withRetention.length === 0) return [];
  const lines = ['', '## Retention', ''];
  for (const r of withRetention) {
    lines.push(`### Line ${r.entry.line}: ${labelOf(r.entry.service)} ${inlineCode(r.entry.resource)}`, '');
    const retention = r.retention;
    if (!retention) {
      lines.push('Nothing was deleted: no snapshot was requested for this entry.', '');
      continue;
    }
    if (retention.note) lines.push(retention.note, '');
    for (const d of retention.deleted)
      lines.push(`- 🗑 ${d.status === 'deleted' ? 'deleted' : `deleting (${d.status})`} ${named(d)}`);
    for (const f of retention.failed) lines.push(`- ❌ not deleted ${named(f)} — ${f.message}`);
    for (const k of retention.kept) lines.push(`- kept ${named(k)}`);
    lines.push('');
  }
  return lines;
}

export function formatRunReport(report: RunReport, title: string, labelOf: (serviceId: string) => string): string {
  const seconds = ((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000).toFixed(1);
  const lines = [
    `# Run report: ${title}`,
    '',
    `Started ${utc(report.startedAt)}, finished after ${seconds} s.`,
    '',
    `**${report.created} of ${report.entries.length} snapshots requested**` +
      (report.failed ? `, ${report.failed} failed` : '') +
      (report.cancelled ? `, ${report.cancelled} cancelled` : '') +
      '. Requested snapshots keep being tracked in the Snapshot Activity view.' +
      (report.entries.some((r) => r.entry.retention)
        ? ` Retention: ${report.deleted} deleted${report.deleteFailed ? `, ${report.deleteFailed} not deleted` : ''}.`
        : ''),
    '',
    '| # | Line | Service | Resource | Profile / region | Inputs | Outcome |',
    '|---|---|---|---|---|---|---|',
  ];
  report.entries.forEach((r, i) => {
    const outcome =
      r.outcome === 'created'
        ? `✅ requested${r.snapshotId ? ` ${inlineCode(r.snapshotId)}` : ''}`
        : `${r.outcome === 'failed' ? '❌ failed' : '⏹ cancelled'}: ${r.message ?? ''}`;
    lines.push(
      `| ${i + 1} | ${r.entry.line} | ${cell(labelOf(r.entry.service))} | ${cell(inlineCode(r.entry.resource))} | ${cell(`${r.entry.profile} / ${r.entry.region}`)} | ${inputsCell(r.entry)} | ${cell(outcome)} |`,
    );
  });
  lines.push(...retentionLines(report.entries, labelOf));
  return lines.join('\n') + '\n';
}
