/**
 * The verification page of the emulator's IAM Identity Center (the device flow's verification URI): a self-contained
 * HTML page (inline style, no script, no external resource) that shows the organisation and the user code and posts
 * Approve or Deny; and the page that answers those posts.
 */
import { DEMO_USER_NAME } from './state';

/** The admin routes the page's form posts to (emulator/ssoAdmin.ts). */
export const APPROVE_PATH = '/_emulator/sso/approve';
export const DENY_PATH = '/_emulator/sso/deny';

export const CLOSE_TAB = 'You can close this tab and return to VS Code.';

/**
 * The page's links and form actions, relative to where the page is (`/_emulator/sso/…`): behind a proxy that serves
 * the emulator under a path of its own (code-server's `/proxy/<port>/`, where `vscode.env.openExternal` sends a
 * localhost URI), an absolute `/_emulator/…` would leave the proxy and reach the workbench's server instead.
 */
const relative = (route: string): string => route.slice(route.lastIndexOf('/') + 1);

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font-family: system-ui, sans-serif; background: #f3f4f6; color: #16191f; margin: 0; }
main { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
  box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 1.4rem; margin-top: 0; }
label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
input { font: 1.4rem ui-monospace, monospace; letter-spacing: .1em; padding: .4rem; width: 12rem; }
.actions { margin-top: 1.5rem; display: flex; gap: .75rem; }
button { font-size: 1rem; padding: .5rem 1.2rem; border-radius: 4px; border: 1px solid #545b64; cursor: pointer; }
button.primary { background: #ec7211; border-color: #ec7211; color: #fff; }
.note { color: #545b64; font-size: .9rem; }
.error { color: #b0160b; }
.name { white-space: nowrap; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

export interface VerifyPageFacts {
  /** The organisation's name (its portal's, from the start URL). */
  organization: string;
  accountCount: number;
  /** The code to prefill (`?user_code=`), as given. */
  userCode?: string;
  /** A sentence about that code when it cannot be approved (unknown, expired, already decided). */
  problem?: string;
}

/** The page that asks to approve or deny a sign-in request. */
export function verifyPage(facts: VerifyPageFacts): string {
  const accounts = `${facts.accountCount} account${facts.accountCount === 1 ? '' : 's'}`;
  const problem = facts.problem ? `<p class="error" role="alert">${escapeHtml(facts.problem)}</p>` : '';
  return page(
    `Authorize sign-in to ${facts.organization}`,
    `<h1>Authorize sign-in to <span class="name">${escapeHtml(facts.organization)}</span></h1>
<p>An application asks to sign in to the organisation <strong>${escapeHtml(facts.organization)}</strong>
(IAM Identity Center, ${accounts}) as <strong>${DEMO_USER_NAME}</strong>.
Check that the code matches the one the application shows.</p>
${problem}
<form method="post" action="${relative(APPROVE_PATH)}">
<label for="userCode">Code</label>
<input id="userCode" name="userCode" value="${escapeHtml(facts.userCode ?? '')}" placeholder="ABCD-EFGH"
  autocomplete="off" spellcheck="false" required>
<div class="actions">
<button type="submit" class="primary" formaction="${relative(APPROVE_PATH)}">Approve</button>
<button type="submit" formaction="${relative(DENY_PATH)}">Deny</button>
</div>
</form>
<p class="note">Served by the local AWS emulator: nothing here reaches AWS.</p>`,
  );
}

/** The answer to the form's post: the request approved or denied, or why not. */
export function resultPage(outcome: { ok: boolean; title: string; message: string }): string {
  const next = outcome.ok ? `<p>${escapeHtml(CLOSE_TAB)}</p>` : `<p><a href="verify">Enter another code</a></p>`;
  return page(
    outcome.title,
    `<h1>${escapeHtml(outcome.title)}</h1>
<p${outcome.ok ? '' : ' class="error" role="alert"'}>${escapeHtml(outcome.message)}</p>
${next}`,
  );
}
