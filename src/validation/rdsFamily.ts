// The RDS family's CreateDBClusterSnapshot rules (DocumentDB, Neptune Database): DBClusterSnapshotIdentifier and
// Tags. Their models type these members as plain `String` (no constraints), so the rules are the ones the members'
// documentation states, the same for every member of the family; each configures them with its label and model.
import { checkCharacters, checkIdentifier, checkLength, checkPrefixes, withModel } from './checks';
import { identifierDefault } from './defaults';
import type { ModelConstraint } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { at, charClass, findText, firstCharIn, issue } from './text';
import type { InputField, Issue, ServiceInputRules, TagRules } from './types';
import * as l10n from '../l10n';

/** The model members the rules check (what `modelMembers` lists). */
export interface RdsModelMembers {
  readonly DBClusterSnapshotIdentifier: ModelConstraint;
  readonly 'Tags.member.Key': ModelConstraint;
  readonly 'Tags.member.Value': ModelConstraint;
}

export interface RdsFamilyRules {
  readonly rules: ServiceInputRules;
  validateIdentifier(id: string): Issue[];
  validateTagKey(key: string): Issue[];
  validateTagValue(value: string): Issue[];
  /** The tag rules (also `rules.tags`), for the family's other calls that take tags (restore). */
  readonly tags: TagRules;
}

const identifierMax = 63;
const identifierWhat = (): string => l10n.t('Snapshot identifiers');
/** The family, like RDS, allows 50 tags per resource. */
const maxTags = 50;
/** Tag keys and values: Unicode letters, digits, white space and `_ . : / = + - @`. */
const tagChar = charClass('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]');
const tagCharWords = (): string => l10n.t('letters, digits, spaces and _ . : / = + - @');
const reservedTagPrefixes = ['aws:', 'rds:'];

/** The rules of one family member: `label` names it in messages (e.g. "DocumentDB"). */
export function rdsFamilyRules(label: string, model: RdsModelMembers): RdsFamilyRules {
  const identifierModel = compileConstraint(model.DBClusterSnapshotIdentifier, true);
  const keyModel = compileConstraint(model['Tags.member.Key'], false);
  const valueModel = compileConstraint(model['Tags.member.Value'], false);

  /** The documented identifier rules; capitals are accepted with a warning, since the service stores lowercase. */
  function validateIdentifier(id: string): Issue[] {
    const issues = checkIdentifier(id, {
      what: identifierWhat(),
      max: identifierMax,
      lowercaseOnly: false,
      reservedPrefixes: [],
    });
    const checked = withModel(issues, identifierModel, id, identifierWhat());
    if (checked.some((i) => i.severity === 'error')) return checked;
    const capital = firstCharIn(id, /^[A-Z]$/u);
    if (!capital) return checked;
    return [
      ...checked,
      issue(
        'warning',
        l10n.t(
          "{0} stores snapshot identifiers in lowercase: this one will be stored as '{1}' ('{2}' {3} is a capital).",
          label,
          id.toLowerCase(),
          capital.char,
          at(capital),
        ),
        capital.start,
        capital.end,
      ),
    ];
  }

  function tagPart(value: string, what: string, min: number, max: number): Issue[] {
    const issues = [
      ...checkLength(value, min, max, what),
      ...checkCharacters(value, tagChar, what, tagCharWords()),
      ...checkPrefixes(value, reservedTagPrefixes, what, l10n.t('{0} reserves it', label)),
    ];
    const sign = findText(value, '@');
    if (sign && !issues.some((i) => i.severity === 'error')) {
      issues.push(
        issue(
          'warning',
          l10n.t(
            "'@' {0}: RDS accepts it, but {1}'s documentation does not list it, so the service may reject it.",
            at(sign),
            label,
          ),
          sign.start,
          sign.end,
        ),
      );
    }
    return issues;
  }

  /** Tag keys: 1–128 characters of the documented set, not starting with `aws:` or `rds:`. */
  const validateTagKey = (key: string): Issue[] =>
    withModel(tagPart(key, l10n.t('Tag keys'), 1, 128), keyModel, key, l10n.t('Tag keys'));

  /** Tag values: 0–256 characters of the documented set, not starting with `aws:` or `rds:`. */
  const validateTagValue = (value: string): Issue[] =>
    withModel(tagPart(value, l10n.t('Tag values'), 0, 256), valueModel, value, l10n.t('Tag values'));

  const identifier: InputField = {
    key: 'DBClusterSnapshotIdentifier',
    kind: 'name',
    label: l10n.t('Snapshot identifier'),
    placeholder: 'e.g. my-cluster-20261122-1530',
    prompt: l10n.t(
      '1–{0} letters, digits and single hyphens; starts with a letter, no trailing hyphen; stored in lowercase',
      identifierMax,
    ),
    required: model.DBClusterSnapshotIdentifier.required,
    length: { min: 1, max: identifierMax },
    validate: validateIdentifier,
    defaultValue: ({ resourceName, now }) =>
      identifierDefault(resourceName, now, { max: identifierMax, reservedPrefixes: [] }),
    normalize: (value) => value.toLowerCase(),
  };

  const tags: TagRules = { maxTags, validateKey: validateTagKey, validateValue: validateTagValue };

  return {
    rules: {
      modelMembers: ['DBClusterSnapshotIdentifier', 'Tags', 'Tags.member.Key', 'Tags.member.Value'],
      fields: [identifier],
      tags,
    },
    validateIdentifier,
    validateTagKey,
    validateTagValue,
    tags,
  };
}
