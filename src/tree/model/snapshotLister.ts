// The snapshots under each resource of the tree. Resource by resource, that is one call per expanded resource; so
// where a service lists many resources' snapshots in one call (`SnapshotService.batchSnapshots`), the resources
// expanded together share one call, and a region-wide answer also serves the resources expanded in the next seconds.
// A batch that does not fit one page of the API, or is refused (e.g. access denied to the region-wide listing), falls
// back to one call per resource (and that place is not batched again for a while); a batch that fails for a passing
// reason (throttled, a 5xx) is tried again as a batch, and then its resources show the error. A resource whose
// listing already returned its snapshots (`knownSnapshots`) shows those when first expanded. Pages of an answer held
// here are cut locally to the tree's page size.
import * as l10n from '../../l10n';
import { newestFirst } from '../../services/common';
import type {
  AwsContext,
  Page,
  Resource,
  Snapshot,
  SnapshotBatchListing,
  SnapshotService,
} from '../../services/service';

export interface SnapshotListerOptions {
  readonly now?: () => number;
  /** How long an answer serves resources expanded after it (a refresh of the place drops it sooner). */
  readonly freshMs?: number;
  /** How long a place whose batch did not fit one page, or failed, lists resource by resource. */
  readonly fallbackMs?: number;
  /** Told why a batch was given up (the log's debug level). */
  readonly onFallback?: (place: string, reason: string) => void;
  /** Tries a failed batch call again, as a batch (the tree's retry of throttled and transient loads). */
  readonly retry?: <T>(load: () => Promise<T>, signal: AbortSignal) => Promise<T>;
  /**
   * Whether a failure passes (throttled, a transient server error): the waiting resources get the error (after
   * `retry`) instead of a fallback to one call each, which would only multiply the calls to a throttled API.
   */
  readonly isTransient?: (error: unknown) => boolean;
}

export interface SnapshotPageRequest {
  readonly ctx: AwsContext;
  readonly service: SnapshotService;
  readonly resource: Resource;
  /** The tree node the pages belong to (the key of the pages cut locally). */
  readonly owner: object;
  readonly token: string | undefined;
  readonly pageSize: number;
}

/** What can be dropped: everything, a profile, a region of it, or one service there. */
export interface SnapshotScope {
  readonly profile?: string;
  readonly region?: string;
  readonly service?: string;
}

export const DEFAULT_FRESH_MS = 15_000;
export const DEFAULT_FALLBACK_MS = 5 * 60_000;
const LOCAL_TOKEN = '#local:';

/** A batch's outcome: the answer, undefined to list resource by resource, or the error its resources show. */
type Outcome = { readonly answer: Map<string, Snapshot[]> | undefined } | { readonly error: unknown };

interface Batch {
  readonly listing: SnapshotBatchListing;
  readonly resources: Map<string, Resource>;
  readonly controller: AbortController;
  readonly answer: Promise<Outcome>;
  settle(value: Outcome): void;
  /** Requests waiting for it; when the last one gives up (its branch was refreshed), the call is aborted. */
  waiting: number;
  sent: boolean;
}

interface Place {
  readonly key: string;
  readonly profile: string;
  readonly region: string;
  readonly service: string;
  /** Answers by resource id, and when their call started. */
  readonly answers: Map<string, { readonly snapshots: readonly Snapshot[]; readonly at: number }>;
  /** When a region-wide answer was asked for: until it ages, a resource it does not name has no snapshots. */
  regionAt?: number;
  fallbackUntil?: number;
  /** Collecting resources; sent on the next turn of the event loop. */
  pending?: Batch;
  /** A region-wide call in flight, which later requests join. */
  regionCall?: Batch;
}

function abortError(): Error {
  return Object.assign(new Error(l10n.t('The snapshot listing was cancelled')), { name: 'AbortError' });
}

