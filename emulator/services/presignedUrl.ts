/**
 * Checks the pre-signed URL of a cross-region copy (RDS family PreSignedUrl, EC2 CopySnapshot PresignedUrl): a SigV4
 * query-signed GET of the copy action to the SOURCE region, as the SDKs make it from `SourceRegion` or the source ARN.
 * It must name the action and the same source, carry a credential scope of the source region and the service's
 * signing name, be unexpired at the emulator's clock (X-Amz-Date + X-Amz-Expires, at most 7 days; a test clock may
 * stand in the past, so a date after it is not refused) and be signed with the secret of a known
 * access key. The signature is recomputed here synchronously (node:crypto), over the URL's own query: host is the only
 * signed header (the SDKs sign nothing else); the payload hash is botocore's `UNSIGNED-PAYLOAD` or the JavaScript
 * SDK's hash of the empty body; the host is taken with and without the URL's port (the JavaScript SDK signs the host
 * without the port it leaves in the URL). A query key without `=` (the JavaScript SDK writes unset members so) is
 * not part of what was signed.
 */
import { createHash, createHmac } from 'node:crypto';
import { DEMO_CREDENTIALS, secretFor } from '../credentials';

export interface PresignedUrlExpectation {
  /** The copy action, e.g. CopyDBClusterSnapshot. */
  action: string;
  /** The SigV4 signing name, e.g. rds or ec2. */
  service: string;
  sourceRegion: string;
  /** The region the copy is made in: a DestinationRegion in the URL must name it. */
  destinationRegion: string;
  /** Parameters the URL must carry with these values (compared without regard to case). */
  params: Readonly<Record<string, string>>;
  /** The request's time (epoch ms). */
  now: number;
}

const MAX_EXPIRES = 604_800;
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

function amzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

/** The query's key/value pairs as sent, decoded; keys written without `=` left out. */
function queryPairs(rawQuery: string): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  try {
    for (const part of rawQuery.split('&')) {
      const eq = part.indexOf('=');
      if (part === '' || eq < 0) continue;
      pairs.push([decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))]);
    }
  } catch {
    return undefined;
  }
  return pairs;
}

/** Why the URL is not a valid pre-signed request for the expectation, or undefined when it is. */
export function presignedUrlProblem(
  url: string | undefined,
  expect: PresignedUrlExpectation,
  credentials = DEMO_CREDENTIALS,
): string | undefined {
  if (url === undefined || url === '') return 'no pre-signed URL was given';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the pre-signed URL is not a URL';
  }
  const rawQuery = parsed.search.replace(/^\?/, '');
  const pairs = queryPairs(rawQuery);
  if (!pairs) return 'the pre-signed URL has a malformed query';
  const get = (name: string) => pairs.find(([k]) => k === name)?.[1];
  if (get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return 'the pre-signed URL is not signed with SigV4';
  const credential = /^([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/.exec(get('X-Amz-Credential') ?? '');
  if (!credential) return 'the pre-signed URL has no valid X-Amz-Credential';
  const [, accessKeyId = '', day = '', region, service] = credential;
  if (region !== expect.sourceRegion) {
    return `the pre-signed URL is signed for ${region}, not for the source region ${expect.sourceRegion}`;
  }
  if (service !== expect.service) return `the pre-signed URL is signed for ${service}, not ${expect.service}`;
  if (get('Action') !== expect.action) return `the pre-signed URL is not a ${expect.action} request`;
  for (const [name, value] of Object.entries(expect.params)) {
    if ((get(name) ?? '').toLowerCase() !== value.toLowerCase()) {
      return `the pre-signed URL's ${name} is not the request's (${value})`;
    }
  }
  const destination = get('DestinationRegion');
  if (destination !== undefined && destination !== expect.destinationRegion) {
    return `the pre-signed URL names the destination ${destination}, not ${expect.destinationRegion}`;
  }
  const dateText = get('X-Amz-Date') ?? '';
  const signedAt = amzDate(dateText);
  const expires = Number(get('X-Amz-Expires'));
  if (signedAt === undefined || !dateText.startsWith(day)) return 'the pre-signed URL has no valid X-Amz-Date';
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES) {
    return 'the pre-signed URL has no valid X-Amz-Expires (1 to 604800 seconds)';
  }
  if (signedAt + expires * 1000 < expect.now) return 'the pre-signed URL has expired';
  if (get('X-Amz-SignedHeaders') !== 'host') return 'the pre-signed URL must sign the host header only';
  const secret = secretFor(accessKeyId, credentials);
  if (secret === undefined) return 'the pre-signed URL is signed with an unknown access key';
  const signature = get('X-Amz-Signature') ?? '';

  const canonicalQuery = pairs
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  const path = parsed.pathname || '/';
  for (const host of new Set([parsed.host, parsed.hostname])) {
    for (const payload of ['UNSIGNED-PAYLOAD', EMPTY_SHA256]) {
      const canonical = ['GET', path, canonicalQuery, `host:${host}\n`, 'host', payload].join('\n');
      const toSign = ['AWS4-HMAC-SHA256', dateText, scope, sha256(canonical)].join('\n');
      if (hmac(key, toSign).toString('hex') === signature) return undefined;
    }
  }
  return 'the pre-signed URL signature does not match';
}
