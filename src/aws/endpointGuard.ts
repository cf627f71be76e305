// Fail closed on endpoint overrides: remembers every override of the `snapshotExplorer.endpoints` setting it has
// seen (in a store that outlives the window), and refuses to build a client for a service whose remembered override
// is missing now (the setting unreadable, dropped by VS Code, or removed) until it is back or the user releases it.
// Signed requests meant for an emulator, LocalStack or a VPC endpoint then never go to AWS's public endpoints.
import { ENDPOINT_SETTING, settingOverride } from './endpoints';
import * as l10n from '../l10n';

/** Where the remembered overrides live (the extension's global state); key → URL. */
export interface KnownOverridesStore {
  get(): Readonly<Record<string, string>>;
  set(value: Readonly<Record<string, string>>): void;
}

/** A call was refused because the override the user configured for its service is not available now. */
export class EndpointOverrideUnavailableError extends Error {
  override readonly name = 'EndpointOverrideUnavailable';
  constructor(
    readonly service: string,
    readonly expected: string,
  ) {
    super(
      l10n.t(
        'Endpoint override not available: {0} has no endpoint for {1} now (it was {2}). No request was sent. Restore the setting in your user settings, or choose "Use AWS Endpoints" to send {1} requests to AWS.',
        ENDPOINT_SETTING,
        service,
        expected,
      ),
    );
  }
}

export interface EndpointGuard {
  /**
   * Takes the setting's current value (undefined: it cannot be read now): remembers its overrides and returns the
   * remembered ones it lacks (key → the URL it had), empty when none is missing.
   */
  observe(setting: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>>;
  /** Throws EndpointOverrideUnavailableError when `kind` (a client spec's) had an override that `setting` lacks. */
  check(kind: string, setting: Readonly<Record<string, string>> | undefined): void;
  /** The user chose AWS's endpoints for these keys: forget their overrides. */
  release(keys: readonly string[]): void;
}

function withoutBlank(setting: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(setting)) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

export function createEndpointGuard(store: KnownOverridesStore): EndpointGuard {
  const remember = (setting: Readonly<Record<string, string>>): void => {
    const known = store.get();
    const current = withoutBlank(setting);
    if (Object.entries(current).some(([key, url]) => known[key] !== url)) store.set({ ...known, ...current });
  };
  return {
    observe(setting) {
      if (setting !== undefined) remember(setting);
      const known = store.get();
      const now = setting === undefined ? {} : withoutBlank(setting);
      return Object.fromEntries(Object.entries(known).filter(([key]) => now[key] === undefined));
    },
    check(kind, setting) {
      if (setting !== undefined) remember(setting);
      const expected = settingOverride(store.get(), kind);
      if (!expected) return;
      const now = setting === undefined ? undefined : settingOverride(setting, kind);
      // The override the kind had is gone: its own key, or `*` when it had no key of its own.
      if (now === undefined || (expected.key !== '*' && now.key !== expected.key)) {
        throw new EndpointOverrideUnavailableError(kind, expected.url);
      }
    },
    release(keys) {
      const known = { ...store.get() };
      for (const key of keys) delete known[key];
      store.set(known);
    },
  };
}
