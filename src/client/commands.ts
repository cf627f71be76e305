// The plan commands: New Snapshot Plan, Dry Run Plan, Run Plan. The server reads the plan; these show it.
import * as vscode from 'vscode';
import { numberValue } from '../ui/settings';
import { examplePlan } from '../plans/example';
import { dryRunRequest, planLanguageId, resolveRequest, type ResolveResult } from '../plans/protocol';
import { formatRunReport } from '../plans/report';
import type { RunPlanEntries, RunReport } from '../plans/run';
import type { PlanClient } from './planClient';

export interface PlanCommandDeps {
  readonly client: PlanClient;
  readonly log: vscode.LogOutputChannel;
  readonly runPlanEntries?: RunPlanEntries;
}

/** The plan a command is about: its argument (a URI from a code lens or the explorer), else the active editor. */
async function planDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : undefined;
  const doc = uri
    ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ??
      (await vscode.workspace.openTextDocument(uri)))
    : vscode.window.activeTextEditor?.document;
  if (doc?.languageId === planLanguageId) return doc;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a snapshot plan (a *.snapshots.yaml file) first.'));
  return undefined;
}

const fileName = (doc: vscode.TextDocument): string => doc.uri.path.split('/').pop() ?? doc.uri.toString();

/** Shows Markdown as a preview beside the editor (or as a document when there is no Markdown preview). */
async function showMarkdown(content: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
  } catch {
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export async function newPlan(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: planLanguageId, content: examplePlan });
  await vscode.window.showTextDocument(doc);
}

export async function dryRun(deps: PlanCommandDeps, arg: unknown): Promise<void> {
  const doc = await planDocument(arg);
  if (!doc) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Dry run of {0}…', fileName(doc)) },
    () => deps.client.request(dryRunRequest, { uri: doc.uri.toString() }),
  );
  if (!result) throw new Error(vscode.l10n.t('The plan server does not have {0} open.', fileName(doc)));
  await showMarkdown(result.markdown);
}

/** The Run Plan confirmation: the snapshots to take per service, and what retention would delete now. */
export function confirmation(resolved: ResolveResult): { message: string; detail: string } {
  const total = resolved.entries.length;
  const lines = resolved.perService.map((s) => vscode.l10n.t('{0} × {1}', s.count, s.label));
  const places = [...new Set(resolved.entries.map((e) => `${e.profile} / ${e.region}`))];
  const take = total === 1 ? vscode.l10n.t('Take 1 snapshot?') : vscode.l10n.t('Take {0} snapshots?', total);
  const retention = resolved.retention;
  if (!retention) {
    return {
      message: take,
      detail: [...lines, '', vscode.l10n.t('Profiles and regions: {0}', places.join(', '))].join('\n'),
    };
  }
  const n = retention.deletions;
  const message =
    n === 0
      ? take
      : total === 1
        ? n === 1
          ? vscode.l10n.t('Take 1 snapshot and delete 1 older one?')
          : vscode.l10n.t('Take 1 snapshot and delete {0} older ones?', n)
        : n === 1
          ? vscode.l10n.t('Take {0} snapshots and delete 1 older one?', total)
          : vscode.l10n.t('Take {0} snapshots and delete {1} older ones?', total, n);
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
  const after = vscode.l10n.t('Nothing is deleted before the new snapshot of its resource is available.');
  return {
    message,
    detail: [
      ...lines,
      '',
      why,
      ...unknown,
      after,
      '',
      vscode.l10n.t('Profiles and regions: {0}', places.join(', ')),
    ].join('\n'),
  };
}

