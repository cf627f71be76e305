// Amazon S3 general purpose bucket naming rules (S3 User Guide, "General purpose bucket naming rules").
import { checkLength } from './checks';
import { at, byPosition, charClass, describeChar, findText, firstCharNotIn, issue } from './text';
import type { Issue } from './types';

const what = 'Bucket names';
const reservedPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const reservedSuffixes: readonly { readonly suffix: string; readonly why: string }[] = [
  { suffix: '-s3alias', why: 'access point aliases' },
  { suffix: '--ol-s3', why: 'Object Lambda access point aliases' },
  { suffix: '.mrap', why: 'Multi-Region Access Points' },
  { suffix: '--x-s3', why: 'directory buckets' },
  { suffix: '--table-s3', why: 'table buckets' },
];
const ipAddress = /^\d{1,3}(\.\d{1,3}){3}$/;
const edgeChar = /^[a-z0-9]$/u;
const bucketChar = charClass('[a-z0-9.-]');

/** Every broken rule of an S3 general purpose bucket name, each once, in reading order. */
export function validateBucketName(name: string): Issue[] {
  if (name === '') return [issue('error', 'Enter a bucket name (3–63 characters).', 0, 0)];
  const issues: Issue[] = [...checkLength(name, 3, 63, what)];
  const chars = Array.from(name);
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  if (!edgeChar.test(first)) {
    issues.push(
      issue(
        'error',
        `${what} must start with a lowercase letter or digit, not ${describeChar(first)}.`,
        0,
        first.length,
      ),
    );
  }
  const bad = firstCharNotIn(name, bucketChar, 1);
  if (bad) {
    const detail = /^[A-Z]$/.test(bad.char)
      ? `'${bad.char}' ${at(bad)} is uppercase`
      : `${describeChar(bad.char)} ${at(bad)} is not allowed`;
    issues.push(
      issue(
        'error',
        `${what} can contain only lowercase letters, digits, dots and hyphens: ${detail}.`,
        bad.start,
        bad.end,
      ),
    );
  }
  if (chars.length > 1 && !edgeChar.test(last)) {
    issues.push(
      issue(
        'error',
        `${what} must end with a lowercase letter or digit, not ${describeChar(last)}.`,
        name.length - last.length,
        name.length,
      ),
    );
  }
  const dots = findText(name, '..');
  if (dots)
    issues.push(issue('error', `${what} cannot contain two adjacent dots (${at(dots)}).`, dots.start, dots.end));
  if (ipAddress.test(name)) {
    issues.push(issue('error', `${what} cannot be formatted as an IP address (like 192.168.5.4).`, 0, name.length));
  }
  const prefix = reservedPrefixes.find((p) => name.startsWith(p));
  if (prefix)
    issues.push(issue('error', `${what} cannot start with '${prefix}' (reserved by Amazon S3).`, 0, prefix.length));
  const suffix = reservedSuffixes.find((s) => name.endsWith(s.suffix));
  if (suffix) {
    issues.push(
      issue(
        'error',
        `${what} cannot end with '${suffix.suffix}' (reserved for ${suffix.why}).`,
        name.length - suffix.suffix.length,
        name.length,
      ),
    );
  }
  return byPosition(issues);
}
