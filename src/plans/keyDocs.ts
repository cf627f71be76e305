// What each plan key means (completion documentation and hovers), in plain English Markdown. The keys of the inputs
// are the field kinds: each one's text names the services that take it, read from the services passed in.
import type { InputKind } from '../validation/types';
import type { PlanService } from './catalog';
import { planKeyOf } from './catalog';
import * as l10n from '../l10n';

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : l10n.t('{0} or {1}', items.slice(0, -1).join(', '), items[items.length - 1] ?? '');
}

/** The labels of the services with a field of that kind, in registry order. */
export function takersOf(services: readonly PlanService[], kind: InputKind): PlanService[] {
  return services.filter((s) => s.rules.fields.some((f) => planKeyOf(f) === kind));
}

const kindDocs: Readonly<Record<InputKind, (takers: readonly PlanService[]) => string>> = {
  name: (takers) =>
    l10n.t(
      'The snapshot name ({0}): a template, e.g. `{resource}-release-{date}`. Checked against the service’s rules after expansion.',
      takers.map((s) => s.label).join(', '),
    ),
  description: (takers) =>
    l10n.t(
      'The snapshot description ({0}): a template, e.g. `Release {date} of {resource}`.',
      takers.map((s) => s.label).join(', '),
    ),
  bucket: (takers) =>
    l10n.t(
      'The S3 bucket {0} writes the snapshot to (it must exist in the {1}’s region).',
      orList(takers.map((s) => s.label)),
      orList(takers.map((s) => s.resourceNoun.one)),
    ),
  prefix: (takers) =>
    l10n.t('An optional object key prefix in the bucket ({0}); a template.', takers.map((s) => s.label).join(', ')),
};

const retentionDoc = (): string =>
  l10n.t(
    'Only the plan’s own snapshots are ever deleted: those tagged `snapshot-plan: <plan file name>` (the plan adds the tag) whose name starts with the fixed start of the name template, or for SimSpace Weaver the objects under the entry’s bucket and prefix. Failed ones are deleted too; ones still being created are kept. **Dry Run** lists what a run would delete, and why.',
  );

/** The documentation of every plan key, for these services. */
export function keyDocsFor(services: readonly PlanService[]): Readonly<Record<string, string>> {
  const resources = services.map((s) => `a ${s.label} ${s.resourceNoun.one}`).join(', ');
  const docs: Record<string, string> = {
    defaults: l10n.t(
      'Values every entry inherits unless it sets its own: `profile`, `region`, `name`, `description`, `bucket`, `prefix`, `tags`, `keep`, `maxAgeDays`. Each applies only to the services that take it.',
    ),
    snapshots: l10n.t(
      'The list of snapshots to take. Each entry names a `service` and a `resource`, plus that service’s inputs.',
    ),
    service: l10n.t('The service: {0}.', orList(services.map((s) => `\`${s.id}\``))),
    resource: l10n.t('The resource to snapshot: its id, its name or its ARN ({0}).', resources),
    profile: l10n.t(
      'The AWS profile to call with (from your AWS config and credentials files). Default: `defaults.profile`, else `default`.',
    ),
    region: l10n.t('The AWS region of the resource. Default: `defaults.region`, else the profile’s own region.'),
    tags: l10n.t(
      'Tags for the snapshot, as `key: value` pairs (values may use template variables). Entry tags add to, and override, `defaults.tags`.',
    ),
    keep: l10n.t(
      'Retention: keep the N newest snapshots this plan took of the resource (1–1000, counting the run’s new one); a run deletes the older ones once its new snapshot is available. {0}',
      retentionDoc(),
    ),
    maxAgeDays: l10n.t(
      'Retention: delete the snapshots this plan took of the resource that are D days old or older (1–36500), once the run’s new snapshot is available. With `keep`, the N newest are kept whatever their age. {0}',
      retentionDoc(),
    ),
  };
  for (const kind of Object.keys(kindDocs) as InputKind[]) {
    const takers = takersOf(services, kind);
    if (takers.length > 0) docs[kind] = kindDocs[kind](takers);
  }
  return docs;
}
