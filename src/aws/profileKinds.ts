// Classifies one profile of the merged shared files the way @aws-sdk/credential-provider-ini resolves it
// (same order of checks), and finds configuration errors before any call: a source_profile cycle, a missing
// source profile, an incomplete SSO or static-key setup.

export type ProfileKind = 'static' | 'assume-role' | 'sso' | 'process' | 'web-identity' | 'env' | 'unknown';

export type Section = Readonly<Record<string, string | undefined>>;
export type Sections = Readonly<Record<string, Section | undefined>>;

export interface Classification {
  readonly kind: ProfileKind;
  readonly error?: string;
}

const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
const SSO_KEYS = ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'];

const isStatic = (s: Section): boolean => s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined;
const hasSourceProfile = (s: Section): boolean => s.source_profile !== undefined && s.credential_source === undefined;
const hasCredentialSource = (s: Section): boolean =>
  s.credential_source !== undefined && s.source_profile === undefined;
const isAssumeRole = (s: Section): boolean =>
  s.role_arn !== undefined && (hasSourceProfile(s) || hasCredentialSource(s));
const isWebIdentity = (s: Section): boolean => s.web_identity_token_file !== undefined && s.role_arn !== undefined;
const isProcess = (s: Section): boolean => s.credential_process !== undefined;
const isSso = (s: Section): boolean => SSO_KEYS.some((key) => s[key] !== undefined);
const isLogin = (s: Section): boolean => s.login_session !== undefined;
/** A source profile with credential_source and no role_arn passes its source's credentials through. */
const isSourceWithoutRole = (s: Section): boolean => s.role_arn === undefined && s.credential_source !== undefined;

function credentialSourceError(name: string, s: Section): string | undefined {
  const source = s.credential_source;
  if (source === undefined || CREDENTIAL_SOURCES.includes(source)) return undefined;
  return `Profile "${name}" has credential_source "${source}"; it must be one of ${CREDENTIAL_SOURCES.join(', ')}.`;
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
      return `Profile "${start}" has a source_profile cycle: ${path.slice(0, end + 1).join(' → ')}.`;
    }
    const sourceSection = profiles[source];
    if (sourceSection === undefined) {
      return `Profile "${name}" names source_profile "${source}", which is not defined in the config or credentials file.`;
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
    return `Profile "${name}" names source_profile "${source}", which has no credentials of its own.`;
  }
}

function ssoError(name: string, s: Section, ssoSessions: Sections): string | undefined {
  const missing = ['sso_account_id', 'sso_role_name'].filter((key) => s[key] === undefined);
  const session = s.sso_session;
  if (session !== undefined) {
    const sessionSection = ssoSessions[session];
    if (sessionSection === undefined) {
      return `Profile "${name}" names sso_session "${session}", but the config file has no [sso-session ${session}] section.`;
    }
    const sessionMissing = ['sso_start_url', 'sso_region'].filter((key) => sessionSection[key] === undefined);
    if (sessionMissing.length > 0) {
      return `The [sso-session ${session}] section used by profile "${name}" lacks ${sessionMissing.join(' and ')}.`;
    }
  } else {
    missing.unshift(...['sso_start_url', 'sso_region'].filter((key) => s[key] === undefined));
  }
  if (missing.length === 0) return undefined;
  return `Profile "${name}" is an SSO profile but lacks ${missing.join(', ')}.`;
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
        ? `Profile "${name}" sets both source_profile and credential_source; set only one.`
        : `Profile "${name}" has role_arn but neither source_profile nor credential_source.`,
    };
  }
  if (s.aws_access_key_id !== undefined || s.aws_secret_access_key !== undefined) {
    const missing = s.aws_access_key_id === undefined ? 'aws_access_key_id' : 'aws_secret_access_key';
    return { kind: 'static', error: `Profile "${name}" has static keys but lacks ${missing}.` };
  }
  return {
    kind: 'unknown',
    error: `Profile "${name}" defines no credentials (no keys, role, SSO, credential_process or web identity).`,
  };
}
