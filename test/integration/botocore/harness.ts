// The botocore suite's harness: finds a Python with botocore, lays out ../shared/aws-models the way botocore reads
// models (<service>/<api-version>/*.json, for AWS_DATA_PATH) in a temp dir, and runs driver.py as one long-lived
// process that answers a batch of calls per line (see driver.py for the call and result shapes).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { modelsDir } from '../../../emulator/model/load';
import { CREDENTIALS } from '../emulator/helpers';

const DRIVER = path.join(import.meta.dirname, 'driver.py');

/** One call for driver.py. */
export interface BotoCall {
  service: string;
  region?: string;
  operation: string;
  params?: Record<string, unknown>;
  paginate?: boolean;
  pageSize?: number;
  /** With `paginate`, for an operation the model has no paginator for: its token member and page size member. */
  tokens?: [string, string];
  secret?: string;
  tamper?: boolean;
  extraHeader?: boolean;
  validate?: boolean;
}

/** What driver.py answers for one call (`response` and `pages` hold botocore's parsed output as JSON). */
export interface BotoResult {
  ok: boolean;
  status?: number;
  code?: string;
  message?: string;
  response?: Record<string, unknown>;
  pages?: Record<string, unknown>[];
  error?: Record<string, unknown>;
}

export interface Python {
  command: string;
  botocoreVersion: string;
}

/**
 * $BOTOCORE_PYTHON when set (and only it), else the first of Debian's /usr/bin/python3 (python3-botocore, which
 * scripts/e2e/install-deps.sh installs) and `python3` on the PATH that imports botocore; undefined when none does.
 */
export function findPython(): Python | undefined {
  const chosen = process.env.BOTOCORE_PYTHON;
  const candidates = chosen ? [chosen] : ['/usr/bin/python3', 'python3'];
  for (const command of candidates) {
    const probe = spawnSync(command, ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { command, botocoreVersion: probe.stdout.trim() };
  }
  return undefined;
}

/** Copies each model folder's JSON files to `<root>/<folder>/<apiVersion>/`, the layout botocore's loader reads. */
export function layOutModels(root: string, source = modelsDir()): string[] {
  const services: string[] = [];
  for (const folder of readdirSync(source, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const from = path.join(source, folder.name);
    const files = readdirSync(from).filter((f) => f.endsWith('.json'));
    if (!files.includes('service-2.json')) continue;
    const model = JSON.parse(readFileSync(path.join(from, 'service-2.json'), 'utf8')) as {
      metadata: { apiVersion: string };
    };
    const to = path.join(root, folder.name, model.metadata.apiVersion);
    mkdirSync(to, { recursive: true });
    for (const file of files) copyFileSync(path.join(from, file), path.join(to, file));
    services.push(folder.name);
  }
  return services;
}

export interface BotoDriver {
  readonly version: string;
  /** Runs the calls in order in one driver round trip. */
  run(calls: readonly BotoCall[]): Promise<BotoResult[]>;
  call(call: BotoCall): Promise<BotoResult>;
  stop(): Promise<void>;
}

/** Starts driver.py against `endpoint`, with the models laid out in a temp dir and no AWS configuration of the user. */
export async function startDriver(python: Python, endpoint: string): Promise<BotoDriver> {
  const work = mkdtempSync(path.join(tmpdir(), 'botocore-suite-'));
  const dataPath = path.join(work, 'models');
  layOutModels(dataPath);
  const emptyConfig = path.join(work, 'config');
  writeFileSync(emptyConfig, '');
  // No AWS_* variable of the caller's shell (profile, endpoint, region) may steer botocore elsewhere.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')),
  );
  Object.assign(env, {
    AWS_DATA_PATH: dataPath,
    AWS_CONFIG_FILE: emptyConfig,
    AWS_SHARED_CREDENTIALS_FILE: emptyConfig,
    AWS_EC2_METADATA_DISABLED: 'true',
    PYTHONDONTWRITEBYTECODE: '1',
  });
  const child: ChildProcessWithoutNullStreams = spawn(python.command, [DRIVER], { env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`driver.py exited (${code}): ${stderr}`));
  });
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line));

  const run = async (calls: readonly BotoCall[]): Promise<BotoResult[]> => {
    const line = await new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      const job = {
        endpoint,
        accessKeyId: CREDENTIALS.accessKeyId,
        secretAccessKey: CREDENTIALS.secretAccessKey,
        calls: calls.map((c) => ({ region: 'us-east-1', ...c })),
      };
      child.stdin.write(`${JSON.stringify(job)}\n`);
    });
    const answer = JSON.parse(line) as { results?: BotoResult[]; failure?: string };
    if (answer.failure !== undefined) throw new Error(`driver.py: ${answer.failure}\n${stderr}`);
    return answer.results ?? [];
  };
  return {
    version: python.botocoreVersion,
    run,
    call: async (c) => (await run([c]))[0]!,
    stop: async () => {
      child.stdin.end();
      await exited;
      rmSync(work, { recursive: true, force: true });
    },
  };
}
