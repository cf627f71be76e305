// What a service's error sentences are written from: the facts read off a failed create call, where it was made,
// and two small helpers for the sentences. Pure: no `vscode`, no SDK.
import * as l10n from '../l10n';

/** What the create flow knows about the failed call, to name things in the message. */
export interface CreateErrorContext {
  readonly profile: string;
  readonly region: string;
  readonly resourceName: string;
  /** The snapshot name or description the user gave, when there is one. */
  readonly snapshotName?: string;
}

/** The facts read off an SDK (or our SimSpace Weaver client's) error. */
export interface ErrorFacts {
  readonly code: string;
  readonly message: string;
  readonly httpStatus?: number;
  readonly attempts?: number;
  readonly quotaCode?: string;
  readonly serviceCode?: string;
  /** Storage Gateway's `error.errorCode` (e.g. GatewayNotConnected). */
  readonly gatewayErrorCode?: string;
  readonly reason?: string;
}

/** The message as a sentence: trimmed, ending in a full stop unless it already ends a sentence. */
export function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** ` (quota code L-…, service …)` when the error names the quota, else nothing. */
export function quotaText(facts: ErrorFacts): string {
  if (!facts.quotaCode) return '';
  return facts.serviceCode
    ? l10n.t(' (quota code {0}, service {1})', facts.quotaCode, facts.serviceCode)
    : l10n.t(' (quota code {0})', facts.quotaCode);
}
