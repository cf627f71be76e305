/**
 * The emulated accounts' request pipeline: route → auth (who calls, in which account; none for an unsigned operation)
 * → parse → authorize (the identity's policy) → faults → validate → handler → serialize, call log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseAuthorization } from './auth';
import { type DemoCredential } from './credentials';
import { FaultInjector } from './faults';
import { isUnsigned, resolveCaller } from './identity/callers';
import { IssuedCredentials } from './identity/issued';
import { type OrgAccount } from './identity/organization';
import { type CallerIdentity } from './identity/types';
import { PatternCache } from './model/patterns';
import { authorize } from './policy';
import { validateInput } from './model/validate';
import { ApiError, type WireRequest, type WireResponse } from './protocols/types';
import { serviceByShape, serviceBySigningName } from './routing';
import { type CallContext, type ServiceDefinition } from './services/types';
import { AccountStates } from './state/accounts';
import { type SeedFile } from './state/seed';
import { SliceStore } from './state/slices';
import { regionState } from './state/types';

/** The region of an unsigned call (its request names none; the emulator serves every region at one URL). */
export const UNSIGNED_REGION = 'us-east-1';

/** One entry of the call log (GET /_emulator/calls). Never holds credentials beyond the access key id. */
export interface CallRecord {
  service: string;
  operation: string;
  region: string;
  status: number;
  accessKeyId: string;
  /** The account the call ran in (the default account when no caller was identified). */
  accountId: string;
  /** The error code when the call failed. */
  error?: string;
}

export interface EmulatorOptions {
  seed: SeedFile;
  /** The registered services, models loaded (routing.loadServices), in registry order. */
  services: readonly ServiceDefinition[];
  credentials: readonly DemoCredential[];
  /** The demo organisation (identity/organization.ts); its first account is the default account. */
  organization: readonly OrgAccount[];
  snapshotSeconds: number;
  /** How long a restored resource takes to become available (default: snapshotSeconds). */
  restoreSeconds?: number;
  verifySignatures: boolean;
  /** The clock (epoch ms); tests may pass their own. */
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The emulated accounts: their state, call log, faults; turns one wire request into one wire response. */
export class Emulator {
  private accounts: AccountStates;
  private directoryStore = new SliceStore('account');
  private calls: CallRecord[] = [];
  private idCounter = 0;
  readonly faults = new FaultInjector();
  /** The temporary credentials issued since the last reset. */
  readonly issued = new IssuedCredentials();
  readonly organization: readonly OrgAccount[];
  private readonly services: readonly ServiceDefinition[];
  private readonly patterns = new PatternCache();

  constructor(private readonly options: EmulatorOptions) {
    this.services = options.services;
    this.organization = options.organization;
    this.accounts = this.seedAccounts();
  }

  private seedAccounts(): AccountStates {
    const { seed, clock, snapshotSeconds } = this.options;
    return new AccountStates(seed, this.services, clock(), snapshotSeconds * 1000);
  }

  /** Emulator-wide state that belongs to no account (admin routes and services read it); emptied by reset. */
  directory(): SliceStore<'account'> {
    return this.directoryStore;
  }

  /** The emulator's clock now (epoch ms), for admin routes that act on time (e.g. expiring SSO tokens). */
  now(): number {
    return this.options.clock();
  }

  /** Back to the seed data; forgets issued credentials and the directory, empties the call log, clears faults. */
  reset(): void {
    this.accounts = this.seedAccounts();
    this.directoryStore = new SliceStore('account');
    this.issued.clear();
    this.calls = [];
    this.idCounter = 0;
    this.faults.configure({ latencyMs: 0, throttleRate: 0, errorRate: 0, seed: 1 });
  }

  callLog(): readonly CallRecord[] {
    return this.calls;
  }

  /**
   * GET /_emulator/health: the service ids, the default account's regions and what each service adds (e.g. a count),
   * and the accounts that have state (seeded or called) with their regions.
   */
  summary(): { services: string[]; regions: string[]; accounts: { id: string; regions: string[] }[] } & Record<
    string,
    unknown
  > {
    const main = this.accounts.default;
    const extras = this.services.flatMap((s) => Object.entries(s.data?.health?.(main) ?? {}));
    return {
      services: this.services.map((s) => s.id),
      regions: [...main.regions.keys()],
      ...Object.fromEntries(extras),
      accounts: this.accounts.all().map((a) => ({ id: a.accountId, regions: [...a.regions.keys()] })),
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
    let region = parsedAuth.kind === 'ok' ? parsedAuth.auth.region : '';
    const accessKeyId = parsedAuth.kind === 'ok' ? parsedAuth.auth.accessKeyId : '';
    let accountId = this.accounts.defaultAccountId;
    const record = (call: Omit<CallRecord, 'region' | 'accessKeyId' | 'accountId'>): void => {
      this.calls.push({ ...call, region, accessKeyId, accountId });
    };
    if (service && this.faults.isGone(service.id)) {
      record({ service: service.id, operation: '', status: 404, error: 'Gone' });
      const page = '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';
      return { status: 404, headers: { 'content-type': 'text/html' }, body: page };
    }
    if (!service) {
      const name = parsedAuth.kind === 'ok' ? parsedAuth.auth.service : '';
      const body = JSON.stringify({ message: `The emulator does not serve the service '${name}'.` });
      record({ service: name, operation: '', status: 400, error: 'UnknownService' });
      return {
        status: 400,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownService' },
        body,
      };
    }
    let operation: string | undefined;
    const respond = (response: WireResponse, error?: string): WireResponse => {
      record({ service: service.id, operation: operation ?? '', status: response.status, error });
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
      let caller: CallerIdentity | undefined;
      if (parsed && isUnsigned(service.model, parsed.operation)) {
        region ||= UNSIGNED_REGION;
      } else {
        if (parsedAuth.kind === 'missing') return fail(service.errors.missingAuth());
        if (parsedAuth.kind === 'malformed') return fail(service.errors.malformedAuth(parsedAuth.reason));
        const { credentials, verifySignatures } = this.options;
        const sources = { credentials, verifySignatures, issued: this.issued, defaultAccountId: accountId };
        const resolved = await resolveCaller(request, parsedAuth.auth, region, service, sources, this.options.clock());
        if (resolved instanceof ApiError) return fail(resolved);
        caller = resolved;
        accountId = caller.accountId;
      }
      if (parseError || !parsed) return fail(parseError ?? service.errors.internal());
      if (caller) {
        const who = { userName: '', arn: caller.arn, policy: caller.policy, accountId, region };
        const denied = authorize(who, service.model, parsed.operation, parsed.input);
        if (denied) return fail(denied);
      }
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
      const account = this.accounts.get(accountId);
      const ctx: CallContext = {
        region,
        account,
        state: regionState(account, region),
        now: this.options.clock(),
        snapshotMs: this.options.snapshotSeconds * 1000,
        restoreMs: (this.options.restoreSeconds ?? this.options.snapshotSeconds) * 1000,
        nextHash: (kind) => this.nextHash(kind),
        caller,
        headers: request.headers,
        issued: this.issued,
        organization: this.organization,
        directory: this.directoryStore,
        baseUrl: `http://${String(request.headers.host ?? '127.0.0.1')}`,
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
