// Shared setup for the emulator's SDK-level tests: an emulator on 127.0.0.1 port 0 with a controllable clock,
// client configuration for the real SDK clients, and a raw SigV4-signed request helper.
import assert from 'node:assert/strict';
import path from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { DEMO_CREDENTIALS, startEmulator, type CallRecord, type RunningEmulator } from '../../../emulator/index';

export const CREDENTIALS = DEMO_CREDENTIALS[0]!;
export const START = Date.parse('2026-01-15T12:00:00Z');

/** A manual clock: lifecycle tests move time instead of sleeping. */
export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export interface TestEmulator extends RunningEmulator {
  clock: TestClock;
  config(region?: string): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
  };
  admin(method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  calls(): Promise<CallRecord[]>;
  reset(): Promise<void>;
}

export async function startTestEmulator(
  options: { snapshotSeconds?: number; dataFile?: string; ssoAccounts?: number } = {},
): Promise<TestEmulator> {
  const clock: TestClock = {
    now: START,
    advance(ms) {
      this.now += ms;
    },
  };
  const running = await startEmulator({
    port: 0,
    verifySignatures: true,
    snapshotSeconds: options.snapshotSeconds ?? 0,
    dataFile: options.dataFile,
    ssoAccounts: options.ssoAccounts,
    clock: () => clock.now,
  });
  const admin = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${running.url}/_emulator/${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  return {
    ...running,
    clock,
    config: (region = 'us-east-1') => ({
      endpoint: running.url,
      region,
      credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: CREDENTIALS.secretAccessKey },
      maxAttempts: 1,
    }),
    admin,
    calls: async () => (await admin('GET', 'calls')).json as CallRecord[],
    reset: async () => {
      clock.now = START;
      assert.equal((await admin('POST', 'reset')).status, 200);
    },
  };
}

/** Awaits a rejection and checks its class (or name) and message. */
export async function rejects(
  promise: Promise<unknown>,
  expected: { cls?: abstract new (...args: never[]) => Error; name?: string; message?: RegExp; status?: number },
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error, `expected a rejection, got ${JSON.stringify(caught)}`);
  const error = caught as Error & { $metadata?: { httpStatusCode?: number } };
  if (expected.cls)
    assert.ok(error instanceof expected.cls, `expected ${expected.cls.name}, got ${error.name}: ${error.message}`);
  if (expected.name) assert.equal(error.name, expected.name, error.message);
  if (expected.message) assert.match(error.message, expected.message);
  if (expected.status) assert.equal(error.$metadata?.httpStatusCode, expected.status);
  return error;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends a request signed with @smithy/signature-v4 (or unsigned / with a custom Authorization) to the emulator. */
export async function rawRequest(
  url: string,
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
    service: string;
    region?: string;
    sign?: boolean;
    secretAccessKey?: string;
    accessKeyId?: string;
  },
): Promise<RawResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { host: target.host, ...(request.headers ?? {}) };
  if (request.sign !== false) {
    const signer = new SignatureV4({
      credentials: {
        accessKeyId: request.accessKeyId ?? CREDENTIALS.accessKeyId,
        secretAccessKey: request.secretAccessKey ?? CREDENTIALS.secretAccessKey,
      },
      region: request.region ?? 'us-east-1',
      service: request.service,
      sha256: Sha256,
    });
    const signed = await signer.sign({
      method: request.method,
      protocol: 'http:',
      hostname: target.hostname,
      port: Number(target.port),
      path: request.path,
      query: request.query ?? {},
      headers,
      body: request.body,
    });
    Object.assign(headers, signed.headers);
  }
  const query = new URLSearchParams(request.query ?? {}).toString();
  const response = await fetch(`${url}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers,
    body: request.body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Polls `read` until `done` holds, with a deadline (for real-time waits, e.g. the CLI). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
