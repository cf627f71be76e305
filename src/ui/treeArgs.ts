// What a snapshot command receives from the tree: a snapshot node (anything carrying a snapshot and its resource's
// target). One reader for the restore, copy and delete commands.
import type { ResourceTarget, Snapshot } from '../services/service';

export interface SnapshotArg {
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
}

/** The snapshot and its target a command argument carries, or undefined (e.g. run from the palette). */
export function snapshotArg(arg: unknown): SnapshotArg | undefined {
  if (typeof arg !== 'object' || arg === null || !('snapshot' in arg) || !('target' in arg)) return undefined;
  const { target, snapshot } = arg as { target: Partial<ResourceTarget>; snapshot: Partial<Snapshot> };
  if (!target?.profile || !target.region || !target.service || !target.resource || !snapshot?.id) return undefined;
  return { target: target as ResourceTarget, snapshot: snapshot as Snapshot };
}
