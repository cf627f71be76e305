// SimSpace Weaver StartSimulation from a snapshot: the rules of Name, RoleArn, MaximumDuration, Description and Tags
// (the model's SimSpaceWeaverResourceName, RoleArn, TimeToLiveString, Description and TagMap shapes, read from
// generated/modelConstraints.ts under `StartSimulation:<member>`) plus what the API reference documents and the model
// lacks: a role ARN's 12-digit account and IAM role name, and MaximumDuration's 14-day ceiling. The extension's restore
// form and the emulator's StartSimulation apply these same checks.
import { checkCharacters, checkLength, checkPrefixes, withModel } from './checks';
import { compactStamp } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint, modelIssues } from './modelCheck';
import { charClass, charLength, hasError, issue } from './text';
import type { Issue, TagRules } from './types';
import * as l10n from '../l10n';

const model = modelConstraints.simspaceweaver;
const nameRule = model['StartSimulation:Name'];
const roleRule = model['StartSimulation:RoleArn'];
const durationRule = model['StartSimulation:MaximumDuration'];
const descriptionRule = model['StartSimulation:Description'];

/** The members of StartSimulation's input these rules read (the service's `restore.modelMembers`). */
export const startSimulationMembers = [
  'Name',
  'RoleArn',
  'MaximumDuration',
  'Description',
  'SnapshotS3Location.BucketName',
  'SnapshotS3Location.ObjectKey',
  'Tags',
  'Tags.key',
  'Tags.value',
  'ClientToken',
] as const;

const nameModel = compileConstraint(nameRule, true);
const roleModel = compileConstraint(roleRule, true);
const durationModel = compileConstraint(durationRule, true);
const descriptionModel = compileConstraint(descriptionRule, true);
const tagKeyModel = compileConstraint(model['StartSimulation:Tags.key'], false);
const tagValueModel = compileConstraint(model['StartSimulation:Tags.value'], false);

/** SimSpaceWeaverResourceName's pattern `^[a-zA-Z0-9_.-]+$`, one character at a time. */
const nameChar = charClass('[a-zA-Z0-9_.-]');

export function validateSimulationName(value: string): Issue[] {
  const issues = [
    ...checkLength(value, nameRule.min, nameRule.max, l10n.t('Simulation names')),
    ...checkCharacters(
      value,
      nameChar,
      l10n.t('Simulation names'),
      l10n.t('letters, digits, hyphens, underscores and dots'),
    ),
  ];
  return withModel(issues, nameModel, value, l10n.t('Simulation names'));
}

/** `<source>-YYYYMMDD-HHMM`, the source's name cut to fit the 64 characters. */
export function simulationNameDefault(source: string, now: Date): string {
  const stamp = compactStamp(now);
  const base = Array.from(source.replace(/[^a-zA-Z0-9_.-]/g, '-'))
    .slice(0, nameRule.max - stamp.length - 1)
    .join('');
  return base === '' ? `simulation-${stamp}` : `${base}-${stamp}`;
}

/** The partitions the model's RoleArn pattern allows (the ARN reference's `aws[-a-z]*` narrowed to them). */
const rolePrefix = /^arn:(aws|aws-cn|aws-us-gov):iam::([^:]*):role\//;
/** IAM role names: 1–64 letters, digits and `+=,.@_-` (IAM User Guide, "IAM object quotas and names"). */
const roleNameChar = charClass('[A-Za-z0-9+=,.@_-]');
const ROLE_NAME_MAX = 64;
/** IAM paths: `/`, or `/…/` of ASCII `!` to DEL, at most 512 characters (IAM API reference, Path). */
const pathChar = charClass('[\\u0021-\\u007f]');
const PATH_MAX = 512;

const roleWhat = (): string => l10n.t('Role ARNs');
const roleShape = (): string => l10n.t('arn:aws:iam::<12-digit account>:role/<optional path/><role name>');

export function validateRoleArn(value: string): Issue[] {
  if (value === '') return [issue('error', l10n.t('{0} cannot be empty.', roleWhat()), 0, 0)];
  const length = checkLength(value, roleRule.min, roleRule.max, roleWhat());
  if (length.length) return length;
  const head = rolePrefix.exec(value);
  if (!head) {
    return withModel(
      [
        issue(
          'error',
          l10n.t('A role ARN has the form {0} (partition aws, aws-cn or aws-us-gov).', roleShape()),
          0,
          value.length,
        ),
      ],
      roleModel,
      value,
      roleWhat(),
    );
  }
  const issues: Issue[] = [];
  const account = head[2] ?? '';
  const accountStart = value.indexOf('::') + 2;
  if (!/^\d{12}$/.test(account)) {
    issues.push(
      issue(
        'error',
        l10n.t(
          'The account in a role ARN is 12 digits{0}.',
          account === '' ? l10n.t(', and it is missing') : `, not '${account}'`,
        ),
        accountStart,
        accountStart + account.length,
      ),
    );
  }
  const rest = value.slice(head[0].length);
  const cut = rest.lastIndexOf('/');
  const path = `/${rest.slice(0, cut + 1)}`;
  const name = rest.slice(cut + 1);
  const nameStart = value.length - name.length;
  if (name === '') issues.push(issue('error', l10n.t('A role ARN ends with the role name after role/.'), value.length));
  else if (charLength(name) > ROLE_NAME_MAX) {
    issues.push(
      issue(
        'error',
        l10n.t('Role names have at most {0} characters (this one has {1}).', ROLE_NAME_MAX, charLength(name)),
        nameStart,
      ),
    );
  }
  issues.push(
    ...checkCharacters(name, roleNameChar, l10n.t('Role names'), l10n.t('letters, digits and + = , . @ _ -')).map(
      (i) => ({
        ...i,
        start: (i.start ?? 0) + nameStart,
        end: (i.end ?? 0) + nameStart,
      }),
    ),
  );
  if (charLength(path) > PATH_MAX) {
    issues.push(
      issue('error', l10n.t('Role paths have at most {0} characters (this one has {1}).', PATH_MAX, charLength(path))),
    );
  }
  const pathStart = head[0].length - 1;
  issues.push(
    ...checkCharacters(path, pathChar, l10n.t('Role paths'), l10n.t('ASCII characters from ! to DEL')).map((i) => ({
      ...i,
      start: (i.start ?? 0) + pathStart,
      end: (i.end ?? 0) + pathStart,
    })),
  );
  return withModel(issues, roleModel, value, roleWhat());
}

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { m: 1, h: 60, d: 24 * 60 };
/** The API reference: "The maximum value is 14D, or its equivalent in the other units". */
export const MAX_DURATION_MINUTES = 14 * 24 * 60;

