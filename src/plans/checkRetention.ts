// The checks of the retention keys (`keep`, `maxAgeDays`) and how an entry's snapshots are recognised as the
// plan's: whole numbers in range, a service that can delete and mark its snapshots, a name template (or an S3
// prefix) that gives the plan's snapshots a recognisable start, room for the mark among the tags. Pure.
import type { PlanService } from './catalog';
import type { ResolvedInput } from './checkInputs';
import { messages } from './messages';
import type { PlanEntry, PlanFields, PlanValue } from './model';
import { fixedLead, isRecognisable, isTimeFree, type EntryRetention } from './planSnapshots';
import type { Span } from './positions';
import { planTagKey, retentionLimits } from './retention';
import { visibleSpan, type DiagnosticSink } from './spans';
import type { TemplateContext } from './template';

/** An entry's retention before the plan's name is known (the run adds it: see run.ts toRunEntries). */
export type ResolvedRetention = Omit<EntryRetention, 'planName'>;

type RetentionKey = keyof typeof retentionLimits;

/** The number a retention value holds, or undefined (reported to `sink` when given). */
export function retentionNumber(value: PlanValue, key: RetentionKey, sink?: DiagnosticSink): number | undefined {
  const text = value.value.trim();
  if (!/^\d+$/.test(text)) {
    sink?.error(visibleSpan(value), 'invalid-value', messages.retentionNotInteger(key, value.value));
    return undefined;
  }
  const n = Number(text);
  const { min, max } = retentionLimits[key];
  if (n < min || n > max) {
    sink?.error(visibleSpan(value), 'invalid-value', messages.retentionRange(key, text, min, max));
    return undefined;
  }
  return n;
}

/** Checks the retention values written in `defaults` (once, where they are written). */
export function checkDefaultsRetention(defaults: PlanFields | undefined, sink: DiagnosticSink): void {
  for (const key of ['keep', 'maxAgeDays'] as const) {
    const value = defaults?.[key];
    if (value) retentionNumber(value, key, sink);
  }
}

export interface RetentionCheck {
  readonly entry: PlanEntry;
  readonly defaults: PlanFields | undefined;
  readonly service: PlanService;
  readonly ctx: TemplateContext;
  readonly inputs: readonly ResolvedInput[];
  /** How many tags the entry has (defaults and its own). */
  readonly tagCount: number;
  readonly anchor: Span;
  readonly sink: DiagnosticSink;
}

/** The entry's retention (undefined when it has none), reporting what keeps it from working. */
export function checkRetention(check: RetentionCheck): ResolvedRetention | undefined {
  const { entry, defaults, service, sink, anchor } = check;
  const keepValue = entry.keep ?? defaults?.keep;
  const ageValue = entry.maxAgeDays ?? defaults?.maxAgeDays;
  if (!keepValue && !ageValue) return undefined;
  // Values from `defaults` were reported there.
  const keep = keepValue && retentionNumber(keepValue, 'keep', entry.keep ? sink : undefined);
  const maxAgeDays = ageValue && retentionNumber(ageValue, 'maxAgeDays', entry.maxAgeDays ? sink : undefined);
  const rule = { ...(keep ? { keep } : {}), ...(maxAgeDays ? { maxAgeDays } : {}) };
  const where = entry.keep ?? entry.maxAgeDays;
  const at = where ? where.keySpan : anchor;
  if (!service.delete) {
    sink.add(at, 'warning', 'retention', messages.retentionNoDelete(service.label));
    return { ...rule, by: 'tag', unrecognisable: messages.retentionNoDelete(service.label) };
  }
  if (service.rules.tags) {
    const own = entry.tags?.items.find((t) => t.key.value === planTagKey);
    const inherited = defaults?.tags?.items.find((t) => t.key.value === planTagKey);
    if (own || inherited)
      sink.error(own ? own.key.span : anchor, 'invalid-value', messages.retentionTagTaken(planTagKey));
    if (check.tagCount + 1 > service.rules.tags.maxTags && !own && !inherited) {
      sink.error(
        entry.tags?.keySpan ?? at,
        'invalid-value',
        messages.retentionTooManyTags(check.tagCount, service.rules.tags.maxTags, service.label),
      );
    }
    const name = check.inputs.find((i) => i.key === 'name');
    if (!name) return { ...rule, by: 'tag' };
    const lead = fixedLead(name.template, check.ctx);
    if (isRecognisable(lead)) return { ...rule, by: 'tag', nameLead: lead };
    const message = messages.retentionNameLead(name.template);
    sink.add(name.fromDefaults ? at : visibleSpan(name.source), 'warning', 'retention', message);
    return { ...rule, by: 'tag', unrecognisable: message };
  }
  if (service.destination) {
    const prefix = check.inputs.find((i) => i.key === 'prefix');
    const bucket = check.inputs.find((i) => i.key === 'bucket');
    for (const [key, input] of [
      ['prefix', prefix],
      ['bucket', bucket],
    ] as const) {
      const template = input?.template ?? '';
      if (input && isTimeFree(template) && (key === 'bucket' || isRecognisable(input.value))) continue;
      const message = messages.retentionLocation(key, template);
      sink.add(input && !input.fromDefaults ? visibleSpan(input.source) : at, 'warning', 'retention', message);
      return { ...rule, by: 'location', unrecognisable: message };
    }
    return { ...rule, by: 'location' };
  }
  const message = messages.retentionNoMark(service.label);
  sink.add(at, 'warning', 'retention', message);
  return { ...rule, by: 'tag', unrecognisable: message };
}
