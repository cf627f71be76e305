// Retention of a plan's snapshots (`keep`, `maxAgeDays`): which of the snapshots a plan took of one resource a run
// keeps and which it deletes, each with a reason. Pure: the caller decides which snapshots are the plan's
// (planSnapshots.ts) and sends the deletions (runRetention.ts).
//
// Semantics (also in keyDocs.ts and the README):
// - A snapshot is deleted only when every rule written lets it go: `keep: N` keeps the N newest available ones;
//   `maxAgeDays: D` keeps those created less than D days ago. With both, the N newest are kept whatever their age
//   and everything younger than D days is kept too (a floor and a window, as restic's --keep-last/--keep-within).
// - This run's new snapshot counts as the newest and is never deleted; nothing is deleted unless it is available.
// - Snapshots still being created or deleted, or in a state not known, are kept and not counted.
// - A failed snapshot of the plan is deleted: it holds nothing that can be restored, it is the plan's own (marked),
//   and kept it would pile up. It never counts towards `keep`.
// - A snapshot without a creation time is kept (its age and rank cannot be told) and not counted.
import type { Snapshot, SnapshotState } from '../services/service';
import * as l10n from '../l10n';

/** The tag key a plan marks its snapshots with (letters and '-': every service's tag rules accept it). */
export const planTagKey = 'snapshot-plan';

export const retentionLimits = { keep: { min: 1, max: 1000 }, maxAgeDays: { min: 1, max: 36500 } } as const;

export interface RetentionRule {
  readonly keep?: number;
  readonly maxAgeDays?: number;
}

export interface RetentionChoice {
  readonly snapshot: Pick<Snapshot, 'id' | 'name' | 'state' | 'createdAt'>;
  readonly reason: string;
}

export interface RetentionSelection {
  readonly keep: readonly RetentionChoice[];
  readonly delete: readonly RetentionChoice[];
  /** Set when nothing may be deleted in this run (this run's snapshot is not available), saying why. */
  readonly blocked?: string;
}

/** This run's new snapshot: its id and state now. Absent in a preview (dry run, hover), where it is assumed. */
export interface NewSnapshot {
  readonly id: string;
  /** As the status read named it (else the listing's, else the id). */
  readonly name?: string;
  readonly state: SnapshotState;
}

export interface RetentionInput {
  /** The plan's snapshots of one resource (nothing else: see planSnapshots.ts). */
  readonly snapshots: readonly RetentionChoice['snapshot'][];
  readonly rule: RetentionRule;
  readonly now: Date;
  /** 'preview': a new available snapshot is assumed as the newest; 'run': `created` is this run's snapshot. */
  readonly mode: 'preview' | 'run';
  readonly created?: NewSnapshot;
}

const DAY_MS = 86_400_000;
const days = (n: number): string => (n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n));
const newest = (n: number): string => (n === 1 ? l10n.t('the newest') : l10n.t('the {0} newest', n));

const unsettled: Partial<Record<SnapshotState, string>> = {
  get creating(): string {
    return l10n.t('still being created');
  },
  get deleting(): string {
    return l10n.t('already being deleted');
  },
  get unknown(): string {
    return l10n.t('its state is not known');
  },
};

export function selectRetention(input: RetentionInput): RetentionSelection {
  const { rule, now, mode, created } = input;
  const keep: RetentionChoice[] = [];
  const del: RetentionChoice[] = [];
  const others = input.snapshots.filter((s) => s.id !== created?.id);
  if (created && mode === 'run') {
    const own = input.snapshots.find((s) => s.id === created.id) ?? { ...created, name: created.name ?? created.id };
    keep.push({ snapshot: { ...own, state: created.state }, reason: l10n.t('this run’s new snapshot') });
  }
  if (mode === 'run' && created?.state !== 'available') {
    const blocked = created
      ? l10n.t('this run’s snapshot is {0}, not available: nothing is deleted', created.state)
      : l10n.t('this run took no snapshot: nothing is deleted');
    for (const s of others) keep.push({ snapshot: s, reason: blocked });
    return { keep, delete: del, blocked };
  }
  if (rule.keep === undefined && rule.maxAgeDays === undefined) {
    for (const s of others) keep.push({ snapshot: s, reason: l10n.t('no retention rule') });
    return { keep, delete: del };
  }
  const ranked: Array<RetentionChoice['snapshot'] & { createdAt: Date }> = [];
  for (const s of others) {
    const why = unsettled[s.state];
    if (why) keep.push({ snapshot: s, reason: why });
    else if (s.state === 'failed') del.push({ snapshot: s, reason: l10n.t('failed: it holds nothing to restore') });
    else if (!s.createdAt) keep.push({ snapshot: s, reason: l10n.t('its creation time is not known') });
    else ranked.push(s as RetentionChoice['snapshot'] & { createdAt: Date });
  }
  // Newest first; the same time: by id, so the choice is stable.
  ranked.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // This run's snapshot (or the one a run would take) is the newest and counts towards `keep`.
  const offset = 1;
  ranked.forEach((s, i) => {
    const rank = i + offset;
    const ageDays = (now.getTime() - s.createdAt.getTime()) / DAY_MS;
    const withinKeep = rule.keep !== undefined && rank < rule.keep;
    const young = rule.maxAgeDays !== undefined && ageDays < rule.maxAgeDays;
    if (withinKeep) keep.push({ snapshot: s, reason: l10n.t('one of {0}', newest(rule.keep ?? 0)) });
    else if (young) keep.push({ snapshot: s, reason: l10n.t('younger than {0}', days(rule.maxAgeDays ?? 0)) });
    else {
      const reasons: string[] = [];
      if (rule.keep !== undefined) reasons.push(l10n.t('beyond {0}', newest(rule.keep)));
      if (rule.maxAgeDays !== undefined) reasons.push(l10n.t('older than {0}', days(rule.maxAgeDays)));
      del.push({ snapshot: s, reason: reasons.join(' and ') });
    }
  });
  return { keep, delete: del };
}

/** A plan's mark (the tag value): its file name without `.snapshots.yaml`, in the characters every service takes. */
export function planNameOf(fileName: string): string {
  const base = fileName.replace(/\.snapshots\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  const clean = base.replace(/[^\p{L}\p{N} _.:/=+@-]/gu, '-').slice(0, 128);
  return clean === '' ? 'plan' : clean;
}

/** One snapshot in a run's retention report. */
export interface RetainedSnapshot {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

/** What a run did about retention for one entry. */
export interface RetentionReport {
  /** Deleted (or being deleted: `status` says which, as the delete call answered). */
  readonly deleted: ReadonlyArray<RetainedSnapshot & { readonly status: string }>;
  /** Chosen for deletion but not deleted: `message` says why (refused, or the call failed). */
  readonly failed: ReadonlyArray<RetainedSnapshot & { readonly message: string }>;
  readonly kept: readonly RetainedSnapshot[];
  /** Why nothing (or not everything) was looked at, e.g. the new snapshot never became available. */
  readonly note?: string;
}
