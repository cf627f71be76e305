// An in-memory IAM Identity Center (the facade of src/aws/sso/identityCenter.ts) for the unit tests of the editor's
// sign-in: sessions and sign-in states the test sets, a refresh that turns a status into the one the test names (or
// leaves it: a refresh that failed), and a device-flow sign-in that shows its code, then waits for the test to confirm
// or fail it, or for its signal to abort (a cancelled SignInError, as the real flow). Every call is recorded.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import {
  SignInError,
  type DeviceCode,
  type IdentityCenter,
  type Page,
  type SsoAccount,
  type SsoRole,
  type SsoSessionInfo,
  type SsoStatus,
} from '../../../src/aws/sso/identityCenter';
import { sessionEntry } from '../tree/ssoFakes';

/** A session as the facade lists it (the tree tests' builder). */
export const ssoSession = (name: string, extra: Partial<SsoSessionInfo> = {}): SsoSessionInfo =>
  sessionEntry(name, extra);

/** The code a sign-in to `session` shows. */
export function deviceCode(session: string): DeviceCode {
  const userCode = `${session.toUpperCase().slice(0, 4).padEnd(4, 'X')}-CODE`;
  return {
    userCode,
    verificationUri: 'https://device.sso.eu-central-1.amazonaws.com/',
    verificationUriComplete: `https://device.sso.eu-central-1.amazonaws.com/?user_code=${userCode}`,
    expiresAt: new Date(Date.now() + 600_000),
  };
}

/** A sign-in waiting for the user's browser. */
export interface PendingSignIn {
  readonly session: string;
  readonly signal: AbortSignal;
  readonly code: DeviceCode;
  /** The code was approved: the session is signed in until `expiresAt` (default: in 8 hours). */
  confirm(expiresAt?: Date): void;
  /** The flow ends without a token (denied, expired, failed). */
  fail(error: SignInError): void;
}

export class FakeIdentityCenter implements IdentityCenter {
  /** Every call, as `<op> <session>`. */
  readonly calls: string[] = [];
  readonly statuses = new Map<string, SsoStatus>();
  /** What a refresh of a session makes its status; none: the status stays (the refresh failed). */
  readonly refreshed = new Map<string, SsoStatus>();
  /** Every sign-in started, in order. */
  readonly signIns: PendingSignIn[] = [];
  private readonly listeners = new Set<(session: string) => void>();

  constructor(public sessionList: SsoSessionInfo[]) {}

  count(op: string): number {
    return this.calls.filter((c) => c.split(' ')[0] === op).length;
  }

  async sessions(): Promise<SsoSessionInfo[]> {
    this.calls.push('sessions');
    return this.sessionList;
  }

  async status(session: string): Promise<SsoStatus> {
    this.calls.push(`status ${session}`);
    return this.statuses.get(session) ?? { signedIn: false, refreshable: false };
  }

  async refresh(session: string): Promise<SsoStatus> {
    this.calls.push(`refresh ${session}`);
    const next = this.refreshed.get(session);
    if (next) {
      this.statuses.set(session, next);
      this.refreshed.delete(session);
      this.changed(session);
    }
    return this.status(session);
  }

  async listAccounts(session: string): Promise<Page<SsoAccount>> {
    this.calls.push(`listAccounts ${session}`);
    return { items: [] };
  }

  async listRoles(session: string): Promise<Page<SsoRole>> {
    this.calls.push(`listRoles ${session}`);
    return { items: [] };
  }

  provider(profile: string): AwsCredentialIdentityProvider | undefined {
    this.calls.push(`provider ${profile}`);
    return undefined;
  }

  signIn(
    session: string,
    options: { onCode(code: DeviceCode): void; signal: AbortSignal },
  ): Promise<{ expiresAt: Date }> {
    this.calls.push(`signIn ${session}`);
    return new Promise((resolve, reject) => {
      const { signal } = options;
      const onAbort = () => reject(new SignInError('cancelled', 'The sign-in was cancelled.'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      const code = deviceCode(session);
      this.signIns.push({
        session,
        signal,
        code,
        confirm: (expiresAt = new Date(Date.now() + 8 * 3_600_000)) => {
          signal.removeEventListener('abort', onAbort);
          this.statuses.set(session, { signedIn: true, expiresAt, refreshable: true });
          this.changed(session);
          resolve({ expiresAt });
        },
        fail: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      options.onCode(code);
    });
  }

  async signOut(session: string): Promise<void> {
    this.calls.push(`signOut ${session}`);
    this.statuses.delete(session);
    this.changed(session);
  }

  onDidChangeSession(listener: (session: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.calls.push('dispose');
  }

  private changed(session: string): void {
    for (const listener of [...this.listeners]) listener(session);
  }
}
