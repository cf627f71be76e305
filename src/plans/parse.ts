// Parses a plan file with the `yaml` package into a typed plan whose every value keeps its source span.
// Shape problems (unknown keys, wrong types) are reported here; service rules are checked in validate.ts.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { parseFastDocument } from './fastYaml';
import { messages } from './messages';
import {
  defaultsKeys,
  entryKeys,
  topLevelKeys,
  type Plan,
  type PlanDefaults,
  type PlanEntry,
  type PlanFields,
  type PlanTag,
  type PlanTags,
  type PlanValue,
  type RawDiagnostic,
} from './model';
import type { Span } from './positions';
import { closest } from './suggest';
import * as l10n from '../l10n';

export interface ParseResult {
  readonly plan: Plan;
  readonly diagnostics: RawDiagnostic[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function nodeSpan(node: Node | null | undefined, fallback: Span): Span {
  const range = node?.range;
  if (!range || range[1] <= range[0]) return fallback;
  return { start: range[0], end: range[1] };
}

function scalarText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return '';
  if (typeof node.value === 'string') return node.value;
  // Numbers and booleans: keep what was written (`2.40` stays `2.40`).
  return typeof node.source === 'string' && node.source !== '' ? node.source : String(node.value);
}

class PlanReader {
  readonly diagnostics: RawDiagnostic[] = [];
  constructor(private readonly text: string) {}

  error(span: Span, code: RawDiagnostic['code'], message: string, severity: RawDiagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ span, code, message, severity });
  }

  keyOf(pair: Pair): { name: string; span: Span; shift?: number } | undefined {
    const key = pair.key as Node | null;
    if (!isScalar(key)) {
      this.error(nodeSpan(key, { start: 0, end: 0 }), 'plan-shape', messages.notAScalar('key'));
      return undefined;
    }
    const name = scalarText(key);
    const span = nodeSpan(key, { start: 0, end: 0 });
    return { name, span, shift: this.shift(key, name, span) };
  }

  value(pair: Pair, key: { name: string; span: Span }): PlanValue | undefined {
    const node = pair.value as Node | null;
    if (node === null || node === undefined) return { value: '', span: key.span, keySpan: key.span };
    if (!isScalar(node)) {
      this.error(nodeSpan(node, key.span), 'plan-shape', messages.notAScalar(key.name));
      return undefined;
    }
    const value = scalarText(node);
    const span = nodeSpan(node, key.span);
    return { value, span, keySpan: key.span, offsetShift: this.shift(node, value, span) };
  }

  private shift(node: Scalar, value: string, span: Span): number | undefined {
    const source = this.text.slice(span.start, span.end);
    if (node.type === 'PLAIN' && source === value) return 0;
    if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && source.slice(1, -1) === value) return 1;
    return undefined;
  }

  unknownKey(key: { name: string; span: Span }, where: string, allowed: readonly string[]): void {
    this.error(key.span, 'unknown-key', messages.unknownKey(key.name, where, allowed, closest(key.name, allowed)));
  }

  tags(pair: Pair, key: { name: string; span: Span }): PlanTags | undefined {
    const node = pair.value as Node | null;
    if (node === null || node === undefined || (isScalar(node) && scalarText(node) === '')) {
      return { keySpan: key.span, items: [] };
    }
    if (!isMap(node)) {
      this.error(nodeSpan(node, key.span), 'plan-shape', messages.tagsNotAMap());
      return undefined;
    }
    const items: PlanTag[] = [];
    for (const tagPair of node.items) {
      const tagKey = this.keyOf(tagPair);
      if (!tagKey) continue;
      const tagValue = this.value(tagPair, tagKey);
      if (!tagValue) continue;
      items.push({
        key: { value: tagKey.name, span: tagKey.span, keySpan: tagKey.span, offsetShift: tagKey.shift },
        value: tagValue,
      });
    }
    return { keySpan: key.span, items };
  }

  /** Reads the keys shared by `defaults` and entries; returns false for a key it does not know. */
  field(target: Mutable<PlanFields>, pair: Pair, key: { name: string; span: Span }): boolean {
    switch (key.name) {
      case 'profile':
      case 'region':
      case 'name':
      case 'description':
      case 'bucket':
      case 'prefix':
      case 'keep':
      case 'maxAgeDays': {
        const value = this.value(pair, key);
        if (value) target[key.name] = value;
        return true;
      }
      case 'tags': {
        const tags = this.tags(pair, key);
        if (tags) target.tags = tags;
        return true;
      }
      default:
        return false;
    }
  }

  defaults(pair: Pair, key: { name: string; span: Span }): PlanDefaults | undefined {
    const node = pair.value as Node | null;
    if (node === null || node === undefined) return { span: key.span, keySpan: key.span };
    if (!isMap(node)) {
      this.error(nodeSpan(node, key.span), 'plan-shape', messages.notAMap('`defaults`'));
      return undefined;
    }
    const defaults: Mutable<PlanDefaults> = { span: nodeSpan(node, key.span), keySpan: key.span };
    for (const item of node.items) {
      const itemKey = this.keyOf(item);
      if (itemKey && !this.field(defaults, item, itemKey)) this.unknownKey(itemKey, '`defaults`', defaultsKeys);
    }
    return defaults;
  }

  entry(node: YAMLMap, index: number): PlanEntry {
    const entry: Mutable<PlanEntry> = { index, span: nodeSpan(node, { start: 0, end: 0 }) };
    for (const item of node.items) {
      const itemKey = this.keyOf(item);
      if (!itemKey) continue;
      if (itemKey.name === 'service' || itemKey.name === 'resource') {
        const value = this.value(item, itemKey);
        if (value) entry[itemKey.name] = value;
      } else if (!this.field(entry, item, itemKey)) {
        this.unknownKey(itemKey, l10n.t('entry {0}', index + 1), entryKeys);
      }
    }
    return entry;
  }
}

