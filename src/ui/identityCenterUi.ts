// IAM Identity Center in the editor: Sign In (the device authorization flow under cancellable progress, its code
// shown with Copy Code and Open), Sign Out, the one warning before a session's sign-in expires (a token that can be
// refreshed is refreshed instead), and a minute tick that keeps "expires in … min" current.
import * as vscode from 'vscode';
import { WARNING_LEAD_MS } from '../aws/sso/accountFilters';
import { SignInError, type DeviceCode, type IdentityCenter } from '../aws/sso/identityCenter';
import { showErrorWithLogs, UserCancelledError } from './command';

export interface IdentityCenterUiDeps {
  readonly identityCenter: IdentityCenter;
  readonly log: vscode.LogOutputChannel;
  /** Redraws the sessions' sign-in state in the tree (no AWS call). */
  readonly redrawSessions: () => void;
  /** How often the sessions' expiry is looked at (default: a minute). */
  readonly tickMs?: number;
}

export interface IdentityCenterUi extends vscode.Disposable {
  /** Signs in to a session (asks which one when not given); rejects with a sentence, or UserCancelledError. */
  signIn(session?: string): Promise<void>;
  signOut(session?: string): Promise<void>;
}

async function pickSession(ic: IdentityCenter, placeHolder: string): Promise<string> {
  const sessions = (await ic.sessions()).filter((s) => !s.error);
  if (sessions.length === 0) {
    throw new Error(
      vscode.l10n.t('The AWS config file has no usable [sso-session] section: add one (aws configure sso) first.'),
    );
  }
  if (sessions.length === 1) return sessions[0]!.name;
  const picked = await vscode.window.showQuickPick(
    sessions.map((s) => ({ label: s.name, description: s.startUrl, detail: s.region })),
    { placeHolder, ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

/** The code's one modal: Copy Code and Open, or Open alone (the page has the code filled in); Cancel stops. */
async function offerCode(session: string, code: DeviceCode, abort: () => void): Promise<void> {
  const copyAndOpen = vscode.l10n.t('Copy Code and Open');
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Sign in to {0}: confirm code {1} in the browser.', session, code.userCode),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The sign-in page opens at {0}. The code expires in 10 minutes or less.',
        code.verificationUri,
      ),
    },
    copyAndOpen,
    open,
  );
  if (choice === undefined) return abort();
  if (choice === copyAndOpen) await vscode.env.clipboard.writeText(code.userCode);
  await vscode.env.openExternal(vscode.Uri.parse(code.verificationUriComplete ?? code.verificationUri));
}

export function createIdentityCenterUi(deps: IdentityCenterUiDeps): IdentityCenterUi {
  const ic = deps.identityCenter;
  /** Sessions warned about, by the expiry they were warned of (a new sign-in gets a new warning). */
  const warned = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();

  const runSignIn = async (session: string): Promise<void> => {
    const aborter = new AbortController();
    try {
      const { expiresAt } = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Signing in to IAM Identity Center session {0}', session),
          cancellable: true,
        },
        (progress, token) => {
          token.onCancellationRequested(() => aborter.abort());
          return ic.signIn(session, {
            signal: aborter.signal,
            onCode: (code) => {
              progress.report({ message: vscode.l10n.t('waiting for code {0} to be confirmed…', code.userCode) });
              void offerCode(session, code, () => aborter.abort()).catch((error: unknown) =>
                deps.log.warn(`Sign-in to ${session}: could not open the page: ${String(error)}`),
              );
            },
          });
        },
      );
      deps.log.info(`Signed in to IAM Identity Center session ${session} until ${expiresAt.toISOString()}`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Signed in to {0}. Its accounts are in the Snapshot Explorer.', session),
      );
    } catch (error) {
      if (error instanceof SignInError && error.kind === 'cancelled') throw new UserCancelledError();
      throw error;
    }
  };

  const signIn = async (session?: string): Promise<void> => {
    const name = session ?? (await pickSession(ic, vscode.l10n.t('Sign in to which IAM Identity Center session?')));
    // A second Sign In while one waits for its code joins it.
    let pending = inFlight.get(name);
    if (!pending) {
      pending = runSignIn(name).finally(() => inFlight.delete(name));
      inFlight.set(name, pending);
    }
    await pending;
  };

  const signOut = async (session?: string): Promise<void> => {
    const name = session ?? (await pickSession(ic, vscode.l10n.t('Sign out of which IAM Identity Center session?')));
    await ic.signOut(name);
    deps.log.info(`Signed out of IAM Identity Center session ${name}`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Signed out of {0}', name), 5000);
  };

  /** Warns once per expiry that a session's sign-in ends soon, offering Sign In Again. */
  const warn = (session: string, expiresAt: number): void => {
    warned.set(session, expiresAt);
    const again = vscode.l10n.t('Sign In Again');
    const minutes = Math.max(0, Math.ceil((expiresAt - Date.now()) / 60_000));
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('Your sign-in to IAM Identity Center session {0} expires in {1} min.', session, minutes),
        again,
      )
      .then((choice) => (choice === again ? signIn(session) : undefined))
      .then(undefined, (error: unknown) => {
        if (error instanceof UserCancelledError) return;
        // The sentence alone (String(error) would show "SignInError: …"), once, with Show Logs, as a command's.
        deps.log.error(`Sign In Again to ${session}: ${String(error)}`);
        void showErrorWithLogs(error instanceof Error ? error.message : String(error));
      });
  };

  /** One session's look at its expiry: a token due is refreshed when it can be, else warned about once. */
  const check = async (session: string): Promise<void> => {
    let status = await ic.status(session);
    const left = status.expiresAt ? status.expiresAt.getTime() - Date.now() : Infinity;
    if (!status.signedIn || left > WARNING_LEAD_MS) return;
    if (status.refreshable) status = await ic.refresh(session);
    const expiresAt = status.expiresAt?.getTime();
    if (expiresAt === undefined || expiresAt - Date.now() > WARNING_LEAD_MS || warned.get(session) === expiresAt)
      return;
    warn(session, expiresAt);
  };

  /** Every minute: each session checked on its own (one failing does not stop the others), then the redraw. */
  const tick = async (): Promise<void> => {
    const sessions = (await ic.sessions()).filter((s) => !s.error);
    await Promise.all(
      sessions.map((s) =>
        check(s.name).catch((error: unknown) =>
          deps.log.warn(`IAM Identity Center session ${s.name}: expiry check failed: ${String(error)}`),
        ),
      ),
    );
    deps.redrawSessions();
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => deps.log.warn(`IAM Identity Center expiry check: ${String(error)}`));
  }, deps.tickMs ?? 60_000);
  // The tick never keeps the extension host (or a test's process) alive on its own.
  timer.unref?.();

  return {
    signIn,
    signOut,
    dispose: () => clearInterval(timer),
  };
}
