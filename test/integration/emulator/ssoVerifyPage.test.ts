// The emulator's IAM Identity Center verification page (the device flow's verification URI): its HTML, and a sign-in
// approved or denied by posting its own form, as a browser does.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AccessDeniedException, CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { rejects, startTestEmulator, type TestEmulator } from './helpers';
import { DEVICE_GRANT, register, ssoClients, startDevice } from './ssoHelpers';

interface PageForm {
  inputName: string;
  inputValue: string;
  /** The formaction of each submit button, by its text (its accessible name). */
  buttons: Map<string, string>;
}

/** Reads the page's one form as a browser would submit it. */
function formOf(html: string): PageForm {
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form, 'the page has a POST form');
  const input = /<input\s[^>]*name="([^"]+)"[^>]*value="([^"]*)"/.exec(form[2]!);
  assert.ok(input, 'the form has a named input with a value');
  const buttons = new Map<string, string>();
  for (const b of form[2]!.matchAll(/<button type="submit"([^>]*)>([^<]+)<\/button>/g)) {
    buttons.set(b[2]!.trim(), /formaction="([^"]+)"/.exec(b[1]!)?.[1] ?? form[1]!);
  }
  return { inputName: input[1]!, inputValue: input[2]!, buttons };
}

describe('emulator: SSO verification page', () => {
  let emu: TestEmulator;
  let oidc: SSOOIDCClient;
  before(async () => {
    emu = await startTestEmulator();
    ({ oidc } = ssoClients(emu));
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const get = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
  };
  const submit = async (form: PageForm, button: string) => {
    const action = form.buttons.get(button);
    assert.ok(action, `a ${button} button`);
    // Resolved against the page's own URL, as a browser does (the page's actions are relative to it).
    const response = await fetch(new URL(action, new URL('/_emulator/sso/verify', emu.url)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [form.inputName]: form.inputValue }).toString(),
    });
    return { status: response.status, html: await response.text() };
  };

  it('shows the organisation and the code, self-contained, with Approve and Deny buttons', async () => {
    const device = await startDevice(oidc, await register(oidc));
    const page = await get(device.verificationUriComplete);
    assert.equal(page.status, 200);
    assert.match(page.type ?? '', /^text\/html/);
    assert.match(page.html, /<title>Authorize sign-in to emulator-demo<\/title>/);
    assert.match(page.html, /6 accounts/);
    assert.doesNotMatch(page.html, /<script|<link|<img|src=|url\(|https?:\/\//i, 'no script, no external resource');
    const form = formOf(page.html);
    assert.equal(form.inputValue, device.userCode);
    assert.deepEqual([...form.buttons.keys()], ['Approve', 'Deny']);
    // Relative to the page, so they also work behind a proxy's path (code-server's /proxy/<port>/ for openExternal).
    assert.deepEqual([...form.buttons.values()], ['approve', 'deny']);
    assert.match(page.html, /<label for="userCode">Code<\/label>/);

    const blank = await get(device.verificationUri);
    assert.equal(formOf(blank.html).inputValue, '');
    const unknown = await get(`${device.verificationUri}?user_code=ZZZZ-ZZZZ`);
    assert.match(unknown.html, /role="alert">No sign-in request has the code ZZZZ-ZZZZ/);
  });

  it('approves a code by its form post; the token follows', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    const answer = await submit(formOf((await get(device.verificationUriComplete)).html), 'Approve');
    assert.equal(answer.status, 200);
    assert.match(answer.html, /Request approved/);
    assert.match(answer.html, /You can close this tab and return to VS Code\./);
    const token = await oidc.send(
      new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: device.deviceCode }),
    );
    assert.ok(token.accessToken);

    const again = await submit(formOf((await get(device.verificationUriComplete)).html), 'Approve');
    assert.equal(again.status, 409);
    assert.match(again.html, /already used to sign in/);
    assert.doesNotMatch(again.html, /close this tab/);
  });

  it('denies a code by its form post', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    const answer = await submit(formOf((await get(device.verificationUriComplete)).html), 'Deny');
    assert.equal(answer.status, 200);
    assert.match(answer.html, /Request denied/);
    assert.match(answer.html, /You can close this tab and return to VS Code\./);
    await rejects(
      oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: device.deviceCode })),
      { cls: AccessDeniedException },
    );
  });

  it('answers a form post with an unknown code with a page saying so', async () => {
    const answer = await submit(
      { inputName: 'userCode', inputValue: 'QQQQ-QQQQ', buttons: new Map([['Approve', '/_emulator/sso/approve']]) },
      'Approve',
    );
    assert.equal(answer.status, 404);
    assert.match(answer.html, /No sign-in request has the code QQQQ-QQQQ/);
  });
});
