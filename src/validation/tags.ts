// Tags typed as text: `team=data, env=prod`. Pairs are separated by commas, key and value by the first '=';
// whitespace around pairs, keys and values is dropped; a value may be empty (`key=`).
// A backslash keeps the next character literal when it is one of `\ , =` or white space (`a\,b`, `\ padded`), so
// every tag can be written: formatTags escapes exactly these, and parseTags(formatTags(tags)).tags equals tags.
import { quote } from './text';
import type { Issue, Tag, TagRules } from './types';
import * as l10n from '../l10n';

interface Unit {
  readonly ch: string;
  readonly escaped: boolean;
  /** UTF-16 offsets of the unit in the text, the escaping backslash included. */
  readonly start: number;
  readonly end: number;
}

const space = /^\s$/u;
const escapable = (ch: string): boolean => ch === '\\' || ch === ',' || ch === '=' || space.test(ch);

function units(text: string): Unit[] {
  const out: Unit[] = [];
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1];
    if (ch === '\\' && next !== undefined && escapable(next)) {
      out.push({ ch: next, escaped: true, start: offset, end: offset + 1 + next.length });
      offset += 1 + next.length;
      i++;
    } else {
      out.push({ ch, escaped: false, start: offset, end: offset + ch.length });
      offset += ch.length;
    }
  }
  return out;
}

function trimUnits(list: Unit[]): Unit[] {
  let a = 0;
  let b = list.length;
  while (a < b && !list[a]?.escaped && space.test(list[a]?.ch ?? '')) a++;
  while (b > a && !list[b - 1]?.escaped && space.test(list[b - 1]?.ch ?? '')) b--;
  return list.slice(a, b);
}

const join = (list: Unit[]): string => list.map((u) => u.ch).join('');

interface Pair {
  readonly number: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly units: Unit[];
}

function splitPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  let current: Unit[] = [];
  const flush = (): void => {
    const trimmed = trimUnits(current);
    current = [];
    const first = trimmed[0];
    const last = trimmed[trimmed.length - 1];
    if (!first || !last) return;
    pairs.push({
      number: pairs.length + 1,
      text: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      units: trimmed,
    });
  };
  for (const unit of units(text)) {
    if (unit.ch === ',' && !unit.escaped) flush();
    else current.push(unit);
  }
  flush();
  return pairs;
}

/** Lowercases the first letter, to continue a sentence ("Tag 2 ('a=b'): tag keys …"). */
const continueSentence = (message: string): string => message.charAt(0).toLowerCase() + message.slice(1);

/**
 * Parses `key=value` pairs. `tags` holds every pair that has an '=' (also those with issues, in order);
 * `issues` name the pair (its number and text) and why, with the pair's offsets in `text`.
 * Empty pairs (`a=1,,b=2`, a trailing comma) are ignored.
 */
export function parseTags(text: string, rules: TagRules): { tags: Tag[]; issues: Issue[] } {
  const tags: Tag[] = [];
  const issues: Issue[] = [];
  const firstByKey = new Map<string, number>();
  for (const pair of splitPairs(text)) {
    const label = l10n.t('Tag {0} ({1})', pair.number, quote(pair.text));
    const add = (severity: Issue['severity'], message: string): void => {
      issues.push({ severity, message: `${label}: ${message}`, start: pair.start, end: pair.end });
    };
    const eq = pair.units.findIndex((u) => u.ch === '=' && !u.escaped);
    if (eq < 0) {
      add('error', l10n.t("it has no '=': write key=value (the value may be empty, as in key=)."));
      continue;
    }
    const key = join(trimUnits(pair.units.slice(0, eq)));
    const value = join(trimUnits(pair.units.slice(eq + 1)));
    tags.push({ key, value });
    for (const found of rules.validateKey(key)) add(found.severity, continueSentence(found.message));
    for (const found of rules.validateValue(value)) add(found.severity, continueSentence(found.message));
    const earlier = firstByKey.get(key);
    if (earlier !== undefined) add('error', l10n.t('the key {0} is already used by tag {1}.', quote(key), earlier));
    else firstByKey.set(key, pair.number);
    if (tags.length > rules.maxTags) add('error', l10n.t('too many tags; at most {0} are allowed.', rules.maxTags));
  }
  return { tags, issues };
}

function escapePart(part: string, isKey: boolean): string {
  const chars = Array.from(part);
  let lead = 0;
  while (lead < chars.length && space.test(chars[lead] ?? '')) lead++;
  let trail = chars.length;
  while (trail > lead && space.test(chars[trail - 1] ?? '')) trail--;
  return chars
    .map((ch, i) => {
      if (ch === '\\' || ch === ',' || (isKey && ch === '=')) return `\\${ch}`;
      if ((i < lead || i >= trail) && space.test(ch)) return `\\${ch}`;
      return ch;
    })
    .join('');
}

/** The text parseTags reads back as the same tags: `key=value` pairs joined by ", ". */
export function formatTags(tags: readonly Tag[]): string {
  return tags.map((t) => `${escapePart(t.key, true)}=${escapePart(t.value, false)}`).join(', ');
}
