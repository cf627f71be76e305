// The fake SnapshotService of the unit tests (tree, create flow, tracker, snapshot UI): resources and snapshots in
// memory, paged by a numeric token, with every call recorded, injectable failures, a gate that holds calls until
// released, and scripted answers to create and status reads. Built with `new FakeService(id)` and set up field by
// field, or with `fakeService(options)`. No AWS.
import type { AwsClients } from '../../src/aws/clients';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotBatchListing,
  SnapshotInput,
  SnapshotRef,
  SnapshotService,
} from '../../src/services/service';
import { serviceById } from '../../src/services/registry';
import type { ServiceInputRules, Tag } from '../../src/validation/types';

export interface Call {
  readonly op: 'listResources' | 'listSnapshots' | 'batchSnapshots';
  readonly profile: string;
  readonly region: string;
  readonly nextToken?: string;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** batchSnapshots: the resources passed in. */
  readonly resourceIds?: readonly string[];
}

export function resource(id: string, extra: Partial<Resource> = {}): Resource {
  return {
    service: 'fake',
    id,
    name: id,
    status: 'AVAILABLE',
    summary: '16 GB',
    snapshottable: { ok: true },
    details: [],
    ...extra,
  };
}

/** A snapshot of resource `r`: in a state (its status the same), or available and created at a moment (or not known). */
export function snapshot(id: string, state: Snapshot['state'], extra?: Partial<Snapshot>): Snapshot;
export function snapshot(id: string, createdAt: Date | undefined, extra?: Partial<Snapshot>): Snapshot;
export function snapshot(
  id: string,
  stateOrCreatedAt: Snapshot['state'] | Date | undefined,
  extra: Partial<Snapshot> = {},
): Snapshot {
  const state = typeof stateOrCreatedAt === 'string' ? stateOrCreatedAt : undefined;
  return {
    service: 'fake',
    id,
    name: id,
    resourceId: 'r',
    state: state ?? 'available',
    status: state ?? 'AVAILABLE',
    ...(stateOrCreatedAt instanceof Date ? { createdAt: stateOrCreatedAt } : {}),
    details: [],
    ...extra,
  };
}

export interface FakeServiceOptions {
  readonly id: string;
  readonly label?: string;
  readonly rules?: ServiceInputRules;
  readonly resources?: Resource[];
  /** Listed under their `resourceId`. */
  readonly snapshots?: Snapshot[];
  readonly offeredIn?: (region: string) => boolean;
  /** What create does (default: returns a creating snapshot named after the first value). */
  readonly create?: (resource: Resource, input: SnapshotInput) => Promise<Snapshot>;
  /** What a status read answers per ref (default: not found). */
  readonly status?: (ref: SnapshotRef) => Snapshot | undefined;
  readonly listSnapshotsDelayMs?: number;
}

/** A FakeService set up from options. */
/** What the real service of that id declares for the create flow and the error explanations (none for other ids). */
function declaredFacts(id: string): Partial<SnapshotService> {
  const real = serviceById(id);
  if (!real) return {};
  const facts: Partial<Record<keyof SnapshotService, unknown>> = {
    resourceParameter: real.resourceParameter,
    iamActions: real.iamActions,
    uniqueName: real.uniqueName,
    destination: real.destination,
    explainError: real.explainError,
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== undefined),
  ) as Partial<SnapshotService>;
}

export function fakeService(options: FakeServiceOptions): FakeService {
  const service = new FakeService(options.id, options.label);
  Object.assign(service, declaredFacts(options.id));
  if (options.rules) service.rules = options.rules;
  service.resources = options.resources ?? [];
  for (const s of options.snapshots ?? [])
    service.snapshots.set(s.resourceId, [...(service.snapshots.get(s.resourceId) ?? []), s]);
  if (options.offeredIn) service.isOfferedIn = options.offeredIn;
  if (options.create) service.answerCreate = options.create;
  if (options.status) service.answerStatus = options.status;
  service.listSnapshotsDelayMs = options.listSnapshotsDelayMs ?? 0;
  return service;
}

