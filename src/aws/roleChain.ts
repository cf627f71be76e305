// The calls to AWS that resolving one profile's credentials makes, read from the merged profile sections the way
// @aws-sdk/credential-provider-ini walks them (same checks, same order): the profiles whose role is assumed through
// STS AssumeRole (innermost first, the order of the calls), the web identity profile the chain may start at (STS
// AssumeRoleWithWebIdentity), and the SSO profile it may start at (SSO GetRoleCredentials, and SSO OIDC token
// refreshes when it names an sso_session). Pure: no I/O.
import {
  isAssumeRole,
  isLogin,
  isProcess,
  isSourceWithoutRole,
  isSso,
  isStatic,
  isWebIdentity,
  type Section,
  type Sections,
} from './profileKinds';

/** A profile whose `role_arn` is assumed with STS AssumeRole. */
export interface RoleStep {
  readonly profile: string;
  readonly roleArn: string;
  /** The profile's own `region`. */
  readonly region?: string;
}

/** A profile that makes a call of its own at the start of a chain (web identity, SSO). */
export interface ChainStart {
  readonly profile: string;
  readonly region?: string;
  /** The `sso_session` an SSO profile names (its token may be refreshed through SSO OIDC). */
  readonly ssoSession?: string;
}

export interface InnerCalls {
  /** The AssumeRole calls, in the order the SDK makes them (the source's role first, the profile's own last). */
  readonly assumeRole: readonly RoleStep[];
  /** The web identity profile whose token is exchanged with AssumeRoleWithWebIdentity. */
  readonly webIdentity?: ChainStart;
  /** The SSO profile whose role credentials come from the SSO portal. */
  readonly sso?: ChainStart;
}

interface Walk {
  readonly sections: Sections;
  readonly assumeRole: RoleStep[];
  webIdentity?: ChainStart;
  sso?: ChainStart;
}

function start(profile: string, section: Section): ChainStart {
  return {
    profile,
    ...(section.region ? { region: section.region } : {}),
    ...(section.sso_session ? { ssoSession: section.sso_session } : {}),
  };
}

/** resolveProfileData of the SDK, noting calls instead of making them; stops where the SDK would throw. */
function walk(state: Walk, name: string, visited: ReadonlySet<string>, sourceWithoutRole: boolean): void {
  const section = state.sections[name] ?? {};
  if (visited.size > 0 && isStatic(section)) return;
  if (sourceWithoutRole || isAssumeRole(section)) {
    const source = section.source_profile;
    if (source !== undefined) {
      // The SDK throws on a cycle before any call.
      if (visited.has(source)) return;
      walk(state, source, new Set([...visited, source]), isSourceWithoutRole(state.sections[source] ?? {}));
    }
    if (!isSourceWithoutRole(section) && section.role_arn !== undefined) {
      state.assumeRole.push({
        profile: name,
        roleArn: section.role_arn,
        ...(section.region ? { region: section.region } : {}),
      });
    }
    return;
  }
  if (isStatic(section) || isProcess(section) || isLogin(section)) return;
  if (isWebIdentity(section)) state.webIdentity = start(name, section);
  else if (isSso(section)) state.sso = start(name, section);
}

/** What resolving `profile` calls, given the merged sections of the config and credentials files. */
export function innerCallsOf(profile: string, sections: Sections): InnerCalls {
  const state: Walk = { sections, assumeRole: [] };
  walk(state, profile, new Set(), false);
  return {
    assumeRole: state.assumeRole,
    ...(state.webIdentity ? { webIdentity: state.webIdentity } : {}),
    ...(state.sso ? { sso: state.sso } : {}),
  };
}

/**
 * The profiles of the config and credentials files merged as the SDK's parseKnownFiles does (a profile's keys in
 * the credentials file win), without the `sso-session` and `services` sections' keys mattering (they never collide
 * with a profile name: they carry a prefix).
 */
export function mergeProfileFiles(configFile: Sections, credentialsFile: Sections): Record<string, Section> {
  const merged: Record<string, Section> = {};
  for (const name of new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])) {
    merged[name] = { ...configFile[name], ...credentialsFile[name] };
  }
  return merged;
}

/** The account of a role ARN (`arn:aws:iam::123456789012:role/name`), if it names one. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}
