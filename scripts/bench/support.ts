// Shared helpers of the benchmarks: statistics, a throwaway AWS profile set, the emulator (in its own process, so
// its CPU does not share the client's event loop) and its admin API. Nothing here reaches the internet.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CREDENTIALS } from '../../emulator/credentials';

export const root = path.resolve(import.meta.dirname, '..', '..');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `config` + `credentials` files with `count` static-key profiles (bench-01…), cycling the demo keys. */
export function writeProfiles(dir: string, count: number, region = 'us-east-1'): Record<string, string> {
  const config: string[] = [];
  const credentials: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `bench-${String(i).padStart(2, '0')}`;
    const key = DEMO_CREDENTIALS[(i - 1) % DEMO_CREDENTIALS.length];
    if (!key) throw new Error('no demo credentials');
    config.push(`[profile ${name}]`, `region = ${region}`);
    credentials.push(
      `[${name}]`,
      `aws_access_key_id = ${key.accessKeyId}`,
      `aws_secret_access_key = ${key.secretAccessKey}`,
    );
  }
  writeFileSync(path.join(dir, 'config'), config.join('\n') + '\n');
  writeFileSync(path.join(dir, 'credentials'), credentials.join('\n') + '\n');
  return {
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
}

export interface EmulatorProcess {
  readonly url: string;
  /** CPU time (user + system) the emulator's process has used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  admin(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown>;
  calls(): Promise<Array<{ service: string; operation: string; region: string; status: number }>>;
  stop(): Promise<void>;
}

/** Starts `emulator/cli.ts` in a child process (tsx) and waits for its "listening" line. */
export async function startEmulatorProcess(
  options: { dataFile?: string; snapshotSeconds?: number; ssoAccounts?: number } = {},
) {
  const args = ['--import', 'tsx', path.join(root, 'emulator', 'cli.ts'), '--port', '0'];
  if (options.dataFile) args.push('--data', options.dataFile);
  if (options.ssoAccounts !== undefined) args.push('--sso-accounts', String(options.ssoAccounts));
  if (options.snapshotSeconds !== undefined) args.push('--snapshot-seconds', String(options.snapshotSeconds));
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 30 s: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Emulator listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}): ${stderr}`));
    });
  });
  return emulatorAdmin(
    url,
    () => processCpuMs(child.pid),
    async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  );
}

/** utime + stime of a process from /proc/<pid>/stat, in ms; NaN when unavailable. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / clockTicksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on Linux everywhere in practice. */
const clockTicksPerSecond = 100;

export function emulatorAdmin(url: string, cpuMs: () => number, stop: () => Promise<void>): EmulatorProcess {
  const admin = async (method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    url,
    cpuMs,
    admin,
    calls: async () =>
      (await admin('GET', '/_emulator/calls')) as Array<{
        service: string;
        operation: string;
        region: string;
        status: number;
      }>,
    stop,
  };
}

/** A logger that drops everything (the product's call log would otherwise cost time in the figures). */
export const quietLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
