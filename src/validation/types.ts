// Shapes of the input rules each service declares. Pure data and functions: no `vscode`, no SDK.
// Shared by the create-snapshot input boxes, the language server (plans) and the emulator.

export type Severity = 'error' | 'warning' | 'info';

/** One finding about a value. `start`/`end` are character offsets into the checked text, when known. */
export interface Issue {
  readonly severity: Severity;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}

/** What a default value may be built from. */
export interface DefaultContext {
  /** The resource's name (or id when it has none). */
  readonly resourceName: string;
  readonly now: Date;
}

/**
 * What a value is, whatever API member it goes to: the create flow and the plans render fields by kind (a `bucket`
 * is picked from the region's S3 buckets; each kind is one plan key) and never ask which service it is.
 */
export type InputKind = 'name' | 'description' | 'bucket' | 'prefix';

export interface InputField {
  /** The API member this value goes to (e.g. snapshotName, SnapshotDescription, DBClusterSnapshotIdentifier). */
  readonly key: string;
  readonly kind: InputKind;
  /** Short label, e.g. "Snapshot name". */
  readonly label: string;
  /** An example shown as the placeholder. */
  readonly placeholder: string;
  /** A one-line statement of the rules, shown as the prompt. */
  readonly prompt: string;
  readonly required: boolean;
  /** The value's length limits in characters, as documented (the plan schema states them). */
  readonly length?: { readonly min: number; readonly max: number };
  /** Every issue of the value; an empty list means valid. Errors block submission; warnings do not. */
  validate(value: string): Issue[];
  /** A valid default value, when the field has a sensible one. */
  defaultValue?(ctx: DefaultContext): string;
  /** What the service stores (e.g. DocumentDB lowercases identifiers). */
  normalize?(value: string): string;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface TagRules {
  readonly maxTags: number;
  validateKey(key: string): Issue[];
  validateValue(value: string): Issue[];
}

export interface ServiceInputRules {
  /**
   * The members of the create call's input (in the service's botocore model, ../shared/aws-models/<service id>)
   * whose constraints these rules read from generated/modelConstraints.ts; scripts/generate-rules.mjs (run by the
   * build) generates exactly these. A path walks from the input: member names, `member` (list), `key`/`value` (map).
   */
  readonly modelMembers?: readonly string[];
  /** The fields in prompt order. */
  readonly fields: readonly InputField[];
  /** Absent when the service's create API takes no tags. */
  readonly tags?: TagRules;
}
