// SimSpace Weaver delete (S3 HeadObject, then DeleteObject of the snapshot's .zip): one sentence per error S3 answers
// these calls with, saying what happened and what to do. A HEAD error has no body, so the SDK names it by its status
// only (404 NotFound; 403 and 301 as an unknown error): the status decides then. Pure: no `vscode`, no SDK.
import type { DeleteErrorContext } from './deletion';
import type { ErrorFacts } from './errorText';
import * as l10n from '../l10n';

const named = (c: DeleteErrorContext): string => (c.snapshotName ? ` ${c.snapshotName}` : '');

type Sentence = (c: DeleteErrorContext) => string;

const gone: Sentence = (c) =>
  l10n.t('The snapshot object{0} is gone from its bucket: it was already deleted. Refresh the tree.', named(c));

const denied: Sentence = (c) =>
  l10n.t(
    'Access denied: profile {0} may not read or delete the snapshot object{1}. It needs s3:GetObject and s3:DeleteObject on the object (and s3:ListBucket on the bucket: without it S3 answers 403, not 404, for an object that is gone). Ask your administrator for those IAM permissions, then retry.',
    c.profile,
    named(c),
  );

const elsewhere: Sentence = (c) =>
  l10n.t(
    "The snapshot's bucket is not in {0}, the simulation's Region (S3 redirected the request). Delete the object in the bucket's Region, e.g. in the S3 console.",
    c.region,
  );

const byCode: Readonly<Record<string, Sentence>> = {
  NoSuchBucket: (c) =>
    l10n.t(
      'The bucket of the snapshot{0} no longer exists, and the snapshot went with it. Refresh the tree.',
      named(c),
    ),
  NotFound: gone,
  NoSuchKey: gone,
  AccessDenied: denied,
  Forbidden: denied,
  PermanentRedirect: elsewhere,
  AuthorizationHeaderMalformed: elsewhere,
};

const byStatus: Readonly<Record<number, Sentence>> = { 404: gone, 403: denied, 301: elsewhere };

/** A HEAD error without a body: the SDK has no code for it but the status (a coded 403, e.g. a bad signature, is not). */
const bodiless = (facts: ErrorFacts): boolean => /^(Unknown|UnknownError|\d{3})$/.test(facts.code);

export function explainSimSpaceWeaverDeleteError(facts: ErrorFacts, c: DeleteErrorContext): string | undefined {
  const byItsStatus = bodiless(facts) && facts.httpStatus !== undefined ? byStatus[facts.httpStatus] : undefined;
  return (byCode[facts.code] ?? byItsStatus)?.(c);
}
