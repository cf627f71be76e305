// Runs the service modules against the local emulator through the real client factory and SDK clients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type CallRecord } from '../../../emulator';
import { DEMO_CREDENTIALS } from '../../../emulator/credentials';
import { createClientFactory } from '../../../src/aws/clientFactory';
import { silentLogger } from '../../../src/log';
import type { AwsContext, Resource, Snapshot, SnapshotService } from '../../../src/services/service';

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
  options: { snapshotSeconds?: number; restoreSeconds?: number; dataFile?: string } = {},
): Promise<EmulatorHarness> {
  const emulator = await startEmulator({
    port: 0,
    snapshotSeconds: options.snapshotSeconds ?? 0,
    restoreSeconds: options.restoreSeconds,
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

/** How many items of a kind the demo data set holds in a region (seeded rows that `where` keeps, plus generated). */
export function demoCount(
  region: string,
  seededKey: string,
  generatedKey: string,
  where: (row: Record<string, unknown>) => boolean = () => true,
): number {
  const demo = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../emulator/data/demo.json'), 'utf8')) as {
    regions: Record<string, Record<string, Record<string, unknown>[]>>;
    generate?: Array<Record<string, unknown>>;
  };
  const seeded = demo.regions[region]?.[seededKey]?.filter(where).length ?? 0;
  const generated = (demo.generate ?? [])
    .filter((g) => g.region === region)
    .reduce((sum, g) => sum + (typeof g[generatedKey] === 'number' ? (g[generatedKey] as number) : 0), 0);
  return seeded + generated;
}

/** Items in id order, to compare two listings whatever order each lists in. */
export function byId<T extends { readonly id: string }>(items: readonly T[] | undefined): T[] {
  return [...(items ?? [])].sort((a, b) => a.id.localeCompare(b.id));
}

/** The operations the emulator answered since the last reset (or since `from` calls). */
export async function operations(h: EmulatorHarness, from = 0): Promise<string[]> {
  return (await h.calls()).slice(from).map((c) => c.operation);
}

/**
 * The service's batch listing of `resources`, checked to be the one call `operation` and to hold, for each resource
 * `compare` picks (default: all), the snapshots its listSnapshots returns (in one page).
 */
export async function batchAsListed(
  h: EmulatorHarness,
  service: SnapshotService,
  ctx: AwsContext,
  resources: readonly Resource[],
  operation: string,
  compare: (answer: Map<string, Snapshot[]>) => readonly Resource[] = () => resources,
): Promise<Map<string, Snapshot[]>> {
  const from = (await h.calls()).length;
  const answer = await service.batchSnapshots?.list(ctx, resources);
  assert.deepEqual(await operations(h, from), [operation]);
  assert.ok(answer, 'the answer fits one page');
  for (const resource of compare(answer)) {
    const listed = await service.listSnapshots(ctx, resource, { pageSize: 1000 });
    assert.equal(listed.nextToken, undefined);
    assert.deepEqual(byId(answer.get(resource.id)), byId(listed.items), resource.id);
  }
  return answer;
}
