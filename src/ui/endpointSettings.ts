// The endpoint overrides as VS Code holds them: the user-level value of `snapshotExplorer.endpoints` (the setting is
// application-scoped, so no workspace can set it), and the overrides seen so far, kept in the global state so the
// fail-closed guard (aws/endpointGuard.ts) remembers them across windows. Shared by the extension and the plan client.
import * as vscode from 'vscode';
import type { KnownOverridesStore } from '../aws/endpointGuard';

/** The global-state key of the overrides seen so far. */
const KNOWN_OVERRIDES_KEY = 'snapshotExplorer.knownEndpointOverrides';

/** The user's overrides; undefined when the configuration cannot be read now (the guard then refuses). */
export function readUserEndpoints(): Record<string, string> | undefined {
  const inspected = vscode.workspace.getConfiguration('snapshotExplorer').inspect<unknown>('endpoints');
  if (!inspected) return undefined;
  const value = inspected.globalValue ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, url] of Object.entries(value)) if (typeof url === 'string') out[key] = url;
  return out;
}

export function knownOverridesStore(memento: vscode.Memento): KnownOverridesStore {
  return {
    get: () => memento.get<Record<string, string>>(KNOWN_OVERRIDES_KEY, {}),
    set: (value) => void memento.update(KNOWN_OVERRIDES_KEY, value),
  };
}
