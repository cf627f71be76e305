// What the snapshot and restore UIs ask of the explorer tree (src/tree's ExplorerApi fits), apart from both so that
// neither imports the other for it.
import type { ResourceTarget } from '../services/service';
import type { RevealAddress } from './notifications';

/** What the explorer tree offers (src/tree's ExplorerApi). Keys are `${profile}|${region}|${serviceId}|${resourceId}`. */
export interface ExplorerHooks {
  /** Reloads the branch the target names (src/tree's RefreshTarget). */
  refresh(target?: {
    readonly profile?: string;
    readonly region?: string;
    readonly serviceId?: string;
    readonly resourceId?: string;
  }): void;
  revealResource(target: ResourceTarget): Promise<void>;
  /** Shows a snapshot selected in the tree (src/tree's SnapshotRevealTarget); absent: its resource is shown. */
  revealSnapshot?(target: RevealAddress): Promise<void>;
  setInProgress(keys: ReadonlySet<string>): void;
}
