// Writes a throwaway AWS config + credentials pair (never the user's own files), for `npm start` and the e2e tests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoProfile {
  name: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** An assume-role profile of the demo: a role of another emulated account, assumed with a demo key profile's keys. */
export interface DemoRoleProfile {
  name: string;
  region: string;
  roleArn: string;
  sourceProfile: string;
}

/**
 * The demo's assume-role profiles, written beside the key profiles whenever their source profile is among them:
 * `demo-deploy` shows the staging account (210987654321, its own demo data) through the emulator's STS.
 */
export const DEMO_ROLE_PROFILES: readonly DemoRoleProfile[] = [
  { name: 'demo-deploy', region: 'us-east-1', roleArn: 'arn:aws:iam::210987654321:role/deploy', sourceProfile: 'demo' },
];

/** The emulator's demo IAM Identity Center organisation (emulator/README.md): its start URL, as a session. */
export const DEMO_SSO_SESSION = {
  name: 'demo-sso',
  startUrl: 'https://emulator-demo.awsapps.com/start',
  region: 'us-east-1',
} as const;

export interface AwsFiles {
  configFile: string;
  credentialsFile: string;
}

/** The two files of `profiles` in `dir` (config.ini and credentials.ini); an empty list writes empty files. */
export function awsFilesIn(dir: string): AwsFiles {
  return { configFile: path.join(dir, 'config.ini'), credentialsFile: path.join(dir, 'credentials.ini') };
}

/**
 * (Re)writes the config and credentials files; `region` goes to the config file, the keys to the credentials file.
 * With `endpointUrl` (the emulator's), every profile also names it as its `endpoint_url`, as the AWS CLI reads it:
 * even without the extension's endpoint setting, nothing the demo does can reach AWS (the STS calls of a role
 * profile included). `roles` (default: those of DEMO_ROLE_PROFILES whose source is in `profiles`) go to the config
 * file after the key profiles.
 */
export function writeAwsFiles(
  files: AwsFiles,
  profiles: readonly DemoProfile[],
  endpointUrl?: string,
  roles: readonly DemoRoleProfile[] = DEMO_ROLE_PROFILES.filter((r) =>
    profiles.some((p) => p.name === r.sourceProfile),
  ),
  /** Also write the demo `[sso-session demo-sso]` (the emulator's organisation; signing in needs no profile). */
  ssoSession = false,
): void {
  const endpoint = endpointUrl ? `endpoint_url = ${endpointUrl}\n` : '';
  const config = [
    ...profiles.map(
      (p) => `[${p.name === 'default' ? 'default' : `profile ${p.name}`}]\nregion = ${p.region}\n${endpoint}`,
    ),
    ...roles.map(
      (r) =>
        `[profile ${r.name}]\nregion = ${r.region}\nrole_arn = ${r.roleArn}\nsource_profile = ${r.sourceProfile}\n${endpoint}`,
    ),
  ];
  if (ssoSession) {
    const s = DEMO_SSO_SESSION;
    config.push(
      `[sso-session ${s.name}]\nsso_start_url = ${s.startUrl}\nsso_region = ${s.region}\nsso_registration_scopes = sso:account:access\n`,
    );
  }
  const credentials = profiles.map(
    (p) => `[${p.name}]\naws_access_key_id = ${p.accessKeyId}\naws_secret_access_key = ${p.secretAccessKey}\n`,
  );
  writeFileSync(files.configFile, config.join('\n'), { mode: 0o600 });
  writeFileSync(files.credentialsFile, credentials.join('\n'), { mode: 0o600 });
}

/**
 * Demo profiles for the emulator's known key pairs, named after their labels, alternating between regions so the
 * tree shows more than one region.
 */
export function demoProfiles(
  credentials: readonly { accessKeyId: string; secretAccessKey: string; label: string }[],
  regions: readonly string[] = ['us-east-1', 'eu-west-1'],
): DemoProfile[] {
  return credentials.map((c, i) => ({
    name: c.label,
    region: regions[i % regions.length] ?? 'us-east-1',
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
  }));
}
