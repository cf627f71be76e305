// The opaque next token of the Storage Gateway volume list: where to resume across gateways and their volumes.
import * as l10n from '../l10n';

export interface VolumeCursor {
  /** The ListGateways marker of the gateway page being read (absent: the first page). */
  readonly gatewayMarker?: string;
  /** The index of the gateway to read next within that page. */
  readonly index: number;
  /** That gateway's ListVolumes marker (absent: from its first volume). */
  readonly volumeMarker?: string;
}

const PREFIX = 'sgw1.';

export function encodeVolumeCursor(cursor: VolumeCursor): string {
  const data = { g: cursor.gatewayMarker, i: cursor.index, v: cursor.volumeMarker };
  return PREFIX + Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

/** The cursor of a next token; the start for no token. Throws on a token this module did not make. */
export function decodeVolumeCursor(token: string | undefined): VolumeCursor {
  if (token === undefined || token === '') return { index: 0 };
  const invalid = new Error(l10n.t('Invalid page token for Storage Gateway volumes; refresh the list.'));
  if (!token.startsWith(PREFIX)) throw invalid;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof data !== 'object' || data === null) throw invalid;
  const { g, i, v } = data as { g?: unknown; i?: unknown; v?: unknown };
  const optionalString = (x: unknown) => x === undefined || (typeof x === 'string' && x !== '');
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || !optionalString(g) || !optionalString(v)) {
    throw invalid;
  }
  return { gatewayMarker: g as string | undefined, index: i, volumeMarker: v as string | undefined };
}
