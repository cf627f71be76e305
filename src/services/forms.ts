// The form of an operation a service offers on a snapshot (restore, copy): fields rendered by kind with defaults and
// where they came from, the exact API calls the answers make, and one send. The flows (src/snapshots) render the
// fields and never ask which service it is. Pure types: no `vscode`, no SDK.
import type { Issue, Tag, TagRules } from '../validation/types';
import type { SnapshotState } from './resourceTypes';

/**
 * How a value is asked for: `text` and `number` in an input box (checked on every keystroke), `choice` from a list
 * (loaded when the step opens; may depend on earlier values), `toggle` as Yes / No (values 'true' / 'false').
 */
export type FieldKind = 'text' | 'number' | 'choice' | 'toggle';

/** A prefilled value and where it came from, e.g. { value: '128', source: "the source graph's" }. */
export interface FormDefault {
  readonly value: string;
  /** Shown beside the prompt as "default: 128, from the source graph's"; a few words. */
  readonly source: string;
}

export interface FormChoice {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
  readonly detail?: string;
  /** Shown but not selectable, with this reason. */
  readonly disabledReason?: string;
}

export interface FormField {
  /** The API member the value goes to (e.g. graphName, DBClusterIdentifier, TargetName). */
  readonly key: string;
  readonly kind: FieldKind;
  /** Short label, e.g. "Graph name". */
  readonly label: string;
  /** One line stating the rules, shown as the prompt. */
  readonly prompt: string;
  /** An example, shown as the placeholder. */
  readonly placeholder: string;
  /** False: an empty answer leaves the member out of the request (AWS's own default applies). */
  readonly required: boolean;
  readonly defaultValue?: FormDefault;
  /** Asked only when this is true for the values given so far (e.g. a local disk for a stored gateway only). */
  when?(values: Readonly<Record<string, string>>): boolean;
  /** Every issue of the value, on every keystroke; errors block Enter. `values`: the earlier answers. */
  validate(value: string, values: Readonly<Record<string, string>>): Issue[];
  /** `choice` fields: the options, read when the step opens (may call AWS; the signal aborts it). */
  choices?(values: Readonly<Record<string, string>>, signal: AbortSignal): Promise<readonly FormChoice[]>;
  /**
   * A check that needs AWS, run on Enter once `validate` found no error (e.g. "a graph of that name exists"):
   * resolves to the sentence that refuses the value, or undefined to accept it. `values`: the earlier answers.
   */
  accept?(value: string, signal: AbortSignal, values: Readonly<Record<string, string>>): Promise<string | undefined>;
}

/** What the user gave: values by field key (asked fields only; '' for an optional one left empty) and the tags. */
export interface FormInput {
  readonly values: Readonly<Record<string, string>>;
  readonly tags: readonly Tag[];
  /** Made once per flow, sent where the API takes one (a ClientToken) so a retried request never makes two. */
  readonly clientToken: string;
}

/** One request exactly as it is sent: the API operation and its input. */
export interface ApiCall {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** What the first call made (a restored resource, a snapshot's copy), as AWS answered. */
export interface FormResult {
  /** The id `getRestoredStatuses` reads it by. */
  readonly id: string;
  readonly name: string;
  readonly state: SnapshotState;
  readonly status: string;
  readonly progress?: number;
}

/** The form of one operation: its fields with defaults read from the snapshot and its source, and what to send. */
export interface OperationForm {
  readonly fields: readonly FormField[];
  /** Absent when the new resource takes no tags. */
  readonly tags?: TagRules;
  /** The tags to prefill (e.g. the source resource's), as key=value text parts. */
  readonly defaultTags?: readonly Tag[];
  /** The key of the field that names what the operation makes (shown in Snapshot Activity and the notification). */
  readonly nameField: string;
  /** The requests these values make, in the order they are sent (the last step shows them). */
  calls(input: FormInput): readonly ApiCall[];
  /** Sends `calls(input)`; resolves to what it made once AWS accepted the first call. */
  send(input: FormInput, signal?: AbortSignal): Promise<FormResult>;
}
