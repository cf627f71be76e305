// A fake SnapshotService for the tree model's unit tests: resources and snapshots in memory, paged by a
// numeric token, with call recording, injectable failures and a gate that holds calls until released.
import type { AwsClients } from '../../../src/aws/clients';
import type {
  AwsContext,
  Page,
  PageRequest,
  Resource,
  Snapshot,
  SnapshotBatchListing,
  SnapshotService,
} from '../../../src/services/service';
import type { ServiceInputRules } from '../../../src/validation/types';

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

export function snapshot(id: string, createdAt: Date | undefined, extra: Partial<Snapshot> = {}): Snapshot {
  return {
    service: 'fake',
    id,
    name: id,
    resourceId: 'r',
    state: 'available',
    status: 'AVAILABLE',
    ...(createdAt ? { createdAt } : {}),
    details: [],
    ...extra,
  };
}

export class FakeService implements SnapshotService {
  readonly label: string;
  readonly resourceNoun = { one: 'graph', many: 'graphs' };
  readonly icon = 'graph';
  readonly createOperation = 'CreateFake';
  readonly rules = {} as ServiceInputRules; // never read by the tree
  readonly calls: Call[] = [];
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

  constructor(
    readonly id: string,
    label?: string,
  ) {
    this.label = label ?? id;
  }

  isOfferedIn(region: string): boolean {
    return !this.notOffered.has(region);
  }

  private async answer<T>(call: Call, items: readonly T[], page: PageRequest): Promise<Page<T>> {
    this.calls.push(call);
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
    const call = {
      op: 'listSnapshots' as const,
      profile: ctx.profile,
      region: ctx.region,
      ...page,
      signal: ctx.signal,
    };
    return this.answer(call, this.snapshots.get(res.id) ?? [], page);
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

  createSnapshot(): Promise<Snapshot> {
    throw new Error('not used by the tree');
  }

  getSnapshotStatuses(): Promise<Map<string, Snapshot>> {
    throw new Error('not used by the tree');
  }

  consoleUrl(region: string, res: Resource): string {
    return `https://console.example/${region}/${res.id}`;
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

/** Clients are never used by the fake service. */
export const noClients: AwsClients = {
  get: () => Promise.reject(new Error('the fake service does not use clients')),
};

/** An SDK-shaped error. */
export function awsError(name: string, message: string, requestId = 'req-1'): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId, httpStatusCode: 400 } });
}
