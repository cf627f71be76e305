// The shapes of a parsed snapshot plan and of its findings. Pure data.
import type { InputKind } from '../validation/types';
import type { Range, Span } from './positions';

/** A scalar as written in the plan, with where it is. */
export interface PlanValue {
  readonly value: string;
  /** The value's own span (for an empty value: the key's span). */
  readonly span: Span;
  /** The key's span (what a diagnostic about the key itself points at). */
  readonly keySpan: Span;
  /**
   * Where value[i] sits in the source is `span.start + offsetShift + i`, when the source holds the value
   * character for character (plain or simple quoted scalars); undefined otherwise.
   */
  readonly offsetShift?: number;
}

export interface PlanTag {
  readonly key: PlanValue;
  readonly value: PlanValue;
}

export interface PlanTags {
  /** The `tags:` key. */
  readonly keySpan: Span;
  readonly items: readonly PlanTag[];
}

/** Keys that may appear both in `defaults` and in an entry. */
export interface PlanFields {
  readonly profile?: PlanValue;
  readonly region?: PlanValue;
  readonly name?: PlanValue;
  readonly description?: PlanValue;
  readonly bucket?: PlanValue;
  readonly prefix?: PlanValue;
  readonly tags?: PlanTags;
  /** Retention (retention.ts): keep the N newest snapshots the plan took of the resource. */
  readonly keep?: PlanValue;
  /** Retention: delete the plan's snapshots older than D days. */
  readonly maxAgeDays?: PlanValue;
}

/** The plan keys of the input fields: one per field kind. */
export type InputKey = InputKind;
export const inputKeys: readonly InputKey[] = ['name', 'description', 'bucket', 'prefix'];

export interface PlanDefaults extends PlanFields {
  readonly span: Span;
  readonly keySpan: Span;
}

export interface PlanEntry extends PlanFields {
  /** 0-based position in `snapshots`. */
  readonly index: number;
  readonly span: Span;
  readonly service?: PlanValue;
  readonly resource?: PlanValue;
}

export interface Plan {
  readonly text: string;
  readonly defaults?: PlanDefaults;
  /** The `snapshots:` key, when present. */
  readonly snapshotsKeySpan?: Span;
  readonly entries: readonly PlanEntry[];
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'plan-shape'
  | 'unknown-key'
  | 'not-applicable'
  | 'missing-input'
  | 'invalid-value'
  | 'template'
  | 'duplicate'
  | 'unknown-service'
  | 'unknown-profile'
  | 'unknown-region'
  | 'not-offered'
  | 'resource-not-found'
  | 'resource-state'
  | 'name-taken'
  | 'live-unavailable'
  | 'retention';

export interface PlanDiagnostic {
  readonly span: Span;
  readonly range: Range;
  readonly severity: DiagnosticSeverity;
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** A diagnostic before its range is computed (ranges are filled in once, at the end). */
export type RawDiagnostic = Omit<PlanDiagnostic, 'range'>;

export const topLevelKeys = ['defaults', 'snapshots'] as const;
export const retentionKeys = ['keep', 'maxAgeDays'] as const;
export const defaultsKeys = [
  'profile',
  'region',
  'name',
  'description',
  'bucket',
  'prefix',
  'tags',
  ...retentionKeys,
] as const;
export const entryKeys = ['service', 'resource', ...defaultsKeys] as const;
