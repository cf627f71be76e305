/**
 * SSO OIDC's operations: RegisterClient (a public client, 90 days), StartDeviceAuthorization (a device code and a user
 * code the verification page approves or denies) and CreateToken (the device code grant, polled, and the refresh
 * token grant). Unsigned, as the model says (`authtype: none`).
 */
import { type CallContext, type Handler } from '../types';
import { oidcError } from './errors';
import {
  CLIENT_REGISTRATION_SECONDS,
  DEVICE_CODE_SECONDS,
  type DeviceAuthorization,
  issueAccessToken,
  newUserCode,
  opaqueToken,
  POLL_GRACE_MS,
  POLL_INTERVAL_SECONDS,
  type RegisteredClient,
  ssoDirectoryIn,
  type SsoDirectory,
  type SsoSession,
} from './state';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const REFRESH_TOKEN_GRANT = 'refresh_token';
const SUPPORTED_GRANTS: readonly string[] = [DEVICE_CODE_GRANT, REFRESH_TOKEN_GRANT];

/** The path of the verification page (emulator/ssoAdmin.ts serves it). */
export const VERIFY_PATH = '/_emulator/sso/verify';

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** The registered client named by the request, when its secret matches and has not expired. */
function authenticClient(directory: SsoDirectory, input: Record<string, unknown>, now: number): RegisteredClient {
  const client = directory.clients.get(input.clientId as string);
  if (!client || client.clientSecret !== input.clientSecret) {
    throw oidcError('InvalidClientException', 'Invalid client: unknown client id or wrong client secret.');
  }
  if (now >= client.expiresAt) {
    throw oidcError('InvalidClientException', 'Invalid client: the client registration has expired; register again.');
  }
  return client;
}

