// Hover text for a position: a resource's status, size and ARN (live); a template's expansion; a key's meaning;
// on an entry with retention (its resource, `keep` or `maxAgeDays`), what a run would delete now.
import { formatDateTime } from '../dates';
import type { Resource } from '../services/service';
import { placeOf, type PlanEnvironment } from './catalog';
import { keyDocsFor } from './keyDocs';
import { findResource } from './liveChecks';
import type { PlanEntry, PlanFields, PlanValue } from './model';
import type { Span } from './positions';
import {
  expandTemplate,
  templateValues,
  templateVariableHelp,
  templateVariables,
  type TemplateVariable,
} from './template';
import { previewLines, type RetentionPreview } from './retentionPreview';
import type { PlanAnalysis, ResolvedEntry } from './validate';
import * as l10n from '../l10n';

export interface PlanHover {
  readonly markdown: string;
  readonly span: Span;
}

export interface HoverRequest {
  readonly analysis: PlanAnalysis;
  readonly offset: number;
  readonly env: PlanEnvironment;
  readonly resources?: (serviceId: string, profile: string, region: string) => Promise<readonly Resource[]>;
  /** What a run would delete now for an entry with retention (from the live cache; retentionPreview.ts). */
  readonly retention?: (entry: ResolvedEntry) => Promise<RetentionPreview | undefined>;
}

/** The retention preview of the entry, as Markdown after a rule; '' when it has none. */
async function retentionHover(req: HoverRequest, entry: PlanEntry): Promise<string> {
  const resolved = req.analysis.entries.find((e) => e.entry === entry);
  if (!resolved?.retention) return '';
  const preview = req.retention ? await req.retention(resolved) : undefined;
  const lines = preview
    ? previewLines(preview)
    : [l10n.t('Retention: what a run would delete is known only with live checks on.')];
  return `\n\n---\n\n${lines.join('\n')}`;
}

const within = (span: Span, offset: number): boolean => offset >= span.start && offset <= span.end;
const code = (s: string): string => `\`${s.replace(/`/g, 'ʼ')}\``;

type Hit = { kind: 'key'; key: string; span: Span } | { kind: 'value'; key: string; value: PlanValue; tagKey?: string };

function hitIn(fields: PlanFields & { service?: PlanValue; resource?: PlanValue }, offset: number): Hit | undefined {
  const keys = [
    'service',
    'resource',
    'profile',
    'region',
    'name',
    'description',
    'bucket',
    'prefix',
    'keep',
    'maxAgeDays',
  ] as const;
  for (const key of keys) {
    const value = fields[key];
    if (!value) continue;
    if (within(value.keySpan, offset) && value.keySpan !== value.span) return { kind: 'key', key, span: value.keySpan };
    if (within(value.span, offset)) return { kind: 'value', key, value };
  }
  if (fields.tags) {
    if (within(fields.tags.keySpan, offset)) return { kind: 'key', key: 'tags', span: fields.tags.keySpan };
    for (const tag of fields.tags.items) {
      if (within(tag.value.span, offset) && tag.value.span !== tag.key.span)
        return { kind: 'value', key: 'tag', value: tag.value, tagKey: tag.key.value };
    }
  }
  return undefined;
}

/** The template variable under the cursor, e.g. `{date}`. */
function variableAt(value: PlanValue, offset: number): { name: TemplateVariable; span: Span } | undefined {
  if (value.offsetShift === undefined) return undefined;
  const base = value.span.start + value.offsetShift;
  for (const m of value.value.matchAll(/\{(\w+)\}/g)) {
    const start = base + (m.index ?? 0);
    const span = { start, end: start + m[0].length };
    const name = m[1] as TemplateVariable;
    if (offset >= span.start && offset < span.end && templateVariables.includes(name)) return { name, span };
  }
  return undefined;
}

/**
 * A resource's facts, each once: its name, id (unless it is the name or the ARN) and status, its ARN, when it was
 * created (in the one date format), then the service's other detail rows (not those repeating these).
 */
export function describeResource(r: Resource): string {
  const id = r.displayId ?? r.id;
  const showId = id !== r.name && id !== r.arn;
  const lines = [`**${r.name}** ${showId ? `(${code(id)}) ` : ''}— ${r.status}`];
  if (r.summary) lines.push(r.summary);
  if (!r.snapshottable.ok) lines.push(`⚠ ${r.snapshottable.reason}`);
  const created = formatDateTime(r.createdAt);
  const shown = new Set([r.name, r.id, id, r.arn, r.status, r.createdAt?.toISOString(), created]);
  const rows = [
    ...(r.arn ? [l10n.t('ARN: {0}', code(r.arn))] : []),
    ...(created ? [l10n.t('Created: {0}', created)] : []),
    ...r.details.filter(([, v]) => !shown.has(v)).map(([k, v]) => `${k}: ${v}`),
  ];
  if (rows.length) lines.push(rows.join('  \n'));
  return lines.join('\n\n');
}

