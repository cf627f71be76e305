// The restore seam: what a service declares to make a new resource from one of its snapshots (a graph, a cluster, a
// volume, a simulation). The restore flow (src/snapshots/restoreFlow.ts) renders the fields by kind and never asks
// which service it is; the service builds the exact requests, sends them and reads the new resource's state (its
// `getRestoredStatuses`). Pure types: no `vscode`, no SDK.
import type { Issue, Tag, TagRules } from '../validation/types';
import type { CreateErrorContext, ErrorFacts } from './errorText';
import type { AwsContext, Resource, Snapshot, SnapshotState } from './resourceTypes';

/**
 * How a value is asked for: `text` and `number` in an input box (checked on every keystroke), `choice` from a list
 * (loaded when the step opens; may depend on earlier values), `toggle` as Yes / No (values 'true' / 'false').
 */
export type RestoreFieldKind = 'text' | 'number' | 'choice' | 'toggle';

/** A prefilled value and where it came from, e.g. { value: '128', source: "the source graph's" }. */
export interface RestoreDefault {
  readonly value: string;
  /** Shown beside the prompt as "default: 128, from the source graph's"; a few words. */
  readonly source: string;
}

export interface RestoreChoice {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
  readonly detail?: string;
  /** Shown but not selectable, with this reason. */
  readonly disabledReason?: string;
}

export interface RestoreField {
  /** The API member the value goes to (e.g. graphName, DBClusterIdentifier, TargetName). */
  readonly key: string;
  readonly kind: RestoreFieldKind;
  /** Short label, e.g. "Graph name". */
  readonly label: string;
  /** One line stating the rules, shown as the prompt. */
  readonly prompt: string;
  /** An example, shown as the placeholder. */
  readonly placeholder: string;
  /** False: an empty answer leaves the member out of the request (AWS's own default applies). */
  readonly required: boolean;
  readonly defaultValue?: RestoreDefault;
  /** Asked only when this is true for the values given so far (e.g. a local disk for a stored gateway only). */
  when?(values: Readonly<Record<string, string>>): boolean;
  /** Every issue of the value, on every keystroke; errors block Enter. `values`: the earlier answers. */
  validate(value: string, values: Readonly<Record<string, string>>): Issue[];
  /** `choice` fields: the options, read when the step opens (may call AWS; the signal aborts it). */
  choices?(values: Readonly<Record<string, string>>, signal: AbortSignal): Promise<readonly RestoreChoice[]>;
  /**
   * A check that needs AWS, run on Enter once `validate` found no error (e.g. "a graph of that name exists"):
   * resolves to the sentence that refuses the value, or undefined to accept it. `values`: the earlier answers.
   */
  accept?(value: string, signal: AbortSignal, values: Readonly<Record<string, string>>): Promise<string | undefined>;
}

/** What the user gave: values by field key (asked fields only; '' for an optional one left empty) and the tags. */
export interface RestoreInput {
  readonly values: Readonly<Record<string, string>>;
  readonly tags: readonly Tag[];
  /** Made once per restore flow, sent where the API takes one (Storage Gateway's ClientToken) so a retried request never makes two resources. */
  readonly clientToken: string;
}

/** One request exactly as it is sent: the API operation and its input. */
export interface RestoreCall {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** The new resource as the restore call answered. */
export interface RestoredResource {
  /** The id `getRestoredStatuses` reads it by. */
  readonly id: string;
  readonly name: string;
  readonly state: SnapshotState;
  readonly status: string;
  readonly progress?: number;
}

/** The form of one restore: its fields with defaults read from the snapshot and its source, and what to send. */
export interface RestoreForm {
  readonly fields: readonly RestoreField[];
  /** Absent when the new resource takes no tags. */
  readonly tags?: TagRules;
  /** The tags to prefill (e.g. the source resource's), as key=value text parts. */
  readonly defaultTags?: readonly Tag[];
  /** The key of the field that names the new resource (shown in Snapshot Activity and the notification). */
  readonly nameField: string;
  /** The requests these values make, in the order they are sent (the last step shows them). */
  calls(input: RestoreInput): readonly RestoreCall[];
  /** Sends `calls(input)`; resolves to the new resource once AWS accepted the first call. */
  send(input: RestoreInput, signal?: AbortSignal): Promise<RestoredResource>;
}

/** Where the restore was asked, to name things in an error sentence. */
export interface RestoreErrorContext extends CreateErrorContext {
  /** The new resource's name. */
  readonly newName: string;
}

export interface RestoreSupport {
  /** The main API operation, e.g. RestoreGraphFromSnapshot (logs, titles, errors). */
  readonly operation: string;
  /** The IAM actions the restore needs, the main one first (named when access is denied). */
  readonly iamActions: readonly string[];
  /** The resource the restore makes, singular (e.g. graph, cluster, volume, simulation). */
  readonly makes: string;
  /**
   * Members of the restore operations' inputs whose model constraints the rules read, by operation (the build
   * generates them into modelConstraints.ts under `<operation>:<member path>`).
   */
  readonly modelMembers?: Readonly<Record<string, readonly string[]>>;
  /** Why this snapshot cannot be restored now (e.g. not available, automated and gone), or undefined. */
  refusal?(snapshot: Snapshot): string | undefined;
  /**
   * Reads what the defaults need (the source resource when it still exists, gateways, subnet groups) and returns the
   * form. `source` is the snapshot's resource when the caller has it.
   */
  prepare(ctx: AwsContext, snapshot: Snapshot, source: Resource | undefined): Promise<RestoreForm>;
  /** One sentence (what happened, what to do) per modeled error of the restore calls; undefined for any other. */
  explainError?(facts: ErrorFacts, context: RestoreErrorContext): string | undefined;
}

/** The generic refusal: only an available snapshot can be restored. */
export function notAvailableReason(snapshot: Snapshot): string | undefined {
  switch (snapshot.state) {
    case 'available':
      return undefined;
    case 'creating':
      return `snapshot ${snapshot.name} is still being created (${snapshot.status}); restore it once it is available`;
    case 'deleting':
      return `snapshot ${snapshot.name} is being deleted (${snapshot.status})`;
    case 'failed':
      return `snapshot ${snapshot.name} failed (${snapshot.status}): there is nothing to restore`;
    default:
      return `snapshot ${snapshot.name} is ${snapshot.status}, not available`;
  }
}
