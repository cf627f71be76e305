// A snapshot's tags for its tooltip. Known at once when the listing returned them (EC2 DescribeSnapshots); otherwise
// read lazily with the service's `snapshotTags` (ListTagsForResource) when the tooltip opens, once per snapshot node
// (a refresh makes new nodes, so new reads), so loading the tree makes no more calls than before. Copy Tags asks for
// them with `tags`: the same read and cache, and a failed read is tried again.
import type { AwsClients } from '../../aws/clients';
import type { Logger } from '../../log';
import type { Tag } from '../../validation/types';
import type { SnapshotNode } from './nodes';
import { errorMessage, isAbortError } from './treeError';

/** What the tooltip can say about a snapshot's tags. */
export type SnapshotTagsView =
  /** The service has no tags to show for its snapshots (SimSpace Weaver's are S3 objects). */
  | { readonly kind: 'none' }
  /** Readable with one call when the tooltip opens. */
  | { readonly kind: 'unread' }
  | { readonly kind: 'known'; readonly tags: readonly Tag[] }
  | { readonly kind: 'failed'; readonly message: string };

const NONE: SnapshotTagsView = { kind: 'none' };
const UNREAD: SnapshotTagsView = { kind: 'unread' };

export class SnapshotTagReader {
  /** Answers by node; the same object while nothing changes (the view cache compares it). */
  private readonly views = new WeakMap<SnapshotNode, SnapshotTagsView>();
  private readonly reading = new WeakMap<SnapshotNode, Promise<void>>();

  constructor(
    private readonly clients: AwsClients,
    private readonly log?: Logger,
  ) {}

  view(node: SnapshotNode): SnapshotTagsView {
    const known = this.views.get(node);
    if (known) return known;
    const { snapshot } = node;
    if (snapshot.tags) {
      const view: SnapshotTagsView = { kind: 'known', tags: snapshot.tags };
      this.views.set(node, view);
      return view;
    }
    return node.target.service.snapshotTags ? UNREAD : NONE;
  }

  /** Reads the tags of an unread snapshot (one call, shared by concurrent hovers); an aborted read stays unread. */
  read(node: SnapshotNode, signal: AbortSignal): Promise<void> {
    if (this.view(node).kind !== 'unread') return Promise.resolve();
    let pending = this.reading.get(node);
    if (!pending) {
      pending = this.fetch(node, signal).finally(() => this.reading.delete(node));
      this.reading.set(node, pending);
    }
    return pending;
  }

  /**
   * The snapshot's tags, for Copy Tags: known ones at once, else read (one call, cached like a hover's); a read that
   * failed before is tried again, and a failure now is thrown. `[]` for a service without snapshot tags.
   */
  async tags(node: SnapshotNode, signal: AbortSignal): Promise<readonly Tag[]> {
    if (this.view(node).kind === 'failed') this.views.delete(node);
    await this.read(node, signal);
    const view = this.view(node);
    if (view.kind === 'failed') throw new Error(view.message);
    if (view.kind === 'unread') throw signal.reason ?? new Error('aborted');
    return view.kind === 'known' ? view.tags : [];
  }

  private async fetch(node: SnapshotNode, signal: AbortSignal): Promise<void> {
    const { profile, region, service } = node.target;
    const read = service.snapshotTags;
    if (!read) return;
    try {
      const tags = await read.call(service, { profile, region, clients: this.clients, signal }, node.snapshot);
      this.views.set(node, { kind: 'known', tags });
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const message = errorMessage(error);
      this.log?.debug(`Tags of ${service.id} snapshot ${node.snapshot.id} (${profile}, ${region}): ${message}`);
      this.views.set(node, { kind: 'failed', message });
    }
  }
}
