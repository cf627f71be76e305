// Neptune Analytics RestoreGraphFromSnapshot: the rules of its inputs (graphName from the model's GraphName, the
// m-NCU and replica ranges of ProvisionedMemory and ReplicaCount, the two Boolean toggles, the snapshot's tag rules:
// the same TagMap / TagKey / TagValue shapes), the defaults read from the source graph (or the API's when it is gone)
// and the request the values make. Pure: shared by the extension's restore form and the emulator.
import { checkIdentifier, withModel } from './checks';
import { identifierDefault } from './defaults';
import { modelConstraints } from './generated/modelConstraints';
import { compileConstraint } from './modelCheck';
import { neptuneGraphRules } from './neptuneGraph';
import { issue } from './text';
import type { Issue, Tag, TagRules } from './types';
import * as l10n from '../l10n';

export const RESTORE_OPERATION = 'RestoreGraphFromSnapshot';

/** The members of RestoreGraphFromSnapshotInput whose model constraints these rules read. */
export const restoreModelMembers = [
  'graphName',
  'provisionedMemory',
  'replicaCount',
  'tags',
  'tags.key',
  'tags.value',
] as const;

const model = modelConstraints['neptune-graph'];
const nameConstraint = model['RestoreGraphFromSnapshot:graphName'];
const nameModel = compileConstraint(nameConstraint, true);

/** ProvisionedMemory (integer, m-NCUs) and ReplicaCount (integer) ranges, as the model states them. */
export const memoryRange = {
  min: model['RestoreGraphFromSnapshot:provisionedMemory'].min,
  max: model['RestoreGraphFromSnapshot:provisionedMemory'].max,
} as const;
export const replicaRange = {
  min: model['RestoreGraphFromSnapshot:replicaCount'].min,
  max: model['RestoreGraphFromSnapshot:replicaCount'].max,
} as const;

export const graphNameLength = { min: nameConstraint.min, max: nameConstraint.max } as const;
const nameWhat = (): string => l10n.t('Graph names');
const reservedNamePrefix = {
  prefix: 'g-',
  get why(): string {
    return l10n.t('Neptune Analytics uses it for graph identifiers');
  },
};

/** GraphName: 1–63 lowercase letters, digits and single hyphens, a letter first, not `g-…`, no trailing hyphen. */
export function validateGraphName(value: string): Issue[] {
  const issues = checkIdentifier(value, {
    what: nameWhat(),
    max: graphNameLength.max,
    lowercaseOnly: true,
    reservedPrefixes: [reservedNamePrefix],
  });
  // The model's pattern `(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*` over the whole name is exactly these rules; withModel
  // adds its verdict should the hand-written checks ever miss something.
  return withModel(issues, nameModel, value, nameWhat());
}

/** A whole number written plainly (no sign, no leading zero, no spaces), or undefined. */
function wholeNumber(value: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(value) ? Number(value) : undefined;
}

function validateInteger(value: string, range: { min: number; max: number }, what: string, unit: string): Issue[] {
  if (value === '') return []; // optional: an empty box leaves the member out
  const n = wholeNumber(value);
  if (n === undefined) {
    return [
      issue(
        'error',
        l10n.t('{0} must be a whole number from {1} to {2}{3}.', what, range.min, range.max, unit),
        0,
        value.length,
      ),
    ];
  }
  if (n < range.min || n > range.max) {
    return [
      issue(
        'error',
        l10n.t('{0} must be from {1} to {2}{3} (not {4}).', what, range.min, range.max, unit, value),
        0,
        value.length,
      ),
    ];
  }
  return [];
}

/** ProvisionedMemory: empty (AWS's default), or a whole number of m-NCUs in the model's range. */
export function validateProvisionedMemory(value: string): Issue[] {
  return validateInteger(value, memoryRange, l10n.t('Provisioned memory'), ' m-NCUs');
}

/** ReplicaCount: empty (AWS's default), or a whole number in the model's range. */
export function validateReplicaCount(value: string): Issue[] {
  return validateInteger(value, replicaRange, l10n.t('The replica count'), '');
}

/** A Boolean member given as a toggle: 'true', 'false', or '' (left out). */
export function validateToggle(value: string, what: string): Issue[] {
  return value === '' || value === 'true' || value === 'false'
    ? []
    : [
        issue(
          'error',
          l10n.t("{0} is Yes or No ('true' or 'false'), not {1}.", what, JSON.stringify(value)),
          0,
          value.length,
        ),
      ];
}

