// "Is this snapshot name already taken?": run on Enter (never per keystroke) for the services whose create
// call fails on a duplicate name (those that declare `uniqueName`). Pure: no `vscode` import.
import type { AwsContext, Resource, SnapshotService } from '../services/service';
import type { InputField } from '../validation/types';
import * as l10n from '../l10n';

/** Whether the value of this field is checked for a duplicate on Enter. */
export function isUniqueNameField(service: SnapshotService, field: InputField): boolean {
  return service.uniqueName?.field === field.key;
}

/** The most pages of snapshots read for one check. */
const maxPages = 20;

/**
 * Resolves to a message when a snapshot with that name exists (for names unique per region, such as DocumentDB's
 * identifiers, also on another resource of the region), or undefined when the name is free.
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
  const taken = l10n.t('A snapshot named "{0}" already exists in {1}. Choose another name.', wanted, ctx.region);
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await service.listSnapshots(ctx, resource, { nextToken });
    if (page.items.some((s) => normalize(s.name) === wanted || normalize(s.id) === wanted)) return taken;
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < maxPages && !ctx.signal?.aborted);
  if (service.uniqueName?.scope === 'region') {
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
