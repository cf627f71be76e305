/** Opaque pagination tokens: the offset plus the listing they belong to, base64url-encoded JSON. */
export interface PageResult<T> {
  items: T[];
  next?: string;
}

export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

/** The offset a token stands for, or undefined when it is not a token of this listing. */
export function decodeToken(token: string, scope: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    return parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0
      ? parsed.o
      : undefined;
  } catch {
    return undefined;
  }
}

/** One page of `items`; returns undefined for a token that is not valid for `scope` (the caller raises its error). */
export function pageOf<T>(
  items: readonly T[],
  token: string | undefined,
  size: number,
  scope: string,
): PageResult<T> | undefined {
  const offset = token === undefined ? 0 : decodeToken(token, scope);
  if (offset === undefined || offset > items.length) return undefined;
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return { items: slice, next: end < items.length ? encodeToken(scope, end) : undefined };
}
