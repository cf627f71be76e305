// Wires the create-snapshot flow (and, through registerRestore, the restore flow), the tracker, the status bar, the notifications and the activity view
// into VS Code. Logic lives in the modules it imports.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import type { ResourceTarget, Snapshot, SnapshotInput, SnapshotService } from '../services/service';
import { ActivityTreeProvider, activityViewId, clearFinishedOperations, revealOperationCommand } from './activityView';
import { commandIds } from '../commandIds';
import { numberValue, rawValue, stringRecord } from './settings';
import { registerCommand, showErrorWithLogs } from './command';
import { QuickInputPrompter } from './multiStepInput';
import type { ExplorerHooks } from './explorerHooks';
import { registerCopy } from './registerCopy';
import { registerDelete } from './registerDelete';
import { registerRestore } from './registerRestore';

export type { ExplorerHooks } from './explorerHooks';
import { finishedNotifications, showProgress, snapshotToReveal } from './notifications';
import { createStatusBar, operationLine, showOperationsCommand } from './statusBar';
import { listBucketsInRegion } from '../snapshots/buckets';
import { runCreateFlow, type CreateFlowDeps } from '../snapshots/createFlow';
import { SnapshotCreator, type CreateOutcome, type CreateTracking } from '../snapshots/creator';
import { isRunning, type Operation } from '../snapshots/operation';
import { Tracker } from '../snapshots/tracker';

export interface SnapshotDeps {
  readonly log: vscode.LogOutputChannel;
  readonly clients: AwsClients;
  readonly services: readonly SnapshotService[];
  /** The profiles to offer (src/aws/profiles.ts `ProfileInfo[]`, already filtered by the settings). */
  profiles(): Promise<ReadonlyArray<{ readonly name: string }>>;
  regionsFor(profile: string): readonly string[];
  readonly explorer?: ExplorerHooks;
}

export interface SnapshotsApi {
  readonly tracker: Tracker;
  /**
   * Requests one snapshot of validated input through the same guard and tracking as the create command (`tracking`:
   * a plan run's batch, whose one notification is its own summary).
   */
  createAndTrack(target: ResourceTarget, input: SnapshotInput, tracking?: CreateTracking): Promise<CreateOutcome>;
  /** Deletes one snapshot through the tracker (Snapshot Activity records it); undefined when refused or in flight. */
  deleteAndTrack(target: ResourceTarget, snapshot: Snapshot): Promise<Operation | undefined>;
}

const ids = {
  create: commandIds.createSnapshot,
  cancel: commandIds.cancelOperation,
  retry: commandIds.retryOperation,
  copyId: commandIds.copySnapshotId,
  clear: commandIds.clearFinishedOperations,
};

/** The command argument from a tree node: anything with a `target`, or a target itself. */
function targetOf(arg: unknown): ResourceTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const candidate = 'target' in arg ? (arg as { target: unknown }).target : arg;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const t = candidate as Partial<ResourceTarget>;
  return t.profile && t.region && t.service && t.resource ? (t as ResourceTarget) : undefined;
}

