// The plan commands: New Snapshot Plan, Dry Run Plan, Run Plan. The server reads the plan; these show it (dry runs
// and run reports as read-only documents, a run's outcome as ONE notification: each entry is in Snapshot Activity).
import * as vscode from 'vscode';
import { numberValue } from '../ui/settings';
import { examplePlan } from '../plans/example';
import { dryRunRequest, planLanguageId, resolveRequest } from '../plans/protocol';
import { formatRunReport } from '../plans/report';
import type { RunPlanEntries, RunReport } from '../plans/run';
import type { PlanClient } from './planClient';
import { confirmation, skippedReasons } from './planConfirmation';
import type { ReportSink } from './reportDocuments';

export interface PlanCommandDeps {
  readonly client: Pick<PlanClient, 'request'> & { readonly reports: ReportSink };
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
  await deps.client.reports.show(vscode.l10n.t('{0} (dry run)', fileName(doc)), result.markdown);
}

/** The run's one notification: how many were requested, and how many failed, were skipped or cancelled. */
export function summaryMessage(report: RunReport, title: string): { message: string; ok: boolean } {
  const total = report.entries.length;
  const deleted =
    report.deleted || report.deleteFailed
      ? ' ' + vscode.l10n.t('Retention: {0} deleted, {1} not deleted.', report.deleted, report.deleteFailed)
      : '';
  const others = [
    report.failed ? vscode.l10n.t('{0} failed', report.failed) : '',
    report.skipped ? vscode.l10n.t('{0} skipped', report.skipped) : '',
    report.cancelled ? vscode.l10n.t('{0} cancelled', report.cancelled) : '',
  ].filter(Boolean);
  if (others.length === 0 && report.deleteFailed === 0) {
    return {
      ok: true,
      message: vscode.l10n.t('Plan {0}: {1} of {2} snapshots requested.', title, report.created, total) + deleted,
    };
  }
  const requested =
    others.length === 0
      ? vscode.l10n.t('Plan {0}: {1} of {2} snapshots requested.', title, report.created, total)
      : vscode.l10n.t(
          'Plan {0}: {1} of {2} snapshots requested, {3}. See the report.',
          title,
          report.created,
          total,
          others.join(', '),
        );
  return { ok: false, message: requested + deleted };
}

async function summarize(
  deps: PlanCommandDeps,
  report: RunReport,
  title: string,
  labelOf: (id: string) => string,
): Promise<void> {
  await deps.client.reports.show(vscode.l10n.t('{0} (run report)', title), formatRunReport(report, title, labelOf));
  const showActivity = vscode.l10n.t('Show Snapshot Activity');
  const { message, ok } = summaryMessage(report, title);
  const choice = ok
    ? await vscode.window.showInformationMessage(message, showActivity)
    : await vscode.window.showWarningMessage(message, showActivity);
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
  // The server expands the plan and runs the live checks again (what will fail now, what retention would delete).
  const resolved = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', title) },
    () => deps.client.request(resolveRequest, { uri: doc.uri.toString() }),
  );
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
  const choice = await vscode.window.showWarningMessage(
    ask.message,
    { modal: true, detail: ask.detail },
    ...(ask.runOthers ? [ask.runOthers] : []),
    ask.runAll,
  );
  if (choice === undefined || (choice !== ask.runAll && choice !== ask.runOthers)) return;
  const skip = choice === ask.runOthers ? skippedReasons(resolved) : undefined;

  const labels = new Map(resolved.perService.map((s) => [s.service, s.label]));
  const runEntries = deps.runPlanEntries;
  const concurrency = numberValue('plans.maxConcurrentCreates');
  deps.log.info(
    `Running plan ${title}: ${resolved.entries.length} entries${skip ? `, ${skip.size} skipped` : ''}, at most ${concurrency} at once`,
  );
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
        ...(skip ? { skip } : {}),
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
    `Plan ${title}: ${report.created} requested, ${report.failed} failed, ${report.skipped} skipped, ${report.cancelled} cancelled, ${report.deleted} deleted by retention, ${report.deleteFailed} not deleted`,
  );
  await summarize(deps, report, title, (id) => labels.get(id) ?? id);
}
