// The defaults and bounds of the `snapshotExplorer.*` settings that code reads, written once (package.json's
// `contributes.configuration` holds the same values; a test compares them). Pure: the language server uses them.
export const settingsSection = 'snapshotExplorer';

/** Numeric settings: default, minimum, maximum. */
export const numberSettings = {
  requestTimeoutSeconds: { default: 30, minimum: 1, maximum: 600 },
  maxConcurrentRequests: { default: 8, minimum: 1, maximum: 64 },
  pageSize: { default: 50, minimum: 1, maximum: 100 },
  'polling.initialSeconds': { default: 5, minimum: 1, maximum: 300 },
  'polling.maxSeconds': { default: 30, minimum: 1, maximum: 600 },
  'plans.maxConcurrentCreates': { default: 4, minimum: 1, maximum: 16 },
} as const;

export type NumberSetting = keyof typeof numberSettings;

/** A numeric setting's value, the default when it is not a finite number, clamped to its bounds. */
export function numberSetting(key: NumberSetting, value: unknown): number {
  const { default: fallback, minimum, maximum } = numberSettings[key];
  const number = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.min(maximum, Math.max(minimum, number));
}
