// "Is this snapshot name already taken?": run on Enter (never per keystroke) for the services whose create
// call fails on a duplicate name. Pure: no `vscode` import.
import type { AwsContext, Resource, SnapshotService } from '../services/service';
import type { InputField } from '../validation/types';

/** The field whose value must be unique, per service id. */
export const uniqueNameField: Readonly<Record<string, string>> = {
  'neptune-graph': 'snapshotName',
  docdb: 'DBClusterSnapshotIdentifier',
};

/** The most pages of snapshots read for one check. */
const maxPages = 20;

/**
 * Resolves to a message when a snapshot with that name exists (for DocumentDB also on another cluster of
 * the region: identifiers are unique per account and region), or undefined when the name is free.
 */
export async function findTakenName(
  ctx: AwsContext,
  service: SnapshotService,
  resource: Resource,
  field: InputField,
  value: string,
): Promise<string | undefined> {
  const normalize = (s: string) => field.normalize?.(s) ?? s;
  const wanted = normalize(value);
  const taken = `A snapshot named "${wanted}" already exists in ${ctx.region}. Choose another name.`;
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await service.listSnapshots(ctx, resource, { nextToken });
    if (page.items.some((s) => normalize(s.name) === wanted || normalize(s.id) === wanted)) return taken;
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < maxPages && !ctx.signal?.aborted);
  if (service.id === 'docdb') {
    const ref = {
      service: service.id,
      profile: ctx.profile,
      region: ctx.region,
      resourceId: resource.id,
      snapshotId: wanted,
      requestedAt: Date.now(),
    };
    const found = await service.getSnapshotStatuses(ctx, [ref]);
    if (found.has(wanted)) return taken;
  }
  return undefined;
}
