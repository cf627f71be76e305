// A small typed client for the SimSpace Weaver operations the extension needs (ListSimulations,
// DescribeSimulation, CreateSnapshot, StartSimulation), since @aws-sdk/client-simspaceweaver no longer exists: restJson1 over
// @smithy/node-http-handler, SigV4 (signing name `simspaceweaver`), the model's regional endpoint, and the
// SDK's retry behaviour through a @smithy/util-retry strategy.
// Only src/services/simSpaceWeaver.sdk.ts (bundled into the lazily loaded SDK) and tests import this module; the
// client spec (src/services/simSpaceWeaverClient.ts) imports its type only.
import { randomUUID } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest, type HttpHandler, type HttpResponse } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ResponseMetadata,
  RetryStrategyV2,
  RetryToken,
} from '@smithy/types';
import { StandardRetryStrategy } from '@smithy/util-retry';
import type { Logger } from '../../log';
import { errorCodeOf, logCall } from '../callLog';
import { resolveSimSpaceWeaverEndpoint } from './endpoint';
import { errorFromResponse, SimSpaceWeaverServiceException } from './errors';
import type {
  CallOptions,
  CreateSnapshotInput,
  CreateSnapshotOutput,
  DescribeSimulationInput,
  DescribeSimulationOutput,
  ListSimulationsInput,
  ListSimulationsOutput,
  StartSimulationInput,
  StartSimulationOutput,
} from './models';
import { createSnapshot, describeSimulation, listSimulations, startSimulation, type Operation } from './protocol';
import { retryErrorInfo } from './retry';

export * from './errors';
export type * from './models';

export const SIGNING_NAME = 'simspaceweaver';
const API_VERSION = '2022-10-28';
const DEFAULT_MAX_ATTEMPTS = 3;

export interface SimSpaceWeaverClientConfig {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** An endpoint override (emulator, VPC endpoint); default: the model's regional endpoint. */
  endpoint?: string;
  requestHandler?: HttpHandler;
  /** Attempts per call, first one included (default 3); ignored when `retryStrategy` is given. */
  maxAttempts?: number;
  retryStrategy?: RetryStrategyV2;
  /** Appended to the user agent (e.g. `snapshot-explorer-aws/0.1.0`). */
  userAgent?: string;
  /** Receives one debug line per call; never headers, bodies or credentials. */
  logger?: Logger;
  /** The profile named in log lines. */
  profile?: string;
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

/** Resolves with the promise, or rejects with an AbortError when the signal fires first. */
function race<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  return '';
}