async function resourceHover(req: HoverRequest, entry: PlanEntry, value: PlanValue): Promise<string | undefined> {
  const place = placeOf(entry, req.analysis.plan.defaults, req.env);
  if (!place.service || !place.region || !req.resources) return undefined;
  const where = l10n.t('profile {0}, {1}', code(place.profile), place.region);
  try {
    const lookup = findResource(await req.resources(place.service.id, place.profile, place.region), value.value);
    if (lookup.kind === 'found')
      return `${describeResource(lookup.resource)}

_${place.service.label}, ${where}_`;
    if (lookup.kind === 'ambiguous')
      return l10n.t(
        'Several {0} match: {1}',
        place.service.resourceNoun.many,
        lookup.matches.map((r) => code(r.id)).join(', '),
      );
    return l10n.t('No {0} {1} in {2}.', place.service.resourceNoun.one, code(value.value), where);
  } catch (error) {
    return l10n.t(
      'Could not look up the {0} ({1}): {2}',
      place.service.resourceNoun.one,
      where,
      error instanceof Error ? error.message : String(error),
    );
  }
}

function expansionHover(req: HoverRequest, entry: PlanEntry | undefined, value: PlanValue, label: string): string {
  const { analysis, env } = req;
  const targets = entry ? analysis.entries.filter((e) => e.entry === entry) : analysis.entries.slice(0, 5);
  const when = l10n.t('_Expanded for {0}; a run expands again when it starts._', formatDateTime(env.now) ?? '');
  if (targets.length === 0) {
    const neutral = expandTemplate(value.value, {
      resource: 'resource',
      profile: 'profile',
      region: 'region',
      now: env.now,
    });
    return neutral.ok
      ? `${label}: ${code(neutral.value)}

${when}`
      : l10n.t('{0}: cannot be expanded (see Problems).', label);
  }
  const rows = targets.map((t) => {
    const result = expandTemplate(value.value, {
      resource: t.resource,
      profile: t.profile,
      region: t.region,
      now: env.now,
    });
    const expanded = result.ok ? code(result.value) : l10n.t('_cannot be expanded_');
    return entry
      ? l10n.t('{0} expands to {1}', label, expanded)
      : l10n.t('- entry {0} ({1}): {2}', t.index + 1, code(t.resource), expanded);
  });
  const head = entry ? '' : l10n.t('{0} from `defaults`, per entry:\n\n', label);
  return `${head}${rows.join('\n')}\n\n${when}`;
}

export async function hoverPlan(req: HoverRequest): Promise<PlanHover | undefined> {
  const { analysis, offset, env } = req;
  const places: Array<{ fields: PlanFields & { service?: PlanValue; resource?: PlanValue }; entry?: PlanEntry }> = [];
  const keyDocs = keyDocsFor(env.services);
  if (analysis.plan.defaults && within(analysis.plan.defaults.keySpan, offset)) {
    return { markdown: keyDocs.defaults ?? '', span: analysis.plan.defaults.keySpan };
  }
  if (analysis.plan.snapshotsKeySpan && within(analysis.plan.snapshotsKeySpan, offset)) {
    return { markdown: keyDocs.snapshots ?? '', span: analysis.plan.snapshotsKeySpan };
  }
  if (analysis.plan.defaults) places.push({ fields: analysis.plan.defaults });
  for (const entry of analysis.plan.entries) if (within(entry.span, offset)) places.push({ fields: entry, entry });
  for (const place of places) {
    const hit = hitIn(place.fields, offset);
    if (!hit) continue;
    const isRetention = hit.key === 'keep' || hit.key === 'maxAgeDays';
    if (isRetention && place.entry) {
      const span = hit.kind === 'key' ? hit.span : hit.value.span;
      return { markdown: `${keyDocs[hit.key] ?? hit.key}${await retentionHover(req, place.entry)}`, span };
    }
    if (hit.kind === 'key') return { markdown: keyDocs[hit.key] ?? hit.key, span: hit.span };
    const variable = variableAt(hit.value, offset);
    if (variable) {
      const ctx = place.entry ? analysis.entries.find((e) => e.entry === place.entry) : undefined;
      const now = templateValues({
        resource: ctx?.resource ?? 'resource',
        profile: ctx?.profile ?? 'profile',
        region: ctx?.region ?? 'region',
        now: env.now,
      });
      return {
        markdown: l10n.t(
          '{0}: {1} — here {2}',
          code(`{${variable.name}}`),
          templateVariableHelp[variable.name],
          code(now[variable.name]),
        ),
        span: variable.span,
      };
    }
    if (hit.key === 'resource' && place.entry) {
      const markdown = await resourceHover(req, place.entry, hit.value);
      return markdown
        ? { markdown: markdown + (await retentionHover(req, place.entry)), span: hit.value.span }
        : undefined;
    }
    if (hit.key === 'service') {
      const service = env.services.find((s) => s.id === hit.value.value);
      if (!service) return undefined;
      const inputs = service.rules.fields.map((f) => `${f.label}${f.required ? '' : ' (optional)'}: ${f.prompt}`);
      const markdown = [
        l10n.t('**{0}** — {1} of a {2}', service.label, code(service.createOperation), service.resourceNoun.one),
        ...inputs,
      ].join('\n\n');
      return { markdown, span: hit.value.span };
    }
    if (['name', 'description', 'prefix', 'bucket', 'tag'].includes(hit.key)) {
      const label = hit.key === 'tag' ? l10n.t('Tag {0}', code(hit.tagKey ?? '')) : `\`${hit.key}\``;
      return { markdown: expansionHover(req, place.entry, hit.value, label), span: hit.value.span };
    }
    return { markdown: keyDocs[hit.key] ?? hit.key, span: hit.value.span };
  }
  return undefined;
}
