/** The emulator's public API: startEmulator (the HTTP server over the core), and the types tests and scripts use. */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { Emulator } from './core';
import { DEMO_CREDENTIALS } from './credentials';
import { DEFAULT_ORGANIZATION_SIZE, demoOrganization } from './identity/organization';
import { modelsDir } from './model/load';
import { type WireRequest } from './protocols/types';
import { loadServices } from './routing';
import { EMULATED_SERVICES } from './services/registry';
import { DEFAULT_DATA_FILE, readSeedFile } from './state/seed';

export { DEMO_CREDENTIALS } from './credentials';
export type { CallRecord } from './core';
export type { FaultConfig } from './faults';

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1 (never all interfaces unless asked). */
  host?: string;
  /** How long created snapshots stay in progress (default 5; 0 = available at once). */
  snapshotSeconds?: number;
  /** How long a restored graph, cluster, volume or simulation takes to become available (default: snapshotSeconds). */
  restoreSeconds?: number;
  /** Recompute every request's SigV4 signature (SignatureDoesNotMatch / InvalidSignatureException otherwise). */
  verifySignatures?: boolean;
  /** JSON data file (default emulator/data/demo.json). */
  dataFile?: string;
  /** The aws-models folder (default $AWS_MODELS_DIR, else <repo>/../shared/aws-models). */
  modelsDir?: string;
  /** A clock for tests (epoch ms). */
  clock?: () => number;
  /** How many accounts the demo organisation has (default 6, the named ones; more are generated, for benchmarks). */
  ssoAccounts?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

/** Starts the emulator's HTTP server; resolves once it listens. */
export async function startEmulator(options: StartOptions): Promise<RunningEmulator> {
  const emulator = new Emulator({
    seed: readSeedFile(options.dataFile ?? DEFAULT_DATA_FILE),
    services: loadServices(EMULATED_SERVICES, options.modelsDir ?? modelsDir()),
    credentials: DEMO_CREDENTIALS,
    organization: demoOrganization(options.ssoAccounts ?? DEFAULT_ORGANIZATION_SIZE),
    snapshotSeconds: options.snapshotSeconds ?? 5,
    restoreSeconds: options.restoreSeconds,
    verifySignatures: options.verifySignatures ?? false,
    clock: options.clock ?? Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const request: WireRequest = {
        method: req.method ?? 'GET',
        rawPath: q < 0 ? url : url.slice(0, q),
        rawQuery: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const answer = request.rawPath.startsWith(ADMIN_PREFIX)
        ? Promise.resolve(handleAdmin(emulator, request.method, request.rawPath, request.body, request))
        : emulator.handle(request);
      answer
        .then((response) => {
          // A HEAD answer has no body; its Content-Length is the handler's when it set one (S3 HeadObject: the
          // object's size), as for the GET it stands for.
          const headLength = request.method === 'HEAD' ? response.headers['content-length'] : undefined;
          const length = headLength ?? Buffer.byteLength(response.body);
          res.writeHead(response.status, { ...response.headers, 'content-length': length });
          res.end(request.method === 'HEAD' ? undefined : response.body);
        })
        .catch((error: unknown) => {
          console.error('emulator: unexpected failure', error);
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('emulator failure');
        });
    });
  });
  server.keepAliveTimeout = 1000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