function headerValue(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function responseMetadata(response: HttpResponse): ResponseMetadata {
  const requestId =
    headerValue(response.headers, 'x-amzn-requestid') ?? headerValue(response.headers, 'x-amz-request-id');
  const extendedRequestId = headerValue(response.headers, 'x-amz-id-2');
  const cfId = headerValue(response.headers, 'x-amz-cf-id');
  return {
    httpStatusCode: response.statusCode,
    ...(requestId ? { requestId } : {}),
    ...(extendedRequestId ? { extendedRequestId } : {}),
    ...(cfId ? { cfId } : {}),
  };
}

export class SimSpaceWeaverClient {
  readonly region: string;
  /** The endpoint every request goes to. */
  readonly endpoint: URL;
  readonly maxAttempts: number;
  private readonly handler: HttpHandler;
  private readonly signer: SignatureV4;
  private readonly retryStrategy: RetryStrategyV2;
  private readonly userAgent: string;
  private readonly logger?: Logger;
  private readonly profile?: string;

  constructor(config: SimSpaceWeaverClientConfig) {
    this.region = config.region;
    this.endpoint = resolveSimSpaceWeaverEndpoint({ region: config.region, endpoint: config.endpoint });
    this.maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.handler = config.requestHandler ?? new NodeHttpHandler();
    this.signer = new SignatureV4({
      service: SIGNING_NAME,
      region: config.region,
      credentials: config.credentials,
      sha256: Sha256,
    });
    this.retryStrategy = config.retryStrategy ?? new StandardRetryStrategy(this.maxAttempts);
    const base = `aws-sdk-js-snapshot-explorer/1 api/simspaceweaver#${API_VERSION} lang/js md/nodejs#${process.versions.node}`;
    this.userAgent = config.userAgent ? `${base} ${config.userAgent}` : base;
    if (config.logger) this.logger = config.logger;
    if (config.profile !== undefined) this.profile = config.profile;
  }

  listSimulations(input: ListSimulationsInput = {}, options?: CallOptions): Promise<ListSimulationsOutput> {
    return this.call(listSimulations, input, options);
  }

  describeSimulation(input: DescribeSimulationInput, options?: CallOptions): Promise<DescribeSimulationOutput> {
    return this.call(describeSimulation, input, options);
  }

  createSnapshot(input: CreateSnapshotInput, options?: CallOptions): Promise<CreateSnapshotOutput> {
    return this.call(createSnapshot, input, options);
  }

  /**
   * ClientToken is the model's idempotencyToken: a UUID when absent, as the SDK fills it, chosen once per call so
   * that every retry of it sends the same token.
   */
  startSimulation(input: StartSimulationInput, options?: CallOptions): Promise<StartSimulationOutput> {
    return this.call(startSimulation, { ...input, ClientToken: input.ClientToken ?? randomUUID() }, options);
  }

  /** Closes the connections of the request handler. */
  destroy(): void {
    this.handler.destroy?.();
  }

  private buildRequest<I>(operation: Operation<I, unknown>, input: I, attempt: number, invocationId: string) {
    const body = operation.body(input);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const basePath = this.endpoint.pathname.replace(/\/+$/, '');
    const port = this.endpoint.port ? Number(this.endpoint.port) : undefined;
    const headers: Record<string, string> = {
      host: this.endpoint.host,
      'user-agent': this.userAgent,
      'x-amz-user-agent': this.userAgent,
      'amz-sdk-invocation-id': invocationId,
      'amz-sdk-request': `attempt=${attempt}; max=${this.maxAttempts}`,
    };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new HttpRequest({
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      ...(port !== undefined ? { port } : {}),
      method: operation.method,
      path: `${basePath}${operation.path}`,
      query: operation.query(input),
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
  }

  /** One attempt: sign, send, read; a non-2xx answer becomes the modeled error. */
  private async attempt<I, O>(
    operation: Operation<I, O>,
    input: I,
    attempt: number,
    invocationId: string,
    signal: AbortSignal | undefined,
  ): Promise<{ output: Omit<O, '$metadata'>; metadata: ResponseMetadata }> {
    const signed = await race(this.signer.sign(this.buildRequest(operation, input, attempt, invocationId)), signal);
    const { response } = await this.handler.handle(signed as HttpRequest, signal ? { abortSignal: signal } : {});
    const text = await race(readBody(response.body), signal);
    const metadata = responseMetadata(response);
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const error = errorFromResponse({
        statusCode: response.statusCode,
        headers: response.headers,
        body: text,
        metadata,
      });
      Object.defineProperty(error, '$response', { value: response, enumerable: false });
      throw error;
    }
    let json: unknown = {};
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new SimSpaceWeaverServiceException({
        name: 'DeserializationError',
        message: `${operation.name} answered HTTP ${response.statusCode} with a body that is not JSON.`,
        $fault: 'client',
        $metadata: metadata,
      });
    }
    const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    return { output: operation.parse(record), metadata };
  }

  private async call<I, O>(operation: Operation<I, O>, input: I, options: CallOptions = {}): Promise<O> {
    const signal = options.abortSignal;
    const started = Date.now();
    const invocationId = randomUUID();
    let token: RetryToken = await race(this.retryStrategy.acquireInitialRetryToken(''), signal);
    let attempts = 0;
    let totalRetryDelay = 0;
    const log = (httpStatus: number | undefined, errorCode?: string): void => {
      if (!this.logger) return;
      logCall(this.logger, {
        service: SIGNING_NAME,
        operation: operation.name,
        ...(this.profile !== undefined ? { profile: this.profile } : {}),
        region: this.region,
        durationMs: Date.now() - started,
        ...(httpStatus !== undefined ? { httpStatus } : {}),
        ...(errorCode !== undefined ? { errorCode } : {}),
        attempts,
      });
    };
    for (;;) {
      attempts += 1;
      try {
        const { output, metadata } = await this.attempt(operation, input, attempts, invocationId, signal);
        this.retryStrategy.recordSuccess(token);
        log(metadata.httpStatusCode);
        return { ...output, $metadata: { ...metadata, attempts, totalRetryDelay } } as O;
      } catch (error) {
        const status = (error as { $metadata?: ResponseMetadata }).$metadata?.httpStatusCode;
        if (signal?.aborted || errorCodeOf(error) === 'AbortError') {
          log(status, 'AbortError');
          throw error;
        }
        const headers = (error as { $response?: HttpResponse }).$response?.headers;
        const waitStarted = Date.now();
        try {
          token = await race(
            this.retryStrategy.refreshRetryTokenForRetry(token, retryErrorInfo(error, headers)),
            signal,
          );
          const delay = token.getRetryDelay();
          if (delay > 0) await race(new Promise((resolve) => setTimeout(resolve, delay)), signal);
        } catch (refusal) {
          if (error instanceof SimSpaceWeaverServiceException) {
            error.$metadata = { ...error.$metadata, attempts, totalRetryDelay };
          }
          log(status, errorCodeOf(error));
          throw signal?.aborted ? refusal : error;
        }
        totalRetryDelay += Date.now() - waitStarted;
      }
    }
  }
}
