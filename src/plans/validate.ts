// Static checks of a plan (no AWS calls): syntax and shape (parse.ts), services, profiles, regions,
// every input rule of the service on the expanded values, duplicates. Returns the resolved entries too,
// so dry runs, runs, completion and hover share one reading of the plan.
import type { Tag } from '../validation/types';
import { fallbackProfile, planKeyOf, type PlanEnvironment, type PlanProfile, type PlanService } from './catalog';
import {
  checkApplicable,
  checkInputs,
  checkTags,
  expandValue,
  isConstant,
  mergedTags,
  type ResolvedInput,
} from './checkInputs';
import { checkDefaultsRetention, checkRetention, type ResolvedRetention } from './checkRetention';
import { messages } from './messages';
import type { Plan, PlanDiagnostic, PlanEntry, PlanValue } from './model';
import { parsePlanIncremental, type PlanParseCache } from './incremental';
import { parsePlan } from './parse';
import { createLineIndex, type LineIndex, type Span } from './positions';
import { DiagnosticSink, visibleSpan } from './spans';
import { closest } from './suggest';
import { resourceToken } from './template';
import * as l10n from '../l10n';

export interface ResolvedEntry {
  readonly index: number;
  readonly entry: PlanEntry;
  readonly service: PlanService;
  readonly profile: string;
  readonly region: string;
  /** The resource as written (id, name or ARN). */
  readonly resource: string;
  readonly inputs: readonly ResolvedInput[];
  /** Input values keyed by the service's API member, as SnapshotInput.values wants them. */
  readonly values: Readonly<Record<string, string>>;
  readonly tags: readonly Tag[];
  /** The entry's retention (`keep`, `maxAgeDays`), when it has any. */
  readonly retention?: ResolvedRetention;
  /** False when an error was reported for this entry (or for the plan as a whole). */
  readonly ok: boolean;
  /** True when the profile, region and service fit together, so AWS can be asked about the resource. */
  readonly located: boolean;
}

export interface PlanAnalysis {
  readonly plan: Plan;
  readonly lines: LineIndex;
  readonly entries: readonly ResolvedEntry[];
  readonly diagnostics: readonly PlanDiagnostic[];
  readonly errorCount: number;
  /** The moment the templates were expanded for. */
  readonly now: Date;
}

/** The first line of an entry (where "this entry has no …" points). */
function headSpan(plan: Plan, entry: PlanEntry): Span {
  const newline = plan.text.indexOf('\n', entry.span.start);
  const end = newline < 0 || newline > entry.span.end ? entry.span.end : newline;
  return { start: entry.span.start, end: Math.max(end, entry.span.start + 1) };
}

function checkProfileValue(value: PlanValue, env: PlanEnvironment, sink: DiagnosticSink): void {
  if (env.profiles && !env.profiles.some((p) => p.name === value.value)) {
    sink.error(
      visibleSpan(value),
      'unknown-profile',
      messages.unknownProfile(
        value.value,
        env.profiles.map((p) => p.name),
      ),
    );
  }
}

function checkRegionValue(value: PlanValue, env: PlanEnvironment, sink: DiagnosticSink): boolean {
  if (env.regions && !env.regions.includes(value.value)) {
    sink.error(
      visibleSpan(value),
      'unknown-region',
      messages.unknownRegion(value.value, closest(value.value, env.regions)),
    );
    return false;
  }
  return true;
}

