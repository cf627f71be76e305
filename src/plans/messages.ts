// Every sentence the plan checks show, in one table (the language server has no vscode.l10n).
// Values the user wrote are quoted with backticks so they stand out in hovers and the Problems view.

const list = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(', ');

/**
 * Why a resource cannot be snapshotted now, in one sentence without saying a word twice: the service's reason often
 * already says the state ("cluster is modifying (a snapshot needs it available)"), so it is not prefixed with it again.
 * `resource` is the resource as it should appear (quoted or not).
 */
export function stateSentence(noun: string, resource: string, status: string, reason: string): string {
  const lower = reason.toLowerCase();
  if (lower.startsWith(`${noun.toLowerCase()} `)) return `The ${noun} ${resource} ${reason.slice(noun.length + 1)}`;
  if (lower.includes(status.toLowerCase())) return `The ${noun} ${resource} cannot be snapshotted now: ${reason}`;
  return `The ${noun} ${resource} is ${status}: ${reason}`;
}

export const messages = {
  yamlSyntax: (detail: string) => `YAML syntax: ${detail}`,
  emptyPlan: () => 'The plan lists no snapshots yet: add a `snapshots:` list of entries (service, resource).',
  notAMap: (where: string) => `${where} must be a mapping of \`key: value\` pairs.`,
  snapshotsNotAList: () => '`snapshots` must be a list: start each entry with `- service: …`.',
  entryNotAMap: (n: number) => `Entry ${n} must be a mapping with at least \`service\` and \`resource\`.`,
  notAScalar: (key: string) => `\`${key}\` must be a single value (text), not a list or a mapping.`,
  tagsNotAMap: () => '`tags` must be a mapping of `key: value` pairs.',
  tagValueNotAScalar: (key: string) => `The value of tag \`${key}\` must be text, not a list or a mapping.`,
  unknownKey: (key: string, where: string, allowed: readonly string[], suggestion?: string) =>
    `Unknown key \`${key}\` in ${where}.` +
    (suggestion ? ` Did you mean \`${suggestion}\`?` : '') +
    ` Expected one of: ${list(allowed)}.`,
  notApplicable: (key: string, service: string, instead: readonly string[]) =>
    `${service} snapshots take no \`${key}\`` +
    (instead.length ? `; this service takes ${list(instead)}.` : '.') +
    ' Remove it, or move it to `defaults` to apply it only where it fits.',
  missingKey: (key: string, n: number) => `Entry ${n} has no \`${key}\`.`,
  missingInput: (label: string, key: string, service: string) =>
    `${service} needs a ${label.toLowerCase()}: add \`${key}:\` to this entry or to \`defaults\`.`,
  unknownService: (id: string, known: readonly string[], suggestion?: string) =>
    `Unknown service \`${id}\`.` +
    (suggestion ? ` Did you mean \`${suggestion}\`?` : '') +
    ` Use one of: ${list(known)}.`,
  unknownProfile: (name: string, known: readonly string[]) =>
    `No AWS profile named \`${name}\` in the config or credentials files.` +
    (known.length ? ` Known profiles: ${list(known.slice(0, 12))}${known.length > 12 ? ', …' : ''}.` : ''),
  noProfile: () =>
    'No profile for this entry: set `profile` here or in `defaults` (there is no `default` profile to fall back to).',
  unknownRegion: (region: string, suggestion?: string) =>
    `Unknown AWS region \`${region}\`.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
  noRegion: (profile: string) =>
    `No region for this entry: set \`region\` here or in \`defaults\` (profile \`${profile}\` names none).`,
  notOffered: (service: string, region: string) => `${service} is not offered in ${region}.`,
  templateUnknownVariable: (variable: string, field: string, known: readonly string[]) =>
    `Cannot expand the ${field}: unknown variable \`{${variable}}\`. Known variables: ${list(known.map((k) => `{${k}}`))}.`,
  templateUnclosed: (field: string) =>
    `Cannot expand the ${field}: a \`{\` is never closed (write \`{{\` for a literal brace).`,
  templateStrayClose: (field: string) =>
    `Cannot expand the ${field}: a \`}\` has no opening \`{\` (write \`}}\` for a literal brace).`,
  invalidExpanded: (label: string, expanded: string, template: string, issue: string) =>
    expanded === template
      ? `${label} \`${expanded}\`: ${issue}`
      : `${label} \`${expanded}\` (expanded from \`${template}\`): ${issue}`,
  invalidExpandedFromDefaults: (label: string, expanded: string, template: string, issue: string) =>
    `${label} \`${expanded}\` (expanded from \`${template}\` in \`defaults\`): ${issue}`,
  invalidForService: (service: string, message: string) => `For ${service}: ${message}`,
  invalidTagKey: (key: string, issue: string) => `Tag key \`${key}\`: ${issue}`,
  invalidTagValue: (key: string, expanded: string, issue: string) => `Tag \`${key}\` value \`${expanded}\`: ${issue}`,
  invalidTagValueFromDefaults: (key: string, expanded: string, issue: string) =>
    `Tag \`${key}\` value \`${expanded}\` (from \`defaults\`): ${issue}`,
  tooManyTags: (count: number, max: number, service: string) =>
    `${count} tags, but ${service} takes at most ${max} per snapshot (defaults and entry tags together).`,
  tagsNotSupported: (service: string) => `${service} snapshots take no tags.`,
  duplicateTarget: (line: number) =>
    `The same resource, profile and region are already planned at line ${line}: this takes a second snapshot.`,
  duplicateName: (label: string, name: string, line: number) =>
    `${label} \`${name}\` is already used at line ${line} for the same service, profile and region: the second create would fail.`,
  resourceNotFound: (noun: string, resource: string, profile: string, region: string) =>
    `No ${noun} \`${resource}\` in profile \`${profile}\`, ${region} (matched against ids, names and ARNs).`,
  resourceState: (noun: string, resource: string, status: string, reason: string) =>
    stateSentence(noun, `\`${resource}\``, status, reason),
  nameTaken: (label: string, name: string, noun: string, resource: string) =>
    `${label} \`${name}\` is already taken by an existing snapshot of the ${noun} \`${resource}\`.`,
  resourceAmbiguous: (noun: string, resource: string, ids: readonly string[]) =>
    `${ids.length} ${noun}s are named \`${resource}\` (${list(ids)}): write the id instead.`,
  liveUnavailable: (count: number, where: string, reason: string, others: number) =>
    `Live checks skipped for ${count} ${count === 1 ? 'entry' : 'entries'}: ${where}: ${reason}` +
    (others > 0 ? ` (and ${others} more profile/region ${others === 1 ? 'pair' : 'pairs'} failed)` : '') +
    '. The static checks still apply; live checks retry on the next edit.',
  retentionNotInteger: (key: string, value: string) =>
    `\`${key}\` must be a whole number, not \`${value}\` (e.g. \`${key}: ${key === 'keep' ? 3 : 30}\`).`,
  retentionRange: (key: string, value: string, min: number, max: number) =>
    `\`${key}: ${value}\` is out of range: use ${min} to ${max}.`,
  retentionNoDelete: (service: string) =>
    `${service} snapshots cannot be deleted here yet: retention (\`keep\`, \`maxAgeDays\`) is ignored for this entry.`,
  retentionNoMark: (service: string) =>
    `${service} snapshots take no tags and have no location of their own: the plan cannot tell its snapshots apart, so retention is off for this entry.`,
  retentionNameLead: (template: string) =>
    `With retention, the name template \`${template}\` must start with fixed text or \`{resource}\` before any \`{date}\`, \`{time}\` or \`{timestamp}\` (e.g. \`{resource}-release-{date}\`): the plan only deletes snapshots whose name starts that way. Retention is off for this entry.`,
  retentionLocation: (key: string, template: string) =>
    `With retention, \`${key}\` (\`${template}\`) must be the same on every run and hold a letter or digit (no \`{date}\`, \`{time}\`, \`{timestamp}\`): the plan's snapshots are the objects under it. Retention is off for this entry.`,
  retentionTagTaken: (key: string) =>
    `The tag \`${key}\` is set by the plan itself when \`keep\` or \`maxAgeDays\` is on (it marks the plan's snapshots): remove it here.`,
  retentionTooManyTags: (count: number, max: number, service: string) =>
    `${count} tags plus the plan's mark (\`snapshot-plan\`), but ${service} takes at most ${max} per snapshot: remove ${count + 1 - max}.`,
} as const;