const registerClient: Handler = (ctx, input) => {
  const directory = ssoDirectoryIn(ctx.directory);
  if (input.clientType !== 'public') {
    throw oidcError(
      'InvalidClientMetadataException',
      `Invalid client type '${String(input.clientType)}': only 'public' clients can register.`,
    );
  }
  const unsupported = ((input.grantTypes as string[] | undefined) ?? []).filter((g) => !SUPPORTED_GRANTS.includes(g));
  if (unsupported.length) {
    throw oidcError(
      'UnsupportedGrantTypeException',
      `Unsupported grant type '${unsupported[0]}': the emulator supports ${SUPPORTED_GRANTS.join(' and ')}.`,
    );
  }
  const client: RegisteredClient = {
    clientId: opaqueToken('emuclient-', 16),
    clientSecret: opaqueToken('emusecret-'),
    clientName: input.clientName as string,
    issuedAt: ctx.now,
    expiresAt: ctx.now + CLIENT_REGISTRATION_SECONDS * 1000,
  };
  directory.clients.set(client.clientId, client);
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: seconds(client.issuedAt),
    clientSecretExpiresAt: seconds(client.expiresAt),
  };
};

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const startDeviceAuthorization: Handler = (ctx, input) => {
  const directory = ssoDirectoryIn(ctx.directory);
  const client = authenticClient(directory, input, ctx.now);
  const startUrl = input.startUrl as string;
  if (!isWebUrl(startUrl)) {
    throw oidcError('InvalidRequestException', `Invalid start URL '${startUrl}': it must be an https:// URL.`);
  }
  const device: DeviceAuthorization = {
    deviceCode: opaqueToken('emudevice-'),
    userCode: newUserCode(directory),
    clientId: client.clientId,
    startUrl,
    expiresAt: ctx.now + DEVICE_CODE_SECONDS * 1000,
    intervalSeconds: POLL_INTERVAL_SECONDS,
    status: 'pending',
  };
  directory.devices.set(device.deviceCode, device);
  directory.userCodes.set(device.userCode, device.deviceCode);
  const verificationUri = `${ctx.baseUrl}${VERIFY_PATH}`;
  return {
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${device.userCode}`,
    expiresIn: DEVICE_CODE_SECONDS,
    interval: device.intervalSeconds,
  };
};

function tokenOutput(accessToken: string, expiresAt: number, refreshToken: string, now: number) {
  return { accessToken, tokenType: 'Bearer', expiresIn: Math.round((expiresAt - now) / 1000), refreshToken };
}

function deviceCodeGrant(ctx: CallContext, directory: SsoDirectory, client: RegisteredClient, deviceCode: unknown) {
  if (typeof deviceCode !== 'string' || deviceCode === '') {
    throw oidcError('InvalidRequestException', 'The device code grant needs a deviceCode.');
  }
  const device = directory.devices.get(deviceCode);
  if (!device || device.clientId !== client.clientId) {
    throw oidcError('InvalidGrantException', 'Invalid grant: the device code is not one of this client.');
  }
  if (device.status === 'redeemed') {
    throw oidcError('InvalidGrantException', 'Invalid grant: the device code was already used for a token.');
  }
  if (ctx.now >= device.expiresAt) {
    throw oidcError('ExpiredTokenException', 'The device code has expired; start the sign-in again.');
  }
  if (device.status === 'denied') {
    throw oidcError('AccessDeniedException', 'The sign-in request was denied on the verification page.');
  }
  if (device.status === 'pending') {
    const previous = device.lastPollAt;
    device.lastPollAt = ctx.now;
    if (previous !== undefined && ctx.now - previous < device.intervalSeconds * 1000 - POLL_GRACE_MS) {
      throw oidcError('SlowDownException', `Polled sooner than the interval of ${device.intervalSeconds} s.`);
    }
    throw oidcError('AuthorizationPendingException', 'The sign-in request has not been approved yet.');
  }
  device.status = 'redeemed';
  const session: SsoSession = {
    refreshToken: opaqueToken('aor'),
    clientId: client.clientId,
    startUrl: device.startUrl,
    loggedOut: false,
  };
  directory.sessions.set(session.refreshToken, session);
  const token = issueAccessToken(directory, session, ctx.now);
  return tokenOutput(token.accessToken, token.expiresAt, session.refreshToken, ctx.now);
}

function refreshTokenGrant(ctx: CallContext, directory: SsoDirectory, client: RegisteredClient, refresh: unknown) {
  if (typeof refresh !== 'string' || refresh === '') {
    throw oidcError('InvalidRequestException', 'The refresh_token grant needs a refreshToken.');
  }
  const session = directory.sessions.get(refresh);
  if (!session || session.clientId !== client.clientId) {
    throw oidcError('InvalidGrantException', 'Invalid grant: the refresh token is not one of this client.');
  }
  if (session.loggedOut) {
    throw oidcError('InvalidGrantException', 'Invalid grant: the session of this refresh token was signed out.');
  }
  const token = issueAccessToken(directory, session, ctx.now);
  return tokenOutput(token.accessToken, token.expiresAt, session.refreshToken, ctx.now);
}

const createToken: Handler = (ctx, input) => {
  const directory = ssoDirectoryIn(ctx.directory);
  const client = authenticClient(directory, input, ctx.now);
  switch (input.grantType) {
    case DEVICE_CODE_GRANT:
      return deviceCodeGrant(ctx, directory, client, input.deviceCode);
    case REFRESH_TOKEN_GRANT:
      return refreshTokenGrant(ctx, directory, client, input.refreshToken);
    default:
      throw oidcError(
        'UnsupportedGrantTypeException',
        `Unsupported grant type '${String(input.grantType)}': the emulator supports ${SUPPORTED_GRANTS.join(' and ')}.`,
      );
  }
};

export const ssoOidcOperations: Readonly<Record<string, Handler>> = {
  RegisterClient: registerClient,
  StartDeviceAuthorization: startDeviceAuthorization,
  CreateToken: createToken,
};