/** Checks of `defaults` that do not depend on an entry: reported once, where they are written. */
function checkDefaults(plan: Plan, env: PlanEnvironment, used: readonly PlanService[], sink: DiagnosticSink): void {
  const defaults = plan.defaults;
  if (!defaults) return;
  if (defaults.profile) checkProfileValue(defaults.profile, env, sink);
  if (defaults.region) checkRegionValue(defaults.region, env, sink);
  const neutral = { resource: 'resource', profile: 'profile', region: 'region', now: env.now };
  for (const key of ['name', 'description', 'bucket', 'prefix'] as const) {
    const value = defaults[key];
    if (!value) continue;
    const expanded = expandValue(value, key, neutral, sink);
    if (expanded === undefined || !isConstant(value)) continue;
    for (const service of used) {
      const field = service.rules.fields.find((f) => planKeyOf(f) === key);
      for (const issue of field?.validate(expanded) ?? []) {
        const message = messages.invalidExpanded(field?.label ?? key, expanded, value.value, issue.message);
        sink.add(
          visibleSpan(value),
          issue.severity,
          'invalid-value',
          used.length > 1 ? messages.invalidForService(service.label, message) : message,
        );
      }
    }
  }
  for (const tag of defaults.tags?.items ?? []) {
    const expanded = expandValue(tag.value, l10n.t('value of tag `{0}`', tag.key.value), neutral, sink);
    for (const service of used) {
      const rules = service.rules.tags;
      if (!rules) continue;
      const prefix = (m: string): string => (used.length > 1 ? messages.invalidForService(service.label, m) : m);
      for (const issue of rules.validateKey(tag.key.value)) {
        sink.add(
          tag.key.span,
          issue.severity,
          'invalid-value',
          prefix(messages.invalidTagKey(tag.key.value, issue.message)),
        );
      }
      if (expanded === undefined || !isConstant(tag.value)) continue;
      for (const issue of rules.validateValue(expanded)) {
        sink.add(
          visibleSpan(tag.value),
          issue.severity,
          'invalid-value',
          prefix(messages.invalidTagValue(tag.key.value, expanded, issue.message)),
        );
      }
    }
  }
}

function resolveProfile(
  entry: PlanEntry,
  plan: Plan,
  env: PlanEnvironment,
  anchor: Span,
  sink: DiagnosticSink,
): PlanProfile | undefined {
  if (entry.profile) {
    checkProfileValue(entry.profile, env, sink);
    return env.profiles?.find((p) => p.name === entry.profile?.value) ?? { name: entry.profile.value };
  }
  if (plan.defaults?.profile) {
    const name = plan.defaults.profile.value;
    return env.profiles?.find((p) => p.name === name) ?? { name };
  }
  if (env.profiles && !env.profiles.some((p) => p.name === fallbackProfile)) {
    sink.error(anchor, 'unknown-profile', messages.noProfile());
    return undefined;
  }
  return env.profiles?.find((p) => p.name === fallbackProfile) ?? { name: fallbackProfile };
}

function resolveRegion(
  entry: PlanEntry,
  plan: Plan,
  profile: PlanProfile,
  env: PlanEnvironment,
  anchor: Span,
  sink: DiagnosticSink,
): string | undefined {
  if (entry.region) return checkRegionValue(entry.region, env, sink) ? entry.region.value : undefined;
  const region = plan.defaults?.region?.value ?? profile.region;
  if (region) return region;
  sink.error(anchor, 'unknown-region', messages.noRegion(profile.name));
  return undefined;
}

