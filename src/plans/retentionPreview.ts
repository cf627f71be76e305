// What a run would delete now, per entry with retention, from the live cache (the dry run, the Run Plan
// confirmation and the hover share it): the resource's snapshots (for an entry told apart by location, those under
// it), the plan's own among them (tags read only for the candidates, bounded), and the selection assuming the run's
// new snapshot becomes available. Never throws.
import { findResource } from './liveChecks';
import type { LiveCache } from './liveSource';
import { locationLead, planSnapshots } from './planSnapshots';
import { planNameOf, selectRetention, type RetentionSelection } from './retention';
import type { PlanAnalysis, ResolvedEntry } from './validate';
import * as l10n from '../l10n';

export type RetentionPreview =
  | { readonly kind: 'ok'; readonly selection: RetentionSelection; readonly unchecked: number }
  | { readonly kind: 'unknown'; readonly reason: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The preview of one entry (undefined when it has no retention). */
export async function previewRetention(
  entry: ResolvedEntry,
  cache: LiveCache,
  title: string,
  now: Date,
): Promise<RetentionPreview | undefined> {
  const retention = entry.retention;
  if (!retention) return undefined;
  if (retention.unrecognisable) return { kind: 'unknown', reason: retention.unrecognisable };
  if (!entry.located) return { kind: 'unknown', reason: l10n.t('the entry’s profile, region or service is not known') };
  try {
    const { service, profile, region } = entry;
    const lookup = findResource(await cache.resources(service.id, profile, region), entry.resource);
    if (lookup.kind !== 'found')
      return { kind: 'unknown', reason: l10n.t('the {0} was not found', service.resourceNoun.one) };
    const resource = lookup.resource;
    // An entry told apart by location: the snapshots under it (SimSpace Weaver's own listing has only the latest).
    const at = retention.by === 'location' ? locationLead(service, entry.values, resource.id) : undefined;
    const snapshots = at?.includes('/')
      ? await cache.snapshotsAt(service.id, profile, region, resource, at)
      : await cache.snapshots(service.id, profile, region, resource);
    const { owned, unchecked } = await planSnapshots({
      snapshots,
      retention: { ...retention, planName: planNameOf(title) },
      service,
      values: entry.values,
      resourceId: resource.id,
      readTags: (s) => cache.snapshotTags(service.id, profile, region, s),
    });
    return {
      kind: 'ok',
      selection: selectRetention({ snapshots: owned, rule: retention, now, mode: 'preview' }),
      unchecked,
    };
  } catch (error) {
    return { kind: 'unknown', reason: l10n.t('the snapshots could not be listed: {0}', messageOf(error)) };
  }
}

/** The previews of every entry with retention, keyed by entry index. */
export async function previewPlanRetention(
  analysis: PlanAnalysis,
  cache: LiveCache,
  title: string,
): Promise<Map<number, RetentionPreview>> {
  const out = new Map<number, RetentionPreview>();
  await Promise.all(
    analysis.entries.map(async (e) => {
      const preview = await previewRetention(e, cache, title, analysis.now);
      if (preview) out.set(e.index, preview);
    }),
  );
  return out;
}

const quote = (s: string): string => `\`${s.replace(/`/g, 'ʼ')}\``;

/** Markdown lines: what a run would delete now, and why (the hover and the dry run). */
export function previewLines(preview: RetentionPreview): string[] {
  if (preview.kind === 'unknown') return [l10n.t('Retention: not known now ({0}).', preview.reason)];
  const { selection, unchecked } = preview;
  const lines =
    selection.delete.length === 0
      ? [l10n.t('A run would delete none of the plan’s snapshots now.')]
      : [
          l10n.t('A run would delete {0} of the plan’s snapshots now:', selection.delete.length),
          ...selection.delete.map((c) => `- ${quote(c.snapshot.name)}: ${c.reason}`),
        ];
  if (selection.keep.length)
    lines.push(
      '',
      l10n.t('Kept: {0}.', selection.keep.map((c) => `${quote(c.snapshot.name)} (${c.reason})`).join(', ')),
    );
  if (unchecked) lines.push('', l10n.t('{0} snapshot(s) whose tags were not read are left alone.', unchecked));
  lines.push('', l10n.t('_Only once the run’s new snapshot is available; the run checks again then._'));
  return lines;
}