/** A problem the parser pins on one character is shown on the whole word there (e.g. a duplicate key). */
function widen(text: string, start: number, end: number): Span {
  if (end - start > 1) return { start, end };
  const at = Math.max(0, Math.min(start, text.length - 1));
  const word = /^[\w-]+/.exec(text.slice(at, at + 200))?.[0].length ?? 1;
  return { start: at, end: Math.min(text.length, at + Math.max(1, word)) };
}

/**
 * Every value is text (the failsafe schema): plans hold names, ids and tags, never numbers. Duplicate keys are found
 * by `duplicateKeys` in one walk: the library's own `uniqueKeys` check costs about a third of the parse of a large plan.
 */
export const yamlOptions = { prettyErrors: false, uniqueKeys: false, schema: 'failsafe' } as const;

/** The second and later occurrences of a key in any map of the document, as [start, end] offsets. */
function duplicateKeys(doc: Document): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (!seen.has(name)) seen.add(name);
        else if (pair.key.range) found.push([pair.key.range[0], pair.key.range[1]]);
      }
    },
  });
  return found;
}

export interface ParseOptions {
  /**
   * Read plans in the simple block style with the fast reader of fastYaml.ts, which gives the same document as
   * `yaml` (default true). False always parses with `yaml` (the tests compare the two).
   */
  readonly fast?: boolean;
}

/** The document of `text`: from the fast reader when it takes the text, else from `yaml`; and whether it was fast. */
function parseYaml(text: string, options: ParseOptions): { doc: Document; fast: boolean } {
  const fast = options.fast === false ? undefined : parseFastDocument(text, yamlOptions);
  return fast ? { doc: fast, fast: true } : { doc: parseDocument(text, yamlOptions), fast: false };
}

/** Parses one `snapshots` item on its own (the text of `- service: …` and its lines); undefined if it is not one. */
export function parseEntryText(text: string, index: number, options: ParseOptions = {}): ParseResult | undefined {
  const { doc, fast } = parseYaml(text, options);
  // The fast reader takes no text with errors, warnings or duplicate keys.
  if (!fast && (doc.errors.length || doc.warnings.length || duplicateKeys(doc).length)) return undefined;
  const root = doc.contents as Node | null;
  if (!isSeq(root) || root.items.length !== 1 || !isMap(root.items[0])) return undefined;
  const reader = new PlanReader(text);
  const entry = reader.entry(root.items[0] as YAMLMap, index);
  return { plan: { text, entries: [entry] }, diagnostics: reader.diagnostics };
}

export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  const { doc, fast } = parseYaml(text, options);
  const reader = new PlanReader(text);
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const [start, end] = problem.pos;
    const span = widen(text, start, end);
    const detail = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? problem.code;
    reader.error(
      span,
      'yaml-syntax',
      messages.yamlSyntax(detail),
      problem.name === 'YAMLWarning' ? 'warning' : 'error',
    );
  }
  for (const [start, end] of fast ? [] : duplicateKeys(doc)) {
    reader.error(widen(text, start, end), 'yaml-syntax', messages.yamlSyntax(l10n.t('Map keys must be unique')));
  }

  const plan: Mutable<Plan> & { entries: PlanEntry[] } = { text, entries: [] };
  const root = doc.contents as Node | null;
  if (root === null || root === undefined || (isScalar(root) && scalarText(root) === '')) {
    if (doc.errors.length === 0) reader.error({ start: 0, end: 0 }, 'plan-shape', messages.emptyPlan(), 'info');
    return { plan, diagnostics: reader.diagnostics };
  }
  if (!isMap(root)) {
    reader.error(nodeSpan(root, { start: 0, end: 0 }), 'plan-shape', messages.notAMap(l10n.t('A snapshot plan')));
    return { plan, diagnostics: reader.diagnostics };
  }
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const key = reader.keyOf(pair);
    if (!key) continue;
    if (key.name === 'defaults') {
      plan.defaults = reader.defaults(pair, key);
    } else if (key.name === 'snapshots') {
      plan.snapshotsKeySpan = key.span;
      const list = pair.value as Node | null;
      if (list === null || list === undefined) continue;
      if (!isSeq(list)) {
        reader.error(nodeSpan(list, key.span), 'plan-shape', messages.snapshotsNotAList());
        continue;
      }
      list.items.forEach((item, index) => {
        const node = item as Node | null;
        if (isMap(node)) plan.entries.push(reader.entry(node, index));
        else reader.error(nodeSpan(node, key.span), 'plan-shape', messages.entryNotAMap(index + 1));
      });
    } else {
      reader.unknownKey(key, l10n.t('the plan'), topLevelKeys);
    }
  }
  if (!plan.snapshotsKeySpan && doc.errors.length === 0) {
    reader.error({ start: 0, end: 0 }, 'plan-shape', messages.emptyPlan(), 'info');
  }
  return { plan, diagnostics: reader.diagnostics };
}
