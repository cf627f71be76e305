// Deleting snapshots: what a selection would delete (each refusal with its reason; a warning when a snapshot is the
// newest of its resource or the resource would have none left), the one confirmation's text, and the deletions
// themselves (one call each, followed by the tracker until AWS no longer lists the snapshot). No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { ResourceTarget, Snapshot } from '../services/service';
import { deleteErrorMessage } from './errorMessages';
import { snapshotSource, type Operation } from './operation';
import type { Tracker } from './tracker';
import * as l10n from '../l10n';

/** One snapshot the user selected, with its resource and where it lives. */
export interface DeleteItem {
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
}

export interface DeletionPlan {
  readonly deletable: readonly DeleteItem[];
  readonly refused: ReadonlyArray<{ readonly item: DeleteItem; readonly reason: string }>;
  readonly warnings: readonly string[];
}

const text = {
  noDelete: (label: string) => l10n.t('{0} snapshots cannot be deleted from here', label),
  newest: (snapshot: string, resource: string) => l10n.t('{0} is the newest snapshot of {1}.', snapshot, resource),
  noneLeft: (resource: string) => l10n.t('{0} will have no available snapshot left.', resource),
  unchecked: (resource: string, reason: string) =>
    l10n.t(
      'Could not check which snapshots {0} keeps ({1}): the selection may hold its newest or only snapshot.',
      resource,
      reason,
    ),
  title: (n: number) => (n === 1 ? l10n.t('Delete 1 snapshot?') : l10n.t('Delete {0} snapshots?', n)),
  button: (n: number) => (n === 1 ? l10n.t('Delete Snapshot') : l10n.t('Delete {0} Snapshots', n)),
  line: (item: DeleteItem) =>
    `• ${item.snapshot.name} — ${item.target.service.label} ${item.target.resource.name} (${item.target.profile} / ${item.target.region})`,
  skipped: (n: number) => (n === 1 ? l10n.t('Not deleted (1):') : l10n.t('Not deleted ({0}):', n)),
  irreversible: () => l10n.t('This cannot be undone.'),
};

export function itemKey(item: DeleteItem): string {
  const { profile, region, service } = item.target;
  return [profile, region, service.id, item.snapshot.id].join('|');
}

function resourceKey(item: DeleteItem): string {
  const { profile, region, service, resource } = item.target;
  return [profile, region, service.id, resource.id].join('|');
}

/** The most snapshots of one resource read to find its newest. */
const maxPages = 5;

async function remainingWarnings(clients: AwsClients, items: readonly DeleteItem[]): Promise<string[]> {
  const first = items[0];
  // The group of snapshots without a resource here has no resource to keep snapshots of.
  if (!first || first.target.resource.unattached) return [];
  const { profile, region, service, resource } = first.target;
  const ctx = { profile, region, clients };
  const chosen = new Set(items.map((i) => i.snapshot.id));
  try {
    const all: Snapshot[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await service.listSnapshots(ctx, resource, { nextToken });
      all.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken && ++pages < maxPages);
    const available = all
      .filter((s) => s.state === 'available')
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    const warnings: string[] = [];
    const newest = available[0];
    if (newest && chosen.has(newest.id)) warnings.push(text.newest(newest.name, resource.name));
    if (available.length > 0 && available.every((s) => chosen.has(s.id))) warnings.push(text.noneLeft(resource.name));
    return warnings;
  } catch (error) {
    return [text.unchecked(resource.name, error instanceof Error ? error.message : String(error))];
  }
}

/** Sorts a selection into what can be deleted and what cannot (with why), and reads what each resource keeps. */
export async function planDeletion(clients: AwsClients, selection: readonly DeleteItem[]): Promise<DeletionPlan> {
  const seen = new Set<string>();
  const deletable: DeleteItem[] = [];
  const refused: Array<{ item: DeleteItem; reason: string }> = [];
  for (const item of selection) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const deletion = item.target.service.delete;
    const reason = deletion ? deletion.refusal(item.snapshot) : text.noDelete(item.target.service.label);
    if (reason) refused.push({ item, reason });
    else deletable.push(item);
  }
  const byResource = new Map<string, DeleteItem[]>();
  for (const item of deletable) byResource.set(resourceKey(item), [...(byResource.get(resourceKey(item)) ?? []), item]);
  const warnings = (
    await Promise.all([...byResource.values()].map((items) => remainingWarnings(clients, items)))
  ).flat();
  return { deletable, refused, warnings };
}

/** The modal confirmation: a title, every snapshot with its resource, profile and region, the warnings, the button. */
export function confirmation(plan: DeletionPlan): { message: string; detail: string; button: string } {
  const n = plan.deletable.length;
  const detail = [
    ...plan.deletable.map(text.line),
    ...(plan.warnings.length ? ['', ...plan.warnings.map((w) => `⚠ ${w}`)] : []),
    ...(plan.refused.length
      ? ['', text.skipped(plan.refused.length), ...plan.refused.map((r) => `${text.line(r.item)}: ${r.reason}`)]
      : []),
    '',
    text.irreversible(),
  ].join('\n');
  return { message: text.title(n), detail, button: text.button(n) };
}

export interface DeleterDeps {
  readonly clients: AwsClients;
  readonly tracker: Tracker;
  readonly log: Logger;
}

/** Sends the deletions of a confirmed plan, one call each, all at once; each is an operation of the tracker. */
export class SnapshotDeleter {
  constructor(private readonly deps: DeleterDeps) {}

  /** Starts one deletion; `batch` groups the deletions confirmed together (one notification for all of them). */
  async delete(item: DeleteItem, batch?: string): Promise<Operation | undefined> {
    const { target, snapshot } = item;
    const { service, profile, region, resource } = target;
    const deletion = service.delete;
    if (!deletion || deletion.refusal(snapshot)) return undefined;
    const requestKey = ['delete', itemKey(item)].join('|');
    if (this.deps.tracker.findRunning(requestKey)) return undefined;
    const operation = this.deps.tracker.begin({
      kind: 'delete',
      service: service.id,
      profile,
      region,
      resourceId: snapshotSource(resource, snapshot).id,
      resourceName: snapshotSource(resource, snapshot).name,
      snapshotName: snapshot.name,
      snapshotId: snapshot.id,
      input: { values: {}, tags: [] },
      requestKey,
      ...(batch ? { batch } : {}),
    });
    this.deps.log.info(`${deletion.operation} ${snapshot.id} in ${profile}/${region}`);
    try {
      const answer = await deletion.send({ profile, region, clients: this.deps.clients }, snapshot);
      this.deps.tracker.accepted(operation.id, answer);
    } catch (error) {
      const message = deleteErrorMessage(error, service, deletion, {
        profile,
        region,
        resourceName: resource.name,
        snapshotName: snapshot.name,
      });
      this.deps.log.error(error instanceof Error ? error : String(error));
      this.deps.log.warn(`${deletion.operation} failed: ${message}`);
      this.deps.tracker.failed(operation.id, message);
    }
    return this.deps.tracker.get(operation.id);
  }
}
