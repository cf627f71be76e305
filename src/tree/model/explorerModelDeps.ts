// What the explorer model is built from: the profiles, the clients and settings of the branch pages, and the
// optional parts tests and the benchmark set (retries, batching, the slow-load clock, the start order).
import type { Logger } from '../../log';
import type { BranchPageDeps } from './branchPages';
import type { ProfileEntry } from './nodes';
import type { SlowLoadTimers } from './slowLoads';
import type { SnapshotListerOptions } from './snapshotLister';
import type { ThrottleRetryOptions } from './throttleRetry';
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
  /** True when an error says a service's endpoint is not the service (src/aws/endpointAnswer.ts). */
  readonly isEndpointGone?: (error: unknown) => boolean;
}
