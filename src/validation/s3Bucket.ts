// Amazon S3 general purpose bucket naming rules (S3 User Guide, "General purpose bucket naming rules").
import { checkLength } from './checks';
import { at, byPosition, charClass, describeChar, findText, firstCharNotIn, issue } from './text';
import type { Issue } from './types';
import * as l10n from '../l10n';

const what = (): string => l10n.t('Bucket names');
const reservedPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const reservedSuffixes: readonly { readonly suffix: string; readonly why: string }[] = [
  {
    suffix: '-s3alias',
    get why(): string {
      return l10n.t('access point aliases');
    },
  },
  {
    suffix: '--ol-s3',
    get why(): string {
      return l10n.t('Object Lambda access point aliases');
    },
  },
  {
    suffix: '.mrap',
    get why(): string {
      return l10n.t('Multi-Region Access Points');
    },
  },
  {
    suffix: '--x-s3',
    get why(): string {
      return l10n.t('directory buckets');
    },
  },
  {
    suffix: '--table-s3',
    get why(): string {
      return l10n.t('table buckets');
    },
  },
];
const ipAddress = /^\d{1,3}(\.\d{1,3}){3}$/;
const edgeChar = /^[a-z0-9]$/u;
const bucketChar = charClass('[a-z0-9.-]');

/** Every broken rule of an S3 general purpose bucket name, each once, in reading order. */
export function validateBucketName(name: string): Issue[] {
  if (name === '') return [issue('error', l10n.t('Enter a bucket name (3–63 characters).'), 0, 0)];
  const issues: Issue[] = [...checkLength(name, 3, 63, what())];
  const chars = Array.from(name);
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  if (!edgeChar.test(first)) {
    issues.push(
      issue(
        'error',
        l10n.t('{0} must start with a lowercase letter or digit, not {1}.', what(), describeChar(first)),
        0,
        first.length,
      ),
    );
  }
  const bad = firstCharNotIn(name, bucketChar, 1);
  if (bad) {
    const detail = /^[A-Z]$/.test(bad.char)
      ? l10n.t("'{0}' {1} is uppercase", bad.char, at(bad))
      : l10n.t('{0} {1} is not allowed', describeChar(bad.char), at(bad));
    issues.push(
      issue(
        'error',
        l10n.t('{0} can contain only lowercase letters, digits, dots and hyphens: {1}.', what(), detail),
        bad.start,
        bad.end,
      ),
    );
  }
  if (chars.length > 1 && !edgeChar.test(last)) {
    issues.push(
      issue(
        'error',
        l10n.t('{0} must end with a lowercase letter or digit, not {1}.', what(), describeChar(last)),
        name.length - last.length,
        name.length,
      ),
    );
  }
  const dots = findText(name, '..');
  if (dots)
    issues.push(
      issue('error', l10n.t('{0} cannot contain two adjacent dots ({1}).', what(), at(dots)), dots.start, dots.end),
    );
  if (ipAddress.test(name)) {
    issues.push(
      issue('error', l10n.t('{0} cannot be formatted as an IP address (like 192.168.5.4).', what()), 0, name.length),
    );
  }
  const prefix = reservedPrefixes.find((p) => name.startsWith(p));
  if (prefix)
    issues.push(
      issue('error', l10n.t("{0} cannot start with '{1}' (reserved by Amazon S3).", what(), prefix), 0, prefix.length),
    );
  const suffix = reservedSuffixes.find((s) => name.endsWith(s.suffix));
  if (suffix) {
    issues.push(
      issue(
        'error',
        l10n.t("{0} cannot end with '{1}' (reserved for {2}).", what(), suffix.suffix, suffix.why),
        name.length - suffix.suffix.length,
        name.length,
      ),
    );
  }
  return byPosition(issues);
}
