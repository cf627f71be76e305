// Wires Copy to Region… into VS Code: the snapshot's context-menu action (offered only for services with a copy API),
// the busy indicator while the form's defaults are read, the hand-over to the tracker (the copy is read in its
// destination region) and the destination region's branch refreshed when the copy ended. Logic lives in
// src/snapshots/copyFlow.ts.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { commandIds } from '../commandIds';
import type { SnapshotService } from '../services/service';
import { copyRefusal, runCopyFlow, sendCopy, type CopyFlowDeps, type CopyStart } from '../snapshots/copyFlow';
import { isRunning, type Operation } from '../snapshots/operation';
import { readOperationSource } from '../snapshots/operationSource';
import type { Tracker } from '../snapshots/tracker';
import { snapshotArg } from './treeArgs';
import { registerCommand, showErrorWithLogs } from './command';
import type { ExplorerHooks } from './explorerHooks';
import { QuickInputPrompter } from './multiStepInput';
import { showProgress, sourceGone } from './notifications';
import { busy } from './busyInput';

export interface CopyUiDeps {
  readonly log: vscode.LogOutputChannel;
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly tracker: Tracker;
  regionsFor(profile: string): readonly string[];
  readonly explorer?: ExplorerHooks;
}

export interface CopyUi {
  retry(op: Operation): Promise<void>;
}

export function registerCopy(context: vscode.ExtensionContext, deps: CopyUiDeps): CopyUi {
  const { log, clients, tracker, explorer } = deps;
  const flowDeps: CopyFlowDeps = {
    clients,
    log,
    regionsFor: deps.regionsFor,
    newToken: () => randomUUID(),
    busy,
  };

  async function copy(start: CopyStart): Promise<void> {
    const result = await runCopyFlow(new QuickInputPrompter(), flowDeps, start);
    if (result.kind === 'cancel') return;
    if (result.kind === 'refused') {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    const outcome = await sendCopy({ clients, tracker, log }, result.request);
    if (outcome.kind === 'started') {
      if (isRunning(outcome.operation)) showProgress(tracker, outcome.operation, start.target.service.label);
    } else if (outcome.kind === 'duplicate') {
      void vscode.window.showWarningMessage(outcome.message);
    } else if (outcome.kind === 'invalid') {
      void showErrorWithLogs(outcome.message);
    }
  }

  async function command(arg?: unknown): Promise<void> {
    const picked = snapshotArg(arg);
    if (!picked) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Pick a snapshot in the tree to copy to another region.'),
      );
      return;
    }
    const refusal = copyRefusal(picked.target, picked.snapshot);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return;
    }
    await copy(picked);
  }

  // The destination region's branch shows the copy once it ended.
  const sync = tracker.onDidChange((event) => {
    const op = event.operation;
    if (!explorer || op.kind !== 'copy' || event.kind !== 'finished' || !op.target?.region) return;
    explorer.refresh({ profile: op.profile, region: op.target.region, serviceId: op.service });
  });

  context.subscriptions.push(
    { dispose: () => sync.dispose() },
    registerCommand(commandIds.copySnapshot, log, (arg?: unknown) => command(arg)),
  );

  return {
    async retry(op) {
      const service = deps.services.find((s) => s.id === op.service);
      if (!service) return;
      const source = await readOperationSource(service, clients, op);
      if (!source) return sourceGone(op);
      const { destinationRegion, ...values } = op.input.values;
      await copy({
        ...source,
        destination: destinationRegion ?? op.target?.region,
        previous: { values, tags: op.input.tags },
      });
    },
  };
}
