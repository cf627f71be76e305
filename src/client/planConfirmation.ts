// The Run Plan confirmation (a modal): the snapshots to take per service, the entries the live checks say will
// fail now (with their reasons, and a button that skips them), and what retention would delete now.
import * as vscode from 'vscode';
import type { ResolveResult } from '../plans/protocol';

export interface Confirmation {
  readonly message: string;
  readonly detail: string;
  /** Runs every entry. */
  readonly runAll: string;
  /** Runs only the entries not expected to fail (absent when none or all are expected to fail). */
  readonly runOthers?: string;
}

/** The checks' sentences quote values with backticks for the Problems view; a dialog shows plain text. */
const plain = (text: string): string => text.replace(/`/g, '');

function takeMessage(total: number, deletions: number): string {
  if (deletions === 0)
    return total === 1 ? vscode.l10n.t('Take 1 snapshot?') : vscode.l10n.t('Take {0} snapshots?', total);
  return total === 1
    ? deletions === 1
      ? vscode.l10n.t('Take 1 snapshot and delete 1 older one?')
      : vscode.l10n.t('Take 1 snapshot and delete {0} older ones?', deletions)
    : deletions === 1
      ? vscode.l10n.t('Take {0} snapshots and delete 1 older one?', total)
      : vscode.l10n.t('Take {0} snapshots and delete {1} older ones?', total, deletions);
}

function retentionLines(retention: NonNullable<ResolveResult['retention']>): string[] {
  const n = retention.deletions;
  const why =
    n === 0
      ? vscode.l10n.t('Retention (keep, maxAgeDays) would delete none of the plan’s snapshots now.')
      : n === 1
        ? vscode.l10n.t('Retention (keep, maxAgeDays) would delete 1 snapshot the plan took; Dry Run lists it and why.')
        : vscode.l10n.t(
            'Retention (keep, maxAgeDays) would delete {0} snapshots the plan took; Dry Run lists them and why.',
            n,
          );
  const unknown =
    retention.unknown === 0
      ? []
      : [
          retention.unknown === 1
            ? vscode.l10n.t(
                'For 1 entry, what retention deletes is not known now; the run decides after its snapshot is available.',
              )
            : vscode.l10n.t(
                'For {0} entries, what retention deletes is not known now; the run decides after their snapshots are available.',
                retention.unknown,
              ),
        ];
  return [why, ...unknown, vscode.l10n.t('Nothing is deleted before the new snapshot of its resource is available.')];
}

export function confirmation(resolved: ResolveResult): Confirmation {
  const total = resolved.entries.length;
  const expected = resolved.expectedFailures;
  const failing = expected.length;
  const lines = resolved.perService.map((s) => vscode.l10n.t('{0} × {1}', s.count, s.label));
  const places = [...new Set(resolved.entries.map((e) => `${e.profile} / ${e.region}`))];
  const take = takeMessage(total, resolved.retention?.deletions ?? 0);
  const message =
    failing === 0
      ? take
      : failing === 1
        ? `${take} ${vscode.l10n.t('1 of them is expected to fail.')}`
        : `${take} ${vscode.l10n.t('{0} of them are expected to fail.', failing)}`;
  const failures =
    failing === 0
      ? []
      : [
          vscode.l10n.t('Expected to fail now (the checks the Problems view shows):'),
          ...expected.map((f) => vscode.l10n.t('Line {0}, {1}: {2}', f.line, f.resource, plain(f.reason))),
          '',
        ];
  const retention = resolved.retention ? ['', ...retentionLines(resolved.retention)] : [];
  const detail = [
    ...failures,
    ...lines,
    ...retention,
    '',
    vscode.l10n.t('Profiles and regions: {0}', places.join(', ')),
  ].join('\n');
  if (failing === 0) return { message, detail, runAll: vscode.l10n.t('Run Plan') };
  const others = total - failing;
  return {
    message,
    detail,
    runAll: vscode.l10n.t('Run All'),
    ...(others > 0 ? { runOthers: vscode.l10n.t('Run {0}, Skip {1} Expected to Fail', others, failing) } : {}),
  };
}

/** Why a skipped entry did not run, for the report. */
export function skippedReasons(resolved: ResolveResult): Map<number, string> {
  return new Map(
    resolved.expectedFailures.map((f) => [f.index, vscode.l10n.t('expected to fail: {0}', plain(f.reason))]),
  );
}
