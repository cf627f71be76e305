// What one poll of the tracker asks AWS: the operations being created, grouped by (profile, region, service), and
// each group's one status call to its service (so the cost grows with regions × services, not with snapshots).
import type { AwsClients } from '../aws/clients';
import type { Snapshot, SnapshotRef, SnapshotService } from '../services/service';
import type { Operation } from './operation';

/** The operations being created whose snapshot id is known, one group per (profile, region, service). */
export function pollGroups(ops: Iterable<Operation>): Operation[][] {
  const groups = new Map<string, Operation[]>();
  for (const op of ops) {
    if (op.state !== 'creating' || !op.snapshotId) continue;
    const key = `${op.profile}|${op.region}|${op.service}`;
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return [...groups.values()];
}

/** One status call for a group's snapshots (in `place`, the group's profile and region); keyed by snapshot id. */
export function readStatuses(
  service: SnapshotService,
  place: Pick<Operation, 'profile' | 'region'>,
  ops: readonly Operation[],
  clients: AwsClients,
): Promise<Map<string, Snapshot>> {
  const refs: SnapshotRef[] = ops.map((op) => ({
    service: op.service,
    profile: op.profile,
    region: op.region,
    resourceId: op.resourceId,
    snapshotId: op.snapshotId ?? '',
    requestedAt: op.startedAt,
  }));
  return service.getSnapshotStatuses({ profile: place.profile, region: place.region, clients }, refs);
}
