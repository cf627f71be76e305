// The one interface every AWS service module implements. No `vscode` import here: these modules
// run under plain `node --test`, in the extension host and in the language server.
import type { ServiceInputRules, Tag } from '../validation/types';
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { CopySupport } from './copy';
import type { DeleteSupport } from './deletion';
import type { RestoreSupport } from './restore';

export type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotEncryption,
  SnapshotState,
  Snapshottable,
  TrackedState,
} from './resourceTypes';
import type { AwsContext, Page, PageRequest, Resource, Snapshot, TrackedState } from './resourceTypes';

/** A resource that a restore is making, for `getRestoredStatuses`. */
export interface RestoredRef {
  readonly profile: string;
  readonly region: string;
  /** The new resource's id, as the restore call answered. */
  readonly resourceId: string;
}

/** The values the user typed, keyed by the service's input field keys (see ServiceInputRules). */
export interface SnapshotInput {
  readonly values: Readonly<Record<string, string>>;
  readonly tags: ReadonlyArray<{ readonly key: string; readonly value: string }>;
}

/** What the tracker needs to follow a snapshot until it ends. */
export interface SnapshotRef {
  readonly service: string;
  readonly profile: string;
  readonly region: string;
  readonly resourceId: string;
  readonly snapshotId: string;
  /** When the snapshot was requested (ms since epoch); SimSpace Weaver needs it to recognise its snapshot. */
  readonly requestedAt: number;
}

/**
 * The snapshots of several resources of one profile and region in one call, for a tree that shows many at once.
 * `covers`: 'region' when one call lists the whole region (a resource absent from the answer has no snapshots, whoever
 * asked); 'asked' when it lists only the resources passed in (e.g. a filter with their ids).
 */
export interface SnapshotBatchListing {
  readonly covers: 'region' | 'asked';
  /** The most resources worth passing in one call ('asked' listings). */
  readonly maxResources?: number;
  /**
   * Every snapshot the call found, keyed by resource id; `undefined` when one page of the API does not hold them all
   * (the caller then lists resource by resource, which is what it would have done anyway).
   */
  list(ctx: AwsContext, resources: readonly Resource[]): Promise<Map<string, Snapshot[]> | undefined>;
}

/** The IAM actions the service's calls need, named in access-denied explanations. */
export interface IamActions {
  /** The create call's, e.g. `rds:CreateDBClusterSnapshot` (DocumentDB's actions have the `rds:` prefix). */
  readonly create: string;
}

/** For a create call that fails on a duplicate name: the name is checked on Enter (never per keystroke). */
export interface UniqueName {
  /** The key of the input field whose value must be unique. */
  readonly field: string;
  /**
   * 'resource': unique among the resource's snapshots; 'region': per account and region (a snapshot of another
   * resource may hold it too, so it is also looked up by id).
   */
  readonly scope: 'resource' | 'region';
}

/** For a service that writes the snapshot to a place the user names (SimSpace Weaver: an S3 object). */
export interface SnapshotDestination {
  /** The confirmation's label of the location, e.g. "Object key". */
  readonly label: string;
  /**
   * The snapshot's name as the tree shows it once written at `at` (SimSpace Weaver: the object's file name): Snapshot
   * Activity and the notifications use it too. The same function as `createSnapshot`'s and the listing's names.
   */
  name(values: Readonly<Record<string, string>>, resourceId: string, at: Date): string;
  /**
   * Where the snapshot will be written (e.g. s3://bucket/prefix/snapshot/sim-….zip), also before every value is in.
   * Without `at` (the confirmation, which cannot know when AWS will take it): the time stamp's pattern.
   */
  location(values: Readonly<Record<string, string | undefined>>, resourceId: string, at?: Date): string;
  /** What the pattern in a location without `at` stands for, e.g. "YYMMdd-HHmm-ss: the UTC time AWS takes it". */
  readonly stampNote?: string;
}

