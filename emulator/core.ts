/**
 * The emulated account's request pipeline: route → auth → parse → authorize (the identity's policy) → faults → validate
 * → handler → serialize, call log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseAuthorization, signatureMatches } from './auth';
import { credentialFor, type DemoCredential } from './credentials';
import { FaultInjector } from './faults';
import { PatternCache } from './model/patterns';
import { authorize } from './policy';
import { validateInput } from './model/validate';
import { ApiError, type WireRequest, type WireResponse } from './protocols/types';
import { serviceByShape, serviceBySigningName } from './routing';
import { type CallContext, type ServiceDefinition } from './services/types';
import { buildAccount, type SeedFile } from './state/seed';
import { type AccountState, regionState } from './state/types';

/** One entry of the call log (GET /_emulator/calls). Never holds credentials beyond the access key id. */
export interface CallRecord {
  service: string;
  operation: string;
  region: string;
  status: number;
  accessKeyId: string;
  /** The error code when the call failed. */
  error?: string;
}

export interface EmulatorOptions {
  seed: SeedFile;
  /** The registered services, models loaded (routing.loadServices), in registry order. */
  services: readonly ServiceDefinition[];
  credentials: readonly DemoCredential[];
  snapshotSeconds: number;
  /** How long a restored resource takes to become available (default: snapshotSeconds). */
  restoreSeconds?: number;
  verifySignatures: boolean;
  /** The clock (epoch ms); tests may pass their own. */
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The emulated account: state, call log, faults; turns one wire request into one wire response. */
export class Emulator {
  private account: AccountState;
  private calls: CallRecord[] = [];
  private idCounter = 0;
  readonly faults = new FaultInjector();
  private readonly services: readonly ServiceDefinition[];
  private readonly patterns = new PatternCache();

  constructor(private readonly options: EmulatorOptions) {
    this.services = options.services;
    this.account = this.seedAccount();
  }

  private seedAccount(): AccountState {
    return buildAccount(this.options.seed, this.services, this.options.clock(), this.options.snapshotSeconds * 1000);
  }

  /** Back to the seed data; empties the call log and clears faults. */
  reset(): void {
    this.account = this.seedAccount();
    this.calls = [];
    this.idCounter = 0;
    this.faults.configure({ latencyMs: 0, throttleRate: 0, errorRate: 0, seed: 1 });
  }

  callLog(): readonly CallRecord[] {
    return this.calls;
  }

  /** GET /_emulator/health: the service ids, the regions, and what each service adds (e.g. a count). */
  summary(): { services: string[]; regions: string[] } & Record<string, unknown> {
    const extras = this.services.flatMap((s) => Object.entries(s.data?.health?.(this.account) ?? {}));
    return {
      services: this.services.map((s) => s.id),
      regions: [...this.account.regions.keys()],
      ...Object.fromEntries(extras),
    };
  }

  private nextHash(kind: string): string {
    this.idCounter += 1;
    return createHash('sha256').update(`${kind}:${this.idCounter}`).digest('hex');
  }

  async handle(request: WireRequest): Promise<WireResponse> {
    const requestId = randomUUID();
    const parsedAuth = parseAuthorization(request.headers.authorization as string | undefined);
    const service =
      parsedAuth.kind === 'ok'
        ? serviceBySigningName(this.services, parsedAuth.auth.service, request)
        : serviceByShape(this.services, request);
    const region = parsedAuth.kind === 'ok' ? parsedAuth.auth.region : '';
    const accessKeyId = parsedAuth.kind === 'ok' ? parsedAuth.auth.accessKeyId : '';
    if (service && this.faults.isGone(service.id)) {
      this.calls.push({ service: service.id, operation: '', region, status: 404, accessKeyId, error: 'Gone' });
      const page = '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';
      return { status: 404, headers: { 'content-type': 'text/html' }, body: page };
    }
    if (!service) {
      const name = parsedAuth.kind === 'ok' ? parsedAuth.auth.service : '';
      const body = JSON.stringify({ message: `The emulator does not serve the service '${name}'.` });
      this.calls.push({ service: name, operation: '', region, status: 400, accessKeyId, error: 'UnknownService' });
      return {
        status: 400,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownService' },
        body,
      };
    }
    let operation: string | undefined;
    const respond = (response: WireResponse, error?: string): WireResponse => {
      this.calls.push({
        service: service.id,
        operation: operation ?? '',
        region,
        status: response.status,
        accessKeyId,
        error,
      });
      return response;
    };
    const fail = (error: ApiError) => respond(service.protocol.serializeError(error, operation, requestId), error.code);
    try {
      let parsed: ReturnType<typeof service.protocol.parse> | undefined;
      let parseError: ApiError | undefined;
      try {
        parsed = service.protocol.parse(request);
        operation = parsed.operation;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        parseError = e;
      }
      if (parsedAuth.kind === 'missing') return fail(service.errors.missingAuth());
      if (parsedAuth.kind === 'malformed') return fail(service.errors.malformedAuth(parsedAuth.reason));
      const identity = credentialFor(parsedAuth.auth.accessKeyId, this.options.credentials);
      if (identity === undefined) return fail(service.errors.unknownKey());
      if (
        this.options.verifySignatures &&
        !(await signatureMatches(request, parsedAuth.auth, identity.secretAccessKey, service.uriEscapePath))
      ) {
        return fail(service.errors.badSignature());
      }
      if (parseError || !parsed) return fail(parseError ?? service.errors.internal());
      const caller = { userName: identity.label, policy: identity.policy, accountId: this.account.accountId, region };
      const denied = authorize(caller, service.model, parsed.operation, parsed.input);
      if (denied) return fail(denied);
      const handler = service.operations[parsed.operation];
      if (!handler) {
        return fail(
          new ApiError(
            'UnsupportedOperation',
            501,
            `The emulator does not implement ${service.id} ${parsed.operation}.`,
          ),
        );
      }
      const { latencyMs, fault } = this.faults.decide(service.id, parsed.operation);
      if (latencyMs > 0) await this.options.sleep(latencyMs);
      if (fault === 'hang') {
        await this.faults.hung();
        return fail(service.errors.internal());
      }
      if (fault === 'throttle') return fail(service.errors.throttling());
      if (fault === 'error') return fail(service.errors.internal());
      const op = service.model.operations[parsed.operation]!;
      if (op.input) {
        const issues = validateInput(service.model, op.input.shape, parsed.input, this.patterns);
        if (issues.length) return fail(service.errors.validation(issues, parsed.operation));
      }
      service.extraValidation?.(parsed.operation, parsed.input);
      const ctx: CallContext = {
        region,
        account: this.account,
        state: regionState(this.account, region),
        now: this.options.clock(),
        snapshotMs: this.options.snapshotSeconds * 1000,
        restoreMs: (this.options.restoreSeconds ?? this.options.snapshotSeconds) * 1000,
        nextHash: (kind) => this.nextHash(kind),
      };
      const output = handler(ctx, parsed.input);
      return respond(service.protocol.serialize(parsed.operation, output, requestId));
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      console.error(`emulator: ${service.id} ${operation ?? '?'} failed:`, e);
      return fail(service.errors.internal());
    }
  }
}
