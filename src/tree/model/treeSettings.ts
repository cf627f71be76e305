// The settings the tree reads, as plain values, and the pure rules that apply them.
import { numberSetting, numberSettings } from '../../settingsDefaults';
import type { ProfileEntry } from './nodes';
import type { ServicesSetting } from './serviceChoice';
import type { AccountFilter, PreferredRoles } from '../../aws/sso/accountFilters';

export interface TreeSettings {
  /** `snapshotExplorer.profiles.include`: when not empty, only these profiles are shown. */
  readonly include: readonly string[];
  /** `snapshotExplorer.profiles.hidden`: never shown. */
  readonly hidden: readonly string[];
  /** `snapshotExplorer.regions`: profile → regions, `*` for every profile without its own entry. */
  readonly regions: Readonly<Record<string, readonly string[]>>;
  /** `snapshotExplorer.pageSize`: items per page asked of AWS. */
  readonly pageSize: number;
  /** `snapshotExplorer.services`: profile → service ids, `*` for every profile without its own entry; none: all. */
  readonly services?: ServicesSetting;
  /** `snapshotExplorer.identityCenter.*`: accounts and roles shown, preferred roles, regions per session. */
  readonly identityCenter?: IdentityCenterSettings;
}

export type { AccountFilter, PreferredRoles };

/** `snapshotExplorer.identityCenter.*`: which accounts and roles show, which role first, the regions per session. */
export interface IdentityCenterSettings extends AccountFilter {
  /** Account name, id or pattern (or `*`) → role names shown first, in this order. */
  readonly preferredRoles: PreferredRoles;
  /** Session name (or `*`) → the regions shown under each of its roles. */
  readonly regions: Readonly<Record<string, readonly string[]>>;
}

export const defaultIdentityCenterSettings: IdentityCenterSettings = { preferredRoles: {}, regions: {} };

export const defaultRegion = 'us-east-1';
export const defaultPageSize: number = numberSettings.pageSize.default;

export const defaultTreeSettings: TreeSettings = { include: [], hidden: [], regions: {}, pageSize: defaultPageSize };

/** The profiles to show, in discovery order: those included (all when the list is empty) minus the hidden. */
export function visibleProfiles<P extends ProfileEntry>(profiles: readonly P[], settings: TreeSettings): P[] {
  const include = new Set(settings.include);
  const hidden = new Set(settings.hidden);
  return profiles.filter((p) => (include.size === 0 || include.has(p.name)) && !hidden.has(p.name));
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return regionPattern.test(value);
}

/**
 * The regions shown under a profile: its own entry, else the profile's (an IAM Identity Center role: its session's
 * setting), else `*`, else the profile's region, else us-east-1.
 */
export function regionsFor(profile: ProfileEntry, settings: TreeSettings): string[] {
  const own = Object.prototype.hasOwnProperty.call(settings.regions, profile.name)
    ? settings.regions[profile.name]
    : undefined;
  const all = Object.prototype.hasOwnProperty.call(settings.regions, '*') ? settings.regions['*'] : undefined;
  const chosen = own ?? profile.regions ?? all;
  if (chosen === undefined) return [profile.region && isRegionName(profile.region) ? profile.region : defaultRegion];
  return [...new Set(chosen.filter((r) => typeof r === 'string' && isRegionName(r)))];
}

/** The page size within what AWS list APIs accept (1–100; services clamp further to their own maximum). */
export function clampPageSize(value: unknown): number {
  return Math.floor(numberSetting('pageSize', value));
}

/** The `snapshotExplorer.regions` value after choosing `regions` for `profile` (a new object; others kept). */
export function withProfileRegions(
  current: Readonly<Record<string, readonly string[]>>,
  profile: string,
  regions: readonly string[],
): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(current)) next[key] = [...value];
  next[profile] = [...regions];
  return next;
}
