// What the plan checks need to know about the services, profiles and regions: passed in, never looked up globally.
import type { SnapshotService } from '../services/service';
import type { InputField } from '../validation/types';
import type { InputKey } from './model';

/**
 * The part of a service module the plan logic uses (a SnapshotService fits). `delete`, `destination` and
 * `snapshotTags` matter only to retention (checkRetention.ts, planSnapshots.ts).
 */
export type PlanService = Pick<
  SnapshotService,
  | 'id'
  | 'label'
  | 'rules'
  | 'isOfferedIn'
  | 'createOperation'
  | 'resourceNoun'
  | 'delete'
  | 'destination'
  | 'snapshotTags'
>;

export interface PlanProfile {
  readonly name: string;
  /** The profile's own `region`, used when neither the entry nor `defaults` names one. */
  readonly region?: string;
}

export interface PlanEnvironment {
  readonly services: readonly PlanService[];
  /** Known profiles; undefined when they could not be read (then profiles are not checked). */
  readonly profiles?: readonly PlanProfile[];
  /** Known regions; undefined when not checked. */
  readonly regions?: readonly string[];
  /** Region display names (e.g. us-east-1 → US East (N. Virginia)), for completion details. */
  readonly regionNames?: Readonly<Record<string, string>>;
  /** The moment templates expand for (`{date}`, `{time}`, `{timestamp}`). */
  readonly now: Date;
}

/** The profile an entry falls back to when neither it nor `defaults` names one. */
export const fallbackProfile = 'default';

/** Which plan key feeds a service's input field: the one named after its kind. */
export function planKeyOf(field: InputField): InputKey {
  return field.kind;
}

/** The plan keys a service takes (inputs, plus `tags` when its create call takes tags). */
export function planKeysOf(service: PlanService): Array<InputKey | 'tags'> {
  const keys: Array<InputKey | 'tags'> = [];
  for (const field of service.rules.fields) {
    const key = planKeyOf(field);
    if (key && !keys.includes(key)) keys.push(key);
  }
  if (service.rules.tags) keys.push('tags');
  return keys;
}

/** The short word for a plan key's value in messages, e.g. "snapshot name". */
export function labelOf(service: PlanService, key: InputKey): string {
  const field = service.rules.fields.find((f) => planKeyOf(f) === key);
  return field?.label ?? key;
}

/** Where an entry's calls go, as far as it can be told from the plan alone (for completion and hover). */
export interface EntryPlace {
  readonly service?: PlanService;
  readonly profile: string;
  readonly region?: string;
}

export function placeOf(
  entry: {
    readonly service?: { value: string };
    readonly profile?: { value: string };
    readonly region?: { value: string };
  },
  defaults: { readonly profile?: { value: string }; readonly region?: { value: string } } | undefined,
  env: PlanEnvironment,
): EntryPlace {
  const profile = entry.profile?.value ?? defaults?.profile?.value ?? fallbackProfile;
  const region =
    entry.region?.value ?? defaults?.region?.value ?? env.profiles?.find((p) => p.name === profile)?.region;
  const service = env.services.find((s) => s.id === entry.service?.value);
  return { service, profile, region };
}
