// Shared setup for the IAM Identity Center tests: the real SSO OIDC and SSO portal clients pointed at the emulator, and
// a sign-in through the device flow approved by the emulator's admin route.
import assert from 'node:assert/strict';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { SSOClient } from '@aws-sdk/client-sso';
import { type TestEmulator } from './helpers';

export const DEMO_START_URL = 'https://emulator-demo.awsapps.com/start';
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Unsigned clients (SSO OIDC and the portal need no AWS credentials), one attempt: errors reach the test as sent. */
export function ssoClients(emu: { url: string }): { oidc: SSOOIDCClient; portal: SSOClient } {
  const config = { endpoint: emu.url, region: 'us-east-1', maxAttempts: 1 };
  return { oidc: new SSOOIDCClient(config), portal: new SSOClient(config) };
}

export interface Registration {
  clientId: string;
  clientSecret: string;
}

export async function register(oidc: SSOOIDCClient): Promise<Registration> {
  const out = await oidc.send(
    new RegisterClientCommand({ clientName: 'snapshot-explorer-test', clientType: 'public' }),
  );
  assert.ok(out.clientId && out.clientSecret);
  return { clientId: out.clientId, clientSecret: out.clientSecret };
}

export async function startDevice(
  oidc: SSOOIDCClient,
  client: Registration,
): Promise<{ deviceCode: string; userCode: string; verificationUri: string; verificationUriComplete: string }> {
  const out = await oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_START_URL }));
  assert.ok(out.deviceCode && out.userCode && out.verificationUri && out.verificationUriComplete);
  return {
    deviceCode: out.deviceCode,
    userCode: out.userCode,
    verificationUri: out.verificationUri,
    verificationUriComplete: out.verificationUriComplete,
  };
}

/** Registers, starts a device authorization, approves it through POST /_emulator/sso/approve and redeems it. */
export async function signIn(
  emu: TestEmulator,
  oidc: SSOOIDCClient,
): Promise<Registration & { accessToken: string; refreshToken: string }> {
  const client = await register(oidc);
  const device = await startDevice(oidc, client);
  const approved = await emu.admin('POST', 'sso/approve', { userCode: device.userCode });
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  const token = await oidc.send(
    new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: device.deviceCode }),
  );
  assert.ok(token.accessToken && token.refreshToken);
  return { ...client, accessToken: token.accessToken, refreshToken: token.refreshToken };
}
