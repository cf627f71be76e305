// The error of a call that needs an IAM Identity Center token when none is usable: not signed in, the sign-in expired
// (and cannot be refreshed), or the portal no longer accepts it. Named `UnauthorizedException` (the portal's own code
// for a bad token), so ../errors.ts classifyAwsError files it as `credentials-expired` and the tree offers to sign in
// again; `session` names the session to sign in to.
import * as l10n from '../../l10n';
import { formatDateTime } from '../../dates';

export type SignInRequiredReason = 'not-signed-in' | 'expired' | 'rejected';

export class SsoSignInRequiredError extends Error {
  override readonly name = 'UnauthorizedException';
  constructor(
    readonly session: string,
    readonly reason: SignInRequiredReason,
    message: string,
  ) {
    super(message);
  }
}

export function notSignedIn(session: string): SsoSignInRequiredError {
  return new SsoSignInRequiredError(
    session,
    'not-signed-in',
    l10n.t('Not signed in to IAM Identity Center session {0}. Sign in to see its accounts.', session),
  );
}

export function signInExpired(session: string, expiresAt: number): SsoSignInRequiredError {
  return new SsoSignInRequiredError(
    session,
    'expired',
    l10n.t(
      'The sign-in to IAM Identity Center session {0} expired at {1}. Sign in again to see its accounts.',
      session,
      formatDateTime(expiresAt) ?? '',
    ),
  );
}

export function signInRejected(session: string): SsoSignInRequiredError {
  return new SsoSignInRequiredError(
    session,
    'rejected',
    l10n.t(
      'IAM Identity Center no longer accepts the sign-in to session {0}. Sign in again to see its accounts.',
      session,
    ),
  );
}

/** True for the error above (also across bundles: it checks the shape, not the class). */
export function isSsoSignInRequired(error: unknown): error is SsoSignInRequiredError {
  if (!(error instanceof Error) || error.name !== 'UnauthorizedException') return false;
  const e = error as Partial<SsoSignInRequiredError>;
  return typeof e.session === 'string' && typeof e.reason === 'string';
}
