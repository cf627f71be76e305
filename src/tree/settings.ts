// Reads the tree's settings from the VS Code configuration and stores the regions chosen per profile.
import * as vscode from 'vscode';
import { clampPageSize, withProfileRegions, type TreeSettings } from './model/treeSettings';

export interface TreeSettingsSource {
  /** The current values (read on every call, so changes apply to the next load). */
  read(): TreeSettings;
  /** Stores the regions of one profile in the user settings (`snapshotExplorer.regions`). */
  setProfileRegions(profile: string, regions: readonly string[]): Promise<void>;
}

const section = 'snapshotExplorer';

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function regionsObject(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, regions] of Object.entries(value)) out[key] = stringArray(regions);
  return out;
}

export function createTreeSettingsSource(): TreeSettingsSource {
  return {
    read() {
      const config = vscode.workspace.getConfiguration(section);
      return {
        include: stringArray(config.get('profiles.include')),
        hidden: stringArray(config.get('profiles.hidden')),
        regions: regionsObject(config.get('regions')),
        pageSize: clampPageSize(config.get('pageSize')),
      };
    },
    async setProfileRegions(profile, regions) {
      const config = vscode.workspace.getConfiguration(section);
      // Only the user-level value is rewritten, so workspace values are never copied into user settings.
      const current = regionsObject(config.inspect('regions')?.globalValue);
      await config.update('regions', withProfileRegions(current, profile, regions), vscode.ConfigurationTarget.Global);
    },
  };
}

/** True when a configuration change affects what the tree shows. */
export function affectsTree(event: vscode.ConfigurationChangeEvent): boolean {
  return ['profiles', 'regions', 'endpoints', 'requestTimeoutSeconds', 'maxConcurrentRequests'].some((key) =>
    event.affectsConfiguration(`${section}.${key}`),
  );
}
