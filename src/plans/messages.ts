// Every sentence the plan checks show, in one table (the language server has no vscode.l10n).
// Values the user wrote are quoted with backticks so they stand out in hovers and the Problems view.
import * as l10n from '../l10n';

const list = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(', ');

/**
 * Why a resource cannot be snapshotted now, in one sentence without saying a word twice: the service's reason often
 * already says the state ("cluster is modifying (a snapshot needs it available)"), so it is not prefixed with it again.
 * `resource` is the resource as it should appear (quoted or not).
 */
export function stateSentence(noun: string, resource: string, status: string, reason: string): string {
  const lower = reason.toLowerCase();
  if (lower.startsWith(`${noun.toLowerCase()} `))
    return l10n.t('The {0} {1} {2}', noun, resource, reason.slice(noun.length + 1));
  if (lower.includes(status.toLowerCase()))
    return l10n.t('The {0} {1} cannot be snapshotted now: {2}', noun, resource, reason);
  return l10n.t('The {0} {1} is {2}: {3}', noun, resource, status, reason);
}

export const messages = {
  yamlSyntax: (detail: string) => l10n.t('YAML syntax: {0}', detail),
  emptyPlan: () => l10n.t('The plan lists no snapshots yet: add a `snapshots:` list of entries (service, resource).'),
  notAMap: (where: string) => l10n.t('{0} must be a mapping of `key: value` pairs.', where),
  snapshotsNotAList: () => l10n.t('`snapshots` must be a list: start each entry with `- service: …`.'),
  entryNotAMap: (n: number) => l10n.t('Entry {0} must be a mapping with at least `service` and `resource`.', n),
  notAScalar: (key: string) => l10n.t('`{0}` must be a single value (text), not a list or a mapping.', key),
  tagsNotAMap: () => l10n.t('`tags` must be a mapping of `key: value` pairs.'),
  tagValueNotAScalar: (key: string) => l10n.t('The value of tag `{0}` must be text, not a list or a mapping.', key),
  unknownKey: (key: string, where: string, allowed: readonly string[], suggestion?: string) =>
    l10n.t('Unknown key `{0}` in {1}.', key, where) +
    (suggestion ? l10n.t(' Did you mean `{0}`?', suggestion) : '') +
    l10n.t(' Expected one of: {0}.', list(allowed)),
  notApplicable: (key: string, service: string, instead: readonly string[]) =>
    l10n.t('{0} snapshots take no `{1}`', service, key) +
    (instead.length ? l10n.t('; this service takes {0}.', list(instead)) : '.') +
    l10n.t(' Remove it, or move it to `defaults` to apply it only where it fits.'),
  missingKey: (key: string, n: number) => l10n.t('Entry {0} has no `{1}`.', n, key),
  missingInput: (label: string, key: string, service: string) =>
    l10n.t('{0} needs a {1}: add `{2}:` to this entry or to `defaults`.', service, label.toLowerCase(), key),
  unknownService: (id: string, known: readonly string[], suggestion?: string) =>
    l10n.t('Unknown service `{0}`.', id) +
    (suggestion ? l10n.t(' Did you mean `{0}`?', suggestion) : '') +
    l10n.t(' Use one of: {0}.', list(known)),
  unknownProfile: (name: string, known: readonly string[]) =>
    l10n.t('No AWS profile named `{0}` in the config or credentials files.', name) +
    (known.length ? l10n.t(' Known profiles: {0}{1}.', list(known.slice(0, 12)), known.length > 12 ? ', …' : '') : ''),
  noProfile: () =>
    l10n.t(
      'No profile for this entry: set `profile` here or in `defaults` (there is no `default` profile to fall back to).',
    ),
  unknownRegion: (region: string, suggestion?: string) =>
    l10n.t('Unknown AWS region `{0}`.', region) + (suggestion ? l10n.t(' Did you mean `{0}`?', suggestion) : ''),
  noRegion: (profile: string) =>
    l10n.t('No region for this entry: set `region` here or in `defaults` (profile `{0}` names none).', profile),
  notOffered: (service: string, region: string) => l10n.t('{0} is not offered in {1}.', service, region),
  templateUnknownVariable: (variable: string, field: string, known: readonly string[]) =>
    l10n.t(
      'Cannot expand the {0}: unknown variable `{1}`. Known variables: {2}.',
      field,
      `{${variable}}`,
      list(known.map((k) => `{${k}}`)),
    ),
  templateUnclosed: (field: string) =>
    l10n.t('Cannot expand the {0}: a `{` is never closed (write `{{` for a literal brace).', field),
  templateStrayClose: (field: string) =>
    l10n.t('Cannot expand the {0}: a `}` has no opening `{` (write `}}` for a literal brace).', field),
  invalidExpanded: (label: string, expanded: string, template: string, issue: string) =>
    expanded === template
      ? `${label} \`${expanded}\`: ${issue}`
      : l10n.t('{0} `{1}` (expanded from `{2}`): {3}', label, expanded, template, issue),
  invalidExpandedFromDefaults: (label: string, expanded: string, template: string, issue: string) =>
    l10n.t('{0} `{1}` (expanded from `{2}` in `defaults`): {3}', label, expanded, template, issue),
  invalidForService: (service: string, message: string) => l10n.t('For {0}: {1}', service, message),
  invalidTagKey: (key: string, issue: string) => l10n.t('Tag key `{0}`: {1}', key, issue),
  invalidTagValue: (key: string, expanded: string, issue: string) => `Tag \`${key}\` value \`${expanded}\`: ${issue}`,
  invalidTagValueFromDefaults: (key: string, expanded: string, issue: string) =>
    `Tag \`${key}\` value \`${expanded}\` (from \`defaults\`): ${issue}`,
  tooManyTags: (count: number, max: number, service: string) =>
    l10n.t('{0} tags, but {1} takes at most {2} per snapshot (defaults and entry tags together).', count, service, max),
  tagsNotSupported: (service: string) => l10n.t('{0} snapshots take no tags.', service),
  duplicateTarget: (line: number) =>
    l10n.t(
      'The same resource, profile and region are already planned at line {0}: this takes a second snapshot.',
      line,
    ),
  duplicateName: (label: string, name: string, line: number) =>
    l10n.t(
      '{0} `{1}` is already used at line {2} for the same service, profile and region: the second create would fail.',
      label,
      name,
      line,
    ),
  resourceNotFound: (noun: string, resource: string, profile: string, region: string) =>
    l10n.t(
      'No {0} `{1}` in profile `{2}`, {3} (matched against ids, names and ARNs).',
      noun,
      resource,
      profile,
      region,
    ),
  resourceState: (noun: string, resource: string, status: string, reason: string) =>
    stateSentence(noun, `\`${resource}\``, status, reason),
  nameTaken: (label: string, name: string, noun: string, resource: string) =>
    l10n.t('{0} `{1}` is already taken by an existing snapshot of the {2} `{3}`.', label, name, noun, resource),
  resourceAmbiguous: (noun: string, resource: string, ids: readonly string[]) =>
    l10n.t('{0} {1}s are named `{2}` ({3}): write the id instead.', ids.length, noun, resource, list(ids)),
  liveUnavailable: (count: number, where: string, reason: string, others: number) =>
    (count === 1
      ? l10n.t('Live checks skipped for 1 entry: {0}: {1}', where, reason)
      : l10n.t('Live checks skipped for {0} entries: {1}: {2}', count, where, reason)) +
    (others === 1
      ? l10n.t(' (and 1 more profile/region pair failed)')
      : others > 1
        ? l10n.t(' (and {0} more profile/region pairs failed)', others)
        : '') +
    l10n.t('. The static checks still apply; live checks retry on the next edit.'),
  retentionNotInteger: (key: string, value: string) =>
    l10n.t('`{0}` must be a whole number, not `{1}` (e.g. `{2}: {3}`).', key, value, key, key === 'keep' ? 3 : 30),
  retentionRange: (key: string, value: string, min: number, max: number) =>
    l10n.t('`{0}: {1}` is out of range: use {2} to {3}.', key, value, min, max),
  retentionNoDelete: (service: string) =>
    l10n.t(
      '{0} snapshots cannot be deleted here yet: retention (`keep`, `maxAgeDays`) is ignored for this entry.',
      service,
    ),
  retentionNoMark: (service: string) =>
    l10n.t(
      '{0} snapshots take no tags and have no location of their own: the plan cannot tell its snapshots apart, so retention is off for this entry.',
      service,
    ),
  retentionNameLead: (template: string) =>
    l10n.t(
      'With retention, the name template `{0}` must start with fixed text or `{resource}` before any `{date}`, `{time}` or `{timestamp}` (e.g. `{resource}-release-{date}`): the plan only deletes snapshots whose name starts that way. Retention is off for this entry.',
      template,
    ),
  retentionLocation: (key: string, template: string) =>
    l10n.t(
      "With retention, `{0}` (`{1}`) must be the same on every run and hold a letter or digit (no `{date}`, `{time}`, `{timestamp}`): the plan's snapshots are the objects under it. Retention is off for this entry.",
      key,
      template,
    ),
  retentionTagTaken: (key: string) =>
    l10n.t(
      "The tag `{0}` is set by the plan itself when `keep` or `maxAgeDays` is on (it marks the plan's snapshots): remove it here.",
      key,
    ),
  retentionTooManyTags: (count: number, max: number, service: string) =>
    l10n.t(
      "{0} tags plus the plan's mark (`snapshot-plan`), but {1} takes at most {2} per snapshot: remove {3}.",
      count,
      service,
      max,
      count + 1 - max,
    ),
} as const;