export interface SnapshotService {
  /** Stable key: used in settings, plans, context values and the registry. */
  readonly id: string;
  /** e.g. "Neptune Analytics". */
  readonly label: string;
  /** The resource kind, singular and plural, lowercase (e.g. graph / graphs). */
  readonly resourceNoun: { readonly one: string; readonly many: string };
  /** A codicon id for resources of this service (ThemeIcon). */
  readonly icon: string;
  /**
   * The date (YYYY-MM-DD) AWS ended or ends support for the service, when announced: the service node's tooltip shows
   * it, and so does the tree's one line when the service's endpoint no longer answers in any region of a profile.
   */
  readonly endOfSupport?: string;
  /** The create API's name, for logs and confirmations (e.g. CreateGraphSnapshot). */
  readonly createOperation: string;
  /**
   * The create API's member that names the resource (e.g. DBClusterIdentifier), shown in the confirmation. Every
   * registered service declares it (the registry test checks); a stand-in without one shows "Resource".
   */
  readonly resourceParameter?: string;
  /** The input fields (each of a kind the create flow and plans render) and their rules (from src/validation). */
  readonly rules: ServiceInputRules;
  /** Every registered service declares them (the registry test checks); without: `<id>:<createOperation>`. */
  readonly iamActions?: IamActions;
  /** Present when the create call fails on a duplicate name. */
  readonly uniqueName?: UniqueName;
  /** Present when the snapshot goes to a place the user names. */
  readonly destination?: SnapshotDestination;
  /** One sentence (what happened, what to do) per modeled error of the create call; undefined for any other. */
  explainError?(facts: ErrorFacts, context: CreateErrorContext): string | undefined;

  /** False when the service is not offered in a region (shown quietly, not as an error). */
  isOfferedIn(region: string): boolean;
  /** The regions where the service is offered (data behind `isOfferedIn`, for region pickers). */
  readonly regions?: readonly string[];
  listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>>;
  /** One resource by id, or undefined when it does not exist. */
  getResource(ctx: AwsContext, id: string): Promise<Resource | undefined>;
  listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>>;
  /**
   * Optional, for a service with a `destination`: the snapshots of this resource written under a location prefix the
   * user named (e.g. s3://bucket/prefix/snapshot/sim-), including those `listSnapshots` does not show (SimSpace
   * Weaver's lists only the latest). Paged like `listSnapshots`; a page may hold none and still have a next one.
   * Retention lists a plan's snapshots by location with it (src/plans/runRetention.ts).
   */
  listSnapshotsAt?(ctx: AwsContext, resource: Resource, location: string, page: PageRequest): Promise<Page<Snapshot>>;
  /** Optional: many resources' snapshots in one call (see SnapshotBatchListing). */
  readonly batchSnapshots?: SnapshotBatchListing;
  /**
   * Reads a snapshot's tags with one call (ListTagsForResource), for a service whose listing does not return them.
   * The tree calls it lazily, when a snapshot's tooltip opens, so a tree load makes no more calls.
   */
  snapshotTags?(ctx: AwsContext, snapshot: Snapshot): Promise<readonly Tag[]>;
  /**
   * Optional: the region's snapshots whose resource is not in the region (a copy from another region, a snapshot of a
   * deleted resource), for a tree that would otherwise not show them. Read only when the user expands that group.
   */
  listUnattachedSnapshots?(ctx: AwsContext, page: PageRequest): Promise<Page<Snapshot>>;
  /** Calls the create API once. Inputs must already be valid (the caller validates with `rules`). */
  createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot>;
  /**
   * Reads the current state of several snapshots of one profile and region, batching where the API allows.
   * Returns one entry per ref that was found, keyed by `snapshotId`.
   */
  getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>>;
  /**
   * Optional until every service restores: the state of resources being restored in one profile and region (one
   * call where the API allows; a resource that needs more than itself to serve, such as a DocumentDB cluster and
   * its primary instance, is `available` only when all of it is). Keyed by resource id; absent ids were not found.
   */
  getRestoredStatuses?(ctx: AwsContext, refs: readonly RestoredRef[]): Promise<Map<string, TrackedState>>;
  /** Restore: a new resource from a snapshot (src/services/restore.ts). Present with `getRestoredStatuses`. */
  readonly restore?: RestoreSupport;
  /** Delete a snapshot (src/services/deletion.ts). */
  readonly delete?: DeleteSupport;
  /** Copy a snapshot to another region, where AWS has a copy API (src/services/copy.ts); absent: not offered. */
  readonly copy?: CopySupport;
  /** The AWS console page of a resource: its own page where the console has one (else the most specific one). */
  consoleUrl(region: string, resource: Resource): string;
  /**
   * The AWS console page of a snapshot (`resource` is the tree's parent: a resource, or the group of snapshots without
   * one here): the snapshot's own page where the console has one, else the most specific page that lists it.
   */
  snapshotConsoleUrl(region: string, snapshot: Snapshot, resource: Resource): string;
}

/** A resource together with where it lives: what tree nodes, prompts and plans pass around. */
export interface ResourceTarget {
  readonly profile: string;
  readonly region: string;
  readonly service: SnapshotService;
  readonly resource: Resource;
}
