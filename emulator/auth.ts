import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { type WireRequest } from './protocols/types';

/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  /** The signing name (several services may share one). */
  service: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthorizationParse =
  { kind: 'missing' } | { kind: 'malformed'; reason: string } | { kind: 'ok'; auth: SigV4Authorization };

const HEADER_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_-]+),\s*Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): AuthorizationParse {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const match = HEADER_RE.exec(header.trim());
  if (!match) {
    return {
      kind: 'malformed',
      reason: header.startsWith('AWS4-HMAC-SHA256')
        ? "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."
        : `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${header.split(/\s/)[0]}`,
    };
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  return {
    kind: 'ok',
    auth: {
      accessKeyId: accessKeyId!,
      date: date!,
      region: region!,
      service: service!,
      signedHeaders: signedHeaders!.split(';'),
      signature: signature!,
    },
  };
}

function amzDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

/**
 * Recomputes the request's SigV4 signature with @smithy/signature-v4 and the known secret over exactly the headers the
 * client signed (`SignedHeaders`), as AWS does, and compares it with the one sent. The canonical request's payload
 * hash is the signed `x-amz-content-sha256` header when there is one (S3 requires it; the JavaScript SDK sends it to
 * every service), which must then match the body unless it is `UNSIGNED-PAYLOAD`; otherwise it is the body's hash
 * (botocore and the AWS CLI sign that header for S3 only). `uriEscapePath` is false for a service whose signer does
 * not double-encode the path (the service says so).
 */
export async function signatureMatches(
  request: WireRequest,
  auth: SigV4Authorization,
  secretAccessKey: string,
  uriEscapePath: boolean,
): Promise<boolean> {
  const signingDate = amzDate(request.headers['x-amz-date'] as string | undefined);
  if (!signingDate || !auth.signedHeaders.includes('host')) return false;
  const declaredHash = auth.signedHeaders.includes('x-amz-content-sha256')
    ? request.headers['x-amz-content-sha256']
    : undefined;
  if (typeof declaredHash === 'string' && declaredHash !== 'UNSIGNED-PAYLOAD') {
    if (createHash('sha256').update(request.body).digest('hex') !== declaredHash) return false;
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(request.rawQuery)) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey,
      sessionToken: typeof headers['x-amz-security-token'] === 'string' ? headers['x-amz-security-token'] : undefined,
    },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    uriEscapePath,
    // Never add a header the client did not sign: the payload hash comes from the signed header, else the body.
    applyChecksum: false,
  });
  const [hostname = '', port] = (headers.host ?? '').split(':');
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      port: port ? Number(port) : undefined,
      path: request.rawPath,
      query,
      headers,
      body: request.body.length ? request.body : undefined,
    },
    {
      signingDate,
      signingRegion: auth.region,
      signingService: auth.service,
      // Sign every header the client signed, also those the JavaScript SDK never signs itself (e.g. user-agent).
      signableHeaders: new Set(auth.signedHeaders),
    },
  );
  const authorization = String(signed.headers.authorization ?? signed.headers.Authorization ?? '');
  const recomputed = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
  const recomputedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1];
  return recomputed === auth.signature && recomputedHeaders === auth.signedHeaders.join(';');
}
