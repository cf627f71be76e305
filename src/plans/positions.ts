// Offsets ↔ line/character positions (UTF-16 code units, as LSP counts them). Pure.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A stretch of the source text, as character offsets [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= o) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: o - (starts[low] ?? 0) };
  };
  return {
    positionAt,
    offsetAt(position) {
      if (position.line >= starts.length) return text.length;
      const start = starts[Math.max(0, position.line)] ?? 0;
      const next = starts[position.line + 1] ?? text.length;
      return Math.min(start + Math.max(0, position.character), next);
    },
    rangeOf(span) {
      return { start: positionAt(span.start), end: positionAt(span.end) };
    },
  };
}
