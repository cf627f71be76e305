// Incremental parsing for typing in long plans: each `snapshots` item is parsed on its own and cached by its
// text, so an edit re-parses only the items it touched. Anything unusual (flow style, anchors, several
// documents, tabs, an item that does not parse alone) falls back to parsing the whole text.
import type { PlanEntry, PlanFields, PlanTags, PlanValue, RawDiagnostic } from './model';
import { parseEntryText, parsePlan, type ParseResult } from './parse';
import type { Span } from './positions';

interface CachedItem {
  readonly entry: PlanEntry;
  readonly diagnostics: readonly RawDiagnostic[];
}

/** The parsed items of one document (create one per open document). */
export class PlanParseCache {
  items = new Map<string, CachedItem>();
}

interface Items {
  /** [start, end) of each item, in source offsets. */
  readonly slices: Array<readonly [number, number]>;
  readonly start: number;
  readonly end: number;
}

const unusual = /(^|[\s[{,])[&*!][^\s]|^(---|\.\.\.)|^\t|\n\t/m;

/** Finds the items of a block-style `snapshots:` list, or undefined when the text is not that simple. */
function findItems(text: string): Items | undefined {
  if (unusual.test(text)) return undefined;
  const header = /^snapshots:[ \t]*(#[^\n]*)?\r?\n/m.exec(text);
  if (!header) return undefined;
  const start = header.index + header[0].length;
  const slices: Array<[number, number]> = [];
  let indent = -1;
  let offset = start;
  let end = text.length;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(offset, lineEnd);
    const content = /^( *)(\S)/.exec(line);
    if (content && content[2] !== '#') {
      const column = content[1]?.length ?? 0;
      const item = line.slice(column, column + 2);
      const isItem = item === '- ' || item === '-\n' || item === '-\r' || line.slice(column) === '-';
      if (indent < 0) {
        // Items at column 0 (`snapshots:\n- …`) are parsed whole: see the skeleton below.
        if (!isItem || column === 0) return undefined;
        indent = column;
      }
      if (column === indent && isItem) {
        const last = slices[slices.length - 1];
        if (last) last[1] = offset;
        slices.push([offset, text.length]);
      } else if (column < indent || (column === indent && !isItem)) {
        end = offset;
        break;
      }
    } else if (slices.length === 0 && content?.[2] !== '#' && line.trim() !== '') {
      return undefined;
    }
    offset = lineEnd;
  }
  const last = slices[slices.length - 1];
  if (!last) return undefined;
  last[1] = end;
  return { slices, start: slices[0]?.[0] ?? start, end };
}

const shiftSpan = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function shiftValue(v: PlanValue | undefined, d: number): PlanValue | undefined {
  if (!v) return undefined;
  const span = shiftSpan(v.span, d);
  return { ...v, span, keySpan: v.keySpan === v.span ? span : shiftSpan(v.keySpan, d) };
}

function shiftTags(t: PlanTags | undefined, d: number): PlanTags | undefined {
  if (!t) return undefined;
  const items = t.items.map((i) => ({
    key: shiftValue(i.key, d) as PlanValue,
    value: shiftValue(i.value, d) as PlanValue,
  }));
  return { keySpan: shiftSpan(t.keySpan, d), items };
}

function shiftEntry(e: PlanEntry, d: number, index: number): PlanEntry {
  const out: { -readonly [K in keyof PlanEntry]: PlanEntry[K] } = { index, span: shiftSpan(e.span, d) };
  for (const key of ['service', 'resource', 'profile', 'region', 'name', 'description', 'bucket', 'prefix'] as const) {
    const value = shiftValue(e[key], d);
    if (value) out[key] = value;
  }
  const tags = shiftTags((e as PlanFields).tags, d);
  if (tags) out.tags = tags;
  return out;
}

/** Parses a plan, reusing the items of `cache` whose text did not change. Same result as parsePlan. */
export function parsePlanIncremental(text: string, cache: PlanParseCache): ParseResult {
  const found = findItems(text);
  if (!found) return parsePlan(text);
  const next = new Map<string, CachedItem>();
  const entries: PlanEntry[] = [];
  const diagnostics: RawDiagnostic[] = [];
  for (let i = 0; i < found.slices.length; i++) {
    const [start, end] = found.slices[i] as readonly [number, number];
    const slice = text.slice(start, end);
    let item = next.get(slice) ?? cache.items.get(slice);
    if (!item) {
      const parsed = parseEntryText(slice, 0);
      const entry = parsed?.plan.entries[0];
      if (!parsed || !entry) return parsePlan(text);
      item = { entry, diagnostics: parsed.diagnostics };
    }
    next.set(slice, item);
    entries.push(shiftEntry(item.entry, start, i));
    for (const d of item.diagnostics) {
      diagnostics.push({
        ...d,
        span: shiftSpan(d.span, start),
        message: d.message.replace(/\bentry 1\b/, `entry ${i + 1}`),
      });
    }
  }
  cache.items = next;
  // The rest of the plan, with the items replaced by an empty list `[]` and blanks (same length, so offsets stay).
  const dash = text.indexOf('-', found.start);
  // (`[]` could not stand at column 0 under `snapshots:`, which is why such lists are parsed whole.)
  if (text[dash + 1] !== ' ') return parsePlan(text);
  const blank = (from: number, to: number): string =>
    text.slice(from, to).replace(/[^\r\n]+/g, (line) => ' '.repeat(line.length));
  const skeleton = text.slice(0, dash) + '[]' + blank(dash + 2, found.end) + text.slice(found.end);
  const rest = parsePlan(skeleton);
  return {
    plan: { ...rest.plan, text, entries },
    diagnostics: [...rest.diagnostics, ...diagnostics].sort((a, b) => a.span.start - b.span.start),
  };
}
