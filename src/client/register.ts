// Wires snapshot plans into VS Code: the language client (started on the first plan document) and the
// New / Dry Run / Run Plan commands.
import * as vscode from 'vscode';
import { planCommands, planLanguageId } from '../plans/protocol';
import type { RunPlanEntries } from '../plans/run';
import { registerCommand } from '../ui/command';
import { dryRun, newPlan, runPlanCommand, type PlanCommandDeps } from './commands';
import { PlanClient } from './planClient';

export interface PlanDeps {
  readonly log: vscode.LogOutputChannel;
  /** Runs plan entries through the create-and-track path (see createPlanRunner in src/plans/run.ts). */
  readonly runPlanEntries?: RunPlanEntries;
  /** Fires when the extension's endpoints change outside the settings (a released override). */
  readonly onDidChangeEndpoints?: vscode.Event<void>;
}

export function registerPlans(context: vscode.ExtensionContext, deps: PlanDeps): void {
  const client = new PlanClient(context, deps.log);
  const commandDeps: PlanCommandDeps = { client, log: deps.log, runPlanEntries: deps.runPlanEntries };
  const startFor = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== planLanguageId) return;
    client.start().catch((error: unknown) => {
      deps.log.error(error instanceof Error ? error : String(error));
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'The snapshot plan server could not start: {0}',
          error instanceof Error ? error.message : String(error),
        ),
      );
    });
  };
  context.subscriptions.push(
    client,
    ...(deps.onDidChangeEndpoints ? [deps.onDidChangeEndpoints(() => void client.sendSettings())] : []),
    vscode.workspace.onDidOpenTextDocument(startFor),
    registerCommand(planCommands.newPlan, deps.log, () => newPlan()),
    registerCommand(planCommands.dryRun, deps.log, (arg?: unknown) => dryRun(commandDeps, arg)),
    registerCommand(planCommands.run, deps.log, (arg?: unknown) => runPlanCommand(commandDeps, arg)),
  );
  vscode.workspace.textDocuments.forEach(startFor);
}
