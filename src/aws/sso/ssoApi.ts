// The calls of IAM Identity Center this extension makes, as plain interfaces (no SDK types): SSO OIDC (client
// registration, device authorization, tokens) and the SSO portal (accounts, roles, role credentials, logout).
// ./ssoSdkApis.ts implements them over the lazily loaded SDK; tests pass fakes. Failures are the SDK's service
// errors: `name` is the modeled error code (`AuthorizationPendingException`, `UnauthorizedException`, …).

export interface OidcApi {
  registerClient(
    input: { clientName: string; clientType: 'public'; scopes?: string[] },
    signal?: AbortSignal,
  ): Promise<{ clientId: string; clientSecret: string; /** epoch seconds */ clientSecretExpiresAt?: number }>;
  startDeviceAuthorization(
    input: { clientId: string; clientSecret: string; startUrl: string },
    signal?: AbortSignal,
  ): Promise<{
    deviceCode: string;
    userCode: string;
    verificationUri: string;
    verificationUriComplete?: string;
    /** seconds */
    expiresIn: number;
    /** seconds between CreateToken polls */
    interval?: number;
  }>;
  createToken(
    input: {
      clientId: string;
      clientSecret: string;
      grantType: 'urn:ietf:params:oauth:grant-type:device_code' | 'refresh_token';
      deviceCode?: string;
      refreshToken?: string;
    },
    signal?: AbortSignal,
  ): Promise<{ accessToken: string; /** seconds */ expiresIn: number; refreshToken?: string }>;
}

export interface PortalAccount {
  readonly accountId: string;
  readonly accountName?: string;
  readonly emailAddress?: string;
}

export interface PortalRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** epoch ms */
  readonly expiration: number;
}

export interface PortalApi {
  listAccounts(
    input: { accessToken: string; nextToken?: string; maxResults?: number },
    signal?: AbortSignal,
  ): Promise<{ accounts: PortalAccount[]; nextToken?: string }>;
  listAccountRoles(
    input: { accessToken: string; accountId: string; nextToken?: string; maxResults?: number },
    signal?: AbortSignal,
  ): Promise<{ roles: string[]; nextToken?: string }>;
  getRoleCredentials(
    input: { accessToken: string; accountId: string; roleName: string },
    signal?: AbortSignal,
  ): Promise<PortalRoleCredentials>;
  logout(input: { accessToken: string }, signal?: AbortSignal): Promise<void>;
}

/** The APIs of one region (IAM Identity Center lives in one region per instance). */
export interface SsoApis {
  oidc(region: string): Promise<OidcApi>;
  portal(region: string): Promise<PortalApi>;
  /** Closes the clients' connections. */
  dispose(): void;
}

/** The modeled error code of a failure (the SDK's `name`), if any. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== 'Error' ? name : undefined;
}

/** The error's own message, for a sentence that quotes it. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return errorName(error) ?? String(error);
}
