// The snapshot part of the extension (registerSnapshots) against the emulator on port 0, through the recording fake
// of `vscode`, for integration tests of its commands: installs the fake, registers the test file's before/after
// hooks (the emulator, a client factory with the demo keys, fast polling settings) and opens "windows" (activations
// on the demo profile, us-east-1) on it.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type CallRecord, type RunningEmulator } from '../../emulator';
import type { ClientFactory } from '../../src/aws/clientFactory';
import { silentLogger } from '../../src/log';
import { services } from '../../src/services/registry';
import type { ExplorerHooks, SnapshotsApi } from '../../src/ui/registerSnapshots';
import { demoClients } from './demoClients';
import { fakeExtensionContext } from './fakeVscode';
import type { MemoryStore } from './memoryStore';
import { installVscodeRecorder, type VscodeRecorder } from './vscodeRecorder/recorder';

export interface SnapshotsEmulatorOptions {
  /** How long created snapshots stay in progress. */
  readonly snapshotSeconds: number;
  /** How long a restore takes (default: snapshotSeconds). */
  readonly restoreSeconds?: number;
  /** The `polling.maxSeconds` setting (`polling.initialSeconds` is 0.2). */
  readonly maxPollSeconds: number;
  /** Attempts per call (default: the SDK's). */
  readonly maxAttempts?: number;
}

/** One activation: its API and context; `close` disposes its subscriptions, as VS Code does when the window closes. */
export interface SnapshotsWindow {
  readonly api: SnapshotsApi;
  readonly context: { subscriptions: { dispose(): unknown }[] };
  close(): void;
}

export interface SnapshotsEmulator {
  readonly rec: VscodeRecorder;
  readonly url: string;
  readonly clients: ClientFactory;
  /** Resets the emulator's state and forgets the notifications shown so far. */
  reset(): Promise<void>;
  calls(): Promise<CallRecord[]>;
  /** Activates registerSnapshots (the demo profile, us-east-1) on `globalState` (default: a fresh memento). */
  open(options?: { globalState?: MemoryStore; explorer?: ExplorerHooks }): Promise<SnapshotsWindow>;
  /** Polls until `predicate` holds; fails with the notifications shown after `ms`. */
  waitFor(what: string, predicate: () => boolean, ms?: number): Promise<void>;
}

export function snapshotsAgainstEmulator(options: SnapshotsEmulatorOptions): SnapshotsEmulator {
  const rec = installVscodeRecorder();
  let running: RunningEmulator | undefined;
  let clients: ClientFactory | undefined;

  before(async () => {
    running = await startEmulator({
      port: 0,
      snapshotSeconds: options.snapshotSeconds,
      ...(options.restoreSeconds !== undefined ? { restoreSeconds: options.restoreSeconds } : {}),
    });
    clients = demoClients(running.url, options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {});
    rec.settings.values['snapshotExplorer.polling.initialSeconds'] = 0.2;
    rec.settings.values['snapshotExplorer.polling.maxSeconds'] = options.maxPollSeconds;
  });

  after(async () => {
    rec.restore();
    clients?.clear();
    await running?.stop();
  });

  const started = () => {
    assert.ok(running && clients, 'the emulator is started in the before hook');
    return { url: running.url, clients };
  };

  return {
    rec,
    get url() {
      return started().url;
    },
    get clients() {
      return started().clients;
    },
    async reset() {
      await fetch(`${started().url}/_emulator/reset`, { method: 'POST' });
      rec.notifications.length = 0;
    },
    async calls() {
      return (await (await fetch(`${started().url}/_emulator/calls`)).json()) as CallRecord[];
    },
    async open(window = {}) {
      // Imported once the fake of `vscode` is installed.
      const { registerSnapshots } = await import('../../src/ui/registerSnapshots');
      const context = {
        ...fakeExtensionContext('/ext'),
        ...(window.globalState ? { globalState: window.globalState } : {}),
      } as unknown as SnapshotsWindow['context'];
      const api = registerSnapshots(context as never, {
        log: { ...silentLogger, show: () => undefined } as never,
        clients: started().clients,
        services,
        profiles: async () => [{ name: 'demo' }],
        regionsFor: () => ['us-east-1'],
        ...(window.explorer ? { explorer: window.explorer } : {}),
      });
      return { api, context, close: () => context.subscriptions.splice(0).forEach((d) => d.dispose()) };
    },
    async waitFor(what, predicate, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(rec.notifications)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
