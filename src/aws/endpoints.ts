// Which endpoint a client uses, and why: the extension's `snapshotExplorer.endpoints` setting first (per service,
// then `*`), then what the AWS CLI honours: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
// `services` section and its own `endpoint_url` (unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or the profile's
// `ignore_configured_endpoint_urls` says to ignore them), else AWS's public endpoint. Pure: no I/O.
import type { ClientService } from './clients';
import * as l10n from '../l10n';

type Env = Readonly<Record<string, string | undefined>>;

/** What one profile of the AWS config file says about endpoints. */
export interface ProfileEndpointConfig {
  /** The profile's own `endpoint_url`. */
  readonly endpointUrl?: string;
  /** The name of the `[services NAME]` section the profile points to. */
  readonly servicesSection?: string;
  /** That section's `endpoint_url` per service key (`docdb`, `neptune_graph`, ...). */
  readonly services?: Readonly<Record<string, string>>;
  /** The profile's `ignore_configured_endpoint_urls`. */
  readonly ignoreConfigured?: boolean;
  /** Why the profile's endpoint settings cannot be used (e.g. its `services` section is missing). */
  readonly error?: string;
}

export interface EndpointInputs {
  /** The setting's user-level value: per client kind (see `ClientService`) or `*`. */
  readonly setting: Readonly<Record<string, string>>;
  readonly env: Env;
  readonly profile: string;
  readonly profileConfig: ProfileEndpointConfig;
}

export interface ResolvedEndpoint {
  /** The endpoint URL; undefined: AWS's public endpoint of the service and region. */
  readonly url: string | undefined;
  /** Where it came from, for the log and messages, e.g. `snapshotExplorer.endpoints["*"]`. */
  readonly source: string;
}

/** The name of the endpoint setting, for messages. */
export const ENDPOINT_SETTING = 'snapshotExplorer.endpoints';

/** The service's id in `AWS_ENDPOINT_URL_<ID>`: the SDK service id, upper case, spaces as underscores. */
export function envSuffix(service: ClientService): string {
  return service.serviceId.toUpperCase().replace(/ /g, '_');
}

/** The service's key in a `[services]` section of the config file: the SDK service id, lower case, with `_`. */
export function configServiceKey(service: ClientService): string {
  return service.serviceId.toLowerCase().replace(/ /g, '_');
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

/** The setting's override of a client kind (its own key first, then `*`), with the key it came from. */
export function settingOverride(
  setting: Readonly<Record<string, string>>,
  kind: string,
): { key: string; url: string } | undefined {
  for (const key of [kind, '*']) {
    const value = setting[key];
    if (present(value)) return { key, url: value.trim() };
  }
  return undefined;
}

/** Throws a sentence naming the source when `url` is not an http(s) URL. */
export function validEndpoint(kind: string, url: string, source: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Error(
      l10n.t('The endpoint override for {0} ("{1}") is not a valid http(s) URL; fix {2}.', kind, url, source),
    );
  }
  return url;
}

/** The endpoint of one client's service for one profile, from the first source that names one. */
export function resolveEndpoint(service: ClientService, inputs: EndpointInputs): ResolvedEndpoint {
  const { kind } = service;
  const fromSetting = settingOverride(inputs.setting, kind);
  if (fromSetting) {
    const source = `${ENDPOINT_SETTING}["${fromSetting.key}"]`;
    return { url: validEndpoint(kind, fromSetting.url, source), source };
  }
  const { env, profile, profileConfig } = inputs;
  const ignoreConfigured = truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || profileConfig.ignoreConfigured === true;
  if (!ignoreConfigured) {
    const envName = `AWS_ENDPOINT_URL_${envSuffix(service)}`;
    for (const name of [envName, 'AWS_ENDPOINT_URL']) {
      const value = env[name];
      if (present(value)) return { url: validEndpoint(kind, value.trim(), name), source: name };
    }
    if (profileConfig.error !== undefined) throw new Error(profileConfig.error);
    const fromServices = profileConfig.services?.[configServiceKey(service)];
    if (present(fromServices)) {
      const source = l10n.t(
        'the endpoint_url of {0} in [services {1}] of profile "{2}"',
        configServiceKey(service),
        profileConfig.servicesSection ?? '',
        profile,
      );
      return { url: validEndpoint(kind, fromServices.trim(), source), source };
    }
    if (present(profileConfig.endpointUrl)) {
      const source = l10n.t('the endpoint_url of profile "{0}"', profile);
      return { url: validEndpoint(kind, profileConfig.endpointUrl.trim(), source), source };
    }
  }
  return { url: undefined, source: l10n.t("AWS's public endpoint") };
}

/** An endpoint and its source for the log, e.g. `endpoint http://127.0.0.1:4566 (snapshotExplorer.endpoints["*"])`. */
export function describeEndpoint(resolved: ResolvedEndpoint): string {
  return resolved.url !== undefined
    ? `endpoint ${resolved.url} (${resolved.source})`
    : `${resolved.source} (no override)`;
}

/** The debug log line of a client created for a profile and region: its endpoint and where it came from. */
export function clientEndpointLine(kind: string, profile: string, region: string, resolved: ResolvedEndpoint): string {
  return `Created ${kind} client for profile "${profile}" in ${region}: ${describeEndpoint(resolved)}`;
}
