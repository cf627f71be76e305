// The emulator's SSO OIDC (IAM Identity Center sign-in) with the real @aws-sdk/client-sso-oidc: client registration,
// the device authorization flow (pending, slow down, approve, deny, expiry), refresh tokens, the error wire shape.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  InvalidClientException,
  InvalidClientMetadataException,
  InvalidGrantException,
  RegisterClientCommand,
  SlowDownException,
  type SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  UnsupportedGrantTypeException,
} from '@aws-sdk/client-sso-oidc';
import { ListAccountsCommand, type SSOClient, UnauthorizedException } from '@aws-sdk/client-sso';
import { rejects, START, startTestEmulator, type TestEmulator } from './helpers';
import { DEMO_START_URL, DEVICE_GRANT, register, signIn, ssoClients, startDevice } from './ssoHelpers';

/** The OAuth `error_description` of an SSO OIDC exception (the SDK's `message` is 'UnknownError', as with AWS). */
const oauthDescription = (error: Error): string =>
  String((error as Error & { error_description?: string }).error_description);

describe('emulator: SSO OIDC (device authorization sign-in)', () => {
  let emu: TestEmulator;
  let oidc: SSOOIDCClient;
  let portal: SSOClient;
  before(async () => {
    emu = await startTestEmulator();
    ({ oidc, portal } = ssoClients(emu));
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const poll = (client: { clientId: string; clientSecret: string }, deviceCode: string) =>
    oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode }));

  it('registers a public client for 90 days', async () => {
    const out = await oidc.send(new RegisterClientCommand({ clientName: 'snapshot-explorer', clientType: 'public' }));
    assert.match(out.clientId ?? '', /\S{16,}/);
    assert.match(out.clientSecret ?? '', /\S{32,}/);
    assert.equal(out.clientIdIssuedAt, START / 1000);
    assert.equal(out.clientSecretExpiresAt, START / 1000 + 90 * 24 * 3600);
    await rejects(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })), {
      cls: InvalidClientMetadataException,
      status: 400,
    });
    const grant = await rejects(
      oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: ['password'] })),
      { cls: UnsupportedGrantTypeException },
    );
    assert.match(oauthDescription(grant), /password/);
  });

  it('runs the device flow: pending, slow down, approved on the admin route, then a token once', async () => {
    const client = await register(oidc);
    const start = await oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_START_URL }));
    assert.match(start.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
    assert.equal(start.verificationUri, `${emu.url}/_emulator/sso/verify`);
    assert.equal(start.verificationUriComplete, `${emu.url}/_emulator/sso/verify?user_code=${start.userCode}`);
    assert.equal(start.expiresIn, 600);
    assert.equal(start.interval, 1);

    const pending = await rejects(poll(client, start.deviceCode!), { cls: AuthorizationPendingException, status: 400 });
    assert.equal((pending as AuthorizationPendingException).error, 'authorization_pending');
    const slow = await rejects(poll(client, start.deviceCode!), { cls: SlowDownException, status: 400 });
    assert.equal((slow as SlowDownException).error, 'slow_down');
    emu.clock.advance(1000);
    await rejects(poll(client, start.deviceCode!), { cls: AuthorizationPendingException });

    const approved = await emu.admin('POST', 'sso/approve', { userCode: start.userCode!.toLowerCase() });
    assert.deepEqual(approved, { status: 200, json: { userCode: start.userCode, status: 'approved' } });
    const token = await poll(client, start.deviceCode!);
    assert.equal(token.tokenType, 'Bearer');
    assert.equal(token.expiresIn, 8 * 3600);
    assert.match(token.accessToken ?? '', /\S{32,}/);
    assert.match(token.refreshToken ?? '', /\S{32,}/);
    assert.notEqual(token.accessToken, token.refreshToken);
    const used = await rejects(poll(client, start.deviceCode!), { cls: InvalidGrantException });
    assert.match(oauthDescription(used), /already used/);

    const accounts = await portal.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    assert.equal(accounts.accountList?.length, 6);
  });

  it('answers AccessDeniedException after Deny, and a decided code cannot be decided again', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    assert.equal((await emu.admin('POST', 'sso/deny', { userCode: device.userCode })).status, 200);
    const denied = await rejects(poll(client, device.deviceCode), { cls: AccessDeniedException, status: 400 });
    assert.equal((denied as AccessDeniedException).error, 'access_denied');
    const again = await emu.admin('POST', 'sso/approve', { userCode: device.userCode });
    assert.equal(again.status, 409);
    assert.match(JSON.stringify(again.json), /already denied/);
    await rejects(poll(client, device.deviceCode), { cls: AccessDeniedException });
  });

  it('expires a device code after 600 s: ExpiredTokenException, and the page can no longer approve it', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    emu.clock.advance(600_000);
    const approve = await emu.admin('POST', 'sso/approve', { userCode: device.userCode });
    assert.equal(approve.status, 410);
    const expired = await rejects(poll(client, device.deviceCode), { cls: ExpiredTokenException, status: 400 });
    assert.equal((expired as ExpiredTokenException).error, 'expired_token');
  });

  it('refuses bad input on the admin routes without changing anything', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    assert.equal((await emu.admin('POST', 'sso/approve', {})).status, 400);
    assert.equal((await emu.admin('POST', 'sso/approve', { userCode: 'ABC-123' })).status, 400);
    const unknown = await emu.admin('POST', 'sso/approve', { userCode: 'BBBB-CCCC' });
    assert.equal(unknown.status, 404);
    assert.match(JSON.stringify(unknown.json), /BBBB-CCCC/);
    assert.equal((await emu.admin('POST', 'sso/nothing', {})).status, 404);
    await rejects(poll(client, device.deviceCode), { cls: AuthorizationPendingException });
  });

  it('refuses an unknown client, a wrong secret, an expired registration and other grants', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    for (const bad of [
      { clientId: 'nobody', clientSecret: client.clientSecret },
      { clientId: client.clientId, clientSecret: 'wrong' },
    ]) {
      const error = await rejects(poll(bad, device.deviceCode), { cls: InvalidClientException, status: 401 });
      assert.equal((error as InvalidClientException).error, 'invalid_client');
      await rejects(oidc.send(new StartDeviceAuthorizationCommand({ ...bad, startUrl: DEMO_START_URL })), {
        cls: InvalidClientException,
      });
    }
    await rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: 'authorization_code', code: 'x' })), {
      cls: UnsupportedGrantTypeException,
    });
    const missing = await rejects(oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT })), {
      name: 'InvalidRequestException',
    });
    assert.match(oauthDescription(missing), /deviceCode/);
    await rejects(poll(client, 'not-a-device-code'), { cls: InvalidGrantException });
    const other = await register(oidc);
    await rejects(poll(other, device.deviceCode), { cls: InvalidGrantException });
    await rejects(oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: 'not a url' })), {
      name: 'InvalidRequestException',
    });
    emu.clock.advance(90 * 24 * 3600 * 1000);
    const old = await rejects(oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_START_URL })), {
      cls: InvalidClientException,
    });
    assert.match(oauthDescription(old), /expired/);
  });

  it('refreshes: a new access token, the same refresh token; works after the admin route expired every token', async () => {
    const session = await signIn(emu, oidc);
    const refresh = () =>
      oidc.send(
        new CreateTokenCommand({
          clientId: session.clientId,
          clientSecret: session.clientSecret,
          grantType: 'refresh_token',
          refreshToken: session.refreshToken,
        }),
      );
    const expired = await emu.admin('POST', 'sso/expire', {});
    assert.deepEqual(expired, { status: 200, json: { expired: 1 } });
    await rejects(portal.send(new ListAccountsCommand({ accessToken: session.accessToken })), {
      cls: UnauthorizedException,
      status: 401,
    });
    const renewed = await refresh();
    assert.equal(renewed.refreshToken, session.refreshToken);
    assert.notEqual(renewed.accessToken, session.accessToken);
    assert.equal(renewed.expiresIn, 8 * 3600);
    const accounts = await portal.send(new ListAccountsCommand({ accessToken: renewed.accessToken }));
    assert.equal(accounts.accountList?.length, 6);
    // An access token lasts 8 hours by the clock too.
    emu.clock.advance(8 * 3600 * 1000);
    await rejects(portal.send(new ListAccountsCommand({ accessToken: renewed.accessToken })), {
      cls: UnauthorizedException,
    });
    const other = await register(oidc);
    await rejects(
      oidc.send(new CreateTokenCommand({ ...other, grantType: 'refresh_token', refreshToken: session.refreshToken })),
      { cls: InvalidGrantException },
    );
  });

  it('sends errors as the service does: error and error_description only, the exception in x-amzn-errortype', async () => {
    const client = await register(oidc);
    const device = await startDevice(oidc, client);
    const response = await fetch(`${emu.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...client, grantType: DEVICE_GRANT, deviceCode: device.deviceCode }),
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-amzn-errortype'), 'AuthorizationPendingException');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
    assert.equal(body.error, 'authorization_pending');
  });
});
