// Figure 4: the cost of following snapshots being created. N snapshots in flight across 2 regions and every
// service (each on its own resource), followed by the product's Tracker (one poller, one status read per
// profile × region × service group) against the emulator. Time is moved, not waited for: the emulator and the
// tracker share a clock that jumps by the tracker's own backoff before each tick. Counts only, so it runs in-process.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CREDENTIALS, startEmulator } from '../../emulator';
import { createClientFactory } from '../../src/aws/clientFactory';
import { serviceById, services } from '../../src/services/registry';
import type { Resource, SnapshotInput, SnapshotService } from '../../src/services/service';
import { Tracker, type Clock } from '../../src/snapshots/tracker';
import { emulatorAdmin, quietLogger, tempDir } from './support';

export interface PollingOptions {
  readonly inFlight: readonly number[];
  readonly regions: readonly string[];
  /** How long the emulator keeps a new snapshot in progress (emulated seconds). */
  readonly snapshotSeconds: number;
}

export interface PollingRow {
  readonly inFlight: number;
  readonly callsPerTick: number;
  readonly totalCalls: number;
  readonly ticks: number;
  /** Calls of the first tick per service id. */
  readonly perService: Record<string, number>;
  readonly groups: number;
}

const bucketOf = (region: string) => `bench-weaver-${region}`;

/** A valid input for any service: the bench bucket for a bucket field, the bench name for every other kind. */
function inputFor(service: SnapshotService, region: string, index: number): SnapshotInput {
  const name = `bench-poll-${index}`;
  const values = Object.fromEntries(
    service.rules.fields.map((f) => [f.key, f.kind === 'bucket' ? bucketOf(region) : name] as const),
  );
  return { values, tags: [] };
}

export async function benchPolling(options: PollingOptions, log: (line: string) => void): Promise<PollingRow[]> {
  const most = Math.max(...options.inFlight);
  const perGroup = Math.ceil(most / (options.regions.length * services.length));
  const tmp = tempDir('bench-poll-');
  const dataFile = path.join(tmp.dir, 'polling.json');
  writeFileSync(
    dataFile,
    JSON.stringify({
      regions: Object.fromEntries(options.regions.map((r) => [r, { buckets: [{ name: bucketOf(r) }] }])),
      generate: options.regions.map((region) => ({
        region,
        neptuneGraphs: perGroup,
        docdbClusters: perGroup,
        neptuneClusters: perGroup,
        // Every other generated simulation is stopped.
        simulations: 2 * perGroup,
        gatewayVolumes: perGroup,
      })),
    }),
  );
  let offset = 0;
  const now = () => Date.now() + offset;
  const running = await startEmulator({ port: 0, dataFile, snapshotSeconds: options.snapshotSeconds, clock: now });
  const emulator = emulatorAdmin(running.url, () => Number.NaN, running.stop);
  const key = DEMO_CREDENTIALS[0];
  if (!key) throw new Error('no demo credentials');
  const clients = createClientFactory({
    credentials: () => async () => ({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }),
    endpoints: () => ({ '*': emulator.url }),
    requestTimeoutMs: () => 60_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-bench/0',
    logger: quietLogger,
  });
  const clock: Clock = { now, setTimeout: () => undefined, clearTimeout: () => undefined };
  const rows: PollingRow[] = [];
  try {
    // The resources to snapshot, per region and service (the snapshottable ones).
    const pool = new Map<string, Resource[]>();
    for (const region of options.regions) {
      for (const service of services) {
        const ctx = { profile: 'bench', region, clients };
        const found: Resource[] = [];
        let token: string | undefined;
        do {
          const page = await service.listResources(ctx, token ? { nextToken: token } : {});
          found.push(...page.items.filter((r) => r.snapshottable.ok));
          token = page.nextToken;
        } while (token);
        pool.set(`${region}|${service.id}`, found);
      }
    }
    for (const n of options.inFlight) {
      await emulator.admin('POST', '/_emulator/reset');
      offset = 0;
      const store = new Map<string, unknown>();
      const tracker = new Tracker({
        serviceById,
        clients,
        store: { get: <T>(k: string) => store.get(k) as T | undefined, update: async (k, v) => void store.set(k, v) },
        log: quietLogger,
        clock,
        polling: () => ({ initialSeconds: 5, maxSeconds: 30 }),
      });
      const groups = new Set<string>();
      for (let i = 0; i < n; i++) {
        const region = options.regions[i % options.regions.length] as string;
        const service = services[Math.floor(i / options.regions.length) % services.length] as SnapshotService;
        const resource = pool.get(`${region}|${service.id}`)?.[
          Math.floor(i / (options.regions.length * services.length))
        ];
        if (!resource) throw new Error(`no free ${service.id} resource in ${region} for snapshot ${i}`);
        const input = inputFor(service, region, i);
        const op = tracker.begin({
          service: service.id,
          profile: 'bench',
          region,
          resourceId: resource.id,
          resourceName: resource.name,
          snapshotName: `bench-poll-${i}`,
          input,
          requestKey: `${region}|${service.id}|${resource.id}`,
        });
        const snapshot = await service.createSnapshot({ profile: 'bench', region, clients }, resource, input);
        tracker.accepted(op.id, snapshot);
        groups.add(`${region}|${service.id}`);
      }
      let counted = (await emulator.calls()).length;
      const perTick: number[] = [];
      let perService: Record<string, number> = {};
      while (tracker.running().length > 0 && perTick.length < 50) {
        offset += tracker.nextDelaySeconds() * 1000;
        await tracker.tick();
        const calls = await emulator.calls();
        perTick.push(calls.length - counted);
        if (perTick.length === 1) {
          perService = {};
          for (const call of calls.slice(counted)) perService[call.service] = (perService[call.service] ?? 0) + 1;
        }
        counted = calls.length;
      }
      const failed = tracker.operations().filter((op) => op.state !== 'succeeded');
      if (tracker.running().length > 0 || failed.length > 0) {
        throw new Error(`${failed.length} of ${n} snapshots did not become available: ${failed[0]?.error ?? ''}`);
      }
      tracker.dispose();
      const row: PollingRow = {
        inFlight: n,
        callsPerTick: perTick[0] ?? 0,
        totalCalls: perTick.reduce((a, b) => a + b, 0),
        ticks: perTick.length,
        perService,
        groups: groups.size,
      };
      log(
        `  ${n} in flight (${row.groups} groups): ${row.callsPerTick} calls per tick, ${row.totalCalls} in ${row.ticks} ticks`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    clients.clear();
    await running.stop();
    tmp.remove();
  }
}
