// The table of services. Adding a service: write its module, add one line here.
import { sortRegions } from './regions';
import type { SnapshotService } from './service';
import { docdbService } from './docdb';
import { neptuneService } from './neptune';
import { neptuneGraphService } from './neptuneGraph';
import { simSpaceWeaverService } from './simSpaceWeaver';
import { storageGatewayService } from './storageGateway';

export const services: readonly SnapshotService[] = [
  neptuneGraphService,
  storageGatewayService,
  docdbService,
  simSpaceWeaverService,
  neptuneService,
];

export function serviceById(id: string): SnapshotService | undefined {
  return services.find((s) => s.id === id);
}

/** Every region where at least one of the services is offered, in a stable order (for region pickers). */
export const allRegions: readonly string[] = sortRegions(services.flatMap((s) => s.regions ?? []));
