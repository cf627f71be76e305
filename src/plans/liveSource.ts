// Where live checks get their facts: the service modules through a client factory, cached per
// (service, profile, region) for resources, per resource for snapshots, and per snapshot for the tags of a service
// whose listing has none (read only for retention's candidates: see retentionPreview.ts).
import type { AwsClients } from '../aws/clients';
import type { Resource, Snapshot, SnapshotService } from '../services/service';
import type { Tag } from '../validation/types';
import { TtlCache } from './ttlCache';

export type LiveService = Pick<SnapshotService, 'id' | 'listResources' | 'listSnapshots' | 'snapshotTags'>;

export interface LiveSource {
  listResources(serviceId: string, profile: string, region: string): Promise<Resource[]>;
  listSnapshots(serviceId: string, profile: string, region: string, resource: Resource): Promise<Snapshot[]>;
  /** One snapshot's tags (one call), for a service whose listing has none. */
  snapshotTags?(serviceId: string, profile: string, region: string, snapshot: Snapshot): Promise<readonly Tag[]>;
}

export interface LiveSourceOptions {
  readonly services: readonly LiveService[];
  readonly clients: AwsClients;
  /** The most pages read per list (a plan names resources; an account with thousands is listed partly). */
  readonly maxPages?: number;
}

export function createServiceLiveSource(options: LiveSourceOptions): LiveSource {
  const maxPages = options.maxPages ?? 20;
  const find = (id: string): LiveService => {
    const service = options.services.find((s) => s.id === id);
    if (!service) throw new Error(`Unknown service ${id}`);
    return service;
  };
  return {
    async listResources(serviceId, profile, region) {
      const service = find(serviceId);
      const ctx = { profile, region, clients: options.clients };
      const items: Resource[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const result = await service.listResources(ctx, nextToken ? { nextToken } : {});
        items.push(...result.items);
        nextToken = result.nextToken;
        if (!nextToken) break;
      }
      return items;
    },
    async listSnapshots(serviceId, profile, region, resource) {
      const service = find(serviceId);
      const ctx = { profile, region, clients: options.clients };
      const items: Snapshot[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const result = await service.listSnapshots(ctx, resource, nextToken ? { nextToken } : {});
        items.push(...result.items);
        nextToken = result.nextToken;
        if (!nextToken) break;
      }
      return items;
    },
    async snapshotTags(serviceId, profile, region, snapshot) {
      const service = find(serviceId);
      if (!service.snapshotTags) throw new Error(`${serviceId} has no tag read`);
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
  private readonly tagCache: TtlCache<readonly Tag[]>;

  constructor(
    private readonly source: LiveSource,
    options: LiveCacheOptions = {},
  ) {
    const common = { ttlMs: options.ttlMs ?? 60_000, failureTtlMs: options.failureTtlMs ?? 15_000, now: options.now };
    this.resourceCache = new TtlCache(common);
    this.snapshotCache = new TtlCache(common);
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
    return this.snapshotCache.peek(`${LiveCache.resourcesKey(serviceId, profile, region)}\n${resource.id}`);
  }

  snapshots(serviceId: string, profile: string, region: string, resource: Resource): Promise<Snapshot[]> {
    return this.snapshotCache.get(`${LiveCache.resourcesKey(serviceId, profile, region)}\n${resource.id}`, () =>
      this.source.listSnapshots(serviceId, profile, region, resource),
    );
  }

  /** A snapshot's tags: from its listing when it had them, else one cached read. */
  snapshotTags(serviceId: string, profile: string, region: string, snapshot: Snapshot): Promise<readonly Tag[]> {
    if (snapshot.tags) return Promise.resolve(snapshot.tags);
    const read = this.source.snapshotTags?.bind(this.source);
    if (!read) return Promise.reject(new Error('No tag read for this service'));
    return this.tagCache.get(`${LiveCache.resourcesKey(serviceId, profile, region)}\n${snapshot.id}`, () =>
      read(serviceId, profile, region, snapshot),
    );
  }

  clear(): void {
    this.resourceCache.clear();
    this.snapshotCache.clear();
    this.tagCache.clear();
  }
}
