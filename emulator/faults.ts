// Fault injection (POST /_emulator/faults): added latency, throttling and internal errors at given rates (seeded, so
// reproducible), scoped to some services or operations, and services whose calls hang (never answered while the
// setting lasts: a client's request timeout is what ends them).

/** Fault injection settings (POST /_emulator/faults). */
export interface FaultConfig {
  /** Added to every matching call before it is answered. */
  latencyMs: number;
  /** Share of matching calls answered with the service's throttling error (0–1). */
  throttleRate: number;
  /** Share of matching calls answered with the service's internal error (0–1). */
  errorRate: number;
  /** Only these operation names (any service); all when absent. */
  operations?: string[];
  /** Only these service ids (as in the call log and GET /_emulator/health); all when absent. */
  services?: string[];
  /**
   * Service ids whose every call hangs: never answered while these settings last (the next POST /_emulator/faults or
   * reset answers them with the service's internal error, to clients that have long given up). Not scoped by
   * `services`/`operations`, so the other services keep their latency and rates.
   */
  hang?: string[];
  /**
   * Service ids whose endpoint no longer answers as the service (as after an end of support): every call gets an HTML
   * "404 Not Found" page instead of the service's protocol, before auth. Not scoped by `services`/`operations`.
   */
  gone?: string[];
  /** PRNG seed: the same seed and call sequence give the same faults. */
  seed: number;
}

export const NO_FAULTS: FaultConfig = Object.freeze({ latencyMs: 0, throttleRate: 0, errorRate: 0, seed: 1 });

export type FaultDecision = 'none' | 'throttle' | 'error' | 'hang';

/** mulberry32: a small, well-known deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses and checks a fault request body; returns an error message for bad input. */
export function parseFaultConfig(body: unknown): FaultConfig | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON object';
  const b = body as Record<string, unknown>;
  const rate = (key: string): number | string => {
    const v = b[key] ?? 0;
    return typeof v === 'number' && v >= 0 && v <= 1 ? v : `${key} must be a number between 0 and 1`;
  };
  const names = (key: string): string[] | undefined | string => {
    const v = b[key];
    if (v === undefined) return undefined;
    return Array.isArray(v) && v.every((x) => typeof x === 'string')
      ? (v as string[])
      : `${key} must be an array of strings`;
  };
  const latency = b.latencyMs ?? 0;
  if (typeof latency !== 'number' || latency < 0 || latency > 60_000)
    return 'latencyMs must be a number between 0 and 60000';
  const throttleRate = rate('throttleRate');
  const errorRate = rate('errorRate');
  if (typeof throttleRate === 'string') return throttleRate;
  if (typeof errorRate === 'string') return errorRate;
  if (throttleRate + errorRate > 1) return 'throttleRate + errorRate must not exceed 1';
  const operations = names('operations');
  const services = names('services');
  const hang = names('hang');
  const gone = names('gone');
  if (typeof operations === 'string') return operations;
  if (typeof services === 'string') return services;
  if (typeof hang === 'string') return hang;
  if (typeof gone === 'string') return gone;
  const seed = b.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) return 'seed must be an integer';
  return {
    latencyMs: latency,
    throttleRate,
    errorRate,
    operations,
    services,
    ...(hang ? { hang } : {}),
    ...(gone ? { gone } : {}),
    seed,
  };
}

/** Decides, call by call, which fault (if any) applies. Owns its PRNG; a new config restarts the sequence. */
export class FaultInjector {
  private config: FaultConfig = NO_FAULTS;
  private random = prng(NO_FAULTS.seed);
  /** Releases the calls hung under the current settings. */
  private release: () => void = () => undefined;
  private released: Promise<void> = Promise.resolve();

  constructor() {
    this.arm();
  }

  configure(config: FaultConfig): void {
    this.config = config;
    this.random = prng(config.seed);
    this.release();
    this.arm();
  }

  /** Settles when the settings a hung call was decided under change (new faults or a reset). */
  hung(): Promise<void> {
    return this.released;
  }

  private arm(): void {
    this.released = new Promise((resolve) => (this.release = resolve));
  }

  /** True when the service's endpoint is set to answer as no AWS service does (the `gone` setting). */
  isGone(service: string): boolean {
    return this.config.gone?.includes(service) ?? false;
  }

  current(): FaultConfig {
    return this.config;
  }

  /** Latency to add and the fault to raise for this call. */
  decide(service: string, operation: string): { latencyMs: number; fault: FaultDecision } {
    const c = this.config;
    if (c.hang?.includes(service)) return { latencyMs: 0, fault: 'hang' };
    if ((c.services && !c.services.includes(service)) || (c.operations && !c.operations.includes(operation))) {
      return { latencyMs: 0, fault: 'none' };
    }
    if (c.throttleRate === 0 && c.errorRate === 0) return { latencyMs: c.latencyMs, fault: 'none' };
    const r = this.random();
    const fault: FaultDecision = r < c.throttleRate ? 'throttle' : r < c.throttleRate + c.errorRate ? 'error' : 'none';
    return { latencyMs: c.latencyMs, fault };
  }
}
