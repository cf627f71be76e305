// The one interface every AWS service module implements. No `vscode` import here: these modules
// run under plain `node --test`, in the extension host and in the language server.
import type { AwsClients } from '../aws/clients';
import type { ServiceInputRules } from '../validation/types';

/** Where a call goes: which profile and region, with the client factory and a cancellation signal. */
export interface AwsContext {
  readonly profile: string;
  readonly region: string;
  readonly clients: AwsClients;
  readonly signal?: AbortSignal;
}

export interface PageRequest {
  readonly nextToken?: string;
  /** The most items to ask for; the service's own maximum applies when larger. */
  readonly pageSize?: number;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when there is more to load. */
  readonly nextToken?: string;
}

/** Whether a snapshot can be taken of a resource now, and if not, why (shown to the user). */
export type Snapshottable = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Resource {
  readonly service: string;
  /** The identifier the create call takes (graph id, volume ARN, cluster id, simulation name). */
  readonly id: string;
  /** What the user sees first: a name, or the id when the resource has no name. */
  readonly name: string;
  readonly arn?: string;
  /** The service's own status word, as the API returns it (e.g. AVAILABLE, available, STARTED). */
  readonly status: string;
  /** A short line of facts: size, type, engine version (the tree shows it after the status). */
  readonly summary: string;
  readonly createdAt?: Date;
  readonly snapshottable: Snapshottable;
  /** Extra facts for tooltips and hovers, in display order (label → value). */
  readonly details: ReadonlyArray<readonly [string, string]>;
  /** For Storage Gateway volumes: the gateway they belong to. */
  readonly parent?: { readonly id: string; readonly name: string };
  /**
   * All its snapshots, when the call that listed the resource already returned them (SimSpace Weaver's
   * DescribeSimulation does): the tree shows these when the resource is first expanded instead of asking again.
   */
  readonly knownSnapshots?: readonly Snapshot[];
}

/** The normalised life of a snapshot, whatever the service calls it. */
export type SnapshotState = 'creating' | 'available' | 'failed' | 'deleting' | 'unknown';

export interface Snapshot {
  readonly service: string;
  /** The identifier to read its status with (graph snapshot id, EBS snapshot id, cluster snapshot id, S3 location). */
  readonly id: string;
  readonly name: string;
  readonly resourceId: string;
  readonly arn?: string;
  readonly state: SnapshotState;
  /** The service's own status word. */
  readonly status: string;
  /** 0–100 when the service reports progress. */
  readonly progress?: number;
  readonly createdAt?: Date;
  readonly details: ReadonlyArray<readonly [string, string]>;
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

export interface SnapshotService {
  /** Stable key: used in settings, plans, context values and the registry. */
  readonly id: string;
  /** e.g. "Neptune Analytics". */
  readonly label: string;
  /** The resource kind, singular and plural, lowercase (e.g. graph / graphs). */
  readonly resourceNoun: { readonly one: string; readonly many: string };
  /** A codicon id for resources of this service (ThemeIcon). */
  readonly icon: string;
  /** The create API's name, for logs and confirmations (e.g. CreateGraphSnapshot). */
  readonly createOperation: string;
  /** The input fields and their rules (pure data and functions from src/validation). */
  readonly rules: ServiceInputRules;

  /** False when the service is not offered in a region (shown quietly, not as an error). */
  isOfferedIn(region: string): boolean;
  /** The regions where the service is offered (data behind `isOfferedIn`, for region pickers). */
  readonly regions?: readonly string[];
  listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>>;
  /** One resource by id, or undefined when it does not exist. */
  getResource(ctx: AwsContext, id: string): Promise<Resource | undefined>;
  listSnapshots(ctx: AwsContext, resource: Resource, page: PageRequest): Promise<Page<Snapshot>>;
  /** Optional: many resources' snapshots in one call (see SnapshotBatchListing). */
  readonly batchSnapshots?: SnapshotBatchListing;
  /** Calls the create API once. Inputs must already be valid (the caller validates with `rules`). */
  createSnapshot(ctx: AwsContext, resource: Resource, input: SnapshotInput): Promise<Snapshot>;
  /**
   * Reads the current state of several snapshots of one profile and region, batching where the API allows.
   * Returns one entry per ref that was found, keyed by `snapshotId`.
   */
  getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>>;
  /** The AWS console page of a resource. */
  consoleUrl(region: string, resource: Resource): string;
}

/** A resource together with where it lives: what tree nodes, prompts and plans pass around. */
export interface ResourceTarget {
  readonly profile: string;
  readonly region: string;
  readonly service: SnapshotService;
  readonly resource: Resource;
}
