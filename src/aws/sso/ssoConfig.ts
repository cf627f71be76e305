// The IAM Identity Center sessions of the AWS config file: every `[sso-session NAME]` section, and one session per
// distinct legacy `sso_start_url` of profiles without `sso_session` (named after the start URL's host's first label,
// its token cached under the start URL, as the AWS CLI does), each with the hand-written profiles that use it.
// Problems become an `error` sentence on the session, never a throw. Files are read the way ../profiles.ts reads them.
import { readFile } from 'node:fs/promises';
import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import * as l10n from '../../l10n';
import { configFilePath, credentialsFilePath } from '../paths';
import { ssoProfileName } from './ssoProfiles';

type Env = Readonly<Record<string, string | undefined>>;
type Section = Readonly<Record<string, string | undefined>>;

/** A hand-written profile of the config file that uses a session. */
export interface SsoSessionProfile {
  readonly name: string;
  readonly accountId?: string;
  readonly roleName?: string;
}

export interface SsoSessionInfo {
  readonly name: string;
  /** The portal's start URL; '' when the config lacks it (then `error` says so). */
  readonly startUrl: string;
  /** The region of the portal and of SSO OIDC; '' when the config lacks it (then `error` says so). */
  readonly region: string;
  /** True for a session made of profiles' own `sso_start_url` (no `[sso-session]` section, no refresh tokens). */
  readonly legacy: boolean;
  /** What the token cache file is named after: the session name, or the start URL of a legacy session. */
  readonly cacheKey: string;
  /** `sso_registration_scopes`; empty when the config names none. */
  readonly scopes: readonly string[];
  /** Why the session cannot be signed in to as configured (a sentence for the user). */
  readonly error?: string;
  /** The hand-written profiles that use this session, in name order. */
  readonly profiles: readonly SsoSessionProfile[];
}

const SESSION_PREFIX = `sso-session${CONFIG_PREFIX_SEPARATOR}`;
const OTHER_PREFIXES = [SESSION_PREFIX, `services${CONFIG_PREFIX_SEPARATOR}`];

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

function profileOf(name: string, section: Section): SsoSessionProfile {
  return {
    name,
    ...(present(section.sso_account_id) ? { accountId: section.sso_account_id.trim() } : {}),
    ...(present(section.sso_role_name) ? { roleName: section.sso_role_name.trim() } : {}),
  };
}

function scopesOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

function missingError(name: string, section: Section): string | undefined {
  const lacksUrl = !present(section.sso_start_url);
  const lacksRegion = !present(section.sso_region);
  if (lacksUrl && lacksRegion) {
    return l10n.t('The [sso-session {0}] section lacks sso_start_url and sso_region.', name);
  }
  if (lacksUrl) return l10n.t('The [sso-session {0}] section lacks sso_start_url.', name);
  if (lacksRegion) return l10n.t('The [sso-session {0}] section lacks sso_region.', name);
  return undefined;
}

/** The first label of the start URL's host (`https://my-company.awsapps.com/start` → `my-company`). */
export function legacySessionName(startUrl: string): string {
  try {
    const label = new URL(startUrl).hostname.split('.')[0];
    return label !== undefined && label !== '' ? label : startUrl;
  } catch {
    return startUrl;
  }
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The sessions of already parsed config sections (profile sections keyed by profile name, as the SDK's loader does);
 * `declared`: the session names of the file's headers, as the loader drops empty sections.
 */
export function ssoSessionsOf(
  sections: Readonly<Record<string, Section>>,
  declared: readonly string[] = [],
): SsoSessionInfo[] {
  const sessionSections = new Map<string, Section>(declared.map((name) => [name, {}]));
  const profiles = new Map<string, Section>();
  for (const [key, section] of Object.entries(sections)) {
    if (key.startsWith(SESSION_PREFIX)) sessionSections.set(key.slice(SESSION_PREFIX.length), section);
    else if (!OTHER_PREFIXES.some((prefix) => key.startsWith(prefix))) profiles.set(key, section);
  }
  const profileNames = [...profiles.keys()].sort();
  const sessions: SsoSessionInfo[] = [];
  for (const [name, section] of [...sessionSections.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const error = missingError(name, section);
    sessions.push({
      name,
      startUrl: section.sso_start_url?.trim() ?? '',
      region: section.sso_region?.trim() ?? '',
      legacy: false,
      cacheKey: name,
      scopes: scopesOf(section.sso_registration_scopes),
      ...(error ? { error } : {}),
      profiles: profileNames
        .filter((profile) => profiles.get(profile)?.sso_session?.trim() === name)
        .map((profile) => profileOf(profile, profiles.get(profile) ?? {})),
    });
  }
  const legacy = new Map<string, SsoSessionProfile[]>();
  const regions = new Map<string, string>();
  for (const profile of profileNames) {
    const section = profiles.get(profile) ?? {};
    if (present(section.sso_session) || !present(section.sso_start_url)) continue;
    const startUrl = section.sso_start_url.trim();
    legacy.set(startUrl, [...(legacy.get(startUrl) ?? []), profileOf(profile, section)]);
    if (!regions.has(startUrl) && present(section.sso_region)) regions.set(startUrl, section.sso_region.trim());
  }
  const taken = new Set(sessions.map((session) => session.name));
  for (const [startUrl, users] of legacy) {
    const name = uniqueName(legacySessionName(startUrl), taken);
    taken.add(name);
    const region = regions.get(startUrl) ?? '';
    const error =
      region === '' ? l10n.t('No profile with sso_start_url {0} names its sso_region.', startUrl) : undefined;
    sessions.push({
      name,
      startUrl,
      region,
      legacy: true,
      cacheKey: startUrl,
      scopes: [],
      ...(error ? { error } : {}),
      profiles: users,
    });
  }
  return sessions;
}

/** The names of the `[sso-session NAME]` headers of a config file's text. */
export function declaredSessions(text: string): string[] {
  return [...text.matchAll(/^[ \t]*\[[ \t]*sso-session[ \t]+([^\]\r\n]*?)[ \t]*\]/gm)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** The sessions of the AWS config file (AWS_CONFIG_FILE honoured), re-read on every call. */
export async function discoverSsoSessions(env: Env): Promise<SsoSessionInfo[]> {
  const configFilepath = configFilePath(env);
  const [files, text] = await Promise.all([
    loadSharedConfigFiles({ filepath: credentialsFilePath(env), configFilepath, ignoreCache: true }),
    readFile(configFilepath, 'utf8').catch(() => ''),
  ]);
  const merged: Record<string, Section> = { ...files.configFile };
  for (const [name, section] of Object.entries(files.credentialsFile)) {
    merged[name] = { ...merged[name], ...section };
  }
  return ssoSessionsOf(merged, declaredSessions(text));
}

/**
 * Which hand-written profile stands for each (session, account, role): keyed by the role's synthetic profile name
 * (`ssoProfileName`), so the tree shows that role once, under the profile's name. The first profile in name order
 * wins when several name the same role.
 */
export function coveredProfiles(sessions: readonly SsoSessionInfo[]): ReadonlyMap<string, string> {
  const covered = new Map<string, string>();
  for (const session of sessions) {
    for (const profile of session.profiles) {
      if (profile.accountId === undefined || profile.roleName === undefined) continue;
      const key = ssoProfileName(session.name, profile.accountId, profile.roleName);
      if (!covered.has(key)) covered.set(key, profile.name);
    }
  }
  return covered;
}
