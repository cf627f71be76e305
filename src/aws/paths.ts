// Where the AWS CLI looks for its shared files, honouring the same environment variables.
import { homedir } from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

function home(env: Env): string {
  return env.HOME || env.USERPROFILE || homedir();
}

function expandHome(file: string, env: Env): string {
  return file.startsWith('~') ? path.join(home(env), file.slice(1)) : file;
}

export function configFilePath(env: Env): string {
  return expandHome(env.AWS_CONFIG_FILE || path.join(home(env), '.aws', 'config'), env);
}

export function credentialsFilePath(env: Env): string {
  return expandHome(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home(env), '.aws', 'credentials'), env);
}
