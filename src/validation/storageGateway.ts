// Storage Gateway CreateSnapshot: SnapshotDescription and Tags (a list of Key/Value), from the model's
// SnapshotDescription, TagKey and TagValue shapes and the Tags member's documentation.
import { checkCharacters, checkLength, checkPrefixes, withModel } from './checks';
import { isoSecond, shorten } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { charClass } from './text';
import type { InputField, Issue, ServiceInputRules, TagRules } from './types';
import * as l10n from '../l10n';

const model = modelConstraints.storagegateway;
const descriptionModel = compileConstraint(model.SnapshotDescription, true);
const keyModel = compileConstraint(model['Tags.member.Key'], false);
const valueModel = compileConstraint(model['Tags.member.Value'], false);

/** The Tags member documents "up to 50 tags"; the model's Tags list carries no max. */
const documentedMaxTags = 50;

/**
 * One character of the model's TagKey pattern `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`. The Tags documentation gives the
 * same characters for values ("Valid characters for key and value are …"), whose shape has no pattern.
 */
const tagChar = charClass('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]');
const tagCharWords = (): string => l10n.t('letters, digits, spaces and _ . : / = + - @');

const descriptionWhat = (): string => l10n.t('Descriptions');
const { min: descriptionMin, max: descriptionMax } = model.SnapshotDescription;

function validateDescription(value: string): Issue[] {
  if (value === '')
    return [
      {
        severity: 'error',
        message: l10n.t('Enter a description ({0}–{1} characters).', descriptionMin, descriptionMax),
        start: 0,
        end: 0,
      },
    ];
  return withModel(
    checkLength(value, descriptionMin, descriptionMax, descriptionWhat()),
    descriptionModel,
    value,
    descriptionWhat(),
  );
}

/** Fixed words of the default description; the volume's name is shortened so the whole fits. */
function defaultDescription(volume: string, now: Date): string {
  const head = l10n.t('Snapshot of ');
  const tail = l10n.t(' taken {0} from VS Code', isoSecond(now));
  const cleaned = volume.replace(/\p{Cc}+/gu, ' ').trim() || 'volume';
  return head + shorten(cleaned, descriptionMax - head.length - tail.length) + tail;
}

const description: InputField = {
  key: 'SnapshotDescription',
  kind: 'description',
  get label(): string {
    return l10n.t('Snapshot description');
  },
  get placeholder(): string {
    return l10n.t('e.g. Before the 2.4 release');
  },
  get prompt(): string {
    return l10n.t(
      'Required, {0}–{1} characters; shown in the EC2 and Storage Gateway consoles',
      descriptionMin,
      descriptionMax,
    );
  },
  required: model.SnapshotDescription.required,
  length: { min: descriptionMin, max: descriptionMax },
  validate: validateDescription,
  defaultValue: ({ resourceName, now }) => defaultDescription(resourceName, now),
};

function validateTagKey(key: string): Issue[] {
  const { min, max } = model['Tags.member.Key'];
  const issues = [
    ...checkLength(key, min, max, l10n.t('Tag keys')),
    ...checkCharacters(key, tagChar, l10n.t('Tag keys'), tagCharWords()),
    ...checkPrefixes(key, ['aws:'], l10n.t('Tag keys'), l10n.t('AWS reserves it')),
  ];
  return withModel(issues, keyModel, key, l10n.t('Tag keys'));
}

function validateTagValue(value: string): Issue[] {
  const issues = [
    ...checkLength(value, 0, model['Tags.member.Value'].max, l10n.t('Tag values')),
    ...checkCharacters(value, tagChar, l10n.t('Tag values'), tagCharWords()),
  ];
  return withModel(issues, valueModel, value, l10n.t('Tag values'));
}

const tags: TagRules = {
  maxTags: (model.Tags as { max?: number }).max ?? documentedMaxTags,
  validateKey: validateTagKey,
  validateValue: validateTagValue,
};

export const storageGatewayRules: ServiceInputRules = {
  modelMembers: ['SnapshotDescription', 'Tags', 'Tags.member.Key', 'Tags.member.Value'],
  fields: [description],
  tags,
};
