// Markdown documents: the dry run of a plan and the report of a run. Plain English (no vscode.l10n here).
import type { PlanRunEntry, RunReport } from './run';

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
      '. Requested snapshots keep being tracked in the Snapshot Activity view.',
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
  return lines.join('\n') + '\n';
}
