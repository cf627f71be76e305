// The service rules applied to an entry's inputs and tags, on the values AFTER template expansion.
import type { Tag } from '../validation/types';
import { planKeyOf, type PlanService } from './catalog';
import { messages } from './messages';
import type { InputKey, PlanEntry, PlanFields, PlanTag, PlanValue } from './model';
import type { Span } from './positions';
import { innerSpan, visibleSpan, type DiagnosticSink } from './spans';
import { expandTemplate, type TemplateContext } from './template';
import * as l10n from '../l10n';

export interface ResolvedInput {
  readonly key: InputKey;
  /** The service's API member (e.g. snapshotName). */
  readonly field: string;
  readonly label: string;
  readonly template: string;
  readonly value: string;
  /** What the service stores (e.g. DocumentDB lowercases identifiers); used to find duplicates. */
  readonly normalized: string;
  readonly source: PlanValue;
  readonly fromDefaults: boolean;
}

/** Expands one value; reports template problems (in the value itself, once) and returns undefined on failure. */
export function expandValue(
  value: PlanValue,
  what: string,
  ctx: TemplateContext,
  sink: DiagnosticSink | undefined,
): string | undefined {
  const result = expandTemplate(value.value, ctx);
  if (result.ok) return result.value;
  for (const p of result.problems) {
    const message =
      p.kind === 'unknown-variable'
        ? messages.templateUnknownVariable(p.variable ?? '', what, [
            'resource',
            'date',
            'time',
            'timestamp',
            'profile',
            'region',
          ])
        : p.kind === 'unclosed'
          ? messages.templateUnclosed(what)
          : messages.templateStrayClose(what);
    sink?.error(innerSpan(value, p.start, p.end), 'template', message);
  }
  return undefined;
}

/** Whether a value expands the same way for every entry (no variables). */
export function isConstant(value: PlanValue): boolean {
  return !/[{}]/.test(value.value);
}

export interface InputCheck {
  readonly entry: PlanEntry;
  readonly defaults: PlanFields | undefined;
  readonly service: PlanService;
  readonly ctx: TemplateContext;
  /** Where to report problems of values that come from `defaults`. */
  readonly anchor: Span;
  readonly sink: DiagnosticSink;
}

export function checkInputs(check: InputCheck): ResolvedInput[] {
  const { entry, defaults, service, ctx, anchor, sink } = check;
  const inputs: ResolvedInput[] = [];
  for (const field of service.rules.fields) {
    const key = planKeyOf(field);
    const own = key ? entry[key] : undefined;
    const source = own ?? (key ? defaults?.[key] : undefined);
    if (!key || !source) {
      if (field.required)
        sink.error(anchor, 'missing-input', messages.missingInput(field.label, key ?? field.key, service.label));
      continue;
    }
    const fromDefaults = !own;
    // A constant default is checked once where it is written (see checkDefaults); template problems of a
    // default are reported there too.
    const value = expandValue(source, field.label.toLowerCase(), ctx, fromDefaults ? undefined : sink);
    if (value === undefined) continue;
    if (!(fromDefaults && isConstant(source))) {
      for (const issue of field.validate(value)) {
        const span = fromDefaults
          ? anchor
          : value === source.value
            ? innerSpan(source, issue.start, issue.end)
            : visibleSpan(source);
        const message = fromDefaults
          ? messages.invalidExpandedFromDefaults(field.label, value, source.value, issue.message)
          : messages.invalidExpanded(field.label, value, source.value, issue.message);
        sink.add(span, issue.severity, 'invalid-value', message);
      }
    }
    const normalized = field.normalize ? field.normalize(value) : value;
    inputs.push({
      key,
      field: field.key,
      label: field.label,
      template: source.value,
      value,
      normalized,
      source,
      fromDefaults,
    });
  }
  return inputs;
}

/** Defaults tags overlaid with the entry's own (the entry wins for the same key). */
export function mergedTags(
  entry: PlanEntry,
  defaults: PlanFields | undefined,
): Array<{ tag: PlanTag; fromDefaults: boolean }> {
  const byKey = new Map<string, { tag: PlanTag; fromDefaults: boolean }>();
  for (const tag of defaults?.tags?.items ?? []) byKey.set(tag.key.value, { tag, fromDefaults: true });
  for (const tag of entry.tags?.items ?? []) byKey.set(tag.key.value, { tag, fromDefaults: false });
  return [...byKey.values()];
}

export function checkTags(check: InputCheck): Tag[] {
  const { entry, defaults, service, ctx, anchor, sink } = check;
  const rules = service.rules.tags;
  if (!rules) {
    if (entry.tags) sink.add(entry.tags.keySpan, 'warning', 'not-applicable', messages.tagsNotSupported(service.label));
    return [];
  }
  const tags: Tag[] = [];
  const merged = mergedTags(entry, defaults);
  for (const { tag, fromDefaults } of merged) {
    if (!fromDefaults) {
      for (const issue of rules.validateKey(tag.key.value)) {
        sink.add(
          innerSpan(tag.key, issue.start, issue.end),
          issue.severity,
          'invalid-value',
          messages.invalidTagKey(tag.key.value, issue.message),
        );
      }
    }
    const value = expandValue(
      tag.value,
      l10n.t('value of tag `{0}`', tag.key.value),
      ctx,
      fromDefaults ? undefined : sink,
    );
    if (value === undefined) continue;
    if (!(fromDefaults && isConstant(tag.value))) {
      for (const issue of rules.validateValue(value)) {
        const span = fromDefaults
          ? anchor
          : value === tag.value.value
            ? innerSpan(tag.value, issue.start, issue.end)
            : visibleSpan(tag.value);
        const message = fromDefaults
          ? messages.invalidTagValueFromDefaults(tag.key.value, value, issue.message)
          : messages.invalidTagValue(tag.key.value, value, issue.message);
        sink.add(span, issue.severity, 'invalid-value', message);
      }
    }
    tags.push({ key: tag.key.value, value });
  }
  if (merged.length > rules.maxTags) {
    sink.error(
      entry.tags?.keySpan ?? anchor,
      'invalid-value',
      messages.tooManyTags(merged.length, rules.maxTags, service.label),
    );
  }
  return tags;
}

/** Keys written in the entry that its service does not take (they would be ignored). */
export function checkApplicable(entry: PlanEntry, service: PlanService, sink: DiagnosticSink): void {
  const taken = service.rules.fields.map(planKeyOf).filter((k): k is InputKey => k !== undefined);
  for (const key of ['name', 'description', 'bucket', 'prefix'] as const) {
    const value = entry[key];
    if (value && !taken.includes(key)) {
      sink.add(value.keySpan, 'warning', 'not-applicable', messages.notApplicable(key, service.label, taken));
    }
  }
}
