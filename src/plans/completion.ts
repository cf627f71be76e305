// Completion items for a position in a plan: keys, service names, profiles, regions, live resource ids,
// template variables. Works on half-typed text: the context is read from the lines around the cursor.
import type { Resource } from '../services/service';
import { planKeysOf, placeOf, type PlanEnvironment } from './catalog';
import { keyDocsFor } from './keyDocs';
import { defaultsKeys, entryKeys, retentionKeys, topLevelKeys, type Plan } from './model';
import type { Span } from './positions';
import { templateVariableHelp, templateVariables } from './template';
import * as l10n from '../l10n';

export type CompletionKind = 'key' | 'service' | 'profile' | 'region' | 'resource' | 'variable';

export interface PlanCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** The text the item replaces. */
  readonly replace: Span;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText?: string;
  readonly filterText?: string;
}

export interface CompletionRequest {
  readonly text: string;
  readonly offset: number;
  readonly env: PlanEnvironment;
  /** The last parse of the document (for `defaults`), when there is one. */
  readonly plan?: Plan;
  /** Live resources of a service in a profile and region (cached by the caller); rejects on failure. */
  readonly resources?: (serviceId: string, profile: string, region: string) => Promise<readonly Resource[]>;
}

type Block = 'top' | 'defaults' | 'entry' | 'tags' | 'other';

interface LineShape {
  readonly col: number;
  readonly dash: boolean;
  readonly key?: string;
  readonly value?: string;
}

const linePattern = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*))?/;

