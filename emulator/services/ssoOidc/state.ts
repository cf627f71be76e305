/**
 * IAM Identity Center's sign-in state, emulator-wide (one organisation, not per account): the OIDC clients registered
 * with RegisterClient, the device authorizations of StartDeviceAuthorization and the decision the verification page
 * took on each, and the access and refresh tokens of CreateToken. SSO OIDC writes it; the SSO portal (bearer tokens,
 * Logout) and the admin routes (approve, deny, expire) read it through the accessors here.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { accountSlice, type SliceStore } from '../../state/slices';

/** The demo portal's start URL (fixed: a start URL is in the config before any emulator runs, so no port in it). */
export const DEMO_START_URL = 'https://emulator-demo.awsapps.com/start';

/** The user every sign-in signs in (the session name of the credentials the portal hands out). */
export const DEMO_USER_NAME = 'emulator-demo-user';

/** How long a client registration lasts (AWS: 90 days). */
export const CLIENT_REGISTRATION_SECONDS = 90 * 24 * 60 * 60;
/** How long a device code lasts (AWS: 600 seconds). */
export const DEVICE_CODE_SECONDS = 600;
/**
 * The polling interval StartDeviceAuthorization asks for. AWS says 1 too; CreateToken answers SlowDownException to a
 * poll of a pending code sooner than this after the previous poll (with 200 ms of grace for network jitter).
 */
export const POLL_INTERVAL_SECONDS = 1;
export const POLL_GRACE_MS = 200;
/** How long an access token lasts (AWS: 8 hours). */
export const ACCESS_TOKEN_SECONDS = 8 * 60 * 60;

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  /** epoch ms */
  issuedAt: number;
  /** epoch ms */
  expiresAt: number;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'redeemed';

export interface DeviceAuthorization {
  deviceCode: string;
  /** `ABCD-EFGH` */
  userCode: string;
  clientId: string;
  startUrl: string;
  /** epoch ms */
  expiresAt: number;
  intervalSeconds: number;
  /** When CreateToken last asked about this code (epoch ms), for SlowDownException. */
  lastPollAt?: number;
  status: DeviceStatus;
}

/** A sign-in: one refresh token and the access tokens issued with it (the newest one after each refresh). */
export interface SsoSession {
  refreshToken: string;
  clientId: string;
  startUrl: string;
  /** Logout ended it: its access tokens and its refresh token no longer work. */
  loggedOut: boolean;
}

export interface AccessToken {
  accessToken: string;
  session: SsoSession;
  /** epoch ms; the admin route `expire` sets it to the past. */
  expiresAt: number;
}

export interface SsoDirectory {
  clients: Map<string, RegisteredClient>;
  /** By device code. */
  devices: Map<string, DeviceAuthorization>;
  /** User code → device code. */
  userCodes: Map<string, string>;
  /** By access token. */
  accessTokens: Map<string, AccessToken>;
  /** By refresh token. */
  sessions: Map<string, SsoSession>;
}

const directorySlice = accountSlice<SsoDirectory>('sso-oidc', () => ({
  clients: new Map(),
  devices: new Map(),
  userCodes: new Map(),
  accessTokens: new Map(),
  sessions: new Map(),
}));

/** The sign-in state in the emulator-wide store (`ctx.directory`, `Emulator.directory()`). */
export function ssoDirectoryIn(directory: SliceStore<'account'>): SsoDirectory {
  return directory.get(directorySlice);
}

/** An opaque random token with a readable prefix (`aoa` access, `aor` refresh, …), as long as AWS's. */
export function opaqueToken(prefix: string, bytes = 48): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

// Letters only, without vowels (no words) and without letters easily confused when read aloud or typed.
const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

/** A fresh user code `ABCD-EFGH` not in use. */
export function newUserCode(directory: SsoDirectory): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) code += USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)];
    code = `${code.slice(0, 4)}-${code.slice(4)}`;
    if (!directory.userCodes.has(code)) return code;
  }
}

/** A user code as people type it (`abcd efgh`, `ABCDEFGH`) in its canonical form `ABCD-EFGH`; undefined if not one. */
export function normalizeUserCode(text: string): string | undefined {
  const letters = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z]{8}$/.test(letters) ? `${letters.slice(0, 4)}-${letters.slice(4)}` : undefined;
}

/** The device authorization of a user code (any form people type), if any. */
export function deviceByUserCode(directory: SsoDirectory, userCode: string): DeviceAuthorization | undefined {
  const code = normalizeUserCode(userCode);
  const deviceCode = code === undefined ? undefined : directory.userCodes.get(code);
  return deviceCode === undefined ? undefined : directory.devices.get(deviceCode);
}

/** The access token's record when it works now: known, not expired, its session not logged out. */
export function validAccessToken(directory: SsoDirectory, token: string, now: number): AccessToken | undefined {
  const record = directory.accessTokens.get(token);
  return record && !record.session.loggedOut && now < record.expiresAt ? record : undefined;
}

/** Issues a new access token for a session (sign-in or refresh). */
export function issueAccessToken(directory: SsoDirectory, session: SsoSession, now: number): AccessToken {
  const record: AccessToken = {
    accessToken: opaqueToken('aoa'),
    session,
    expiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
  };
  directory.accessTokens.set(record.accessToken, record);
  return record;
}

/** The portal's name as its start URL says it (`https://NAME.awsapps.com/start` → NAME), else the URL's host. */
export function portalName(startUrl: string): string {
  try {
    const host = new URL(startUrl).hostname;
    return host.endsWith('.awsapps.com') ? host.slice(0, -'.awsapps.com'.length) : host;
  } catch {
    return startUrl;
  }
}
