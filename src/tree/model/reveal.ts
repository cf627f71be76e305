// Finds a resource's node for `reveal`: loads the levels above it through the model, and further pages of its
// service until the resource is loaded or the service has no more.
import type { ExplorerNode, LoadMoreNode, ResourceNode, ServiceNode } from './nodes';

/** Where a resource sits in the tree. */
export interface ResourceAddress {
  readonly profile: string;
  readonly region: string;
  readonly serviceId: string;
  readonly resourceId: string;
}

/** The model's reading and paging, as `findResource` uses them. */
export interface RevealSource {
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  loadMore(node: LoadMoreNode): Promise<void>;
  /** The items a node's branch loaded (all pages, ignoring the filter); none when it is not open. */
  loadedItems(node: ExplorerNode): readonly ExplorerNode[];
}

/** The resource's node; undefined when the tree does not show it (profile hidden, region not chosen, no such resource). */
export async function findResource(source: RevealSource, target: ResourceAddress): Promise<ResourceNode | undefined> {
  const profile = (await source.getChildren()).find((n) => n.kind === 'profile' && n.profile.name === target.profile);
  if (!profile) return undefined;
  const region = (await source.getChildren(profile)).find((n) => n.kind === 'region' && n.region === target.region);
  if (!region) return undefined;
  const service = (await source.getChildren(region)).find(
    (n): n is ServiceNode => n.kind === 'service' && n.service.id === target.serviceId,
  );
  if (!service?.offered) return undefined;
  for (let page = 0; page < 100; page++) {
    const children = await source.getChildren(service);
    const found = source
      .loadedItems(service)
      .find((n): n is ResourceNode => n.kind === 'resource' && n.target.resource.id === target.resourceId);
    const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
    if (found || !more) return found;
    await source.loadMore(more);
  }
  return undefined;
}
