// Runs the service modules against the local emulator through the real client factory and SDK clients.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type CallRecord } from '../../../emulator';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { createClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import type { AwsContext } from '../../../src/services/service';

export interface EmulatorHarness {
  readonly url: string;
  /** A context for the demo profile in a region. */
  ctx(region: string): AwsContext;
  /** Every call the emulator answered since the last reset. */
  calls(): Promise<CallRecord[]>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: { snapshotSeconds?: number; dataFile?: string } = {},
): Promise<EmulatorHarness> {
  const emulator = await startEmulator({
    port: 0,
    snapshotSeconds: options.snapshotSeconds ?? 0,
    dataFile: options.dataFile,
  });
  const credentials = DEMO_CREDENTIALS[0];
  if (!credentials) throw new Error('the emulator has no demo credentials');
  const clients = createClientFactory({
    credentials: () => async () => credentials,
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => 10_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-aws/test',
    logger: silentLogger,
  });
  return {
    url: emulator.url,
    ctx: (region) => ({ profile: 'demo', region, clients }),
    async calls() {
      const response = await fetch(`${emulator.url}/_emulator/calls`);
      return (await response.json()) as CallRecord[];
    },
    async reset() {
      await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    },
    async stop() {
      clients.clear();
      await emulator.stop();
    },
  };
}

/** Polls `read` until `done` holds or the deadline passes (then fails with the last value). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not reached in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** How many items of a kind the demo data set holds in a region (seeded plus generated). */
export function demoCount(region: string, seededKey: string, generatedKey: string): number {
  const demo = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../emulator/data/demo.json'), 'utf8')) as {
    regions: Record<string, Record<string, unknown[]>>;
    generate?: Array<Record<string, unknown>>;
  };
  const seeded = demo.regions[region]?.[seededKey]?.length ?? 0;
  const generated = (demo.generate ?? [])
    .filter((g) => g.region === region)
    .reduce((sum, g) => sum + (typeof g[generatedKey] === 'number' ? (g[generatedKey] as number) : 0), 0);
  return seeded + generated;
}
