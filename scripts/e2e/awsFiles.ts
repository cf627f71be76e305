// Writes a throwaway AWS config + credentials pair (never the user's own files), for `npm start` and the e2e tests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoProfile {
  name: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

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
 * even without the extension's endpoint setting, nothing the demo does can reach AWS.
 */
export function writeAwsFiles(files: AwsFiles, profiles: readonly DemoProfile[], endpointUrl?: string): void {
  const endpoint = endpointUrl ? `endpoint_url = ${endpointUrl}\n` : '';
  const config = profiles.map(
    (p) => `[${p.name === 'default' ? 'default' : `profile ${p.name}`}]\nregion = ${p.region}\n${endpoint}`,
  );
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
