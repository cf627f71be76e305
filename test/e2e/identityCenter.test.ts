// IAM Identity Center in the workbench, against the emulator's demo organisation (emulator/README.md, "IAM Identity
// Center"): the `[sso-session demo-sso]` of the throwaway config shows as a session that is not signed in; Sign In
// runs the device flow (the modal's code, Open → the emulator's verification page in a new browser tab → Approve),
// after which the organisation's accounts show by name without a reload; a snapshot taken under staging's role runs
// in the staging account; an expired token turns the session's branches into Sign In errors, and signing in again
// recovers them. Screenshots: test-results/e2e/<vscode>/<scenario>/.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { E2e, type Workbench } from './harness';
import { exactText, STATE_TIMEOUT_MS, waitUntil } from './wait';

const SESSION = 'demo-sso · IAM Identity Center';
const SIGN_IN = 'Sign In to IAM Identity Center';
const STAGING = '210987654321';
/** The demo organisation's accounts (emulator/identity/organization.ts), in the portal's order. */
const ACCOUNTS = ['prod-data', 'staging', 'sandbox', 'analytics', 'security-audit', 'shared-services'];

/** The row's description (the grey text after its label). */
async function description(row: Locator): Promise<string> {
  const text = row.locator('.label-description');
  return (await text.count()) > 0 ? (await text.innerText()).trim() : '';
}

async function waitForDescription(row: Locator, pattern: RegExp, what: string): Promise<string> {
  return waitUntil(
    () => description(row),
    (shown) => pattern.test(shown),
    what,
  );
}

