// A client factory signed with the first demo key pair (static credentials, no profiles files) whose every call goes
// to one emulator URL, for integration tests of the snapshot operations.
import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS } from '../../emulator';
import { createClientFactory, type ClientFactory } from '../../src/aws/clientFactory';
import { silentLogger } from '../../src/log';

export interface DemoClientsOptions {
  /** Default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Attempts per call (default: the SDK's). */
  readonly maxAttempts?: number;
}

export function demoClients(url: string, options: DemoClientsOptions = {}): ClientFactory {
  const credentials = DEMO_CREDENTIALS[0];
  assert.ok(credentials);
  return createClientFactory({
    credentials: () => async () => ({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    }),
    endpoints: () => ({ '*': url }),
    requestTimeoutMs: () => options.requestTimeoutMs ?? 10_000,
    maxConcurrentRequests: () => 8,
    userAgent: 'snapshot-explorer-tests/0',
    logger: silentLogger,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  });
}
