// Which services the tree shows under each profile: the `snapshotExplorer.services` setting, profile name (or `*`
// for every profile without its own entry) → service ids. No entry at all shows every service. Pure.

/** `snapshotExplorer.services` as read: profile (or `*`) → service ids. */
export type ServicesSetting = Readonly<Record<string, readonly string[]>>;

/** The key of the entry that applies to every profile without its own. */
export const allProfilesKey = '*';

function own(setting: ServicesSetting, key: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(setting, key) ? setting[key] : undefined;
}

/** The ids chosen for a profile: its own entry, else `*`; undefined when neither is set (every service). */
export function chosenServiceIds(profile: string, setting: ServicesSetting | undefined): readonly string[] | undefined {
  if (!setting) return undefined;
  return own(setting, profile) ?? own(setting, allProfilesKey);
}

/** The services shown under a profile, in the registry's order; ids the registry does not know are ignored. */
export function servicesFor<S extends { readonly id: string }>(
  profile: string,
  setting: ServicesSetting | undefined,
  all: readonly S[],
): S[] {
  const chosen = chosenServiceIds(profile, setting);
  if (chosen === undefined) return [...all];
  const ids = new Set(chosen);
  return all.filter((s) => ids.has(s.id));
}

/** The setting's value as VS Code holds it, reduced to string arrays (anything else is dropped). */
export function parseServicesSetting(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, ids] of Object.entries(value)) {
    if (Array.isArray(ids)) out[key] = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  }
  return out;
}

/** The setting after choosing `ids` for `key` (a profile or `*`): a new object, the other entries kept. */
export function withServices(current: ServicesSetting, key: string, ids: readonly string[]): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [k, value] of Object.entries(current)) next[k] = [...value];
  next[key] = [...new Set(ids)];
  return next;
}

/**
 * The value to write after hiding one service from a profile: `target` (the user-level value) with the profile's entry
 * set to what the profile shows now (`effective`: the value in force, a workspace's included) minus that service, so
 * the other profiles keep theirs. `known`: every service id, in the registry's order.
 */
export function withoutService(
  effective: ServicesSetting,
  target: ServicesSetting,
  profile: string,
  serviceId: string,
  known: readonly string[],
): Record<string, string[]> {
  const shown = servicesFor(
    profile,
    effective,
    known.map((id) => ({ id })),
  ).map((s) => s.id);
  return withServices(
    target,
    profile,
    shown.filter((id) => id !== serviceId),
  );
}
