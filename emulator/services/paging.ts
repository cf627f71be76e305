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

/** How a service pages: the input members that carry the token and the page size, its default size, its error. */
export interface PagingStyle {
  token: string;
  size: string;
  defaultSize: number;
  /** The service's answer to a token that is not one of this listing's. */
  invalidToken(): Error;
}

/** One page of `items` for an operation's `input`, in the service's paging style. */
export function pageFor<T>(
  items: readonly T[],
  input: Record<string, unknown>,
  scope: string,
  style: PagingStyle,
): PageResult<T> {
  const page = pageOf(
    items,
    input[style.token] as string | undefined,
    (input[style.size] as number | undefined) ?? style.defaultSize,
    scope,
  );
  if (!page) throw style.invalidToken();
  return page;
}
