// What a Retry of a restore or copy starts from: the operation's source snapshot and its resource, read again from
// AWS (either may have gone since). No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { ResourceTarget, Snapshot, SnapshotService } from '../services/service';
import type { Operation } from './operation';

/** The source resource (where it lives) and snapshot of `op`, or undefined when either no longer exists. */
export async function readOperationSource(
  service: SnapshotService,
  clients: AwsClients,
  op: Operation,
): Promise<{ target: ResourceTarget; snapshot: Snapshot } | undefined> {
  const ctx = { profile: op.profile, region: op.region, clients };
  const snapshotId = op.snapshotId ?? '';
  const ref = {
    service: op.service,
    profile: op.profile,
    region: op.region,
    resourceId: op.resourceId,
    snapshotId,
    requestedAt: op.startedAt,
  };
  const [resource, found] = await Promise.all([
    service.getResource(ctx, op.resourceId),
    service.getSnapshotStatuses(ctx, [ref]),
  ]);
  const snapshot = found.get(snapshotId);
  return resource && snapshot
    ? { target: { profile: op.profile, region: op.region, service, resource }, snapshot }
    : undefined;
}
