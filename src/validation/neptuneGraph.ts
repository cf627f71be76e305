// Neptune Analytics CreateGraphSnapshot: snapshotName and tags (a map), from the model's SnapshotName, TagMap,
// TagKey and TagValue shapes.
import { checkIdentifier, checkLength, checkPrefixes, withModel } from './checks';
import { identifierDefault } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint, compileWholeValuePattern } from './modelCheck';
import { at, charClass, describeChar, firstCharNotIn, issue } from './text';
import type { InputField, Issue, ServiceInputRules, TagRules } from './types';

const model = modelConstraints['neptune-graph'];
const nameModel = compileConstraint(model.snapshotName, true);
const keyModel = compileConstraint(model['tags.key'], false);
const valueModel = compileConstraint(model['tags.value'], false);

/**
 * The model's pattern `(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*` is unanchored, so on its own it accepts any value that
 * contains a lowercase letter. The member's documentation states the rule for the whole name (letter first, lowercase
 * letters, digits and single hyphens, no trailing hyphen), which is exactly the pattern matched against the whole
 * value; we enforce that reading.
 */
const wholeName = compileWholeValuePattern(model.snapshotName.pattern);
const nameMax = model.snapshotName.max;
const nameMin = model.snapshotName.min;

const nameWhat = 'Snapshot names';

function validateSnapshotName(value: string): Issue[] {
  const issues = checkIdentifier(value, {
    what: nameWhat,
    max: nameMax,
    lowercaseOnly: true,
    reservedPrefixes: [{ prefix: 'gs-', why: 'Neptune Analytics uses it for snapshot identifiers' }],
  });
  const checked = withModel(issues, nameModel, value, nameWhat);
  if (checked.length === 0 && !wholeName.test(value)) {
    return [issue('error', `${nameWhat} must match ${model.snapshotName.pattern} as a whole.`, 0, value.length)];
  }
  return checked;
}

const snapshotName: InputField = {
  key: 'snapshotName',
  label: 'Snapshot name',
  placeholder: 'e.g. my-graph-20261122-1530',
  prompt: `${nameMin}–${nameMax} lowercase letters, digits and single hyphens; starts with a letter, not with 'gs-'; no trailing hyphen`,
  required: model.snapshotName.required,
  validate: validateSnapshotName,
  defaultValue: ({ resourceName, now }) =>
    identifierDefault(resourceName, now, { max: nameMax, reservedPrefixes: ['gs-'] }),
};

/** TagKey's pattern `[a-zA-Z+-=._:/]+`, one character at a time (`+-=` is the range '+' to '=', digits included). */
const keyChar = charClass(model['tags.key'].pattern.replace(/\+$/, ''));
const keyCharWords = 'letters, digits and + , - . / : ; < = _';
const keyPattern = model['tags.key'].pattern;

function validateTagKey(key: string): Issue[] {
  const issues: Issue[] = [...checkLength(key, model['tags.key'].min, model['tags.key'].max, 'Tag keys')];
  if (key !== '' && !keyModel.pattern?.test(key)) {
    issues.push(
      issue(
        'error',
        `Tag keys must contain at least one character of the model's pattern ${keyPattern} (${keyCharWords}).`,
        0,
        key.length,
      ),
    );
  } else {
    // The model's pattern is unanchored: one allowed character is enough for it. Say so when others are present,
    // without blocking, since the service may read the pattern as applying to the whole key.
    const odd = firstCharNotIn(key, keyChar);
    if (odd) {
      issues.push(
        issue(
          'warning',
          `${describeChar(odd.char)} ${at(odd)} is not in the model's tag key pattern ${keyPattern} (${keyCharWords}); Neptune Analytics may reject it.`,
          odd.start,
          odd.end,
        ),
      );
    }
  }
  issues.push(
    ...checkPrefixes(key, ['aws:'], 'Tag keys', 'AWS reserves it; Neptune Analytics may reject the key', 'warning'),
  );
  return withModel(issues, keyModel, key, 'Tag keys');
}

function validateTagValue(value: string): Issue[] {
  const issues = checkLength(value, 0, model['tags.value'].max, 'Tag values');
  return withModel(issues, valueModel, value, 'Tag values');
}

const tags: TagRules = {
  maxTags: model.tags.max,
  validateKey: validateTagKey,
  validateValue: validateTagValue,
};

export const neptuneGraphRules: ServiceInputRules = { fields: [snapshotName], tags };
