// Wires the restore flow into VS Code: the Restore… command (a snapshot's inline and context-menu action, and the
// palette), the busy indicator while the form's defaults are read, the hand-over to the tracker, and the tree kept in
// step (the new resource shows as soon as AWS accepted the call, and again when it is available). Logic lives in
// src/snapshots (restoreFlow, restorer).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { commandIds } from '../commandIds';
import type { ResourceTarget, SnapshotService } from '../services/service';
import { isRunning, type Operation } from '../snapshots/operation';
import { restoreRefusal, runRestoreFlow, type RestoreFlowDeps, type RestoreStart } from '../snapshots/restoreFlow';
import { readOperationSource } from '../snapshots/operationSource';
import { SnapshotRestorer } from '../snapshots/restorer';
import type { Tracker } from '../snapshots/tracker';
import { snapshotArg } from './treeArgs';
import { busy } from './busyInput';
import { registerCommand, showErrorWithLogs } from './command';
import { QuickInputPrompter } from './multiStepInput';
import { showProgress, sourceGone } from './notifications';
import type { ExplorerHooks } from './explorerHooks';

export interface RestoreUiDeps {
  readonly log: vscode.LogOutputChannel;
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  readonly tracker: Tracker;
  profiles(): Promise<ReadonlyArray<{ readonly name: string }>>;
  regionsFor(profile: string): readonly string[];
  readonly explorer?: ExplorerHooks;
}

export interface RestoreUi {
  /** Opens the flow again with the failed restore's answers. */
  retry(op: Operation): Promise<void>;
  /** Selects the restored resource in the tree. */
  reveal(op: Operation): Promise<void>;
}

export function registerRestore(context: vscode.ExtensionContext, deps: RestoreUiDeps): RestoreUi {
  const { log, clients, services, tracker, explorer } = deps;
  const serviceById = (id: string) => services.find((s) => s.id === id);
  const restorer = new SnapshotRestorer({ clients, tracker, log });
  const flowDeps: RestoreFlowDeps = {
    clients,
    services,
    log,
    profiles: deps.profiles,
    regionsFor: deps.regionsFor,
    newToken: () => randomUUID(),
    busy,
  };

  async function restore(start: RestoreStart): Promise<void> {
    const result = await runRestoreFlow(new QuickInputPrompter(), flowDeps, start);
    if (result.kind === 'cancel') return;
    if (result.kind === 'refused') {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    const outcome = await restorer.restore(result.request);
    switch (outcome.kind) {
      case 'started':
        if (isRunning(outcome.operation)) showProgress(tracker, outcome.operation, result.request.target.service.label);
        return;
      case 'failed':
        return; // the failure notification comes from the tracker
      case 'duplicate':
        void vscode.window.showWarningMessage(outcome.message);
        return;
      case 'invalid':
        void showErrorWithLogs(outcome.message);
        return;
    }
  }

  async function command(arg?: unknown): Promise<void> {
    const picked = snapshotArg(arg);
    if (!picked) return restore({});
    const refusal = restoreRefusal(picked.target.service, picked.snapshot);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return;
    }
    return restore(picked);
  }

  /** The restored resource, where the operation made it. */
  async function restored(op: Operation): Promise<ResourceTarget | undefined> {
    const service = serviceById(op.service);
    const id = op.target?.id;
    if (!service || !id) return undefined;
    const resource = await service.getResource({ profile: op.profile, region: op.region, clients }, id);
    return resource && { profile: op.profile, region: op.region, service, resource };
  }

  // The new resource shows in the tree once AWS accepted the call, and its state once the restore ended.
  const shown = new Set<string>();
  const sync = tracker.onDidChange((event) => {
    const op = event.operation;
    if (!explorer || op.kind !== 'restore' || !op.target?.id) return;
    const accepted = event.kind === 'changed' && op.state === 'running' && !shown.has(op.id);
    if (accepted) shown.add(op.id);
    if (event.kind === 'finished') shown.delete(op.id);
    if (accepted || event.kind === 'finished') {
      explorer.refresh({ profile: op.profile, region: op.region, serviceId: op.service });
    }
  });

  context.subscriptions.push(
    { dispose: () => sync.dispose() },
    registerCommand(commandIds.restoreSnapshot, log, (arg?: unknown) => command(arg)),
  );

  return {
    async retry(op) {
      const service = serviceById(op.service);
      if (!service) return;
      const source = await readOperationSource(service, clients, op);
      if (!source) return sourceGone(op);
      await restore({ ...source, previous: op.input });
    },
    async reveal(op) {
      if (!explorer) return;
      const target = await restored(op);
      if (!target) {
        const name = op.target?.name ?? op.snapshotName;
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} no longer exists in {1}.', name, op.region));
        return;
      }
      await explorer.revealResource(target);
    },
  };
}
