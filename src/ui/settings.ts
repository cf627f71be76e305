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
  key: 'profiles.include' | 'profiles.hidden' | 'regions' | 'services' | 'defaultTags',
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

/** Calls `listener` when any of the settings `keys` (relative to `snapshotExplorer`, or all when empty) change. */
export function onDidChangeSettings(keys: readonly string[], listener: (changed: string[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed =
      keys.length === 0
        ? event.affectsConfiguration(settingsSection)
          ? ['*']
          : []
        : keys.filter((key) => event.affectsConfiguration(`${settingsSection}.${key}`));
    if (changed.length > 0) listener(changed);
  });
}