export class SnapshotLister {
  private readonly places = new Map<string, Place>();
  /** Answers held for a node, cut into pages locally. */
  private readonly local = new WeakMap<object, readonly Snapshot[]>();
  /** Nodes that have shown their resource's `knownSnapshots` (a refresh of the node then asks AWS). */
  private readonly usedKnown = new WeakSet<object>();
  /** Errors of batches already tried again here (see `retried`). */
  private readonly retriedErrors = new WeakSet<object>();
  private readonly now: () => number;
  private readonly freshMs: number;
  private readonly fallbackMs: number;

  constructor(private readonly options: SnapshotListerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.freshMs = options.freshMs ?? DEFAULT_FRESH_MS;
    this.fallbackMs = options.fallbackMs ?? DEFAULT_FALLBACK_MS;
  }

  /** One page of a resource's snapshots for the tree. */
  async page(request: SnapshotPageRequest): Promise<Page<Snapshot>> {
    const { ctx, service, resource, owner, token, pageSize } = request;
    if (token?.startsWith(LOCAL_TOKEN)) {
      const held = this.local.get(owner);
      if (!held) throw new Error(l10n.t('This list of snapshots changed; refresh it.'));
      return this.cut(owner, held, Number(token.slice(LOCAL_TOKEN.length)), pageSize);
    }
    if (token !== undefined) return service.listSnapshots(ctx, resource, { nextToken: token, pageSize });
    this.local.delete(owner);
    if (resource.knownSnapshots && !this.usedKnown.has(owner)) {
      this.usedKnown.add(owner);
      return this.cut(owner, newestFirst(resource.knownSnapshots), 0, pageSize);
    }
    const batched = service.batchSnapshots ? await this.fromBatch(request, service.batchSnapshots) : undefined;
    // Held answers come in the API's order; the first page shows the newest, as listSnapshots does.
    if (batched) return this.cut(owner, newestFirst(batched), 0, pageSize);
    return service.listSnapshots(ctx, resource, { pageSize });
  }

  /** True for the error of a batch this lister already tried again: a caller's own retry would multiply the tries. */
  retried(error: unknown): boolean {
    return typeof error === 'object' && error !== null && this.retriedErrors.has(error);
  }

  /**
   * A node's resource was refreshed (e.g. a snapshot of it was just taken): its `knownSnapshots` date from the
   * listing, so its next load asks AWS, even if it was never expanded.
   */
  refreshed(owner: object): void {
    this.usedKnown.add(owner);
    this.local.delete(owner);
  }

  /** Drops the answers (and fallbacks) of a scope: a refresh there asks AWS again. */
  invalidate(scope: SnapshotScope = {}): void {
    for (const [key, place] of this.places) {
      if (scope.profile !== undefined && place.profile !== scope.profile) continue;
      if (scope.region !== undefined && place.region !== scope.region) continue;
      if (scope.service !== undefined && place.service !== scope.service) continue;
      // Calls in flight settle into the dropped place, where nobody reads them.
      this.places.delete(key);
    }
  }

  private cut(owner: object, all: readonly Snapshot[], offset: number, pageSize: number): Page<Snapshot> {
    const start = Number.isInteger(offset) && offset > 0 ? offset : 0;
    const size = Math.max(1, pageSize);
    const end = start + size;
    if (end < all.length) {
      this.local.set(owner, all);
      return { items: all.slice(start, end), nextToken: `${LOCAL_TOKEN}${end}` };
    }
    return { items: all.slice(start) };
  }

  private placeFor(ctx: AwsContext, service: SnapshotService): Place {
    const key = `${ctx.profile}\u0000${ctx.region}\u0000${service.id}`;
    let place = this.places.get(key);
    if (!place) {
      place = { key, profile: ctx.profile, region: ctx.region, service: service.id, answers: new Map() };
      this.places.set(key, place);
    }
    return place;
  }

