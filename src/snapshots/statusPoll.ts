// What one poll of the tracker asks AWS: the running operations, grouped by (profile, region, service, what they
// read), and each group's one status call to its service (so the cost grows with profiles × regions × services,
// not with the number of operations). Creates, copies and deletes in one place share one snapshot status call.
import type { AwsClients } from '../aws/clients';
import type { SnapshotRef, SnapshotService, TrackedState } from '../services/service';
import { trackedId, trackedRegion, type Operation } from './operation';
import { kindPolicy, type KindPolicy } from './operationKinds';
import * as l10n from '../l10n';

export interface PollGroup {
  readonly profile: string;
  readonly region: string;
  readonly service: string;
  readonly reads: KindPolicy['reads'];
  readonly ops: readonly Operation[];
}

/** The running operations whose subject's id is known, one group per (profile, region, service, reads). */
export function pollGroups(ops: Iterable<Operation>): PollGroup[] {
  const groups = new Map<string, PollGroup>();
  for (const op of ops) {
    if (op.state !== 'running' || !trackedId(op)) continue;
    const reads = kindPolicy(op.kind).reads;
    const region = trackedRegion(op);
    const key = `${op.profile}|${region}|${op.service}|${reads}`;
    const group = groups.get(key);
    groups.set(key, { profile: op.profile, region, service: op.service, reads, ops: [...(group?.ops ?? []), op] });
  }
  return [...groups.values()];
}

/** One status call for a group's subjects; keyed by the tracked id. */
export async function readStatuses(
  service: SnapshotService,
  group: PollGroup,
  clients: AwsClients,
): Promise<Map<string, TrackedState>> {
  const ctx = { profile: group.profile, region: group.region, clients };
  if (group.reads === 'resources') {
    if (!service.getRestoredStatuses) throw new Error(l10n.t('{0} cannot follow a restore.', service.label));
    const refs = group.ops.map((op) => ({
      profile: group.profile,
      region: group.region,
      resourceId: trackedId(op) ?? '',
    }));
    return service.getRestoredStatuses(ctx, refs);
  }
  const refs: SnapshotRef[] = group.ops.map((op) => ({
    service: op.service,
    profile: group.profile,
    region: group.region,
    resourceId: op.resourceId,
    snapshotId: trackedId(op) ?? '',
    requestedAt: op.startedAt,
  }));
  return service.getSnapshotStatuses(ctx, refs);
}
