// A fast reader for the plain block style plans are written in: it builds the same `yaml` nodes `parseDocument`
// would (values, scalar types and sources, ranges) line by line, several times faster than the library's lexer,
// parser and composer. Anything outside that subset, or any doubt, gives undefined: the caller then parses with
// `yaml` itself, which also reports every error and warning. Comments are skipped, not attached to nodes.
import {
  Document,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/** A line's shape: blank (spaces only), a comment, or content. */
const enum Kind {
  Blank,
  Comment,
  Content,
}

interface Line {
  readonly kind: Kind;
  /** Offset of the first non-space character (of the line break for a blank line). */
  readonly content: number;
  readonly indent: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number;
  /** Start of the next line (the text's length for the last line). */
  readonly next: number;
}

/** Comment lines between the last value and the next content line, which a collection closed there may keep. */
interface Gap {
  /** The deepest indentation of those comments (-1: none). */
  readonly deepest: number;
  /** Where the next content line starts (its first non-space character), or the text's end. */
  readonly end: number;
  claimed: boolean;
}

/** Thrown inside the reader when the text leaves the subset; caught by `parseFastDocument`. */
class Unsupported extends Error {}

const unsupported = (): never => {
  throw new Unsupported();
};

/** Tabs, control characters, byte-order marks, Unicode line breaks and lone carriage returns are left to `yaml`. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const unusualCharacter = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** Characters a plain scalar may not start with (indicators, quotes handled apart). */
const indicator = /[-?:,[\]{}#&*!|>'"%@`]/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
    let content = start;
    while (content < end && text.charCodeAt(content) === 32) content++;
    const kind = content === end ? Kind.Blank : text[content] === '#' ? Kind.Comment : Kind.Content;
    if (kind === Kind.Content && content === start && /^(---|\.\.\.)/.test(text.slice(start, start + 3))) {
      unsupported();
    }
    lines.push({ kind, content, indent: content - start, end, next });
    start = next;
  }
  return lines;
}

