// Classifies one profile of the merged shared files the way @aws-sdk/credential-provider-ini resolves it
// (same order of checks), and finds configuration errors before any call: a source_profile cycle, a missing
// source profile, an incomplete SSO or static-key setup.
import * as l10n from '../l10n';

export type ProfileKind = 'static' | 'assume-role' | 'sso' | 'process' | 'web-identity' | 'env' | 'unknown';

export type Section = Readonly<Record<string, string | undefined>>;
export type Sections = Readonly<Record<string, Section | undefined>>;

export interface Classification {
  readonly kind: ProfileKind;
  readonly error?: string;
}

const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
const SSO_KEYS = ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'];

export const isStatic = (s: Section): boolean =>
  s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined;
const hasSourceProfile = (s: Section): boolean => s.source_profile !== undefined && s.credential_source === undefined;
const hasCredentialSource = (s: Section): boolean =>
  s.credential_source !== undefined && s.source_profile === undefined;
export const isAssumeRole = (s: Section): boolean =>
  s.role_arn !== undefined && (hasSourceProfile(s) || hasCredentialSource(s));
export const isWebIdentity = (s: Section): boolean =>
  s.web_identity_token_file !== undefined && s.role_arn !== undefined;
export const isProcess = (s: Section): boolean => s.credential_process !== undefined;
export const isSso = (s: Section): boolean => SSO_KEYS.some((key) => s[key] !== undefined);
export const isLogin = (s: Section): boolean => s.login_session !== undefined;
/** A source profile with credential_source and no role_arn passes its source's credentials through. */
export const isSourceWithoutRole = (s: Section): boolean =>
  s.role_arn === undefined && s.credential_source !== undefined;

function credentialSourceError(name: string, s: Section): string | undefined {
  const source = s.credential_source;
  if (source === undefined || CREDENTIAL_SOURCES.includes(source)) return undefined;
  return l10n.t(
    'Profile "{0}" has credential_source "{1}"; it must be one of {2}.',
    name,
    source,
    CREDENTIAL_SOURCES.join(', '),
  );
}

/** Follows the source_profile chain exactly as the SDK does; returns the first error found. */
function chainError(start: string, profiles: Sections): string | undefined {
  const visited: string[] = [];
  let name = start;
  let section = profiles[start] ?? {};
  for (;;) {
    const source = section.source_profile;
    if (source === undefined) return credentialSourceError(name, section);
    if (visited.includes(source)) {
      const path = [start, ...visited, source];
      const end = path.findIndex((step, index) => path.indexOf(step) < index);
      return l10n.t('Profile "{0}" has a source_profile cycle: {1}.', start, path.slice(0, end + 1).join(' → '));
    }
    const sourceSection = profiles[source];
    if (sourceSection === undefined) {
      return l10n.t(
        'Profile "{0}" names source_profile "{1}", which is not defined in the config or credentials file.',
        name,
        source,
      );
    }
    visited.push(source);
    if (isStatic(sourceSection)) return undefined;
    if (isSourceWithoutRole(sourceSection) || isAssumeRole(sourceSection)) {
      name = source;
      section = sourceSection;
      continue;
    }
    if (isWebIdentity(sourceSection) || isProcess(sourceSection) || isSso(sourceSection) || isLogin(sourceSection)) {
      return undefined;
    }
    return l10n.t('Profile "{0}" names source_profile "{1}", which has no credentials of its own.', name, source);
  }
}

function ssoError(name: string, s: Section, ssoSessions: Sections): string | undefined {
  const missing = ['sso_account_id', 'sso_role_name'].filter((key) => s[key] === undefined);
  const session = s.sso_session;
  if (session !== undefined) {
    const sessionSection = ssoSessions[session];
    if (sessionSection === undefined) {
      return l10n.t(
        'Profile "{0}" names sso_session "{1}", but the config file has no [sso-session {2}] section.',
        name,
        session,
        session,
      );
    }
    const sessionMissing = ['sso_start_url', 'sso_region'].filter((key) => sessionSection[key] === undefined);
    if (sessionMissing.length > 0) {
      return l10n.t(
        'The [sso-session {0}] section used by profile "{1}" lacks {2}.',
        session,
        name,
        sessionMissing.join(' and '),
      );
    }
  } else {
    missing.unshift(...['sso_start_url', 'sso_region'].filter((key) => s[key] === undefined));
  }
  if (missing.length === 0) return undefined;
  return l10n.t('Profile "{0}" is an SSO profile but lacks {1}.', name, missing.join(', '));
}

export function classifyProfile(name: string, profiles: Sections, ssoSessions: Sections): Classification {
  const s = profiles[name] ?? {};
  if (isAssumeRole(s)) {
    const error = chainError(name, profiles);
    return error ? { kind: 'assume-role', error } : { kind: 'assume-role' };
  }
  if (isStatic(s)) return { kind: 'static' };
  if (isWebIdentity(s)) return { kind: 'web-identity' };
  if (isProcess(s)) return { kind: 'process' };
  if (isSso(s)) {
    const error = ssoError(name, s, ssoSessions);
    return error ? { kind: 'sso', error } : { kind: 'sso' };
  }
  if (isLogin(s)) return { kind: 'unknown' };
  if (s.role_arn !== undefined) {
    const both = s.source_profile !== undefined && s.credential_source !== undefined;
    return {
      kind: 'assume-role',
      error: both
        ? l10n.t('Profile "{0}" sets both source_profile and credential_source; set only one.', name)
        : l10n.t('Profile "{0}" has role_arn but neither source_profile nor credential_source.', name),
    };
  }
  if (s.aws_access_key_id !== undefined || s.aws_secret_access_key !== undefined) {
    const missing = s.aws_access_key_id === undefined ? 'aws_access_key_id' : 'aws_secret_access_key';
    return { kind: 'static', error: l10n.t('Profile "{0}" has static keys but lacks {1}.', name, missing) };
  }
  return {
    kind: 'unknown',
    error: l10n.t(
      'Profile "{0}" defines no credentials (no keys, role, SSO, credential_process or web identity).',
      name,
    ),
  };
}