function analyzeEntry(
  plan: Plan,
  entry: PlanEntry,
  env: PlanEnvironment,
  sink: DiagnosticSink,
): ResolvedEntry | undefined {
  const errorsBefore = sink.errors;
  const head = headSpan(plan, entry);
  const serviceIds = env.services.map((s) => s.id);
  let service: PlanService | undefined;
  if (!entry.service) sink.error(head, 'missing-input', messages.missingKey('service', entry.index + 1));
  else {
    service = env.services.find((s) => s.id === entry.service?.value);
    if (!service) {
      const value = entry.service.value;
      sink.error(
        visibleSpan(entry.service),
        'unknown-service',
        messages.unknownService(value, serviceIds, closest(value, serviceIds)),
      );
    }
  }
  if (!entry.resource || entry.resource.value === '') {
    sink.error(
      entry.resource ? visibleSpan(entry.resource) : head,
      'missing-input',
      messages.missingKey('resource', entry.index + 1),
    );
  }
  const anchor = entry.resource ? visibleSpan(entry.resource) : head;
  const profile = resolveProfile(entry, plan, env, anchor, sink);
  const region = profile ? resolveRegion(entry, plan, profile, env, anchor, sink) : undefined;
  if (!service || !entry.resource || !profile || region === undefined) return undefined;
  const profileKnown = !env.profiles || env.profiles.some((p) => p.name === profile.name);
  const regionKnown = !env.regions || env.regions.includes(region);
  const offered = service.isOfferedIn(region);
  if (regionKnown && !offered) {
    sink.error(
      entry.region ? visibleSpan(entry.region) : visibleSpan(entry.service ?? entry.resource),
      'not-offered',
      messages.notOffered(service.label, region),
    );
  }
  checkApplicable(entry, service, sink);
  const ctx = { resource: entry.resource.value, profile: profile.name, region, now: env.now };
  const check = { entry, defaults: plan.defaults, service, ctx, anchor, sink };
  const inputs = checkInputs(check);
  const tags = checkTags(check);
  const retention = checkRetention({ ...check, inputs, tagCount: mergedTags(entry, plan.defaults).length });
  const values: Record<string, string> = {};
  for (const input of inputs) values[input.field] = input.value;
  return {
    index: entry.index,
    entry,
    service,
    profile: profile.name,
    region,
    resource: entry.resource.value,
    inputs,
    values,
    tags,
    ...(retention ? { retention } : {}),
    ok: sink.errors === errorsBefore,
    located: profileKnown && regionKnown && offered && entry.resource.value !== '',
  };
}

function checkDuplicates(entries: readonly ResolvedEntry[], lines: LineIndex, sink: DiagnosticSink): Set<number> {
  const failed = new Set<number>();
  const targets = new Map<string, ResolvedEntry>();
  const names = new Map<string, ResolvedEntry>();
  for (const e of entries) {
    const where = `${e.service.id}\n${e.profile}\n${e.region}`;
    const target = `${where}\n${resourceToken(e.resource)}`;
    const first = targets.get(target);
    const resourceSpan = e.entry.resource ? visibleSpan(e.entry.resource) : e.entry.span;
    if (first?.entry.resource) {
      sink.add(
        resourceSpan,
        'warning',
        'duplicate',
        messages.duplicateTarget(lines.positionAt(first.entry.resource.span.start).line + 1),
      );
    } else targets.set(target, e);
    const name = e.inputs.find((i) => i.key === 'name');
    if (!name) continue;
    const key = `${where}\n${name.normalized}`;
    const previous = names.get(key);
    if (previous) {
      const span = name.fromDefaults ? resourceSpan : visibleSpan(name.source);
      const line = lines.positionAt((previous.entry.resource ?? previous.entry).span.start).line + 1;
      sink.error(span, 'duplicate', messages.duplicateName(name.label, name.value, line));
      failed.add(e.index);
    } else names.set(key, e);
  }
  return failed;
}

/** Checks a plan. With a `cache` (one per document), only the entries whose text changed are parsed again. */
export function analyzePlan(text: string, env: PlanEnvironment, cache?: PlanParseCache): PlanAnalysis {
  const { plan, diagnostics: parsed } = cache ? parsePlanIncremental(text, cache) : parsePlan(text);
  const sink = new DiagnosticSink();
  for (const d of parsed) sink.add(d.span, d.severity, d.code, d.message);
  const planErrors = sink.errors;
  const used = env.services.filter((s) => plan.entries.some((e) => e.service?.value === s.id));
  checkDefaults(plan, env, used, sink);
  checkDefaultsRetention(plan.defaults, sink);
  const defaultsOk = sink.errors === planErrors;
  const resolved: ResolvedEntry[] = [];
  for (const entry of plan.entries) {
    const r = analyzeEntry(plan, entry, env, sink);
    if (r) resolved.push(r);
  }
  const lines = createLineIndex(text);
  const duplicates = checkDuplicates(resolved, lines, sink);
  const plainOk = planErrors === 0 && defaultsOk;
  const entries = resolved.map((e) => (e.ok && (!plainOk || duplicates.has(e.index)) ? { ...e, ok: false } : e));
  const diagnostics = sink.items.map((d) => ({ ...d, range: lines.rangeOf(d.span) }));
  return { plan, lines, entries, diagnostics, errorCount: sink.errors, now: env.now };
}
