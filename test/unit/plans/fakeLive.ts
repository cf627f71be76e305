// A fake account for the live checks: resources and snapshots per service, with call counts and failures.
import type { LiveSource } from '../../../src/plans/liveSource';
import type { Resource, Snapshot } from '../../../src/services/service';

export function resource(service: string, id: string, name = id, status = 'AVAILABLE', reason?: string): Resource {
  return {
    service,
    id,
    name,
    arn: `arn:aws:${service}:us-east-1:111122223333:thing/${id}`,
    status,
    summary: '16 m-NCU',
    snapshottable: reason ? { ok: false, reason } : { ok: true },
    details: [['Size', '16 GiB']],
  };
}

export function snapshot(service: string, resourceId: string, name: string): Snapshot {
  return { service, id: `snap-${name}`, name, resourceId, state: 'available', status: 'AVAILABLE', details: [] };
}

export interface FakeAccount extends LiveSource {
  readonly calls: string[];
  failWith?: Error;
}

export function fakeAccount(resources: Resource[], snapshots: Snapshot[] = []): FakeAccount {
  const account: FakeAccount = {
    calls: [],
    async listResources(serviceId, profile, region) {
      account.calls.push(`resources ${serviceId} ${profile} ${region}`);
      if (account.failWith) throw account.failWith;
      return resources.filter((r) => r.service === serviceId);
    },
    async listSnapshots(serviceId, profile, region, r) {
      account.calls.push(`snapshots ${serviceId} ${profile} ${region} ${r.id}`);
      if (account.failWith) throw account.failWith;
      return snapshots.filter((s) => s.service === serviceId && s.resourceId === r.id);
    },
  };
  return account;
}
