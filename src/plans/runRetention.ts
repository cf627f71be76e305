// Retention during a run, for one entry: waits until this run's new snapshot is available (the service's status
// read, bounded and cancellable), lists the resource's snapshots (for an entry told apart by location, those under
// its location, through `listSnapshotsAt` where the service has it), keeps only the plan's own (planSnapshots.ts),
// selects (retention.ts) and deletes through the service's delete seam, respecting its refusals. Never throws:
// everything that happened, or did not, is in the returned report.
import type { AwsClients } from '../aws/clients';
import { classifyAwsError } from '../aws/errors';
import type { ResourceTarget, Snapshot, SnapshotInput, SnapshotState } from '../services/service';
import { locationLead, planSnapshots, type EntryRetention } from './planSnapshots';
import { selectRetention, type RetainedSnapshot, type RetentionReport } from './retention';
import * as l10n from '../l10n';

export interface RetainRequest {
  readonly target: ResourceTarget;
  readonly retention: EntryRetention;
  readonly input: SnapshotInput;
  /** The id the create call gave this run's snapshot, and when it was requested (ms since epoch). */
  readonly snapshotId: string;
  readonly requestedAt: number;
  readonly signal?: AbortSignal;
}

export type Retain = (request: RetainRequest) => Promise<RetentionReport>;

export interface RetainerOptions {
  readonly clients: AwsClients;
  /** The first wait between two status reads (default 5 s); later ones wait 1.5 times longer, up to `maxPollMs`. */
  readonly pollMs?: number;
  readonly maxPollMs?: number;
  /** The longest wait for the new snapshot to be available (default 2 h); after it nothing is deleted. */
  readonly maxWaitMs?: number;
  /** The most pages of snapshots listed (default 20). */
  readonly maxPages?: number;
  readonly now?: () => number;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

function describe(error: unknown): string {
  const info = classifyAwsError(error);
  return info.code && !info.message.includes(info.code) ? `${info.code}: ${info.message}` : info.message;
}

const row = (s: { id: string; name: string }, reason: string): RetainedSnapshot => ({ id: s.id, name: s.name, reason });
const empty = (note: string): RetentionReport => ({ deleted: [], failed: [], kept: [], note });

export function createRetainer(options: RetainerOptions): Retain {
  const now = options.now ?? Date.now;
  return async (req) => {
    const { target, retention, signal } = req;
    const { service } = target;
    if (retention.unrecognisable) return empty(retention.unrecognisable);
    const deletion = service.delete;
    if (!deletion) return empty(l10n.t('{0} snapshots cannot be deleted here: nothing was deleted.', service.label));
    const ctx = { profile: target.profile, region: target.region, clients: options.clients, signal };
    const ref = {
      service: service.id,
      profile: target.profile,
      region: target.region,
      resourceId: target.resource.id,
      snapshotId: req.snapshotId,
      requestedAt: req.requestedAt,
    };
    // 1. This run's snapshot must be available first.
    let created: { id: string; state: SnapshotState; snapshot?: Snapshot } | undefined;
    const deadline = now() + (options.maxWaitMs ?? 2 * 3600_000);
    let wait = options.pollMs ?? 5000;
    try {
      for (;;) {
        const found = (await service.getSnapshotStatuses(ctx, [ref])).get(req.snapshotId);
        created = found ? { id: found.id, state: found.state, snapshot: found } : undefined;
        if (found?.state === 'available' || found?.state === 'failed') break;
        if (signal?.aborted)
          return empty(l10n.t('The run was cancelled before its snapshot was available: nothing was deleted.'));
        if (now() + wait > deadline) {
          return empty(
            l10n.t(
              'The new snapshot was not available in time ({0}): nothing was deleted.',
              found?.status ?? 'not found',
            ),
          );
        }
        await sleep(wait, signal);
        wait = Math.min(wait * 1.5, options.maxPollMs ?? 30_000);
      }
    } catch (error) {
      return empty(l10n.t('Could not read the new snapshot’s state ({0}): nothing was deleted.', describe(error)));
    }
    // 2. The plan's snapshots of the resource: those under the entry's location, where the service lists them (its
    // own listing may not show them all: SimSpace Weaver's has only the latest), else the resource's.
    const listed: Snapshot[] = [];
    const at = retention.by === 'location' ? locationLead(service, req.input.values, target.resource.id) : undefined;
    const listAt = at?.includes('/') ? service.listSnapshotsAt?.bind(service) : undefined;
    try {
      let nextToken: string | undefined;
      for (let page = 0; page < (options.maxPages ?? 20); page++) {
        const request = nextToken ? { nextToken } : {};
        const result =
          listAt && at
            ? await listAt(ctx, target.resource, at, request)
            : await service.listSnapshots(ctx, target.resource, request);
        listed.push(...result.items);
        nextToken = result.nextToken;
        if (!nextToken) break;
      }
    } catch (error) {
      return empty(l10n.t('Could not list the snapshots ({0}): nothing was deleted.', describe(error)));
    }
    const readTags = service.snapshotTags?.bind(service);
    const { owned, unchecked } = await planSnapshots({
      snapshots: listed,
      retention,
      service,
      values: req.input.values,
      resourceId: target.resource.id,
      ...(readTags ? { readTags: (s: Snapshot) => readTags(ctx, s) } : {}),
    });
    // 3. Select, then delete.
    const selection = selectRetention({
      snapshots: owned,
      rule: retention,
      now: new Date(now()),
      mode: 'run',
      ...(created ? { created: { id: created.id, name: created.snapshot?.name, state: created.state } } : {}),
    });
    const deleted: Array<RetainedSnapshot & { status: string }> = [];
    const failed: Array<RetainedSnapshot & { message: string }> = [];
    for (const choice of selection.delete) {
      const snapshot = owned.find((s) => s.id === choice.snapshot.id);
      if (!snapshot) continue;
      const refusal = deletion.refusal(snapshot);
      if (refusal) {
        failed.push({ ...row(snapshot, choice.reason), message: refusal });
        continue;
      }
      try {
        const answer = await deletion.send(ctx, snapshot);
        deleted.push({ ...row(snapshot, choice.reason), status: answer === 'gone' ? 'deleted' : answer.status });
      } catch (error) {
        failed.push({ ...row(snapshot, choice.reason), message: describe(error) });
      }
    }
    const notes = [
      selection.blocked ? l10n.t('Nothing was deleted: {0}.', selection.blocked) : undefined,
      unchecked
        ? unchecked === 1
          ? l10n.t('1 snapshot whose tags were not read was left alone.')
          : l10n.t('{0} snapshots whose tags were not read were left alone.', unchecked)
        : undefined,
    ].filter((n): n is string => n !== undefined);
    return {
      deleted,
      failed,
      kept: selection.keep.map((c) => row({ id: c.snapshot.id, name: c.snapshot.name }, c.reason)),
      ...(notes.length ? { note: notes.join(' ') } : {}),
    };
  };
}