class FastReader {
  /** Index of the next line to read. */
  private at = 0;
  private gap: Gap | undefined;
  /** Whether the last value read is an empty one (`yaml` then ends the document with it, not the text). */
  endsEmpty = false;
  /** Where the document starts: the start of its first content line. */
  start = 0;

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    private readonly doc: Document,
  ) {}

  /** The root collection, or null for a text of comments and blank lines. */
  root(): YAMLMap | YAMLSeq | null {
    const first = this.skipTrivia(0);
    if (!first) return null;
    this.start = first.content - first.indent;
    const root = this.isItem(first) ? this.seq(first.indent) : this.map(first.indent, first.content);
    if (this.at < this.lines.length) unsupported();
    return root;
  }

  /** The next content line from `index` on (moving `at` there), or undefined at the end. */
  private skipTrivia(index: number): Line | undefined {
    let i = index;
    while (i < this.lines.length && this.lines[i]?.kind !== Kind.Content) i++;
    this.at = i;
    return this.lines[i];
  }

  private isItem(line: Line): boolean {
    return this.text[line.content] === '-' && (line.content + 1 === line.end || this.text[line.content + 1] === ' ');
  }

  /** A block sequence of maps (`- key: value` items) at column `indent`, starting at line `at`. */
  private seq(indent: number): YAMLSeq {
    const seq = new YAMLSeq(this.doc.schema);
    const start = (this.lines[this.at] as Line).content;
    for (;;) {
      const line = this.lines[this.at] as Line;
      let key = line.content + 1;
      while (key < line.end && this.text[key] === ' ') key++;
      if (key >= line.end || this.text[key] === '#') unsupported();
      const item = this.map(indent + key - line.content, key);
      seq.items.push(item);
      const next = this.lines[this.at];
      if (!next || next.indent < indent || (next.indent === indent && !this.isItem(next))) break;
      if (next.indent > indent) unsupported();
    }
    const last = (seq.items[seq.items.length - 1] as YAMLMap).range as [number, number, number];
    seq.range = [start, last[2], this.claim(indent) ?? last[2]];
    return seq;
  }

  /** A block map at column `indent` whose first key starts at `key` on line `at`. */
  private map(indent: number, firstKey: number): YAMLMap {
    const map = new YAMLMap<Scalar, Scalar | YAMLMap | YAMLSeq>(this.doc.schema);
    const names = new Set<string>();
    let key = firstKey;
    let end = 0;
    for (;;) {
      const index = this.at;
      const pair = this.pair(this.lines[index] as Line, key, indent);
      if (names.has(pair.key.value as string)) unsupported();
      names.add(pair.key.value as string);
      map.items.push(pair);
      end = (pair.value as Scalar | YAMLMap | YAMLSeq).range?.[2] ?? unsupported();
      const next = this.lines[this.at];
      if (!next || next.indent < indent) break;
      if (next.indent > indent || this.isItem(next)) unsupported();
      key = next.content;
    }
    map.range = [firstKey, end, this.claim(indent) ?? end];
    return map;
  }

  /** `key: value`, `key:` and a nested collection, or `key:` alone; moves `at` past what it read. */
  private pair(line: Line, start: number, indent: number): Pair<Scalar, Scalar | YAMLMap | YAMLSeq> {
    const text = this.text;
    const index = this.at;
    // The key runs to the first `:`, which must be followed by a space or the line's end.
    const colon = text.indexOf(':', start);
    if (colon < 0 || colon >= line.end || (colon + 1 < line.end && text[colon + 1] !== ' ')) unsupported();
    const name = text.slice(start, colon);
    if (name === '' || indicator.test(name[0] as string) || name.endsWith(' ') || name.includes(' #')) unsupported();
    const key = this.scalar(name, 'PLAIN', start, colon, colon);
    let at = colon + 1;
    while (at < line.end && text[at] === ' ') at++;
    if (at < line.end && text[at] !== '#') {
      const value = this.value(line, at, indent);
      return new Pair(key, value);
    }
    const commented = at < line.end;
    const next = this.skipTrivia(index + 1);
    // `key:` and `[]` on the next line is how the incremental parse blanks out a list (incremental.ts).
    const list = next && next.indent > indent ? this.emptyList(next, next.content, indent) : undefined;
    if (list) return new Pair(key, list);
    if (next && (next.indent > indent || (next.indent === indent && this.isItem(next)))) {
      this.gap = undefined;
      const nested = this.isItem(next) ? this.seq(next.indent) : this.map(next.indent, next.content);
      return new Pair(key, nested);
    }
    // An empty value: `yaml` gives it the comments that follow, which this reader does not track.
    if (commented) unsupported();
    this.afterValue(index, indent, true);
    this.endsEmpty = true;
    return new Pair(key, this.scalar('', 'PLAIN', at, at, at));
  }

  /** A scalar (or `[]`) starting at `at` on `line`, the value of a key of the map at column `indent`. */
  private value(line: Line, at: number, indent: number): Scalar | YAMLSeq {
    const text = this.text;
    const first = text[at] as string;
    let value: string;
    let valueEnd: number;
    let type: Scalar.Type = 'PLAIN';
    if (first === "'" || first === '"') {
      let close = at + 1;
      for (;;) {
        close = text.indexOf(first, close);
        if (close < 0 || close >= line.end) unsupported();
        if (first === "'" && text[close + 1] === "'") close += 2;
        else break;
      }
      const inner = text.slice(at + 1, close);
      if (first === '"' && inner.includes('\\')) unsupported();
      value = first === "'" ? inner.replace(/''/g, "'") : inner;
      valueEnd = close + 1;
      type = first === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      if (!/^( +(#.*)?)?$/.test(text.slice(valueEnd, line.end))) unsupported();
    } else if (first === '[') {
      return this.emptyList(line, at, indent) ?? unsupported();
    } else {
      if (indicator.test(first)) unsupported();
      const rest = text.slice(at, line.end);
      const comment = rest.indexOf(' #');
      value = (comment < 0 ? rest : rest.slice(0, comment)).replace(/ +$/, '');
      if (value.includes(': ') || value.endsWith(':')) unsupported();
      valueEnd = at + value.length;
    }
    return this.scalar(value, type, at, valueEnd, this.afterValue(this.at, indent, false));
  }

  /** An empty flow list `[]` at `at` on the line read (the value of a key of the map at column `indent`), if it is one. */
  private emptyList(line: Line, at: number, indent: number): YAMLSeq | undefined {
    if (!/^\[\]( +(#.*)?)?$/.test(this.text.slice(at, line.end))) return undefined;
    const seq = new YAMLSeq(this.doc.schema);
    seq.flow = true;
    seq.range = [at, at + 2, this.afterValue(this.at, indent, false)];
    return seq;
  }

  private scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
    const node = new Scalar(value);
    node.range = [start, valueEnd, end];
    node.source = value;
    node.type = type;
    return node;
  }

  /**
   * Moves past the lines after a value on line `index` and returns where the value's node ends: after its line,
   * and after the comment lines more indented than its map that follow it (`yaml` gives them to the value).
   * The other comments up to the next content line are recorded in `gap` for the collections it closes.
   */
  private afterValue(index: number, indent: number, empty: boolean): number {
    this.endsEmpty = false;
    let end = (this.lines[index] as Line).next;
    let absorbing = true;
    let deepest = -1;
    let i = index + 1;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i] as Line;
      if (line.kind === Kind.Content) break;
      if (line.kind !== Kind.Comment) continue;
      if (empty) unsupported();
      if (absorbing && line.indent > indent) {
        end = line.next;
      } else {
        absorbing = false;
        deepest = Math.max(deepest, line.indent);
      }
    }
    this.at = i;
    const next = this.lines[i];
    this.gap = { deepest, end: next ? next.content : this.text.length, claimed: false };
    return end;
  }

  /**
   * The end of the comments a collection at column `indent` keeps when the next content line closes it: `yaml`
   * leaves trailing comments in the innermost closed collection whose column is not 0 and at most theirs.
   */
  private claim(indent: number): number | undefined {
    const gap = this.gap;
    if (!gap || gap.claimed || indent === 0 || gap.deepest < indent) return undefined;
    gap.claimed = true;
    return gap.end;
  }
}

/** Options as for `parseDocument`; the failsafe schema, since every scalar read here is a string. */
export type FastYamlOptions = DocumentOptions & SchemaOptions & ParseOptions & { readonly schema: 'failsafe' };

/** The document `parseDocument(text, options)` would give, or undefined when `text` is outside the simple subset. */
export function parseFastDocument(text: string, options: FastYamlOptions): Document | undefined {
  if (unusualCharacter.test(text)) return undefined;
  try {
    const lines = splitLines(text);
    const doc = new Document(undefined, options);
    const reader = new FastReader(text, lines, doc);
    const root = reader.root();
    doc.contents = root;
    const end = root?.range?.[2] ?? text.length;
    doc.range = [reader.start, end, reader.endsEmpty ? end : text.length];
    return doc;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
