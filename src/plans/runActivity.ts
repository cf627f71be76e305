// How a plan run reaches Snapshot Activity: every entry's create goes through the create-and-track path as one
// batch of silent operations (the run's summary is their one notification), and an entry that fails before that
// path recorded it (its resource not found or not available, refused by the checks, the run cancelled) is recorded
// as a failed operation with its reason. So Activity lists every entry of the run. Pure: the tracker and the create
// path are passed in.
import type { ResourceTarget, SnapshotInput, SnapshotService } from '../services/service';
import { requestKey, snapshotLabel, type CreateOutcome, type CreateTracking } from '../snapshots/creator';
import type { Tracker } from '../snapshots/tracker';
import { RecordedFailure, type PlanRunEntry, type RunDeps } from './run';

export interface PlanActivityDeps {
  readonly tracker: Pick<Tracker, 'begin' | 'failed'>;
  /** The create command's path (guard, one call, tracking). */
  createAndTrack(target: ResourceTarget, input: SnapshotInput, tracking: CreateTracking): Promise<CreateOutcome>;
  readonly services: readonly SnapshotService[];
}

/** The snapshot's name as Activity shows it, for an entry whose resource was not found. */
function entryLabel(service: SnapshotService | undefined, entry: PlanRunEntry): string {
  if (!service) return entry.resource;
  if (service.destination) return service.destination.name(entry.input.values, entry.resource, new Date());
  const first = service.rules.fields[0];
  const value = first ? entry.input.values[first.key] : undefined;
  return (value && first ? (first.normalize?.(value) ?? value) : undefined) ?? entry.resource;
}

export function planActivity(deps: PlanActivityDeps): Required<Pick<RunDeps, 'create' | 'recordFailure'>> {
  return {
    async create(target, input, run) {
      const outcome = await deps.createAndTrack(target, input, { batch: run.runId, silent: true });
      if (outcome.kind === 'started') return { snapshotId: outcome.operation.snapshotId };
      // AWS refused it: the tracker already holds the failed operation.
      if (outcome.kind === 'failed') throw new RecordedFailure(outcome.message);
      // Refused before sending (invalid input, the same request in flight): recorded by the runner.
      throw new Error(outcome.message);
    },
    recordFailure(entry, message, run, target) {
      const service = target?.service ?? deps.services.find((s) => s.id === entry.service);
      const op = deps.tracker.begin({
        service: entry.service,
        profile: entry.profile,
        region: entry.region,
        resourceId: target?.resource.id ?? entry.resource,
        resourceName: target?.resource.name ?? entry.resource,
        snapshotName: target ? snapshotLabel(target, entry.input) : entryLabel(service, entry),
        input: entry.input,
        requestKey: target ? requestKey(target, entry.input) : `plan|${run.runId}|${entry.index}`,
        batch: run.runId,
        silent: true,
      });
      deps.tracker.failed(op.id, message);
    },
  };
}
