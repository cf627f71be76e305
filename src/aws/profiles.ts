// Discovers the AWS profiles of the shared config and credentials files (honouring AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE) plus the environment credentials, and classifies each. Files are parsed by
// @smithy/shared-ini-file-loader, re-read on every call; problems become an `error` on the profile, never a throw.
import { readFile } from 'node:fs/promises';
import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { checkIniText, type IniProblem } from './iniCheck';
import { configFilePath, credentialsFilePath } from './paths';
import { classifyProfile, type ProfileKind, type Section } from './profileKinds';
import * as l10n from '../l10n';

export type { ProfileKind } from './profileKinds';

/** The name of the pseudo-profile for credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
export const ENVIRONMENT_PROFILE = '@env';

export type ProfileSource = 'config' | 'credentials' | 'environment';

export interface ProfileInfo {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region?: string;
  readonly sources: ProfileSource[];
  readonly ssoSession?: string;
  readonly roleArn?: string;
  readonly sourceProfile?: string;
  /** Why this profile cannot be used as configured (a sentence for the user). */
  readonly error?: string;
}

type Env = Readonly<Record<string, string | undefined>>;
type FileKind = 'config' | 'credentials';

interface FileCheck {
  readonly kind: FileKind;
  readonly path: string;
  readonly problems: IniProblem[];
}

const SSO_SESSION_PREFIX = `sso-session${CONFIG_PREFIX_SEPARATOR}`;
const NON_PROFILE_PREFIXES = [SSO_SESSION_PREFIX, `services${CONFIG_PREFIX_SEPARATOR}`];

