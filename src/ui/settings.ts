// The one reader of the `snapshotExplorer.*` configuration: typed values with the defaults of settingsDefaults.ts,
// the user-level endpoint overrides, the write of a profile's regions, and change events per key.
import * as vscode from 'vscode';
import { numberSetting, settingsSection, type NumberSetting } from '../settingsDefaults';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(settingsSection);
}

/** A numeric setting, defaulted and clamped. */
export function numberValue(key: NumberSetting): number {
  return numberSetting(key, config().get<unknown>(key));
}

export function booleanValue(key: 'plans.liveChecks', fallback: boolean): boolean {
  const value = config().get<unknown>(key);
  return typeof value === 'boolean' ? value : fallback;
}

/** A setting as VS Code holds it (validated by the caller). */
export function rawValue(
  key: 'profiles.include' | 'profiles.hidden' | 'regions' | 'services' | 'defaultTags' | `identityCenter.${string}`,
): unknown {
  return config().get<unknown>(key);
}

/** An object of strings (e.g. `defaultTags`), anything else dropped. */
export function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The user-level value of a setting (never a workspace's). */
export function userValue(key: 'regions' | 'services'): unknown {
  return config().inspect<unknown>(key)?.globalValue;
}

/** Writes a setting to the user settings. */
export async function updateUserValue(key: 'regions' | 'services', value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

/** The user's endpoint overrides; undefined when the configuration cannot be read now (the guard then refuses). */
export function userEndpoints(): Record<string, string> | undefined {
  const inspected = config().inspect<unknown>('endpoints');
  if (!inspected) return undefined;
  return stringRecord(inspected.globalValue);
}

/** What a reader of `key` would see now (every level), to compare with what it saw before. */
function fingerprint(key: string): string {
  const section = config();
  const inspected = key === '*' ? undefined : section.inspect<unknown>(key);
  return JSON.stringify(key === '*' ? section : [section.get<unknown>(key), inspected?.globalValue]);
}

/**
 * Calls `listener` with the settings `keys` (relative to `snapshotExplorer`; `['*']` when `keys` is empty, for any of
 * them) that changed: those the change event names, and those whose value differs from the one seen at the previous
 * event. A configuration VS Code delivers late (the first window of a fresh user data folder, while it migrates a
 * value of settings.json) may arrive in an event that names only another key; the comparison still reports it.
 */
export function onDidChangeSettings(keys: readonly string[], listener: (changed: string[]) => void): vscode.Disposable {
  const watched = keys.length === 0 ? ['*'] : [...keys];
  const seen = new Map(watched.map((key) => [key, fingerprint(key)]));
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed = watched.filter((key) => {
      const now = fingerprint(key);
      const differs = seen.get(key) !== now;
      seen.set(key, now);
      const named = event.affectsConfiguration(key === '*' ? settingsSection : `${settingsSection}.${key}`);
      return named || differs;
    });
    if (changed.length > 0) listener(changed);
  });
}
