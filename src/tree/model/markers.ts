// The explorer's two markers, which change how loaded nodes are shown but not what is loaded: the name filter on
// a service's resources, and the resources with a snapshot being taken (the in-progress marker).
import type { ExplorerNode } from './nodes';
import { matchesFilter } from './treeQueries';

export class TreeMarkers {
  private filterText = '';
  private inProgress: ReadonlySet<string> = new Set();

  get filter(): string {
    return this.filterText;
  }

  /** Sets the filter (trimmed); false when that is the filter already. */
  setFilter(text: string): boolean {
    const next = text.trim();
    if (next === this.filterText) return false;
    this.filterText = next;
    return true;
  }

  /** A service's children the filter lets through (it filters resources only). */
  shown(items: readonly ExplorerNode[]): ExplorerNode[] {
    return items.filter((n) => n.kind !== 'resource' || matchesFilter(n, this.filterText));
  }

  isInProgress(key: string): boolean {
    return this.inProgress.has(key);
  }

  /** Marks the resources (by tree key) whose snapshot is being taken; returns the keys that entered or left. */
  setInProgress(keys: ReadonlySet<string>): Set<string> {
    const before = this.inProgress;
    this.inProgress = new Set(keys);
    const changed = new Set<string>();
    for (const k of before) if (!keys.has(k)) changed.add(k);
    for (const k of keys) if (!before.has(k)) changed.add(k);
    return changed;
  }
}
