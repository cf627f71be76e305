// What the node views read of the explorer's state (the DescribeState of ./describeParts): which resources have a
// snapshot in progress, the filter, loading and counts of branches, snapshot counts and tags. Built by the
// explorer model from its parts; holds no state of its own.
import type { Branches } from './branches';
import type { DescribeState } from './describeParts';
import type { TreeMarkers } from './markers';
import type { ExplorerNode, ResourceNode, ServiceNode, SnapshotNode } from './nodes';
import type { SnapshotTagReader, SnapshotTagsView } from './snapshotTags';
import type { Count, TreeOrganiser } from './treeOrganiser';
import type { SsoStatuses } from './ssoStatuses';
import type { SsoSessionStatus } from './ssoTree';

export interface ModelStateParts {
  readonly branches: Branches;
  readonly markers: TreeMarkers;
  readonly organiser: TreeOrganiser;
  readonly tags: SnapshotTagReader;
  readonly sso: SsoStatuses;
  readonly now?: () => number;
}

export class ModelState implements DescribeState {
  constructor(private readonly parts: ModelStateParts) {}

  ssoStatus(session: string): SsoSessionStatus | undefined {
    return this.parts.sso.get(session);
  }

  now(): number {
    return (this.parts.now ?? Date.now)();
  }

  get filter(): string {
    return this.parts.markers.filter;
  }

  isInProgress(key: string): boolean {
    return this.parts.markers.isInProgress(key);
  }

  snapshotTags(node: SnapshotNode): SnapshotTagsView {
    return this.parts.tags.view(node);
  }

  /** How many snapshots a resource has, where known (its branch loaded, or its listing returned them). */
  snapshotCount(node: ResourceNode): Count | undefined {
    return this.parts.organiser.snapshotCount(node);
  }

  isLoadingMore(owner: ExplorerNode): boolean {
    const branch = this.parts.branches.get(owner);
    return !!branch && branch.loader.state === 'loading' && branch.loader.items.length > 0;
  }

  serviceCounts(node: ServiceNode): { loaded: number; shown: number; more: boolean } | undefined {
    const branch = this.parts.branches.get(node);
    if (!branch || branch.loader.state === 'idle' || branch.loader.failure?.at === 'first') return undefined;
    // Nothing to count while the first page loads.
    if (branch.loader.state === 'loading' && branch.loader.items.length === 0) return undefined;
    // The group of copies from other regions is not one of the service's resources.
    const items = branch.loader.items.filter((n) => n.kind !== 'resource' || !n.target.resource.unattached);
    return {
      loaded: items.length,
      shown: this.parts.markers.shown(items).length,
      more: !!branch.loader.nextToken,
    };
  }
}