/** Hovers a row and waits for its inline action `action`, without clicking it. */
async function inlineActionShown(row: Locator, action: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions .action-label[aria-label^="${action}"]`).first().waitFor({ timeout: STATE_TIMEOUT_MS });
}

/** The sign-in modal's code ("confirm code BCDF-GHJK in the browser"). */
async function codeOf(dialog: Locator): Promise<string> {
  const code = /confirm code ([A-Z]{4}-[A-Z]{4}) in the browser/.exec(await dialog.innerText())?.[1];
  assert.ok(code, `the modal shows a user code: ${await dialog.innerText()}`);
  return code;
}

/**
 * Clicks "Open" in the sign-in modal and returns the browser tab `vscode.env.openExternal` opened. Should VS Code ask
 * first (its "open the external website?" prompt, or the browser having blocked the new tab), "Open" there too.
 */
async function openVerificationPage(wb: Workbench, dialog: Locator): Promise<Page> {
  const context = wb.page.context();
  const opened: Page[] = [];
  const onPage = (page: Page): void => void opened.push(page);
  context.on('page', onPage);
  try {
    await wb.clickDialogButton(dialog, 'Open');
    const confirm = wb.page
      .locator('.monaco-dialog-box')
      .filter({ hasText: /external website|interrupted the opening/ })
      .first();
    await waitUntil(
      async () => {
        if (opened.length > 0) return true;
        if (await confirm.isVisible()) await wb.clickDialogButton(confirm, 'Open');
        return opened.length > 0;
      },
      (done) => done,
      'openExternal to open the verification page in a new tab',
    );
  } finally {
    context.off('page', onPage);
  }
  const page = opened[0]!;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

describe('IAM Identity Center in the workbench', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await E2e.start({
      identityCenter: true,
      settings: { 'snapshotExplorer.polling.initialSeconds': 1 },
    });
  });
  after(async () => {
    await e2e?.stop();
  });

  /** `POST /_emulator/sso/expire`: every SSO access token expires now (refresh tokens keep working). */
  async function expireSsoTokens(): Promise<number> {
    const response = await fetch(new URL('/_emulator/sso/expire', e2e.emulator.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const text = await response.text();
    assert.equal(response.status, 200, `POST /_emulator/sso/expire: ${text}`);
    return (JSON.parse(text) as { expired: number }).expired;
  }

  /** From the Sign In modal on: the code in the browser's verification page, approved there; the tab closed. */
  async function approveInBrowser(wb: Workbench, dialog: Locator): Promise<void> {
    const code = await codeOf(dialog);
    const page = await wb.step('Open: openExternal opens the verification page in a new tab', () =>
      openVerificationPage(wb, dialog),
    );
    try {
      await wb.step('the verification page shows the organisation and the code, filled in', async () => {
        // code-server 4.103 (VS Code 1.103) rewrites a 127.0.0.1 link to its port proxy without the path and query
        // (4.139 keeps them): there the user lands on the proxy's root; the test opens the page under that proxy.
        if (new URL(page.url()).pathname.replace(/^\/proxy\/\d+/, '') === '/') {
          await page.goto(new URL(`_emulator/sso/verify?user_code=${code}`, page.url()).toString());
        }
        const url = new URL(page.url());
        assert.equal(url.pathname.replace(/^\/proxy\/\d+/, ''), '/_emulator/sso/verify', `the page: ${page.url()}`);
        await page.getByRole('heading', { name: /Authorize sign-in to/ }).waitFor({ timeout: STATE_TIMEOUT_MS });
        assert.equal(await page.locator('input[name="userCode"]').inputValue(), code, 'the modal’s code is filled in');
        await page.screenshot({ path: path.join(wb.screenshotDir, `verification-page-${code}.png`) });
      });
      await wb.step('Approve on the page', async () => {
        await page.getByRole('button', { name: 'Approve' }).click();
        await page.getByText('You can close this tab and return to VS Code.').waitFor({ timeout: STATE_TIMEOUT_MS });
        await page.screenshot({ path: path.join(wb.screenshotDir, `verification-approved-${code}.png`) });
      });
    } finally {
      await page.close();
    }
  }

  /** Clicks Sign In on `row` and waits for the modal with the code; returns the modal. */
  async function clickSignIn(wb: Workbench, row: Locator): Promise<Locator> {
    return wb.step('Sign In: a modal shows the code with Copy Code and Open', async () => {
      await wb.tree.inlineAction(row, SIGN_IN);
      const dialog = await wb.waitForDialog(/Sign in to demo-sso: confirm code [A-Z]{4}-[A-Z]{4} in the browser\./);
      for (const button of ['Copy Code and Open', 'Open']) {
        assert.equal(
          await dialog
            .locator('.monaco-button')
            .filter({ hasText: exactText(button) })
            .count(),
          1,
          button,
        );
      }
      return dialog;
    });
  }

  /** Waits until every account of the organisation is listed under the session, by name, with id and e-mail. */
  async function accountsListed(wb: Workbench, session: Locator): Promise<void> {
    for (const name of ACCOUNTS) await wb.tree.child(session, name);
    const staging = await wb.tree.child(session, 'staging');
    assert.equal(await description(staging), `${STAGING} · staging@example.com`);
  }

  test('sign in through the device flow, work in staging, recover from an expired sign-in', async (t) => {
    await e2e.withWorkbench(t.name, async (wb) => {
      await wb.step('open the view', () => wb.openViewContainer('Snapshot Explorer'));
      const session = await wb.step('the session shows, not signed in', async () => {
        const row = await wb.tree.waitForItem(SESSION);
        await waitForDescription(row, /^not signed in$/, 'the session to say "not signed in"');
        return row;
      });
      const signedOut = await wb.step('expanded: one error node, with Sign In inline', async () => {
        await wb.tree.expand(session);
        const error = await wb.tree.child(session, /Not signed in to IAM Identity Center session demo-sso/);
        const children = (await wb.tree.readRows()).filter((r) => r.level === 2);
        assert.equal(children.length, 1, `one node under the session: ${JSON.stringify(children)}`);
        await inlineActionShown(error, SIGN_IN);
        return error;
      });

      // ---- sign in through the browser
      const dialog = await clickSignIn(wb, signedOut);
      await approveInBrowser(wb, dialog);
      await wb.step('signed in: one notification, the session says so', async () => {
        await wb.waitForNotification(/Signed in to demo-sso\. Its accounts are in the Snapshot Explorer\./);
        await waitForDescription(session, /^signed in$/, 'the session to say "signed in"');
      });
      await wb.step('the organisation’s accounts show by name, without a reload', () => accountsListed(wb, session));

      // ---- a snapshot in staging, an account only IAM Identity Center reaches here
      const clusters = await wb.step('expand staging / AdministratorAccess / us-east-1 / DocumentDB', async () => {
        const staging = await wb.tree.expand(await wb.tree.child(session, 'staging'));
        const role = await wb.tree.expand(await wb.tree.child(staging, 'AdministratorAccess'));
        const region = await wb.tree.expand(await wb.tree.child(role, 'us-east-1'));
        return wb.tree.expand(await wb.tree.child(region, 'DocumentDB'));
      });
      const cluster = await wb.step('staging’s own cluster orders-staging is listed', () =>
        wb.tree.child(clusters, 'orders-staging'),
      );
      await wb.step('Create Snapshot… from the context menu of orders-staging', async () => {
        await wb.tree.contextMenu(cluster, 'Create Snapshot…');
        await wb.input.waitFor(/orders-staging.*\(1\/\d+\)/);
      });
      await wb.step('type the identifier and tags', async () => {
        await wb.input.enter('orders-staging-sso-e2e');
        await wb.input.waitFor(/\(2\/\d+\)/);
        await wb.input.enter('team=e2e');
      });
      await wb.step('confirm: Create snapshot', async () => {
        await wb.input.pick(/Create snapshot/);
        await wb.input.waitForClosed();
      });
      await wb.step('a notification reports the snapshot available', () =>
        wb.waitForNotification(/DocumentDB snapshot .*orders-staging-sso-e2e.* of orders-staging is available/),
      );
      await wb.step('the snapshot shows under orders-staging', async () => {
        await wb.tree.expand(cluster);
        await wb.tree.child(cluster, 'orders-staging-sso-e2e');
      });
      const calls = await e2e.emulator.calls();
      const creates = calls.filter((c) => c.service === 'docdb' && c.operation === 'CreateDBClusterSnapshot');
      assert.equal(creates.length, 1, `one create call: ${JSON.stringify(creates)}`);
      assert.equal(creates[0]?.accountId, STAGING, 'the snapshot was taken in the staging account');
      assert.equal(creates[0]?.status, 200);
      assert.ok(
        calls.some((c) => c.service === 'sso' && c.operation === 'GetRoleCredentials' && c.status === 200),
        'the role’s credentials came from the portal',
      );

      // ---- the sign-in expires: the session's branches say so, and signing in again recovers them
      await wb.step('the emulator expires every access token; Refresh', async () => {
        assert.ok((await expireSsoTokens()) >= 1, 'the sign-in’s token expired');
        await wb.input.runCommand('Snapshot Explorer: Refresh');
        // The session's accounts are listed again, and the portal refuses the expired token.
        await waitUntil(
          async () => (await e2e.emulator.calls()).filter((c) => c.operation === 'ListAccounts').map((c) => c.status),
          (statuses) => statuses.includes(401),
          'a ListAccounts call refused with 401 after the refresh',
        );
      });
      const rejected = await wb.step('the session’s branches turn into an error with Sign In', async () => {
        const error = await wb.tree
          .child(session, /no longer accepts the sign-in to session demo-sso/)
          .catch(async (e: unknown) => {
            const sso = (await e2e.emulator.calls()).filter((c) => c.service.startsWith('sso'));
            const log = await e2e.extensionLog(wb);
            writeFileSync(path.join(wb.screenshotDir, 'extension.log'), log);
            throw new Error(
              `${String(e)}\nsso calls: ${JSON.stringify(sso)}\nrows: ${JSON.stringify(await wb.tree.readRows())}`,
            );
          });
        await waitUntil(
          async () => (await wb.tree.readRows()).filter((r) => ACCOUNTS.includes(r.label)).length,
          (shown) => shown === 0,
          'the accounts to be gone',
        );
        // The portal refused the cached token: the session no longer says it is signed in.
        await waitForDescription(session, /^not signed in$/, 'the session to say "not signed in"');
        await inlineActionShown(error, SIGN_IN);
        return error;
      });
      const again = await clickSignIn(wb, rejected);
      await approveInBrowser(wb, again);
      await wb.step('signed in again: the session says so', async () => {
        await waitUntil(
          async () => (await e2e.emulator.calls()).filter((c) => c.operation === 'CreateToken' && c.status === 200),
          (tokens) => tokens.length === 2,
          'the second sign-in’s token',
        );
        await waitForDescription(session, /^signed in$/, 'the session to say "signed in"');
      });
      await wb.step('the accounts are back, without a reload', () => accountsListed(wb, session));
      await wb.step('staging’s cluster is listed again', async () => {
        const staging = await wb.tree.expand(await wb.tree.child(session, 'staging'));
        const role = await wb.tree.expand(await wb.tree.child(staging, 'AdministratorAccess'));
        const region = await wb.tree.expand(await wb.tree.child(role, 'us-east-1'));
        const docdb = await wb.tree.expand(await wb.tree.child(region, 'DocumentDB'));
        await wb.tree.child(docdb, 'orders-staging');
      });
    });
  });
});