export class FakeService implements SnapshotService {
  readonly label: string;
  readonly resourceNoun = { one: 'graph', many: 'graphs' };
  readonly icon = 'graph';
  readonly createOperation: string;
  rules: ServiceInputRules = { fields: [] };
  /** The listing calls (resources, snapshots, batches), in order. */
  readonly calls: Call[] = [];
  readonly createCalls: { ctx: AwsContext; resource: Resource; input: SnapshotInput }[] = [];
  readonly statusCalls: { ctx: AwsContext; refs: readonly SnapshotRef[] }[] = [];
  /** When each listSnapshots call came (Date.now()). */
  readonly listSnapshotCalls: number[] = [];
  resources: Resource[] = [];
  snapshots = new Map<string, Snapshot[]>();
  notOffered = new Set<string>();
  regions: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];
  /** Makes a call fail: returns the error to throw, or undefined to answer normally. */
  failWith: (call: Call) => unknown = () => undefined;
  /** When set, calls wait for it (and reject with AbortError when their signal fires). */
  gate: Promise<void> | undefined;
  /** Set by `withBatch`: many resources' snapshots in one call, answered from `snapshots`. */
  batchSnapshots?: SnapshotBatchListing;
  /** Makes batch calls answer undefined, as a listing that does not fit one page of the API. */
  batchTooBig = false;
  /** Set by a test to follow restores (the seam's optional method). */
  getRestoredStatuses?: SnapshotService['getRestoredStatuses'];
  /** Set by a test to restore (see test/support/fakeRestore.ts). */
  restore?: SnapshotService['restore'];
  /** Set by a test to delete snapshots. */
  delete?: SnapshotService['delete'];
  /** Set by a test to copy snapshots to another region. */
  copy?: SnapshotService['copy'];
  /** Set by a test: the region's snapshots whose resource is elsewhere. */
  listUnattachedSnapshots?: SnapshotService['listUnattachedSnapshots'];
  /** How long listSnapshots calls take. */
  listSnapshotsDelayMs = 0;
  /** What create does (default: a creating snapshot named after the first value). */
  answerCreate: (resource: Resource, input: SnapshotInput) => Promise<Snapshot> = async (r, input) => {
    const name = Object.values(input.values)[0] ?? 'snap';
    return snapshot(`id-${name}`, 'creating', { service: this.id, name, resourceId: r.id });
  };
  /** What a status read answers per ref (default: not found). */
  answerStatus: (ref: SnapshotRef) => Snapshot | undefined = () => undefined;
  /** Set to read snapshots' tags lazily, as ListTagsForResource does (default: the service has none to read). */
  snapshotTags?: (ctx: AwsContext, snapshot: Snapshot) => Promise<readonly Tag[]>;

  constructor(
    readonly id: string,
    label?: string,
  ) {
    this.label = label ?? id;
    this.createOperation = `Create${id}Snapshot`;
  }

  isOfferedIn = (region: string): boolean => !this.notOffered.has(region);

  private async answer<T>(call: Call, items: readonly T[], page: PageRequest, delayMs = 0): Promise<Page<T>> {
    this.calls.push(call);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (this.gate) await abortable(this.gate, call.signal);
    const error = this.failWith(call);
    if (error !== undefined) throw error;
    const start = page.nextToken ? Number(page.nextToken) : 0;
    const size = page.pageSize ?? 50;
    const end = start + size;
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  }

  listResources(ctx: AwsContext, page: PageRequest): Promise<Page<Resource>> {
    const call = {
      op: 'listResources' as const,
      profile: ctx.profile,
      region: ctx.region,
      ...page,
      signal: ctx.signal,
    };
    return this.answer(call, this.resources, page);
  }

  async getResource(_ctx: AwsContext, id: string): Promise<Resource | undefined> {
    return this.resources.find((r) => r.id === id);
  }

  listSnapshots(ctx: AwsContext, res: Resource, page: PageRequest): Promise<Page<Snapshot>> {
    this.listSnapshotCalls.push(Date.now());
    const call = {
      op: 'listSnapshots' as const,
      profile: ctx.profile,
      region: ctx.region,
      ...page,
      signal: ctx.signal,
    };
    return this.answer(call, this.snapshots.get(res.id) ?? [], page, this.listSnapshotsDelayMs);
  }

  /**
   * Gives the service a batch listing recorded as 'batchSnapshots' calls (gate and failWith apply). Like the real
   * ones, its answer leaves out resources without snapshots; 'region' answers every resource of `snapshots`.
   */
  withBatch(covers: SnapshotBatchListing['covers'], maxResources?: number): this {
    this.batchSnapshots = {
      covers,
      ...(maxResources === undefined ? {} : { maxResources }),
      list: (ctx, resources) => this.answerBatch(ctx, covers, resources),
    };
    return this;
  }

  private async answerBatch(
    ctx: AwsContext,
    covers: SnapshotBatchListing['covers'],
    resources: readonly Resource[],
  ): Promise<Map<string, Snapshot[]> | undefined> {
    const call: Call = {
      op: 'batchSnapshots',
      profile: ctx.profile,
      region: ctx.region,
      resourceIds: resources.map((r) => r.id),
      signal: ctx.signal,
    };
    this.calls.push(call);
    if (this.gate) await abortable(this.gate, call.signal);
    const error = this.failWith(call);
    if (error !== undefined) throw error;
    if (this.batchTooBig) return undefined;
    const ids = covers === 'region' ? [...this.snapshots.keys()] : (call.resourceIds ?? []);
    return new Map(ids.filter((id) => this.snapshots.get(id)?.length).map((id) => [id, [...this.snapshots.get(id)!]]));
  }

  /** The recorded calls of one operation. */
  callsOf(op: Call['op']): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  createSnapshot(ctx: AwsContext, res: Resource, input: SnapshotInput): Promise<Snapshot> {
    this.createCalls.push({ ctx, resource: res, input });
    return this.answerCreate(res, input);
  }

  async getSnapshotStatuses(ctx: AwsContext, refs: readonly SnapshotRef[]): Promise<Map<string, Snapshot>> {
    this.statusCalls.push({ ctx, refs });
    const found = new Map<string, Snapshot>();
    for (const ref of refs) {
      const s = this.answerStatus(ref);
      if (s) found.set(ref.snapshotId, s);
    }
    return found;
  }

  consoleUrl(region: string, res: Resource): string {
    return `https://console.example/${region}/${res.id}`;
  }

  snapshotConsoleUrl(region: string, snapshot: Snapshot, _parent?: Resource): string {
    return `https://console.example/${region}/snapshot/${snapshot.id}`;
  }
}

function abortable(gate: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return gate;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    gate.then(resolve, reject);
  });
}

/** A gate: calls wait until `open()`. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Clients are never used by the fake service: unit tests make no AWS calls. */
export const noClients: AwsClients = {
  get: () => Promise.reject(new Error('unit tests make no AWS calls')),
};

/** An SDK-shaped error. */
export function awsError(name: string, message: string, requestId = 'req-1'): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId, httpStatusCode: 400 } });
}
