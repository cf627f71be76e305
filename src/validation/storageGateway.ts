// Storage Gateway CreateSnapshot: SnapshotDescription and Tags (a list of Key/Value), from the model's
// SnapshotDescription, TagKey and TagValue shapes and the Tags member's documentation.
import { checkCharacters, checkLength, checkPrefixes, withModel } from './checks';
import { isoSecond, shorten } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { charClass } from './text';
import type { InputField, Issue, ServiceInputRules, TagRules } from './types';

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
const tagCharWords = 'letters, digits, spaces and _ . : / = + - @';

const descriptionWhat = 'Descriptions';
const { min: descriptionMin, max: descriptionMax } = model.SnapshotDescription;

function validateDescription(value: string): Issue[] {
  if (value === '')
    return [
      {
        severity: 'error',
        message: `Enter a description (${descriptionMin}–${descriptionMax} characters).`,
        start: 0,
        end: 0,
      },
    ];
  return withModel(
    checkLength(value, descriptionMin, descriptionMax, descriptionWhat),
    descriptionModel,
    value,
    descriptionWhat,
  );
}

/** Fixed words of the default description; the volume's name is shortened so the whole fits. */
function defaultDescription(volume: string, now: Date): string {
  const head = 'Snapshot of ';
  const tail = ` taken ${isoSecond(now)} from VS Code`;
  const cleaned = volume.replace(/\p{Cc}+/gu, ' ').trim() || 'volume';
  return head + shorten(cleaned, descriptionMax - head.length - tail.length) + tail;
}

const description: InputField = {
  key: 'SnapshotDescription',
  kind: 'description',
  label: 'Snapshot description',
  placeholder: 'e.g. Before the 2.4 release',
  prompt: `Required, ${descriptionMin}–${descriptionMax} characters; shown in the EC2 and Storage Gateway consoles`,
  required: model.SnapshotDescription.required,
  length: { min: descriptionMin, max: descriptionMax },
  validate: validateDescription,
  defaultValue: ({ resourceName, now }) => defaultDescription(resourceName, now),
};

function validateTagKey(key: string): Issue[] {
  const { min, max } = model['Tags.member.Key'];
  const issues = [
    ...checkLength(key, min, max, 'Tag keys'),
    ...checkCharacters(key, tagChar, 'Tag keys', tagCharWords),
    ...checkPrefixes(key, ['aws:'], 'Tag keys', 'AWS reserves it'),
  ];
  return withModel(issues, keyModel, key, 'Tag keys');
}

function validateTagValue(value: string): Issue[] {
  const issues = [
    ...checkLength(value, 0, model['Tags.member.Value'].max, 'Tag values'),
    ...checkCharacters(value, tagChar, 'Tag values', tagCharWords),
  ];
  return withModel(issues, valueModel, value, 'Tag values');
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