async function checkFile(kind: FileKind, path: string): Promise<FileCheck> {
  try {
    return { kind, path, problems: checkIniText(await readFile(path, 'utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind, path, problems: [] };
    return { kind, path, problems: [{ line: 0, message: l10n.t('it cannot be read ({0})', code ?? String(error)) }] };
  }
}

function describeProblem(file: FileCheck, problem: IniProblem): string {
  const where = problem.line > 0 ? l10n.t(' at line {0}', problem.line) : '';
  return l10n.t('The AWS {0} file {1} is malformed{2}: {3}.', file.kind, file.path, where, problem.message);
}

/** The profile a section header names in this kind of file (config: `default` or `profile X`). */
function profileOfSection(kind: FileKind, section: string): string | undefined {
  if (kind === 'credentials') return section;
  if (section === 'default') return 'default';
  const match = /^profile\s+(.+)$/.exec(section);
  return match?.[1]?.trim();
}

function profileSections(data: Readonly<Record<string, Section>>): Map<string, Section> {
  const result = new Map<string, Section>();
  for (const [key, section] of Object.entries(data)) {
    if (!NON_PROFILE_PREFIXES.some((prefix) => key.startsWith(prefix))) result.set(key, section);
  }
  return result;
}

function ssoSessionSections(config: Readonly<Record<string, Section>>): Record<string, Section> {
  const result: Record<string, Section> = {};
  for (const [key, section] of Object.entries(config)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) result[key.slice(SSO_SESSION_PREFIX.length)] = section;
  }
  return result;
}

/** Collects the problems of both files as sentences per profile name. */
function problemsByProfile(
  checks: readonly FileCheck[],
  names: { config: readonly string[]; credentials: readonly string[] },
  merged: Readonly<Record<string, Section>>,
): Map<string, { sources: Set<ProfileSource>; messages: string[] }> {
  const result = new Map<string, { sources: Set<ProfileSource>; messages: string[] }>();
  const add = (profile: string, kind: FileKind, message: string): void => {
    const entry = result.get(profile) ?? { sources: new Set<ProfileSource>(), messages: [] };
    entry.sources.add(kind);
    if (!entry.messages.includes(message)) entry.messages.push(message);
    result.set(profile, entry);
  };
  for (const file of checks) {
    for (const problem of file.problems) {
      const message = describeProblem(file, problem);
      if (problem.section === undefined) {
        const affected = names[file.kind].length > 0 ? names[file.kind] : [file.path];
        affected.forEach((profile) => add(profile, file.kind, message));
        continue;
      }
      const session = /^sso-session\s+(.+)$/.exec(problem.section)?.[1]?.trim();
      const targets =
        file.kind === 'config' && session !== undefined
          ? Object.keys(merged).filter((name) => merged[name]?.sso_session === session)
          : [profileOfSection(file.kind, problem.section)].filter((name): name is string => name !== undefined);
      targets.forEach((profile) => add(profile, file.kind, message));
      const absorber = problem.absorbedBy !== undefined ? profileOfSection(file.kind, problem.absorbedBy) : undefined;
      if (absorber !== undefined) {
        add(
          absorber,
          file.kind,
          l10n.t('{0} The settings after that line are read into profile "{1}".', message, absorber),
        );
      }
    }
  }
  return result;
}

function environmentProfile(env: Env): ProfileInfo | undefined {
  const keyId = env.AWS_ACCESS_KEY_ID;
  const secret = env.AWS_SECRET_ACCESS_KEY;
  if (!keyId && !secret) return undefined;
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const missing = keyId ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID';
  return {
    name: ENVIRONMENT_PROFILE,
    kind: 'env',
    ...(region ? { region } : {}),
    sources: ['environment'],
    ...(keyId && secret
      ? {}
      : { error: l10n.t('The environment sets only one of the two access key variables: {0} is missing.', missing) }),
  };
}

function rank(name: string): number {
  return name === ENVIRONMENT_PROFILE ? 0 : name === 'default' ? 1 : 2;
}

export function compareProfileNames(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export async function discoverProfiles(env: Env): Promise<ProfileInfo[]> {
  const configFilepath = configFilePath(env);
  const filepath = credentialsFilePath(env);
  const [files, configCheck, credentialsCheck] = await Promise.all([
    loadSharedConfigFiles({ filepath, configFilepath, ignoreCache: true }),
    checkFile('config', configFilepath),
    checkFile('credentials', filepath),
  ]);
  const fromConfig = profileSections(files.configFile);
  const fromCredentials = profileSections(files.credentialsFile);
  const merged: Record<string, Section> = {};
  for (const name of new Set([...fromConfig.keys(), ...fromCredentials.keys()])) {
    merged[name] = { ...fromConfig.get(name), ...fromCredentials.get(name) };
  }
  const ssoSessions = ssoSessionSections(files.configFile);
  const problems = problemsByProfile(
    [configCheck, credentialsCheck],
    { config: [...fromConfig.keys()], credentials: [...fromCredentials.keys()] },
    merged,
  );

  const profiles: ProfileInfo[] = [];
  for (const name of new Set([...Object.keys(merged), ...problems.keys()])) {
    const section = merged[name];
    const found = problems.get(name);
    const sources = new Set<ProfileSource>(found?.sources);
    if (fromConfig.has(name)) sources.add('config');
    if (fromCredentials.has(name)) sources.add('credentials');
    const classified = section ? classifyProfile(name, merged, ssoSessions) : { kind: 'unknown' as const };
    const errors = [...(found?.messages ?? []), ...(classified.error ? [classified.error] : [])];
    profiles.push({
      name,
      kind: classified.kind,
      ...(section?.region ? { region: section.region } : {}),
      sources: (['config', 'credentials'] as const).filter((source) => sources.has(source)),
      ...(section?.sso_session ? { ssoSession: section.sso_session } : {}),
      ...(section?.role_arn ? { roleArn: section.role_arn } : {}),
      ...(section?.source_profile ? { sourceProfile: section.source_profile } : {}),
      ...(errors.length > 0 ? { error: errors.join(' ') } : {}),
    });
  }
  const fromEnvironment = environmentProfile(env);
  if (fromEnvironment) profiles.push(fromEnvironment);
  return profiles.sort((a, b) => compareProfileNames(a.name, b.name));
}
