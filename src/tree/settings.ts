// Reads the tree's settings from the VS Code configuration and stores the regions and services chosen per profile.
import { numberValue, rawValue, updateUserValue, userValue } from '../ui/settings';
import { parseServicesSetting, withoutService, withServices } from './model/serviceChoice';
import {
  clampPageSize,
  withProfileRegions,
  type IdentityCenterSettings,
  type TreeSettings,
} from './model/treeSettings';

export interface TreeSettingsSource {
  /** The current values (read on every call, so changes apply to the next load). */
  read(): TreeSettings;
  /** Stores the regions of one profile in the user settings (`snapshotExplorer.regions`). */
  setProfileRegions(profile: string, regions: readonly string[]): Promise<void>;
  /** Stores the services shown under a profile (or `*`) in the user settings (`snapshotExplorer.services`). */
  setServices(key: string, serviceIds: readonly string[]): Promise<void>;
  /** Hides one service from a profile (`known`: every service id, in the registry's order). */
  hideService(profile: string, serviceId: string, known: readonly string[]): Promise<void>;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function regionsObject(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, regions] of Object.entries(value)) out[key] = stringArray(regions);
  return out;
}

function stringOrArrayObject(value: unknown): Record<string, string | string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [key, v] of Object.entries(value)) out[key] = typeof v === 'string' ? v : stringArray(v);
  return out;
}

/** `snapshotExplorer.identityCenter.*`. */
function identityCenterSettings(): IdentityCenterSettings {
  return {
    includeAccounts: stringArray(rawValue('identityCenter.includeAccounts')),
    excludeAccounts: stringArray(rawValue('identityCenter.excludeAccounts')),
    includeRoles: stringArray(rawValue('identityCenter.includeRoles')),
    excludeRoles: stringArray(rawValue('identityCenter.excludeRoles')),
    preferredRoles: stringOrArrayObject(rawValue('identityCenter.preferredRoles')),
    regions: regionsObject(rawValue('identityCenter.regions')),
  };
}

export function createTreeSettingsSource(): TreeSettingsSource {
  return {
    read() {
      return {
        include: stringArray(rawValue('profiles.include')),
        hidden: stringArray(rawValue('profiles.hidden')),
        regions: regionsObject(rawValue('regions')),
        pageSize: clampPageSize(numberValue('pageSize')),
        services: parseServicesSetting(rawValue('services')),
        identityCenter: identityCenterSettings(),
      };
    },
    async setProfileRegions(profile, regions) {
      // Only the user-level value is rewritten, so workspace values are never copied into user settings.
      const current = regionsObject(userValue('regions'));
      await updateUserValue('regions', withProfileRegions(current, profile, regions));
    },
    async setServices(key, serviceIds) {
      await updateUserValue('services', withServices(parseServicesSetting(userValue('services')), key, serviceIds));
    },
    async hideService(profile, serviceId, known) {
      // From what the profile shows now (a workspace value included), written to the user settings.
      const effective = parseServicesSetting(rawValue('services'));
      const user = parseServicesSetting(userValue('services'));
      await updateUserValue('services', withoutService(effective, user, profile, serviceId, known));
    },
  };
}

/** The settings whose change alters what the tree shows. */
export const treeSettingKeys = [
  'profiles',
  'regions',
  'services',
  'identityCenter',
  'endpoints',
  'requestTimeoutSeconds',
  'maxConcurrentRequests',
];
