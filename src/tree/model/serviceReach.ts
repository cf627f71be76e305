// Services that answer as themselves in none of a profile's regions (e.g. past their end of support): instead of an
// error under the service in every region, the profile shows one line for the service and its regions leave it out.
// A service is unreachable for a profile once every region where it is offered has failed its first listing with an
// error that says the endpoint is not the service (`isEndpointGone`); a region not loaded yet keeps the verdict open.
import { unreachableServiceNode, type ProfileNode, type ServiceNode, type UnreachableServiceNode } from './nodes';
import type { SnapshotService } from '../../services/service';
import { toTreeError, type ErrorClassifier } from './treeError';

/** One service under one region, as its branch stands. */
export interface ServiceState {
  readonly service: SnapshotService;
  readonly offered: boolean;
  /** What its first listing failed with; undefined while it has not failed (not loaded, loading or loaded). */
  readonly firstFailure?: { readonly error: unknown };
}

/** A region of the profile: its services, or undefined while the region's branch is not loaded. */
export interface RegionState {
  readonly region: string;
  readonly services: readonly ServiceState[] | undefined;
}

export interface Unreachable {
  readonly service: SnapshotService;
  readonly regions: readonly string[];
  /** The first region's error. */
  readonly error: unknown;
}

/** The services unreachable in every region of the profile where they are offered, in the regions' service order. */
export function unreachableServices(
  regions: readonly RegionState[],
  isGone: (error: unknown) => boolean,
): Unreachable[] {
  if (regions.length === 0 || regions.some((r) => r.services === undefined)) return [];
  const byId = new Map<
    string,
    { service: SnapshotService; regions: string[]; errors: unknown[]; reachable: boolean }
  >();
  for (const { region, services } of regions) {
    for (const state of services ?? []) {
      if (!state.offered) continue;
      let entry = byId.get(state.service.id);
      if (!entry) {
        entry = { service: state.service, regions: [], errors: [], reachable: false };
        byId.set(state.service.id, entry);
      }
      if (state.firstFailure && isGone(state.firstFailure.error)) {
        entry.regions.push(region);
        entry.errors.push(state.firstFailure.error);
      } else entry.reachable = true;
    }
  }
  return [...byId.values()]
    .filter((e) => !e.reachable && e.regions.length > 0)
    .map((e) => ({ service: e.service, regions: e.regions, error: e.errors[0] }));
}

/** The verdict per profile, and the one-line nodes (the same objects while the verdict stands). */
export class ServiceReach {
  private readonly byProfile = new Map<string, readonly UnreachableServiceNode[]>();

  constructor(
    private readonly isGone: ((error: unknown) => boolean) | undefined,
    private readonly classify?: ErrorClassifier,
  ) {}

  /** Recomputes a profile's unreachable services; true when what the tree shows changed. */
  update(profile: ProfileNode, regions: readonly RegionState[]): boolean {
    const found = this.isGone ? unreachableServices(regions, this.isGone) : [];
    const before = this.byProfile.get(profile.id) ?? [];
    const next = found.map((u) => {
      const same = before.find((n) => n.service.id === u.service.id && n.regions.join() === u.regions.join());
      return same ?? unreachableServiceNode(profile, u.service, u.regions, toTreeError(u.error, this.classify));
    });
    if (next.length === before.length && next.every((n, i) => n === before[i])) return false;
    if (next.length === 0) this.byProfile.delete(profile.id);
    else this.byProfile.set(profile.id, next);
    return true;
  }

  /** The one-line nodes shown under a profile after its regions. */
  nodes(profile: ProfileNode): readonly UnreachableServiceNode[] {
    return this.byProfile.get(profile.id) ?? [];
  }

  /** True when a region leaves this service node out (its profile shows the one line instead). */
  isLeftOut(node: ServiceNode): boolean {
    return this.nodes(node.parent.parent).some((n) => n.service.id === node.service.id);
  }

  clear(): void {
    this.byProfile.clear();
  }
}
