// The inner clients of credential resolution: fromIni's STS (AssumeRole of each profile of a role chain,
// AssumeRoleWithWebIdentity) and SSO (GetRoleCredentials, SSO OIDC token refresh) clients, each pointed at the
// endpoint a service client of the profile that makes the call would use (`endpoints.ts`: the setting's `sts` /
// `sso` / `sso-oidc` key or `*`, AWS_ENDPOINT_URL_<SERVICE>, the profile's `services` section and endpoint_url), in
// that profile's region (STS: else us-east-1), each logged at debug level like the service clients. Planned afresh
// for each resolution, so a changed setting or config file is honoured at the next one.
import type { AwsCredentialIdentity } from '@smithy/types';
import * as l10n from '../l10n';
import type { Logger } from '../log';
import type { ClientService } from './clients';
import { createProfileEndpointReader } from './endpointConfig';
import { clientEndpointLine, describeEndpoint, resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import type { Sections } from './profileKinds';
import { accountOfArn, innerCallsOf, type ChainStart, type InnerCalls, type RoleStep } from './roleChain';
import type { Sdk } from './sdkLoader';

export const STS_SERVICE: ClientService = { kind: 'sts', serviceId: 'STS' };
export const SSO_SERVICE: ClientService = { kind: 'sso', serviceId: 'SSO' };
export const SSO_OIDC_SERVICE: ClientService = { kind: 'sso-oidc', serviceId: 'SSO OIDC' };

/** The region of an inner STS client whose profile names none (the SDK's default for STS). */
export const DEFAULT_STS_REGION = 'us-east-1';

/** The endpoint a client of `service` for `profile` uses, decided as for the service clients (the client factory's). */
export type EndpointResolver = (service: ClientService, profile: string) => Promise<ResolvedEndpoint>;

/**
 * The resolver of a process without the extension's setting (the language server's default, scripts): the
 * AWS_ENDPOINT_URL variables and the profile's `services` section and endpoint_url, as the AWS CLI reads them.
 */
export function configuredEndpoints(env: Readonly<Record<string, string | undefined>>): EndpointResolver {
  const read = createProfileEndpointReader(env);
  return async (service, profile) =>
    resolveEndpoint(service, { setting: {}, env, profile, profileConfig: await read(profile) });
}

type FromIniInit = NonNullable<Parameters<Sdk['fromIni']>[0]>;
export type RoleAssumer = NonNullable<FromIniInit['roleAssumer']>;
export type WebIdentityAssumer = NonNullable<FromIniInit['roleAssumerWithWebIdentity']>;
export type AssumeRoleParams = Parameters<RoleAssumer>[1];
export type WebIdentityParams = Parameters<WebIdentityAssumer>[0];

/** Where one inner call goes. */
export interface InnerTarget {
  readonly profile: string;
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
}

/** The STS calls themselves (the SDK's in the extension, fakes in unit tests). */
export interface StsCalls {
  assumeRole(
    target: InnerTarget,
    source: AwsCredentialIdentity,
    params: AssumeRoleParams,
  ): Promise<AwsCredentialIdentity>;
  assumeRoleWithWebIdentity(target: InnerTarget, params: WebIdentityParams): Promise<AwsCredentialIdentity>;
}

/** The targets of one resolution's inner calls. */
export interface InnerPlan {
  readonly assumeRole: readonly (RoleStep & { readonly target: InnerTarget })[];
  readonly webIdentity?: InnerTarget;
  /** The endpoint of the SSO (and SSO OIDC) client; undefined: AWS's. */
  readonly sso?: { readonly profile: string; readonly endpoint: ResolvedEndpoint };
}

/** What fromIni takes for its inner clients. */
export interface InnerClientOptions {
  readonly roleAssumer: RoleAssumer;
  readonly roleAssumerWithWebIdentity: WebIdentityAssumer;
  /** fromIni hands clientConfig to fromSSO (its SSO and SSO OIDC clients); its STS calls go to the two assumers. */
  readonly clientConfig: { readonly endpoint?: string; readonly ignoreConfiguredEndpointUrls: true };
}

async function stsTarget(resolve: EndpointResolver, step: { profile: string; region?: string }): Promise<InnerTarget> {
  return {
    profile: step.profile,
    region: step.region ?? DEFAULT_STS_REGION,
    endpoint: await resolve(STS_SERVICE, step.profile),
  };
}

/**
 * The SSO client and, for a profile with an sso_session, the SSO OIDC client that refreshes its token: fromIni gives
 * both one clientConfig, so they can only share an endpoint. When the two resolve differently, nothing is sent.
 */
async function ssoTarget(resolve: EndpointResolver, sso: ChainStart): Promise<InnerPlan['sso']> {
  const endpoint = await resolve(SSO_SERVICE, sso.profile);
  if (sso.ssoSession !== undefined) {
    const oidc = await resolve(SSO_OIDC_SERVICE, sso.profile);
    if (oidc.url !== endpoint.url) {
      const name = (e: ResolvedEndpoint) => (e.url === undefined ? e.source : `${e.url} (${e.source})`);
      throw new Error(
        l10n.t(
          'Profile "{0}" gets its credentials through IAM Identity Center, whose SSO and SSO OIDC clients share one endpoint, but sso resolves to {1} and sso-oidc to {2}. Give both the same endpoint. No request was sent.',
          sso.profile,
          name(endpoint),
          name(oidc),
        ),
      );
    }
  }
  return { profile: sso.profile, endpoint };
}

/** Resolves the endpoint of every inner call of `calls` (throws, before any call, on an invalid or missing one). */
export async function planInnerCalls(calls: InnerCalls, resolve: EndpointResolver): Promise<InnerPlan> {
  const assumeRole = await Promise.all(
    calls.assumeRole.map(async (step) => ({ ...step, target: await stsTarget(resolve, step) })),
  );
  return {
    assumeRole,
    ...(calls.webIdentity ? { webIdentity: await stsTarget(resolve, calls.webIdentity) } : {}),
    ...(calls.sso ? { sso: await ssoTarget(resolve, calls.sso) } : {}),
  };
}

/** The plan of resolving `profile` from the merged profile sections. */
export function planProfile(profile: string, sections: Sections, resolve: EndpointResolver): Promise<InnerPlan> {
  return planInnerCalls(innerCallsOf(profile, sections), resolve);
}

function logTarget(logger: Logger, kind: string, target: InnerTarget): void {
  logger.debug(clientEndpointLine(kind, target.profile, target.region, target.endpoint));
}

/**
 * fromIni's inner clients for one resolution. fromIni calls `roleAssumer` once per step of the chain, innermost
 * first, each time with the credentials the previous step returned: that tells which step (so which profile's
 * endpoint and region) a call is, even when two steps assume the same role.
 */
export function innerClientOptions(plan: InnerPlan, sts: StsCalls, logger: Logger): InnerClientOptions {
  const stepOf = new WeakMap<object, number>();
  const roleAssumer: RoleAssumer = async (source, params) => {
    const previous = stepOf.get(source);
    let index = previous === undefined ? 0 : previous + 1;
    if (plan.assumeRole[index]?.roleArn !== params.RoleArn) {
      index = plan.assumeRole.findIndex((step) => step.roleArn === params.RoleArn);
    }
    const step = plan.assumeRole[index];
    if (!step) {
      throw new Error(
        l10n.t('The AWS SDK asked to assume role {0}, which no profile of the chain names.', params.RoleArn ?? ''),
      );
    }
    logTarget(logger, STS_SERVICE.kind, step.target);
    const credentials = await sts.assumeRole(step.target, source, params);
    const accountId = credentials.accountId ?? accountOfArn(step.roleArn);
    const result: AwsCredentialIdentity = { ...credentials, ...(accountId ? { accountId } : {}) };
    stepOf.set(result, index);
    return result;
  };
  const roleAssumerWithWebIdentity: WebIdentityAssumer = async (params) => {
    const target = plan.webIdentity;
    if (!target) {
      throw new Error(
        l10n.t('The AWS SDK asked for web identity credentials of {0}, which no profile names.', params.RoleArn ?? ''),
      );
    }
    logTarget(logger, STS_SERVICE.kind, target);
    return sts.assumeRoleWithWebIdentity(target, params);
  };
  const ssoEndpoint = plan.sso?.endpoint;
  if (plan.sso) logger.debug(`SSO clients of profile "${plan.sso.profile}": ${describeEndpoint(plan.sso.endpoint)}`);
  return {
    roleAssumer,
    roleAssumerWithWebIdentity,
    // endpoints.ts decided for this profile; the SDK's own lookup would read AWS_PROFILE's.
    clientConfig: {
      ...(ssoEndpoint?.url !== undefined ? { endpoint: ssoEndpoint.url } : {}),
      ignoreConfiguredEndpointUrls: true,
    },
  };
}

/**
 * The SDK's STS calls through @aws-sdk/credential-providers, one short-lived client per call (closed after it), with
 * the request timeout of the service clients. No logger: the SDK would log the call's output, the new credentials.
 */
export function sdkStsCalls(sdk: Sdk, options: { requestTimeoutMs?: () => number }): StsCalls {
  const withHandler = async <T>(use: (handler: InstanceType<Sdk['NodeHttpHandler']>) => Promise<T>): Promise<T> => {
    const timeout = options.requestTimeoutMs?.();
    const handler = new sdk.NodeHttpHandler(
      timeout !== undefined ? { requestTimeout: timeout, connectionTimeout: timeout, throwOnRequestTimeout: true } : {},
    );
    try {
      return await use(handler);
    } finally {
      handler.destroy();
    }
  };
  const clientConfig = (target: InnerTarget, requestHandler: InstanceType<Sdk['NodeHttpHandler']>) => ({
    region: target.region,
    ...(target.endpoint.url !== undefined ? { endpoint: target.endpoint.url } : {}),
    // endpoints.ts decided for this profile; the SDK's own lookup would read AWS_PROFILE's.
    ignoreConfiguredEndpointUrls: true,
    requestHandler,
  });
  return {
    assumeRole: (target, source, params) =>
      withHandler((handler) => {
        const { TokenCode, ...rest } = params;
        return sdk.fromTemporaryCredentials({
          params: rest,
          masterCredentials: source,
          clientConfig: clientConfig(target, handler),
          // fromIni asked for the code already: hand the same one on, never ask twice.
          ...(TokenCode !== undefined ? { mfaCodeProvider: () => Promise.resolve(TokenCode) } : {}),
        })();
      }),
    assumeRoleWithWebIdentity: (target, params) =>
      withHandler((handler) =>
        sdk.fromWebToken({
          roleArn: params.RoleArn,
          roleSessionName: params.RoleSessionName,
          webIdentityToken: params.WebIdentityToken,
          ...(params.ProviderId !== undefined ? { providerId: params.ProviderId } : {}),
          ...(params.PolicyArns !== undefined ? { policyArns: params.PolicyArns } : {}),
          ...(params.Policy !== undefined ? { policy: params.Policy } : {}),
          ...(params.DurationSeconds !== undefined ? { durationSeconds: params.DurationSeconds } : {}),
          clientConfig: clientConfig(target, handler),
        })(),
      ),
  };
}
