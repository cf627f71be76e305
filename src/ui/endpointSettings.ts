// The endpoint overrides seen so far, kept in the global state so the fail-closed guard (aws/endpointGuard.ts)
// remembers them across windows. Shared by the extension and the plan client.
import type * as vscode from 'vscode';
import type { KnownOverridesStore } from '../aws/endpointGuard';

/** The global-state key of the overrides seen so far. */
const KNOWN_OVERRIDES_KEY = 'snapshotExplorer.knownEndpointOverrides';

export function knownOverridesStore(memento: vscode.Memento): KnownOverridesStore {
  return {
    get: () => memento.get<Record<string, string>>(KNOWN_OVERRIDES_KEY, {}),
    set: (value) => void memento.update(KNOWN_OVERRIDES_KEY, value),
  };
}
