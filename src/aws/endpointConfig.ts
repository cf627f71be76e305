// Reads what the AWS config file says about each profile's endpoints (`endpoint_url`, `services` and its section,
// `ignore_configured_endpoint_urls`), as the AWS CLI does. The parsed files are kept while their size and
// modification time stay the same, so building many clients reads them once, and an edit is seen at the next client.
import { stat } from 'node:fs/promises';
import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileEndpointConfig } from './endpoints';
import { configFilePath, credentialsFilePath } from './paths';
import * as l10n from '../l10n';

type Env = Readonly<Record<string, string | undefined>>;
type Section = Readonly<Record<string, string | undefined>>;
type Sections = Readonly<Record<string, Section>>;

/** The endpoint settings of one profile (none for `@env` or an unknown profile). */
export type ProfileEndpointReader = (profile: string) => Promise<ProfileEndpointConfig>;

const SERVICES_PREFIX = `services${CONFIG_PREFIX_SEPARATOR}`;
const ENDPOINT_URL_SUFFIX = `${CONFIG_PREFIX_SEPARATOR}endpoint_url`;

/** The endpoint settings of `profile` in parsed config and credentials files (the config file's win). */
export function profileEndpointConfig(
  profile: string,
  configFile: Sections,
  credentialsFile: Sections,
): ProfileEndpointConfig {
  const section: Section = { ...credentialsFile[profile], ...configFile[profile] };
  const servicesSection = section.services?.trim();
  const ignoreConfigured = section.ignore_configured_endpoint_urls?.trim().toLowerCase() === 'true';
  const base: ProfileEndpointConfig = {
    ...(section.endpoint_url?.trim() ? { endpointUrl: section.endpoint_url.trim() } : {}),
    ...(ignoreConfigured ? { ignoreConfigured } : {}),
  };
  if (!servicesSection) return base;
  const services = configFile[`${SERVICES_PREFIX}${servicesSection}`];
  if (!services) {
    return {
      ...base,
      servicesSection,
      error: l10n.t(
        'Profile "{0}" names the services section "{1}", which the AWS config file does not have.',
        profile,
        servicesSection,
      ),
    };
  }
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(services)) {
    if (key.endsWith(ENDPOINT_URL_SUFFIX) && value?.trim()) urls[key.slice(0, -ENDPOINT_URL_SUFFIX.length)] = value;
  }
  return { ...base, servicesSection, services: urls };
}

async function fileStamp(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** A reader over the AWS files that `env` names (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, or ~/.aws). */
export function createProfileEndpointReader(env: Env): ProfileEndpointReader {
  const configFilepath = configFilePath(env);
  const filepath = credentialsFilePath(env);
  let cached: { stamp: string; files: Promise<{ configFile: Sections; credentialsFile: Sections }> } | undefined;
  return async (profile) => {
    const stamp = (await Promise.all([fileStamp(configFilepath), fileStamp(filepath)])).join('|');
    if (!cached || cached.stamp !== stamp) {
      cached = { stamp, files: loadSharedConfigFiles({ filepath, configFilepath, ignoreCache: true }) };
    }
    const { configFile, credentialsFile } = await cached.files;
    return profileEndpointConfig(profile, configFile, credentialsFile);
  };
}
