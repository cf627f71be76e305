// The plan JSON schema (schemas/snapshot-plan.schema.json), built from the services passed in (the registry, at
// build time): the service ids, which input keys each service takes, and the sentences that name them. Pure data.
import type { InputField, InputKind } from '../validation/types';
import { planKeyOf, type PlanService } from './catalog';
import { orList, takersOf } from './keyDocs';
import { inputKeys } from './model';
import { retentionLimits } from './retention';
import { templateVariables } from './template';
import * as l10n from '../l10n';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** The field of that kind of each service that takes it. */
function fieldsOf(takers: readonly PlanService[], kind: InputKind): Array<readonly [PlanService, InputField]> {
  return takers.flatMap((s) => s.rules.fields.filter((f) => planKeyOf(f) === kind).map((f) => [s, f] as const));
}

function range(length: { readonly min: number; readonly max: number }): string {
  return length.min === 0
    ? l10n.t('up to {0} characters', length.max)
    : l10n.t('{0}–{1} characters', length.min, length.max);
}

/** The length of the only taker's field, as words (`, 1–255 characters`), or nothing when several take the kind. */
function onlyRange(fields: ReadonlyArray<readonly [PlanService, InputField]>, lead: string): string {
  const only = fields.length === 1 ? fields[0]?.[1].length : undefined;
  return only ? `${lead}${range(only)}` : '';
}

const templateRef = { allOf: [{ $ref: '#/definitions/template' }] };

function kindDefinition(services: readonly PlanService[], kind: InputKind): Json {
  const takers = takersOf(services, kind);
  const fields = fieldsOf(takers, kind);
  const labels = takers.map((s) => s.label);
  const members = fields.map(([s, f]) => `${s.label} ${f.key}`).join(', ');
  const required: Record<string, Json> =
    fields.length > 0 && fields.every(([, f]) => f.required) ? { minLength: 1 } : {};
  switch (kind) {
    case 'name':
      return {
        description: l10n.t('Snapshot name ({0}{1}): a template.', members, onlyRange(fields, ', ')),
        ...templateRef,
        ...required,
      };
    case 'description':
      return {
        description: l10n.t('Snapshot description ({0}{1}): a template.', members, onlyRange(fields, ', ')),
        ...templateRef,
        ...required,
      };
    case 'prefix':
      return {
        description: l10n.t(
          'An optional object key prefix ({0}{1}): a template.',
          labels.join(', '),
          onlyRange(fields, ', '),
        ),
        ...templateRef,
      };
    case 'bucket': {
      const lengths = fields.flatMap(([, f]) => (f.length ? [f.length] : []));
      const nouns = orList(takers.map((s) => s.resourceNoun.one));
      return {
        description: l10n.t(
          "The S3 bucket {0} writes the snapshot to ({1}{2}in the {3}'s region).",
          orList(labels),
          onlyRange(fields, ''),
          lengths.length === 1 ? ', ' : '',
          nouns,
        ),
        type: 'string',
        ...(lengths.length === fields.length && lengths.length > 0
          ? { minLength: Math.min(...lengths.map((l) => l.min)), maxLength: Math.max(...lengths.map((l) => l.max)) }
          : {}),
      };
    }
  }
}

/** The `if service is one of these, then these keys are refused` rules: one per set of keys a service does not take. */
function notTaken(services: readonly PlanService[]): Json[] {
  const groups: Array<{ ids: string[]; refused: string[] }> = [];
  for (const service of services) {
    const taken = new Set<string>(service.rules.fields.map(planKeyOf));
    if (service.rules.tags) taken.add('tags');
    const refused = [...inputKeys, 'tags'].filter((k) => !taken.has(k));
    if (refused.length === 0) continue;
    const same = groups.find((g) => g.refused.join() === refused.join());
    if (same) same.ids.push(service.id);
    else groups.push({ ids: [service.id], refused });
  }
  return groups.map(({ ids, refused }): Json => {
    const service: Json = ids.length === 1 ? { const: ids[0] ?? '' } : { enum: ids };
    return {
      if: { properties: { service } },
      then: { properties: Object.fromEntries(refused.map((k) => [k, false])) },
    };
  });
}