/** The new graph's tags: the same TagMap, TagKey and TagValue shapes as CreateGraphSnapshot's, so the same rules. */
export const restoreTagRules: TagRules = neptuneGraphRules.tags!;

/** `<sanitised base>-YYYYMMDD-HHMM`, a valid graph name for any base (a graph or snapshot name). */
export function graphNameDefault(base: string, now: Date): string {
  return identifierDefault(base, now, { max: graphNameLength.max, reservedPrefixes: [reservedNamePrefix.prefix] });
}

/** What the defaults are read from: GetGraph's answer for the snapshot's source graph (members it may lack). */
export interface SourceGraphFacts {
  readonly name?: string;
  readonly provisionedMemory?: number;
  readonly replicaCount?: number;
  readonly publicConnectivity?: boolean;
  readonly deletionProtection?: boolean;
}

/** A prefilled value and where it came from (the restore form's FormDefault). */
export interface ValueDefault {
  readonly value: string;
  readonly source: string;
}

export type RestoreDefaults = Readonly<Record<RestoreValueKey, ValueDefault | undefined>>;
export type RestoreValueKey =
  'graphName' | 'provisionedMemory' | 'replicaCount' | 'publicConnectivity' | 'deletionProtection';

/**
 * The API's own defaults when a member is left out: replicaCount 1 (the model's documentation: "Default =1");
 * publicConnectivity false (the user guide's restore page: "Default: no-public-access"); deletionProtection true
 * (the console's preselection, which the emulator's seed also assumes; the API reference states none).
 * provisionedMemory has none to show: without the member AWS sizes the graph itself.
 */
export const apiDefaults = { replicaCount: 1, publicConnectivity: false, deletionProtection: true } as const;

const SOURCE = (): string => l10n.t("the source graph's");
const API = (): string => l10n.t("the API's default");

/** Each field's default: the source graph's value when it still exists, else the API's (none for memory). */
export function restoreDefaults(
  source: SourceGraphFacts | undefined,
  snapshotName: string,
  now: Date,
): RestoreDefaults {
  const pick = (own: number | boolean | undefined, api: number | boolean | undefined): ValueDefault | undefined => {
    if (own !== undefined) return { value: String(own), source: SOURCE() };
    return api === undefined ? undefined : { value: String(api), source: API() };
  };
  return {
    graphName: source?.name
      ? { value: graphNameDefault(source.name, now), source: l10n.t("the source graph's name and the time") }
      : { value: graphNameDefault(snapshotName, now), source: l10n.t("the snapshot's name and the time") },
    provisionedMemory: pick(source?.provisionedMemory, undefined),
    replicaCount: pick(source?.replicaCount, apiDefaults.replicaCount),
    publicConnectivity: pick(source?.publicConnectivity, apiDefaults.publicConnectivity),
    deletionProtection: pick(source?.deletionProtection, apiDefaults.deletionProtection),
  };
}

/** RestoreGraphFromSnapshot's input as the SDK takes it (a type, not an interface: it is also a plain record). */
export type RestoreGraphRequest = {
  readonly snapshotIdentifier: string;
  readonly graphName: string;
  readonly provisionedMemory?: number;
  readonly replicaCount?: number;
  readonly publicConnectivity?: boolean;
  readonly deletionProtection?: boolean;
  readonly tags?: Record<string, string>;
};

/** The request the values make: empty optional values (and no tags) leave their members out. */
export function restoreRequest(
  snapshotIdentifier: string,
  values: Readonly<Record<string, string>>,
  tags: readonly Tag[],
): RestoreGraphRequest {
  const given = (key: string): string | undefined => (values[key] ? values[key] : undefined);
  const member = <T>(key: string, convert: (text: string) => T): Record<string, T> => {
    const text = given(key);
    return text === undefined ? {} : { [key]: convert(text) };
  };
  return {
    snapshotIdentifier,
    graphName: values.graphName ?? '',
    ...member('provisionedMemory', Number),
    ...member('replicaCount', Number),
    ...member('publicConnectivity', (text) => text === 'true'),
    ...member('deletionProtection', (text) => text === 'true'),
    ...(tags.length ? { tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) } : {}),
  };
}