/** A MaximumDuration in minutes (`90m`, `3H`, `2D`), or undefined when it is not of that form. */
export function durationMinutes(value: string): number | undefined {
  const match = /^(\d{1,5})([mhdMHD])$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * (MINUTES_PER_UNIT[(match[2] ?? '').toLowerCase()] ?? 0);
}

export function validateMaximumDuration(value: string): Issue[] {
  if (value === '') return [];
  const minutes = durationMinutes(value);
  if (minutes === undefined) {
    return withModel(
      [
        issue(
          'error',
          l10n.t(
            'A maximum duration is 1 to 5 digits and a unit: m (minutes), h (hours) or d (days), e.g. 90m, 12h, 2D.',
          ),
          0,
          value.length,
        ),
      ],
      durationModel,
      value,
      l10n.t('Maximum durations'),
    );
  }
  const issues: Issue[] = [];
  if (minutes > MAX_DURATION_MINUTES) {
    issues.push(
      issue(
        'error',
        l10n.t('The maximum duration is at most 14D (20160m, 336h); {0} is {1} minutes.', value, minutes),
        0,
        value.length,
      ),
    );
  } else if (minutes === 0) {
    issues.push(
      issue('warning', l10n.t('A duration of 0 stops the simulation as soon as it has started.'), 0, value.length),
    );
  }
  return withModel(issues, durationModel, value, l10n.t('Maximum durations'));
}

export function validateSimulationDescription(value: string): Issue[] {
  return withModel(
    checkLength(value, 0, descriptionRule.max, l10n.t('Descriptions')),
    descriptionModel,
    value,
    l10n.t('Descriptions'),
  );
}

function validateTagKey(key: string): Issue[] {
  const { min, max } = model['StartSimulation:Tags.key'];
  const issues = [
    ...checkLength(key, min, max, l10n.t('Tag keys')),
    // The tagging guide reserves the aws: prefix for AWS; the model does not refuse it, so a warning.
    ...checkPrefixes(key, ['aws:'], l10n.t('Tag keys'), l10n.t('AWS reserves it for its own tags'), 'warning'),
  ];
  return withModel(issues, tagKeyModel, key, l10n.t('Tag keys'));
}

function validateTagValue(value: string): Issue[] {
  return withModel(
    checkLength(value, 0, model['StartSimulation:Tags.value'].max, l10n.t('Tag values')),
    tagValueModel,
    value,
    l10n.t('Tag values'),
  );
}

/** TagMap: at most 50 tags (the model's max; an empty map is left out of the request). */
export const simulationTagRules: TagRules = {
  maxTags: model['StartSimulation:Tags'].max,
  validateKey: validateTagKey,
  validateValue: validateTagValue,
};

const tokenModel = compileConstraint(model['StartSimulation:ClientToken'], false);

/** True when the model's ClientToken (32–128 of `[a-zA-Z0-9-]`) accepts the value, e.g. a UUID. */
export function isSimulationClientToken(value: string): boolean {
  return modelIssues(tokenModel, value, 'Client tokens').length === 0;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The documented rules the model lacks, over a StartSimulation input as sent (the emulator's extra validation):
 * every error with the member it is about, e.g. "RoleArn: The account in a role ARN is 12 digits…".
 */
export function startSimulationIssues(input: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  const add = (member: string, issues: Issue[]): void => {
    if (hasError(issues)) found.push(`${member}: ${issues.find((i) => i.severity === 'error')?.message}`);
  };
  const name = text(input.Name);
  const role = text(input.RoleArn);
  const duration = text(input.MaximumDuration);
  const description = text(input.Description);
  if (name !== undefined) add('Name', validateSimulationName(name));
  if (role !== undefined) add('RoleArn', validateRoleArn(role));
  if (duration !== undefined) add('MaximumDuration', validateMaximumDuration(duration));
  if (description !== undefined) add('Description', validateSimulationDescription(description));
  if (input.SchemaS3Location !== undefined && input.SnapshotS3Location !== undefined) {
    found.push(l10n.t('SchemaS3Location, SnapshotS3Location: provide one of them, not both.'));
  }
  if (input.SchemaS3Location === undefined && input.SnapshotS3Location === undefined) {
    found.push(l10n.t('SchemaS3Location, SnapshotS3Location: provide one of them.'));
  }
  return found;
}