  /** The resource's snapshots from a batch (held, joined or new); undefined to list it on its own. */
  private async fromBatch(
    request: SnapshotPageRequest,
    listing: SnapshotBatchListing,
  ): Promise<readonly Snapshot[] | undefined> {
    const { ctx, service, resource } = request;
    const place = this.placeFor(ctx, service);
    const now = this.now();
    if (place.fallbackUntil !== undefined && now < place.fallbackUntil) return undefined;
    const held = place.answers.get(resource.id);
    if (held && now - held.at <= this.freshMs) return held.snapshots;
    if (place.regionAt !== undefined && now - place.regionAt <= this.freshMs) return [];

    let batch = listing.covers === 'region' ? place.regionCall : undefined;
    if (!batch) {
      if (place.pending && place.pending.resources.size >= (listing.maxResources ?? Infinity)) {
        this.send(place, place.pending, ctx);
      }
      batch = place.pending ?? this.collect(place, listing, ctx);
      batch.resources.set(resource.id, resource);
    }
    const outcome = await this.wait(batch, ctx.signal);
    if ('error' in outcome) throw outcome.error;
    return outcome.answer ? (outcome.answer.get(resource.id) ?? []) : undefined;
  }

  private collect(place: Place, listing: SnapshotBatchListing, ctx: AwsContext): Batch {
    let settle: (value: Outcome) => void = () => undefined;
    const answer = new Promise<Outcome>((resolve) => (settle = resolve));
    const batch: Batch = {
      listing,
      resources: new Map(),
      controller: new AbortController(),
      answer,
      settle,
      waiting: 0,
      sent: false,
    };
    place.pending = batch;
    // The tree asks for the children of the nodes it expands one after another: they join until the next turn.
    setImmediate(() => this.send(place, batch, ctx));
    return batch;
  }

  private send(place: Place, batch: Batch, ctx: AwsContext): void {
    if (batch.sent) return;
    batch.sent = true;
    if (place.pending === batch) place.pending = undefined;
    if (batch.controller.signal.aborted) return batch.settle({ answer: undefined });
    const region = batch.listing.covers === 'region';
    if (region) place.regionCall = batch;
    const at = this.now();
    const shared: AwsContext = {
      profile: ctx.profile,
      region: ctx.region,
      clients: ctx.clients,
      signal: batch.controller.signal,
    };
    const resources = [...batch.resources.values()];
    const call = (): Promise<Map<string, Snapshot[]> | undefined> => batch.listing.list(shared, resources);
    const retry = this.options.retry;
    (retry ? retry(call, batch.controller.signal) : call()).then(
      (answer) => {
        if (place.regionCall === batch) place.regionCall = undefined;
        if (!answer) {
          this.fallBack(place, 'the snapshots do not fit one page');
        } else {
          if (region) {
            place.answers.clear();
            place.regionAt = at;
          }
          for (const id of region ? answer.keys() : batch.resources.keys()) {
            place.answers.set(id, { snapshots: answer.get(id) ?? [], at });
          }
        }
        batch.settle({ answer });
      },
      (error: unknown) => {
        if (place.regionCall === batch) place.regionCall = undefined;
        if (batch.controller.signal.aborted) return batch.settle({ answer: undefined });
        if (this.options.isTransient?.(error)) {
          if (retry && typeof error === 'object' && error !== null) this.retriedErrors.add(error);
          return batch.settle({ error });
        }
        this.fallBack(place, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        batch.settle({ answer: undefined });
      },
    );
  }

  private fallBack(place: Place, reason: string): void {
    place.fallbackUntil = this.now() + this.fallbackMs;
    this.options.onFallback?.(place.key.replaceAll('\u0000', ' '), reason);
  }

  /** Waits for a batch's answer, or rejects when the caller's signal aborts (the batch goes on for the others). */
  private wait(batch: Batch, signal: AbortSignal | undefined): Promise<Outcome> {
    if (signal?.aborted) return Promise.reject(abortError());
    batch.waiting += 1;
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (): void => {
        done = true;
        signal?.removeEventListener('abort', onAbort);
        batch.waiting -= 1;
      };
      const onAbort = (): void => {
        if (done) return;
        finish();
        if (batch.waiting === 0) batch.controller.abort();
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void batch.answer.then((outcome) => {
        if (done) return;
        finish();
        resolve(outcome);
      });
    });
  }
}