function shapeOf(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined;
  const m = linePattern.exec(line);
  if (!m) return undefined;
  const value = m[4]
    ?.replace(/\s+#.*$/, '')
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
  return { col: (m[1]?.length ?? 0) + (m[2]?.length ?? 0), dash: Boolean(m[2]), key: m[3], value };
}

interface Context {
  readonly block: Block;
  readonly siblings: ReadonlyMap<string, string>;
}

/** Which mapping a key at `col` on line `lineNo` belongs to, and the other keys of that mapping. */
function contextOf(lines: readonly string[], lineNo: number, col: number, dash: boolean): Context {
  const siblings = new Map<string, string>();
  let block: Block = col === 0 && !dash ? 'top' : dash ? 'entry' : 'other';
  if (!dash) {
    for (let i = lineNo - 1; i >= 0; i--) {
      const shape = shapeOf(lines[i] ?? '');
      if (!shape || shape.col > col) continue;
      if (shape.col === col) {
        if (shape.key) siblings.set(shape.key, shape.value ?? '');
        if (shape.dash) {
          block = 'entry';
          break;
        }
        continue;
      }
      if (block !== 'top') {
        block =
          shape.key === 'defaults'
            ? 'defaults'
            : shape.key === 'tags'
              ? 'tags'
              : shape.key === 'snapshots'
                ? 'entry'
                : 'other';
      }
      break;
    }
  }
  for (let i = lineNo + 1; i < lines.length; i++) {
    const shape = shapeOf(lines[i] ?? '');
    if (!shape || shape.col > col) continue;
    if (shape.col < col || shape.dash) break;
    if (shape.key) siblings.set(shape.key, shape.value ?? '');
  }
  return { block, siblings };
}

function keyItems(ctx: Context, env: PlanEnvironment, replace: Span): PlanCompletion[] {
  let keys: readonly string[];
  if (ctx.block === 'top') keys = topLevelKeys;
  else if (ctx.block === 'defaults') keys = defaultsKeys;
  else if (ctx.block === 'entry') {
    const service = env.services.find((s) => s.id === ctx.siblings.get('service'));
    keys = service ? ['service', 'resource', 'profile', 'region', ...planKeysOf(service), ...retentionKeys] : entryKeys;
  } else return [];
  const keyDocs = keyDocsFor(env.services);
  return keys
    .filter((k) => !ctx.siblings.has(k))
    .map((k) => ({
      label: k,
      kind: 'key' as const,
      insertText: k === 'tags' || ctx.block === 'top' ? `${k}:` : `${k}: `,
      replace,
      documentation: keyDocs[k],
    }));
}

/**
 * The resources an entry can name: by name first (what `{resource}` then expands to), then by id (or ARN) for those
 * whose id differs from the name. A name several resources share is offered only as their ids. Within each group,
 * the resources that can be snapshotted now come first.
 */
export function resourceItems(resources: readonly Resource[], replace: Span, lead: string): PlanCompletion[] {
  const names = new Map<string, number>();
  for (const r of resources) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  const item = (r: Resource, text: string, group: 0 | 1, other: string | undefined): PlanCompletion => ({
    label: text,
    kind: 'resource',
    insertText: lead + text,
    replace,
    detail: [r.status, other, r.snapshottable.ok ? undefined : r.snapshottable.reason].filter(Boolean).join(' · '),
    documentation: [r.summary, r.arn ? `ARN: \`${r.arn}\`` : undefined].filter(Boolean).join('\n\n'),
    sortText: `${group}${r.snapshottable.ok ? 0 : 1}${text}`,
    filterText: `${text} ${other ?? ''}`.trim(),
  });
  const byName = resources
    .filter((r) => r.name && names.get(r.name) === 1)
    .map((r) => item(r, r.name, 0, r.name !== r.id ? r.id : undefined));
  const byId = resources
    .filter((r) => r.id !== r.name || names.get(r.name) !== 1)
    .map((r) => item(r, r.id, 1, r.name !== r.id ? r.name : undefined));
  return [...byName, ...byId];
}

async function valueItems(
  key: string,
  ctx: Context,
  req: CompletionRequest,
  replace: Span,
  lead: string,
): Promise<PlanCompletion[]> {
  const { env } = req;
  if (ctx.block === 'tags' || ctx.block === 'top' || ctx.block === 'other') return [];
  const service = env.services.find((s) => s.id === ctx.siblings.get('service'));
  switch (key) {
    case 'service':
      if (ctx.block !== 'entry') return [];
      return env.services.map((s) => ({
        label: s.id,
        kind: 'service' as const,
        insertText: lead + s.id,
        replace,
        detail: s.label,
        documentation: l10n.t('{0}: snapshots of {1} with `{2}`.', s.label, s.resourceNoun.many, s.createOperation),
      }));
    case 'profile':
      return (env.profiles ?? []).map((p) => ({
        label: p.name,
        kind: 'profile' as const,
        insertText: lead + p.name,
        replace,
        detail: p.region ? l10n.t('region {0}', p.region) : undefined,
      }));
    case 'region':
      return (env.regions ?? [])
        .filter((r) => !service || service.isOfferedIn(r))
        .map((r) => ({
          label: r,
          kind: 'region' as const,
          insertText: lead + r,
          replace,
          detail: env.regionNames?.[r],
        }));
    case 'resource': {
      if (ctx.block !== 'entry' || !req.resources) return [];
      const get = (k: string) => (ctx.siblings.has(k) ? { value: ctx.siblings.get(k) ?? '' } : undefined);
      const place = placeOf(
        { service: get('service'), profile: get('profile'), region: get('region') },
        req.plan?.defaults,
        env,
      );
      if (!place.service || !place.region) return [];
      const resources = await req.resources(place.service.id, place.profile, place.region);
      return resourceItems(resources, replace, lead);
    }
    default:
      return [];
  }
}

export async function completePlan(req: CompletionRequest): Promise<PlanCompletion[]> {
  const { text, offset } = req;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  if (/(^|\s)#/.test(before)) return [];
  const lines = text.split(/\r?\n/);
  const lineNo = text.slice(0, lineStart).split('\n').length - 1;

  // A template variable after an unclosed `{`.
  const open = before.lastIndexOf('{');
  if (/:\s/.test(before) && open >= 0 && !before.slice(open).includes('}') && /^\w*$/.test(before.slice(open + 1))) {
    const close = after.startsWith('}') ? '' : '}';
    const replace = { start: lineStart + open + 1, end: offset + (/^\w*/.exec(after)?.[0].length ?? 0) };
    return templateVariables.map((v) => ({
      label: `{${v}}`,
      kind: 'variable' as const,
      insertText: v + close,
      replace,
      filterText: v,
      documentation: templateVariableHelp[v],
    }));
  }

  const keyMatch = /^(\s*)(-\s+)?([A-Za-z_-]*)$/.exec(before);
  if (keyMatch) {
    const col = (keyMatch[1]?.length ?? 0) + (keyMatch[2]?.length ?? 0);
    const word = keyMatch[3] ?? '';
    const tail = /^[\w-]*/.exec(after)?.[0].length ?? 0;
    const ctx = contextOf(lines, lineNo, col, Boolean(keyMatch[2]));
    return keyItems(ctx, req.env, { start: offset - word.length, end: offset + tail });
  }

  const valueMatch = /^(\s*)(-\s+)?([A-Za-z_][\w-]*):(\s*)(["']?)([^"'#]*)$/.exec(before);
  if (valueMatch) {
    const col = (valueMatch[1]?.length ?? 0) + (valueMatch[2]?.length ?? 0);
    const typed = valueMatch[6] ?? '';
    const lead = valueMatch[4] === '' && valueMatch[5] === '' ? ' ' : '';
    const tail = /^[^\s"'#]*/.exec(after)?.[0].length ?? 0;
    const ctx = contextOf(lines, lineNo, col, Boolean(valueMatch[2]));
    const replace = { start: offset - typed.length, end: offset + tail };
    try {
      return await valueItems(valueMatch[3] ?? '', ctx, req, replace, lead);
    } catch {
      return []; // Live resources could not be listed: the diagnostics say why, once.
    }
  }
  return [];
}
