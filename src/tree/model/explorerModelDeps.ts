// What the explorer model is built from: the profiles, the clients and settings of the branch pages, and the
// optional parts tests and the benchmark set (retries, batching, the slow-load clock, the start order); the snapshot
// lister built from them.
import type { Logger } from '../../log';
import type { BranchPageDeps } from './branchPages';
import type { ProfileEntry } from './nodes';
import type { SlowLoadTimers } from './slowLoads';
import { SnapshotLister, type SnapshotListerOptions } from './snapshotLister';
import { isRetryableLoadError, retryThrottled, type ThrottleRetryOptions } from './throttleRetry';
import type { ErrorClassifier } from './treeError';
import type { SortOrder } from './treeOrder';

export interface ExplorerModelDeps extends BranchPageDeps {
  readonly profiles: () => Promise<readonly ProfileEntry[]>;
  readonly classifyError?: ErrorClassifier;
  readonly log?: Logger;
  /** How a throttled branch load is tried again (after the SDK's own retries). */
  readonly throttleRetry?: ThrottleRetryOptions;
  /** How resources' snapshots are batched and how long an answer serves (tests set the clock). */
  readonly snapshotListing?: SnapshotListerOptions;
  /** When a branch's load counts as slow ("still loading…"): its timers (tests: a fake clock) and threshold. */
  readonly slowLoads?: { readonly timers?: SlowLoadTimers; readonly afterMs?: number };
  /** The order of resources and snapshots at start (the stored "Sort By…" choice; default newest first). */
  readonly sortOrder?: SortOrder;
  /** Load each shown service's first page as soon as its region shows (counts on every service node). */
  readonly prefetchServices?: boolean;
  /** The clock of "expires in …" (ms since the epoch; tests pass their own). */
  readonly now?: () => number;
  /** True when an error says a service's endpoint is not the service (src/aws/endpointAnswer.ts). */
  readonly isEndpointGone?: (error: unknown) => boolean;
}

/** The model's snapshot lister: batched listings whose throttled batch is tried again as a batch. */
export function snapshotListerFor(deps: ExplorerModelDeps): SnapshotLister {
  return new SnapshotLister({
    onFallback: (place, reason) => deps.log?.debug(`Snapshots of ${place}: listing resource by resource (${reason})`),
    // A throttled batch is tried again as a batch (then not again per resource), never replaced by one call each.
    retry: (load, signal) => retryThrottled(load, signal, deps.classifyError, deps.throttleRetry),
    isTransient: (error) => isRetryableLoadError(error, deps.classifyError),
    ...deps.snapshotListing,
  });
}
