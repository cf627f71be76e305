// Neptune Analytics CreateGraphSnapshot: snapshotName and tags (a map), from the model's SnapshotName, TagMap,
// TagKey and TagValue shapes, and the API reference's TagKey pattern `(?!aws:)[a-zA-Z+-=._:/]+` (the model's lacks
// the look-ahead; the service refuses keys that start with `aws:`, so the reference wins).
import { checkCharacters, checkIdentifier, checkLength, checkPrefixes, withModel } from './checks';
import { identifierDefault } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { charClass } from './text';
import type { InputField, Issue, ServiceInputRules, TagRules } from './types';
import * as l10n from '../l10n';

const model = modelConstraints['neptune-graph'];
const nameModel = compileConstraint(model.snapshotName, true);
const keyModel = compileConstraint(model['tags.key'], false);
const valueModel = compileConstraint(model['tags.value'], false);

const nameMax = model.snapshotName.max;
const nameMin = model.snapshotName.min;

const nameWhat = (): string => l10n.t('Snapshot names');

function validateSnapshotName(value: string): Issue[] {
  const issues = checkIdentifier(value, {
    what: nameWhat(),
    max: nameMax,
    lowercaseOnly: true,
    reservedPrefixes: [{ prefix: 'gs-', why: l10n.t('Neptune Analytics uses it for snapshot identifiers') }],
  });
  // The model's pattern `(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*` matched against the whole name is exactly these rules;
  // withModel adds its verdict should the hand-written checks ever miss something.
  return withModel(issues, nameModel, value, nameWhat());
}

const snapshotName: InputField = {
  key: 'snapshotName',
  kind: 'name',
  get label(): string {
    return l10n.t('Snapshot name');
  },
  placeholder: 'e.g. my-graph-20261122-1530',
  get prompt(): string {
    return l10n.t(
      "{0}–{1} lowercase letters, digits and single hyphens; starts with a letter, not with 'gs-'; no trailing hyphen",
      nameMin,
      nameMax,
    );
  },
  required: model.snapshotName.required,
  length: { min: nameMin, max: nameMax },
  validate: validateSnapshotName,
  defaultValue: ({ resourceName, now }) =>
    identifierDefault(resourceName, now, { max: nameMax, reservedPrefixes: ['gs-'] }),
};

/** TagKey's pattern `[a-zA-Z+-=._:/]+`, one character at a time (`+-=` is the range '+' to '=', digits included). */
const keyChar = charClass(model['tags.key'].pattern.replace(/\+$/, ''));
const keyCharWords = (): string => l10n.t('letters, digits and + , - . / : ; < = _');
const keyPattern = model['tags.key'].pattern;
/** The API reference's TagKey pattern starts with this look-ahead, which the model's pattern lacks. */
const referenceKeyPattern = `(?!aws:)${keyPattern}`;
const reservedWhy = (): string => l10n.t("AWS reserves it: the API reference's pattern is {0}", referenceKeyPattern);

function validateTagKey(key: string): Issue[] {
  const { min, max } = model['tags.key'];
  const issues: Issue[] = [
    ...checkLength(key, min, max, l10n.t('Tag keys')),
    // The model's pattern is matched against the whole key: every character must be in its class.
    ...checkCharacters(
      key,
      keyChar,
      l10n.t('Tag keys'),
      l10n.t("the characters of the model's pattern {0} ({1})", keyPattern, keyCharWords()),
    ),
    // The reference's look-ahead is case-sensitive: `aws:` is refused, `AWS:` only warned about.
    ...(key.startsWith('aws:')
      ? checkPrefixes(key, ['aws:'], l10n.t('Tag keys'), reservedWhy())
      : checkPrefixes(
          key,
          ['aws:'],
          l10n.t('Tag keys'),
          l10n.t('AWS reserves it in any case; the service may refuse it'),
          'warning',
        )),
  ];
  return withModel(issues, keyModel, key, l10n.t('Tag keys'));
}

function validateTagValue(value: string): Issue[] {
  const issues = checkLength(value, 0, model['tags.value'].max, l10n.t('Tag values'));
  return withModel(issues, valueModel, value, l10n.t('Tag values'));
}

const tags: TagRules = {
  maxTags: model.tags.max,
  validateKey: validateTagKey,
  validateValue: validateTagValue,
};

export const neptuneGraphRules: ServiceInputRules = {
  modelMembers: ['snapshotName', 'tags', 'tags.key', 'tags.value'],
  fields: [snapshotName],
  tags,
};