async function summarize(report: RunReport, title: string, labelOf: (id: string) => string): Promise<void> {
  await showMarkdown(formatRunReport(report, title, labelOf));
  const total = report.entries.length;
  const showActivity = vscode.l10n.t('Show Snapshot Activity');
  const deleted =
    report.deleted || report.deleteFailed
      ? ' ' + vscode.l10n.t('Retention: {0} deleted, {1} not deleted.', report.deleted, report.deleteFailed)
      : '';
  const choice =
    report.failed === 0 && report.cancelled === 0 && report.deleteFailed === 0
      ? await vscode.window.showInformationMessage(
          vscode.l10n.t('Plan {0}: {1} of {2} snapshots requested.', title, report.created, total) + deleted,
          showActivity,
        )
      : await vscode.window.showWarningMessage(
          vscode.l10n.t(
            'Plan {0}: {1} of {2} snapshots requested, {3} failed, {4} cancelled. See the report.',
            title,
            report.created,
            total,
            report.failed,
            report.cancelled,
          ) + deleted,
          showActivity,
        );
  if (choice === showActivity) await vscode.commands.executeCommand('snapshotExplorer.activity.focus');
}

export async function runPlanCommand(deps: PlanCommandDeps, arg: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('Plans are checked but never run in an untrusted workspace. Trust this workspace to run the plan.'),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const doc = await planDocument(arg);
  if (!doc) return;
  const title = fileName(doc);
  const resolved = await deps.client.request(resolveRequest, { uri: doc.uri.toString() });
  if (!resolved) throw new Error(vscode.l10n.t('The plan server does not have {0} open.', title));
  if (resolved.errorCount > 0) {
    const showProblems = vscode.l10n.t('Show Problems');
    const choice = await vscode.window.showErrorMessage(
      resolved.errorCount === 1
        ? vscode.l10n.t('{0} has 1 error; fix it before running the plan.', title)
        : vscode.l10n.t('{0} has {1} errors; fix them before running the plan.', title, resolved.errorCount),
      { modal: true, detail: resolved.problems.join('\n') },
      showProblems,
    );
    if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  if (resolved.entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} lists no snapshots.', title));
    return;
  }
  if (!deps.runPlanEntries) {
    throw new Error(vscode.l10n.t('Running plans is not connected to the create-snapshot flow in this build.'));
  }
  const ask = confirmation(resolved);
  const run = vscode.l10n.t('Run Plan');
  if ((await vscode.window.showWarningMessage(ask.message, { modal: true, detail: ask.detail }, run)) !== run) return;

  const labels = new Map(resolved.perService.map((s) => [s.service, s.label]));
  const runEntries = deps.runPlanEntries;
  const concurrency = numberValue('plans.maxConcurrentCreates');
  deps.log.info(`Running plan ${title}: ${resolved.entries.length} entries, at most ${concurrency} at once`);
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Running plan {0}', title),
      cancellable: true,
    },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const total = resolved.entries.length;
      return runEntries(resolved.entries, {
        concurrency,
        signal: controller.signal,
        onProgress: (entry, done) => {
          if (entry.outcome === 'failed')
            deps.log.warn(`Plan ${title}, line ${entry.entry.line}: ${entry.message ?? ''}`);
          progress.report({ increment: 100 / total, message: vscode.l10n.t('{0} of {1}', done, total) });
          if (done === total && resolved.retention)
            progress.report({ message: vscode.l10n.t('Waiting for the new snapshots before retention deletes…') });
        },
        onRetention: (entry) => {
          for (const f of entry.retention?.failed ?? [])
            deps.log.warn(`Plan ${title}, line ${entry.entry.line}: not deleted ${f.id}: ${f.message}`);
          for (const d of entry.retention?.deleted ?? [])
            deps.log.info(`Plan ${title}, line ${entry.entry.line}: deleted ${d.id} (${d.reason})`);
        },
      });
    },
  );
  deps.log.info(
    `Plan ${title}: ${report.created} requested, ${report.failed} failed, ${report.cancelled} cancelled, ${report.deleted} deleted by retention, ${report.deleteFailed} not deleted`,
  );
  await summarize(report, title, (id) => labels.get(id) ?? id);
}