const refs = (keys: readonly string[]): Json =>
  Object.fromEntries(keys.map((k) => [k, { $ref: `#/definitions/${k}` }]));

/** The whole schema for these services. */
export function planSchema(services: readonly PlanService[]): Json {
  const withoutTags = services.filter((s) => !s.rules.tags).map((s) => s.label);
  const maxTags = Math.max(...services.flatMap((s) => (s.rules.tags ? [s.rules.tags.maxTags] : [])));
  const nouns = [...new Set(services.map((s) => s.resourceNoun.one))].join(', ');
  const inputs = ['profile', 'region', ...inputKeys, 'tags', 'keep', 'maxAgeDays'];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.invalid/snapshot-explorer-aws/snapshot-plan.schema.json',
    title: l10n.t('Snapshot plan (Snapshot Explorer for AWS)'),
    description: l10n.t(
      "The snapshots to take, reviewed like code and run in one step. Template variables in name, description, prefix and tag values: {resource}, {date} (UTC YYYYMMDD), {time} (UTC HHMM), {timestamp} (UTC YYYYMMDD-HHMMSS), {profile}, {region}; {{ and }} for literal braces. The service rules (lengths, characters) are checked on the expanded values by the extension's language server.",
    ),
    type: 'object',
    additionalProperties: false,
    properties: {
      defaults: {
        description: l10n.t(
          'Values every entry inherits unless it sets its own; each applies only to the services that take it.',
        ),
        type: 'object',
        additionalProperties: false,
        properties: refs(inputs),
      },
      snapshots: {
        description: l10n.t('The snapshots to take.'),
        type: 'array',
        items: { $ref: '#/definitions/entry' },
      },
    },
    definitions: {
      template: { type: 'string', pattern: `^([^{}]|\\{\\{|\\}\\}|\\{(${templateVariables.join('|')})\\})*$` },
      profile: {
        description: l10n.t(
          'The AWS profile (from the AWS config and credentials files). Default: defaults.profile, else `default`.',
        ),
        type: 'string',
        minLength: 1,
      },
      region: {
        description: l10n.t("The AWS region. Default: defaults.region, else the profile's own region."),
        type: 'string',
        pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$',
      },
      ...Object.fromEntries(inputKeys.map((k) => [k, kindDefinition(services, k)])),
      tags: {
        description: l10n.t(
          'Tags as key: value pairs (values may be templates). Entry tags add to and override defaults.tags.{0}',
          withoutTags.length ? ` Not taken by ${orList(withoutTags)}.` : '',
        ),
        type: 'object',
        maxProperties: maxTags,
        propertyNames: { minLength: 1, maxLength: 128 },
        additionalProperties: { type: ['string', 'number', 'boolean'] },
      },
      keep: {
        description: l10n.t(
          "Retention: keep the N newest snapshots this plan took of the resource (counting the run's new one); older ones the plan took (tagged snapshot-plan) are deleted once the new one is available.",
        ),
        type: 'integer',
        minimum: retentionLimits.keep.min,
        maximum: retentionLimits.keep.max,
      },
      maxAgeDays: {
        description: l10n.t(
          "Retention: delete the snapshots this plan took of the resource that are D days old or older, once the run's new one is available; with keep, the N newest are kept whatever their age.",
        ),
        type: 'integer',
        minimum: retentionLimits.maxAgeDays.min,
        maximum: retentionLimits.maxAgeDays.max,
      },
      entry: {
        type: 'object',
        required: ['service', 'resource'],
        additionalProperties: false,
        properties: {
          service: { description: l10n.t('The service.'), enum: services.map((s) => s.id) },
          resource: {
            description: l10n.t('The resource: its id, name or ARN ({0}).', nouns),
            type: 'string',
            minLength: 1,
          },
          ...(refs(inputs) as Record<string, Json>),
        },
        allOf: notTaken(services),
      },
    },
  };
}
