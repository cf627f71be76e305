// Masks AWS secrets in text before it is logged: secret access keys, session tokens, signatures,
// `Authorization` and `X-Amz-Security-Token` values, and the secret part of access key ids.
// Defence in depth: nothing should hand secrets to a logger in the first place.

const MASK = '****';

/** `Authorization: AWS4-HMAC-SHA256 Credential=…, Signature=…` (header, JSON or query form): everything after the separator. */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)([^"'\r\n]+)/gi;

/** Named secrets in `name=value`, `name: value`, `"name":"value"` and query forms. */
const NAMED_SECRET =
  /((?:aws_?)?(?:secret_?access_?key|session_?token|security_?token)|x-amz-security-token|x-amz-signature|x-amz-credential|signature)(["']?\s*[:=]\s*["']?)([^"'\s,;&}\]]+)/gi;

/** Access key ids: a four-letter type prefix and sixteen characters, of which the last four stay visible. */
const ACCESS_KEY_ID =
  /\b((?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ABIA|ACCA|AIPA|ASCA))([A-Z0-9]{12})([A-Z0-9]{4})\b/g;

/** A free-standing 40-character base64 run with both cases: the shape of a secret access key. */
const SECRET_KEY_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** A long base64 run: the shape of a session token. */
const TOKEN_SHAPE = /[A-Za-z0-9/+]{100,}={0,2}/g;

export function redactSecrets(text: string): string {
  return text
    .replace(AUTHORIZATION, (_m, head: string) => `${head}${MASK}`)
    .replace(NAMED_SECRET, (_m, name: string, separator: string) => `${name}${separator}${MASK}`)
    .replace(TOKEN_SHAPE, MASK)
    .replace(SECRET_KEY_SHAPE, (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) ? MASK : m))
    .replace(ACCESS_KEY_ID, (_m, prefix: string, _hidden: string, tail: string) => `${prefix}${MASK}${tail}`);
}

/** The message of an error (or any thrown value), redacted, for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redactSecrets(`${error.name}: ${error.message}`);
  return redactSecrets(String(error));
}
