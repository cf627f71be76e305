// The one execute step of the restore flow: a last check of every answer, the duplicate guard, the form's calls sent
// once, and the hand-over to the tracker (an operation of kind restore, followed through the service's
// `getRestoredStatuses`). No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import { restoreErrorMessage } from './errorMessages';
import { snapshotSource, type Operation } from './operation';
import type { FormRequest } from './formState';
import { formInputErrors } from './formSteps';
import type { Tracker } from './tracker';
import * as l10n from '../l10n';

export type RestoreOutcome =
  /** AWS accepted the call; the tracker follows the new resource. */
  | { readonly kind: 'started'; readonly operation: Operation }
  /** AWS refused it; `message` says what to do (the tracker reported the failure). */
  | { readonly kind: 'failed'; readonly operation: Operation; readonly message: string }
  /** A restore to the same name is already in flight: nothing was sent. */
  | { readonly kind: 'duplicate'; readonly message: string }
  /** An answer breaks the rules: nothing was sent. */
  | { readonly kind: 'invalid'; readonly message: string };

export interface RestorerDeps {
  readonly clients: AwsClients;
  readonly tracker: Tracker;
  readonly log: Logger;
}

/** Identifies "the same restore": a new resource of this name, in this place. */
export function restoreKey(request: FormRequest): string {
  const { profile, region, service } = request.target;
  return ['restore', profile, region, service.id, request.newName.toLowerCase()].join('|');
}

export class SnapshotRestorer {
  /** Keys whose first call has not answered yet. */
  private readonly pending = new Set<string>();

  constructor(private readonly deps: RestorerDeps) {}

  /** `onBegin` sees the operation before the call is sent (before any event about its end). */
  async restore(request: FormRequest, onBegin?: (operation: Operation) => void): Promise<RestoreOutcome> {
    const { target, snapshot, form, input, newName } = request;
    const { service, profile, region, resource } = target;
    const restore = service.restore;
    if (!restore)
      return { kind: 'invalid', message: l10n.t('{0} snapshots cannot be restored from here.', service.label) };
    const errors = formInputErrors(request);
    if (errors.length) {
      this.deps.log.warn(`Refused to send ${restore.operation}: ${errors.join('; ')}`);
      return { kind: 'invalid', message: errors.join(' ') };
    }
    const key = restoreKey(request);
    if (this.pending.has(key) || this.deps.tracker.findRunning(key)) {
      return {
        kind: 'duplicate',
        message: l10n.t(
          'A {0} "{1}" is already being restored in {2}. Its progress is in Snapshot Activity.',
          restore.makes,
          newName,
          region,
        ),
      };
    }
    this.pending.add(key);
    const operation = this.deps.tracker.begin({
      kind: 'restore',
      service: service.id,
      profile,
      region,
      resourceId: snapshotSource(resource, snapshot).id,
      resourceName: snapshotSource(resource, snapshot).name,
      snapshotName: snapshot.name,
      snapshotId: snapshot.id,
      target: { name: newName },
      input: { values: input.values, tags: input.tags },
      requestKey: key,
    });
    onBegin?.(operation);
    const operations = request.calls.map((c) => c.operation).join(' + ');
    this.deps.log.info(`${operations} from ${snapshot.id} in ${profile}/${region} (${newName})`);
    try {
      const made = await form.send(input);
      this.deps.log.info(`${restore.operation} accepted: ${made.id} (${made.status})`);
      this.deps.tracker.accepted(operation.id, made);
      return { kind: 'started', operation: this.deps.tracker.get(operation.id) ?? operation };
    } catch (error) {
      const message = restoreErrorMessage(error, service, restore, {
        profile,
        region,
        resourceName: resource.name,
        snapshotName: snapshot.name,
        newName,
      });
      this.deps.log.error(error instanceof Error ? error : String(error));
      this.deps.log.warn(`${restore.operation} failed: ${message}`);
      this.deps.tracker.failed(operation.id, message);
      return { kind: 'failed', operation: this.deps.tracker.get(operation.id) ?? operation, message };
    } finally {
      this.pending.delete(key);
    }
  }
}
