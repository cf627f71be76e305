// What the service seam speaks of: where a call goes, pages, resources, snapshots and the states operations wait
// for. Apart from service.ts so that the seam's parts (restore.ts) and the interface import them without a cycle.
// No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { Tag } from '../validation/types';

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
  /**
   * The short id people know it by, when `id` is an ARN (a Storage Gateway volume's `vol-…`): what Copy ID copies and
   * the tooltip's ID shows. Absent: `id`.
   */
  readonly displayId?: string;
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
  /**
   * True for the tree's group of a region's snapshots whose resource is not in that region (copies from another region,
   * snapshots of deleted resources): not a resource of AWS, only a place in the tree (see
   * `SnapshotService.listUnattachedSnapshots`).
   */
  readonly unattached?: true;
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
  /**
   * Its tags, when the call that listed it returned them (EC2 DescribeSnapshots does; `[]` then means none). Absent
   * when unknown: the service's `snapshotTags` reads them.
   */
  readonly tags?: readonly Tag[];
  /**
   * Its size in bytes, when the listing reports one: an EBS snapshot's volume size, a Neptune Database snapshot's
   * allocated storage, a SimSpace Weaver snapshot object's size.
   */
  readonly sizeBytes?: number;
  /** Whether it is encrypted, and with which key, when the listing reports it. */
  readonly encryption?: SnapshotEncryption;
  /**
   * The service's kind of snapshot where it has several (the RDS family's SnapshotType: `automated`, `manual`,
   * `awsbackup`…): the tree's row shows it.
   */
  readonly kind?: string;
  /**
   * A short id the row shows after the name, for a service whose snapshot names may repeat (an EBS snapshot's
   * description): its `snap-…` id tells two with the same description apart. Absent: the name is enough.
   */
  readonly rowId?: string;
}

/**
 * A snapshot's encryption: not encrypted, or encrypted with a KMS key (its ARN, id or alias, as the API names it) or a
 * key AWS manages (`aws-owned`: an AWS owned key, `s3`: Amazon S3 managed keys, SSE-S3); neither when not said.
 */
export type SnapshotEncryption =
  | { readonly encrypted: false }
  | { readonly encrypted: true; readonly kmsKey?: string; readonly managedKey?: 'aws-owned' | 's3' };

/**
 * The state of something an operation waits for (a snapshot being created, copied or deleted, a resource being
 * restored), normalised like a snapshot's.
 */
export interface TrackedState {
  readonly id: string;
  /** Its name, when the read knows it (a snapshot's): a create's operation takes the name AWS gave the snapshot. */
  readonly name?: string;
  readonly state: SnapshotState;
  /** The service's own status word. */
  readonly status: string;
  /** 0–100 when the service reports progress. */
  readonly progress?: number;
}
