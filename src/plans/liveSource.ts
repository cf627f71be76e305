// Where live checks get their facts: the service modules through a client factory, cached per
// (service, profile, region) for resources, per resource for snapshots (and per resource and location for a service
// that lists the snapshots under a location: retention's by-location entries), and per snapshot for the tags of a
// service whose listing has none (read only for retention's candidates: see retentionPreview.ts).
import type { AwsClients } from '../aws/clients';
import type { Page, PageRequest, Resource, Snapshot, SnapshotService } from '../services/service';
import type { Tag } from '../validation/types';
import { TtlCache } from './ttlCache';
import * as l10n from '../l10n';

export type LiveService = Pick<
  SnapshotService,
  'id' | 'listResources' | 'listSnapshots' | 'listSnapshotsAt' | 'snapshotTags'
>;

export interface LiveSource {
  listResources(serviceId: string, profile: string, region: string): Promise<Resource[]>;
  listSnapshots(serviceId: string, profile: string, region: string, resource: Resource): Promise<Snapshot[]>;
  /**
   * The resource's snapshots under a location (the service's `listSnapshotsAt`); undefined, without a call, when the
   * service has no such listing (then its `listSnapshots` is what there is).
   */
  listSnapshotsAt?(
    serviceId: string,
    profile: string,
    region: string,
    resource: Resource,
    location: string,
  ): Promise<Snapshot[] | undefined>;
  /** One snapshot's tags (one call), for a service whose listing has none. */
  snapshotTags?(serviceId: string, profile: string, region: string, snapshot: Snapshot): Promise<readonly Tag[]>;
}

export interface LiveSourceOptions {
  readonly services: readonly LiveService[];
  readonly clients: AwsClients;
  /** The most pages read per list (a plan names resources; an account with thousands is listed partly). */
  readonly maxPages?: number;
}

/** Every item of up to `maxPages` pages. */
async function allPages<T>(maxPages: number, list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await list(nextToken ? { nextToken } : {});
    items.push(...result.items);
    nextToken = result.nextToken;
    if (!nextToken) break;
  }
  return items;
}

export function createServiceLiveSource(options: LiveSourceOptions): LiveSource {
  const maxPages = options.maxPages ?? 20;
  const find = (id: string): LiveService => {
    const service = options.services.find((s) => s.id === id);
    if (!service) throw new Error(l10n.t('Unknown service {0}', id));
    return service;
  };
  return {
    async listResources(serviceId, profile, region) {
      const service = find(serviceId);
      const ctx = { profile, region, clients: options.clients };
      return allPages(maxPages, (page) => service.listResources(ctx, page));
    },
    async listSnapshots(serviceId, profile, region, resource) {
      const service = find(serviceId);
      const ctx = { profile, region, clients: options.clients };
      return allPages(maxPages, (page) => service.listSnapshots(ctx, resource, page));
    },
    async listSnapshotsAt(serviceId, profile, region, resource, location) {
      const service = find(serviceId);
      const listAt = service.listSnapshotsAt?.bind(service);
      if (!listAt) return undefined;
      const ctx = { profile, region, clients: options.clients };
      return allPages(maxPages, (page) => listAt(ctx, resource, location, page));
    },
    async snapshotTags(serviceId, profile, region, snapshot) {
      const service = find(serviceId);
      if (!service.snapshotTags) throw new Error(l10n.t('{0} has no tag read', serviceId));
      return service.snapshotTags({ profile, region, clients: options.clients }, snapshot);
    },
  };
}

export interface LiveCacheOptions {
  readonly ttlMs?: number;
  readonly failureTtlMs?: number;
  readonly now?: () => number;
}

/** The cached facts shared by diagnostics, completion, hover and dry runs. */
export class LiveCache {
  private readonly resourceCache: TtlCache<Resource[]>;
  private readonly snapshotCache: TtlCache<Snapshot[]>;
  /** By resource and location; undefined: the service has no listing by location. */
  private readonly locationCache: TtlCache<Snapshot[] | undefined>;
  private readonly tagCache: TtlCache<readonly Tag[]>;

  constructor(
    private readonly source: LiveSource,
    options: LiveCacheOptions = {},
  ) {
    const common = { ttlMs: options.ttlMs ?? 60_000, failureTtlMs: options.failureTtlMs ?? 15_000, now: options.now };
    this.resourceCache = new TtlCache(common);
    this.snapshotCache = new TtlCache(common);
    this.locationCache = new TtlCache(common);
    this.tagCache = new TtlCache(common);
  }

  static resourcesKey(serviceId: string, profile: string, region: string): string {
    return `${serviceId}\n${profile}\n${region}`;
  }

  peekResources(serviceId: string, profile: string, region: string) {
    return this.resourceCache.peek(LiveCache.resourcesKey(serviceId, profile, region));
  }

  resources(serviceId: string, profile: string, region: string): Promise<Resource[]> {
    return this.resourceCache.get(LiveCache.resourcesKey(serviceId, profile, region), () =>
      this.source.listResources(serviceId, profile, region),
    );
  }

  peekSnapshots(serviceId: string, profile: string, region: string, resource: Resource) {
    return this.snapshotCache.peek(`${LiveCache.resourcesKey(serviceId, profile, region)}
${resource.id}`);
  }

  snapshots(serviceId: string, profile: string, region: string, resource: Resource): Promise<Snapshot[]> {
    return this.snapshotCache.get(`${LiveCache.resourcesKey(serviceId, profile, region)}\n${resource.id}`, () =>
      this.source.listSnapshots(serviceId, profile, region, resource),
    );
  }

  /**
   * The resource's snapshots under a location (see LiveSource.listSnapshotsAt), cached like `snapshots`; for a
   * service without such a listing, `snapshots` (its cache, its calls).
   */
  async snapshotsAt(
    serviceId: string,
    profile: string,
    region: string,
    resource: Resource,
    location: string,
  ): Promise<Snapshot[]> {
    const read = this.source.listSnapshotsAt?.bind(this.source);
    const listed = read
      ? await this.locationCache.get(
          `${LiveCache.resourcesKey(serviceId, profile, region)}\n${resource.id}\n${location}`,
          () => read(serviceId, profile, region, resource, location),
        )
      : undefined;
    return listed ?? this.snapshots(serviceId, profile, region, resource);
  }

  /** A snapshot's tags: from its listing when it had them, else one cached read. */
  snapshotTags(serviceId: string, profile: string, region: string, snapshot: Snapshot): Promise<readonly Tag[]> {
    if (snapshot.tags) return Promise.resolve(snapshot.tags);
    const read = this.source.snapshotTags?.bind(this.source);
    if (!read) return Promise.reject(new Error(l10n.t('No tag read for this service')));
    return this.tagCache.get(`${LiveCache.resourcesKey(serviceId, profile, region)}\n${snapshot.id}`, () =>
      read(serviceId, profile, region, snapshot),
    );
  }

  clear(): void {
    this.resourceCache.clear();
    this.snapshotCache.clear();
    this.locationCache.clear();
    this.tagCache.clear();
  }
}
