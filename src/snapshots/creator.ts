// The one execute step of the create flow: a last validation, the duplicate guard, ONE create call, and the
// hand-over to the tracker. No `vscode` import.
import type { AwsClients } from '../aws/clients';
import type { Logger } from '../log';
import type { ResourceTarget, SnapshotInput } from '../services/service';
import { createErrorMessage } from './errorMessages';
import { formatTags, validateInput } from '../validation';
import type { Operation } from './operation';
import type { Tracker } from './tracker';
import * as l10n from '../l10n';

export type CreateOutcome =
  /** AWS accepted the call; the tracker follows the operation. */
  | { readonly kind: 'started'; readonly operation: Operation }
  /** AWS refused it; `message` says what to do (the tracker reported the failure). */
  | { readonly kind: 'failed'; readonly operation: Operation; readonly message: string }
  /** The same request is already in flight: nothing was sent. */
  | { readonly kind: 'duplicate'; readonly message: string }
  /** The input breaks the rules: nothing was sent. */
  | { readonly kind: 'invalid'; readonly message: string };

/** How the tracker records a create (see Operation.batch and Operation.silent). */
export interface CreateTracking {
  readonly batch?: string;
  readonly silent?: boolean;
}

export interface CreatorDeps {
  readonly clients: AwsClients;
  readonly tracker: Tracker;
  readonly log: Logger;
}

/** Identifies "the same request": the resource and the input as the service stores it. */
export function requestKey(target: ResourceTarget, input: SnapshotInput): string {
  const values = target.service.rules.fields.map((field) => {
    const value = input.values[field.key] ?? '';
    return [field.key, field.normalize?.(value) ?? value];
  });
  return [target.profile, target.region, target.service.id, target.resource.id, JSON.stringify(values)].join('|');
}

/**
 * What Snapshot Activity and the notifications call the snapshot until AWS names it: its name as the tree will show
 * it (for a snapshot written to a place the user names, the name it gets when taken at `at`; the tracker takes the
 * name AWS gave it once it answers).
 */
export function snapshotLabel(target: ResourceTarget, input: SnapshotInput, at: Date = new Date()): string {
  const fields = target.service.rules.fields;
  if (target.service.destination) return target.service.destination.name(input.values, target.resource.id, at);
  const first = fields[0];
  const value = first ? input.values[first.key] : undefined;
  return (value && first ? (first.normalize?.(value) ?? value) : undefined) ?? target.resource.name;
}

export class SnapshotCreator {
  /** Request keys whose create call has not answered yet. */
  private readonly pending = new Set<string>();

  constructor(private readonly deps: CreatorDeps) {}

  /**
   * `onBegin` sees the operation before the call is sent (before any event about its end); `tracking` is how the
   * tracker records it (a plan run's batch, reported by its own summary).
   */
  async create(
    target: ResourceTarget,
    input: SnapshotInput,
    onBegin?: (operation: Operation) => void,
    tracking: CreateTracking = {},
  ): Promise<CreateOutcome> {
    const { service, resource, profile, region } = target;
    const checked = validateInput(service.rules, input.values, input.tags.length ? formatTags(input.tags) : undefined);
    const errors = [
      ...Object.entries(checked.fields).flatMap(([key, issues]) =>
        issues.filter((i) => i.severity === 'error').map((i) => `${key}: ${i.message}`),
      ),
      ...checked.tags.filter((i) => i.severity === 'error').map((i) => i.message),
    ];
    if (checked.hasErrors) {
      this.deps.log.warn(`Refused to send ${service.createOperation}: ${errors.join('; ')}`);
      return { kind: 'invalid', message: errors.join(' ') };
    }
    const key = requestKey(target, input);
    const name = snapshotLabel(target, input);
    const running = this.deps.tracker.findRunning(key);
    if (this.pending.has(key) || running) {
      return {
        kind: 'duplicate',
        message: l10n.t(
          'A snapshot "{0}" of {1} is already being created. Its progress is in Snapshot Activity.',
          name,
          resource.name,
        ),
      };
    }
    this.pending.add(key);
    const operation = this.deps.tracker.begin({
      service: service.id,
      profile,
      region,
      resourceId: resource.id,
      resourceName: resource.name,
      snapshotName: name,
      input,
      requestKey: key,
      ...(tracking.batch ? { batch: tracking.batch } : {}),
      ...(tracking.silent ? { silent: true } : {}),
    });
    onBegin?.(operation);
    this.deps.log.info(`${service.createOperation} for ${resource.id} in ${profile}/${region} (${name})`);
    try {
      const snapshot = await service.createSnapshot({ profile, region, clients: this.deps.clients }, resource, input);
      this.deps.log.info(`${service.createOperation} accepted: ${snapshot.id} (${snapshot.status})`);
      this.deps.tracker.accepted(operation.id, snapshot);
      return { kind: 'started', operation: this.deps.tracker.get(operation.id) ?? operation };
    } catch (error) {
      const message = createErrorMessage(error, service, {
        profile,
        region,
        resourceName: resource.name,
        snapshotName: name,
      });
      this.deps.log.error(error instanceof Error ? error : String(error));
      this.deps.log.warn(`${service.createOperation} failed: ${message}`);
      this.deps.tracker.failed(operation.id, message);
      return { kind: 'failed', operation: this.deps.tracker.get(operation.id) ?? operation, message };
    } finally {
      this.pending.delete(key);
    }
  }
}
