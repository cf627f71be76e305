// `vscode.workspace` of the recording fake: settings read and written by full key (see records.ts), change
// listeners a test can call, and file watchers that never fire.
import type { Records } from './records';

const noEvent = () => ({ dispose: () => undefined });

export function fakeWorkspace(rec: Records): Record<string, unknown> {
  const { settings } = rec;
  return {
    isTrusted: true,
    textDocuments: [],
    getConfiguration: (section?: string) => {
      const full = (key: string) => (section ? `${section}.${key}` : key);
      return {
        get: <T>(key: string, fallback?: T) =>
          (full(key) in settings.values ? settings.values[full(key)] : fallback) as T,
        inspect: (key: string) => ({ globalValue: settings.global[full(key)] }),
        update: async (key: string, value: unknown) => {
          settings.updates.push([key, value]);
          settings.global[full(key)] = value;
          settings.values[full(key)] = value;
        },
      };
    },
    onDidChangeConfiguration(listener: Records['configListeners'][number]) {
      rec.configListeners.push(listener);
      return { dispose: () => undefined };
    },
    createFileSystemWatcher: () => ({
      onDidChange: noEvent,
      onDidCreate: noEvent,
      onDidDelete: noEvent,
      dispose: () => undefined,
    }),
  };
}
