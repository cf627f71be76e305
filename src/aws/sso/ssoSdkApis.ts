// The IAM Identity Center APIs (./ssoApi) over the lazily loaded SDK: one SSO portal client and one SSO OIDC client
// per region and endpoint, at the endpoint `endpointFor` names (undefined: AWS's public one), with the standard retry
// policy (../retryPolicy) and one debug log line per call (never a token: the SDK clients get no logger).
import type { HttpHandler } from '@smithy/protocol-http';
import type { Logger } from '../../log';
import { describeError } from '../redact';
import { PlaceRetryStrategy } from '../retryPolicy';
import { loadSdk, type Sdk } from '../sdkLoader';
import type { OidcApi, PortalApi, SsoApis } from './ssoApi';
import { errorName } from './ssoApi';

export type SsoEndpointKind = 'sso' | 'sso-oidc';

export interface SsoSdkApisOptions {
  /** The endpoint override of the portal (`sso`) or of SSO OIDC (`sso-oidc`) in a region; undefined: AWS's. */
  readonly endpointFor: (kind: SsoEndpointKind, region: string) => Promise<string | undefined>;
  readonly logger: Logger;
  /** The HTTP handler to send with (e.g. the extension's shared pool); default: one of our own. */
  readonly requestHandler?: HttpHandler<object>;
  readonly userAgent?: string;
  /** Attempts per call, the first included (default 3, the SDK's). */
  readonly maxAttempts?: number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 10_000;

type SsoClient = InstanceType<Sdk['SSOClient']>;
type OidcClient = InstanceType<Sdk['SSOOIDCClient']>;

export function createSsoSdkApis(options: SsoSdkApisOptions): SsoApis {
  const { logger } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  const clients = new Map<string, SsoClient | OidcClient>();
  const retries = new Map<string, PlaceRetryStrategy>();
  let ownHandler: InstanceType<Sdk['NodeHttpHandler']> | undefined;

  const handler = (sdk: Sdk): HttpHandler<object> => {
    if (options.requestHandler) return options.requestHandler;
    ownHandler ??= new sdk.NodeHttpHandler({
      requestTimeout: REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
    });
    return ownHandler;
  };

  async function client<C extends SsoClient | OidcClient>(
    kind: SsoEndpointKind,
    region: string,
    build: (sdk: Sdk, config: Record<string, unknown>) => C,
  ): Promise<C> {
    const [sdk, endpoint] = await Promise.all([loadSdk(), options.endpointFor(kind, region)]);
    const key = `${kind}\u0000${region}\u0000${endpoint ?? ''}`;
    const cached = clients.get(key);
    if (cached) return cached as C;
    let retryStrategy = retries.get(region);
    if (!retryStrategy) {
      retryStrategy = new PlaceRetryStrategy({ maxAttempts: () => maxAttempts });
      retries.set(region, retryStrategy);
    }
    const created = build(sdk, {
      region,
      ...(endpoint !== undefined ? { endpoint } : {}),
      maxAttempts,
      retryStrategy,
      requestHandler: handler(sdk),
      ...(options.userAgent ? { customUserAgent: options.userAgent } : {}),
      // endpointFor has decided; the SDK's own lookup would read the default profile's endpoint_url.
      ignoreConfiguredEndpointUrls: true,
    });
    clients.set(key, created);
    logger.debug(
      `Created ${kind} client in ${region}: ${endpoint !== undefined ? `endpoint ${endpoint}` : "AWS's public endpoint"}`,
    );
    return created;
  }

  async function logged<T>(service: string, operation: string, region: string, call: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      const result = await call();
      logger.debug(`${service} ${operation} in ${region}: ok in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      const code = errorName(error) ?? describeError(error);
      logger.debug(`${service} ${operation} in ${region}: ${code} after ${Date.now() - started} ms`);
      throw error;
    }
  }

  const oidc = async (region: string): Promise<OidcApi> => {
    const sdk = await loadSdk();
    const c = await client('sso-oidc', region, (s, config) => new s.SSOOIDCClient(config));
    return {
      registerClient: (input, abortSignal) =>
        logged('SSO OIDC', 'RegisterClient', region, async () => {
          const out = await c.send(new sdk.RegisterClientCommand(input), { abortSignal });
          if (!out.clientId || !out.clientSecret) throw new Error('RegisterClient returned no client id or secret.');
          return {
            clientId: out.clientId,
            clientSecret: out.clientSecret,
            ...(out.clientSecretExpiresAt ? { clientSecretExpiresAt: out.clientSecretExpiresAt } : {}),
          };
        }),
      startDeviceAuthorization: (input, abortSignal) =>
        logged('SSO OIDC', 'StartDeviceAuthorization', region, async () => {
          const out = await c.send(new sdk.StartDeviceAuthorizationCommand(input), { abortSignal });
          if (!out.deviceCode || !out.userCode || !out.verificationUri || !out.expiresIn) {
            throw new Error('StartDeviceAuthorization returned no device code, user code or verification URI.');
          }
          return {
            deviceCode: out.deviceCode,
            userCode: out.userCode,
            verificationUri: out.verificationUri,
            ...(out.verificationUriComplete ? { verificationUriComplete: out.verificationUriComplete } : {}),
            expiresIn: out.expiresIn,
            ...(out.interval ? { interval: out.interval } : {}),
          };
        }),
      createToken: (input, abortSignal) =>
        logged('SSO OIDC', 'CreateToken', region, async () => {
          const out = await c.send(new sdk.CreateTokenCommand(input), { abortSignal });
          if (!out.accessToken || !out.expiresIn) throw new Error('CreateToken returned no access token.');
          return {
            accessToken: out.accessToken,
            expiresIn: out.expiresIn,
            ...(out.refreshToken ? { refreshToken: out.refreshToken } : {}),
          };
        }),
    };
  };

  const portal = async (region: string): Promise<PortalApi> => {
    const sdk = await loadSdk();
    const c = await client('sso', region, (s, config) => new s.SSOClient(config));
    return {
      listAccounts: (input, abortSignal) =>
        logged('SSO', 'ListAccounts', region, async () => {
          const out = await c.send(new sdk.ListAccountsCommand(input), { abortSignal });
          return {
            accounts: (out.accountList ?? []).flatMap((a) =>
              a.accountId
                ? [
                    {
                      accountId: a.accountId,
                      ...(a.accountName ? { accountName: a.accountName } : {}),
                      ...(a.emailAddress ? { emailAddress: a.emailAddress } : {}),
                    },
                  ]
                : [],
            ),
            ...(out.nextToken ? { nextToken: out.nextToken } : {}),
          };
        }),
      listAccountRoles: (input, abortSignal) =>
        logged('SSO', 'ListAccountRoles', region, async () => {
          const out = await c.send(new sdk.ListAccountRolesCommand(input), { abortSignal });
          return {
            roles: (out.roleList ?? []).flatMap((r) => (r.roleName ? [r.roleName] : [])),
            ...(out.nextToken ? { nextToken: out.nextToken } : {}),
          };
        }),
      getRoleCredentials: (input, abortSignal) =>
        logged('SSO', 'GetRoleCredentials', region, async () => {
          const out = await c.send(new sdk.GetRoleCredentialsCommand(input), { abortSignal });
          const r = out.roleCredentials;
          if (!r?.accessKeyId || !r.secretAccessKey || !r.sessionToken || !r.expiration) {
            throw new Error('GetRoleCredentials returned incomplete credentials.');
          }
          return {
            accessKeyId: r.accessKeyId,
            secretAccessKey: r.secretAccessKey,
            sessionToken: r.sessionToken,
            expiration: r.expiration,
          };
        }),
      logout: (input, abortSignal) =>
        logged('SSO', 'Logout', region, async () => {
          await c.send(new sdk.LogoutCommand(input), { abortSignal });
        }),
    };
  };

  return {
    oidc,
    portal,
    dispose() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
      ownHandler?.destroy();
      ownHandler = undefined;
    },
  };
}