export function registerSnapshots(context: vscode.ExtensionContext, deps: SnapshotDeps): SnapshotsApi {
  const { log, clients, services, explorer } = deps;
  const serviceById = (id: string) => services.find((s) => s.id === id);
  const serviceLabel = (id: string) => serviceById(id)?.label ?? id;
  /** Resources of operations started in this window (resumed ones are read again when needed). */
  const resources = new Map<string, ResourceTarget>();

  const tracker = new Tracker({
    serviceById,
    clients,
    store: context.globalState,
    log,
    polling: () => ({
      initialSeconds: numberValue('polling.initialSeconds'),
      maxSeconds: numberValue('polling.maxSeconds'),
    }),
  });
  const creator = new SnapshotCreator({ clients, tracker, log });
  const flowDeps: CreateFlowDeps = {
    clients,
    services,
    log,
    profiles: deps.profiles,
    regionsFor: deps.regionsFor,
    defaultTags: () => stringRecord(rawValue('defaultTags')),
    listBuckets: listBucketsInRegion,
    now: () => new Date(),
  };

  async function resolveTarget(op: Operation): Promise<ResourceTarget | undefined> {
    const known = resources.get(op.id);
    if (known) return known;
    const service = serviceById(op.service);
    if (!service) return undefined;
    const resource = await service.getResource({ profile: op.profile, region: op.region, clients }, op.resourceId);
    return resource && { profile: op.profile, region: op.region, service, resource };
  }

  const restores = registerRestore(context, { ...deps, tracker });
  const deleter = registerDelete(context, { ...deps, tracker });
  const copies = registerCopy(context, { ...deps, tracker });

  async function reveal(op: Operation): Promise<void> {
    if (op.kind === 'restore') return restores.reveal(op);
    if (!explorer) return;
    // The snapshot itself (a create's, a copy's in its destination), else its resource.
    const address = snapshotToReveal(op);
    if (address && explorer.revealSnapshot) return explorer.revealSnapshot(address);
    const target = await resolveTarget(op);
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} no longer exists in {1}.', op.resourceName, op.region));
      return;
    }
    await explorer.revealResource(target);
  }

  async function create(start: { target?: ResourceTarget; previous?: Operation['input'] }): Promise<void> {
    const result = await runCreateFlow(new QuickInputPrompter(), flowDeps, start);
    if (result.kind === 'cancel') return;
    if (result.kind === 'refused') {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    const { target, input } = result.request;
    const outcome = await creator.create(target, input, (op) => resources.set(op.id, target));
    switch (outcome.kind) {
      case 'started':
        if (isRunning(outcome.operation)) showProgress(tracker, outcome.operation, target.service.label);
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

  async function retry(op: Operation): Promise<void> {
    if (op.kind === 'restore') return restores.retry(op);
    if (op.kind === 'copy') return copies.retry(op);
    const target = await resolveTarget(op);
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} no longer exists in {1}.', op.resourceName, op.region));
      return;
    }
    await create({ target, previous: op.input });
  }

  const activity = new ActivityTreeProvider(tracker, serviceLabel);
  const view = vscode.window.createTreeView(activityViewId, { treeDataProvider: activity, showCollapseAll: false });

  const syncExplorer = tracker.onDidChange((event) => {
    if (!explorer) return;
    if (event.kind === 'added' || event.kind === 'finished') explorer.setInProgress(tracker.resourcesInProgress());
    if (event.kind === 'finished' && event.operation.snapshotId) {
      const { profile, region, service: serviceId, resourceId } = event.operation;
      explorer.refresh({ profile, region, serviceId, resourceId });
    }
  });

  context.subscriptions.push(
    { dispose: () => tracker.dispose() },
    { dispose: () => syncExplorer.dispose() },
    activity,
    view,
    createStatusBar(tracker, serviceLabel),
    finishedNotifications(tracker, {
      reveal,
      retry,
      serviceLabel,
      onError: (error) => {
        log.error(error instanceof Error ? error : String(error));
        void showErrorWithLogs(error instanceof Error ? error.message : String(error));
      },
    }),
    registerCommand(ids.create, log, (arg?: unknown) => create({ target: targetOf(arg) })),
    registerCommand(ids.cancel, log, (op?: Operation) => {
      if (op) tracker.cancel(op.id);
    }),
    registerCommand(ids.retry, log, async (op?: Operation) => {
      if (op) await retry(op);
    }),
    registerCommand(ids.copyId, log, async (op?: Operation) => {
      if (op?.snapshotId) await vscode.env.clipboard.writeText(op.snapshotId);
    }),
    registerCommand(ids.clear, log, () => clearFinishedOperations(tracker)),
    registerCommand(revealOperationCommand, log, async (op?: Operation) => {
      if (op) await reveal(op);
    }),
    registerCommand(showOperationsCommand, log, () => showOperations()),
  );

  async function showOperations(): Promise<void> {
    const ops = tracker.operations();
    // The icon apart from the words: a screen reader reads `$(list-tree)` in a label as "list-tree".
    const openView = {
      label: vscode.l10n.t('Open Snapshot Activity'),
      iconPath: new vscode.ThemeIcon('list-tree'),
      op: undefined,
    };
    const items = [
      openView,
      ...ops.map((op) => ({
        label: op.snapshotName,
        description: isRunning(op)
          ? operationLine(op, serviceLabel(op.service), Date.now())
          : `${op.state} · ${op.resourceName}`,
        op,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Snapshot Operations') });
    if (!picked) return;
    if (!picked.op) {
      await vscode.commands.executeCommand(`${activityViewId}.focus`);
      return;
    }
    await vscode.commands.executeCommand(`${activityViewId}.focus`);
    await view.reveal(picked.op, { select: true, focus: true });
  }

  tracker.resume();
  explorer?.setInProgress(tracker.resourcesInProgress());
  return {
    tracker,
    createAndTrack: (target, input, tracking) =>
      creator.create(target, input, (op) => resources.set(op.id, target), tracking),
    deleteAndTrack: (target, snapshot) => deleter.delete({ target, snapshot }),
  };
}
