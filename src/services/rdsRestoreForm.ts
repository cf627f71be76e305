// The RDS family's restore form (DocumentDB, Neptune Database): the fields of RestoreDBClusterFromSnapshot and of the
// CreateDBInstance that adds the primary instance, their defaults (from the snapshot, its source cluster and that
// cluster's primary instance: ./rdsRestoreDefaults), the exact requests (`calls`) and `send`, which sends them in order. Pure apart from
// the AWS reads and sends it is given (./rdsRestore wires them to the SDK).
import type { RdsRestoreRules } from '../validation/rdsRestore';
import type { Tag } from '../validation/types';
import { tagList } from './common';
import type { RdsRestoreDefaults } from './rdsRestoreDefaults';
import { RdsInstanceNotCreatedError } from './rdsRestoreErrors';
import { clusterState } from './rdsRestoreStatus';
import type { FormField, OperationForm, FormInput, FormResult } from './forms';
import * as l10n from '../l10n';

/** The value keys: the API members they go to, except the toggle that asks for the primary instance. */
export const restoreKeys = {
  cluster: 'DBClusterIdentifier',
  engineVersion: 'EngineVersion',
  port: 'Port',
  subnetGroup: 'DBSubnetGroupName',
  securityGroups: 'VpcSecurityGroupIds',
  deletionProtection: 'DeletionProtection',
  /** Not an API member: 'true' adds CreateDBInstance after the restore. */
  addInstance: 'CreatePrimaryInstance',
  instance: 'DBInstanceIdentifier',
  instanceClass: 'DBInstanceClass',
} as const;

type Tags = Array<{ Key: string; Value: string }>;

/** RestoreDBClusterFromSnapshot's input as the family sends it (both SDKs' input accepts it). */
export type RestoreClusterInput = {
  DBClusterIdentifier: string;
  SnapshotIdentifier: string;
  Engine: string;
  EngineVersion?: string;
  Port?: number;
  DBSubnetGroupName?: string;
  VpcSecurityGroupIds?: string[];
  DeletionProtection?: boolean;
  Tags?: Tags;
};

/** CreateDBInstance's input as the family sends it. */
export type CreateInstanceInput = {
  DBInstanceIdentifier: string;
  DBInstanceClass: string;
  Engine: string;
  DBClusterIdentifier: string;
  Tags?: Tags;
};

export interface RdsRestoreFormSpec {
  readonly label: string;
  readonly engine: string;
  readonly snapshotId: string;
  readonly rules: RdsRestoreRules;
  readonly defaults: RdsRestoreDefaults;
  readonly defaultTags?: readonly Tag[];
  /** True when a cluster (of any engine) of that identifier exists in the region. */
  clusterExists(id: string, signal: AbortSignal): Promise<boolean>;
  /** True when an instance of that identifier exists in the region. */
  instanceExists(id: string, signal: AbortSignal): Promise<boolean>;
  restoreCluster(
    input: RestoreClusterInput,
    signal?: AbortSignal,
  ): Promise<{ readonly DBClusterIdentifier?: string; readonly Status?: string } | undefined>;
  createInstance(input: CreateInstanceInput, signal?: AbortSignal): Promise<void>;
}

const withInstance = (values: Readonly<Record<string, string>>): boolean => values[restoreKeys.addInstance] === 'true';

/** A value given (an optional field left empty, or not asked, is absent). */
const given = (values: Readonly<Record<string, string>>, key: string): string | undefined =>
  values[key] === undefined || values[key] === '' ? undefined : values[key];

export function rdsRestoreForm(spec: RdsRestoreFormSpec): OperationForm {
  const { rules, defaults, label } = spec;
  const field = (f: Omit<FormField, 'validate'> & { check(value: string): ReturnType<FormField['validate']> }) => {
    const { check, ...rest } = f;
    return { ...rest, validate: (value: string) => check(value) } satisfies FormField;
  };
  const fields: FormField[] = [
    field({
      key: restoreKeys.cluster,
      kind: 'text',
      label: l10n.t('New cluster identifier'),
      prompt: l10n.t(
        '1–63 letters, digits and single hyphens; starts with a letter, no trailing hyphen; stored in lowercase',
      ),
      placeholder: 'e.g. orders-restored',
      required: true,
      defaultValue: defaults.cluster,
      check: rules.validateClusterIdentifier,
      accept: async (value, signal) =>
        (await spec.clusterExists(value.toLowerCase(), signal))
          ? l10n.t(
              'A cluster named {0} already exists in this region (DocumentDB, Neptune and RDS share cluster identifiers). Choose another identifier.',
              value.toLowerCase(),
            )
          : undefined,
    }),
    field({
      key: restoreKeys.engineVersion,
      kind: 'text',
      label: l10n.t('Engine version'),
      prompt: l10n.t("The {0} engine version of the new cluster (empty: the snapshot's)", label),
      placeholder: 'e.g. 5.0.0',
      required: false,
      defaultValue: defaults.engineVersion,
      check: rules.validateEngineVersion,
    }),
    field({
      key: restoreKeys.port,
      kind: 'number',
      label: l10n.t('Port'),
      prompt: l10n.t("The port the cluster accepts connections on: 1150–65535 (empty: the snapshot's)"),
      placeholder: 'e.g. 27017',
      required: false,
      defaultValue: defaults.port,
      check: rules.validatePort,
    }),
    field({
      key: restoreKeys.subnetGroup,
      kind: 'text',
      label: l10n.t('DB subnet group'),
      prompt: l10n.t("An existing DB subnet group's name (empty: the default group)"),
      placeholder: 'e.g. default',
      required: false,
      defaultValue: defaults.subnetGroup,
      check: rules.validateSubnetGroup,
    }),
    field({
      key: restoreKeys.securityGroups,
      kind: 'text',
      label: l10n.t('VPC security groups'),
      prompt: l10n.t("Security group ids separated by commas (empty: the VPC's default group)"),
      placeholder: l10n.t('e.g. sg-0123456789abcdef0, sg-0fedcba9'),
      required: false,
      defaultValue: defaults.securityGroups,
      check: rules.validateSecurityGroups,
    }),
    field({
      key: restoreKeys.deletionProtection,
      kind: 'toggle',
      label: l10n.t('Deletion protection'),
      prompt: l10n.t('Refuse to delete the new cluster until deletion protection is turned off'),
      placeholder: l10n.t('true or false'),
      required: true,
      defaultValue: defaults.deletionProtection,
      check: rules.validateToggle,
    }),
    field({
      key: restoreKeys.addInstance,
      kind: 'toggle',
      label: l10n.t('Add a primary instance'),
      prompt: l10n.t(
        'A {0} cluster without an instance serves nothing: add its primary instance (CreateDBInstance)?',
        label,
      ),
      placeholder: l10n.t('true or false'),
      required: true,
      defaultValue: { value: 'true', source: l10n.t('a cluster without an instance serves nothing') },
      check: rules.validateToggle,
    }),
    field({
      key: restoreKeys.instance,
      kind: 'text',
      label: l10n.t('Primary instance identifier'),
      prompt: l10n.t(
        '1–63 letters, digits and single hyphens; starts with a letter, no trailing hyphen; stored in lowercase',
      ),
      placeholder: 'e.g. orders-restored-1',
      required: true,
      defaultValue: defaults.instance,
      when: withInstance,
      check: rules.validateInstanceIdentifier,
      accept: async (value, signal) =>
        (await spec.instanceExists(value.toLowerCase(), signal))
          ? l10n.t(
              'An instance named {0} already exists in this region. Choose another identifier.',
              value.toLowerCase(),
            )
          : undefined,
    }),
    field({
      key: restoreKeys.instanceClass,
      kind: 'text',
      label: l10n.t('Instance class'),
      prompt: l10n.t("The primary instance's class, e.g. db.r6g.large (classes differ by region and engine version)"),
      placeholder: 'e.g. db.r6g.large',
      required: true,
      defaultValue: defaults.instanceClass,
      when: withInstance,
      check: rules.validateInstanceClass,
    }),
  ];

  function requests(input: FormInput): { cluster: RestoreClusterInput; instance?: CreateInstanceInput } {
    const v = input.values;
    const clusterId = (v[restoreKeys.cluster] ?? '').toLowerCase();
    const version = given(v, restoreKeys.engineVersion);
    const port = given(v, restoreKeys.port);
    const subnetGroup = given(v, restoreKeys.subnetGroup);
    const groups = rules.securityGroupIds(v[restoreKeys.securityGroups] ?? '');
    const protection = given(v, restoreKeys.deletionProtection);
    const tags = tagList(input.tags);
    const cluster: RestoreClusterInput = {
      DBClusterIdentifier: clusterId,
      SnapshotIdentifier: spec.snapshotId,
      Engine: spec.engine,
      ...(version === undefined ? {} : { EngineVersion: version }),
      ...(port === undefined ? {} : { Port: Number(port) }),
      ...(subnetGroup === undefined ? {} : { DBSubnetGroupName: subnetGroup }),
      ...(groups.length === 0 ? {} : { VpcSecurityGroupIds: groups }),
      ...(protection === undefined ? {} : { DeletionProtection: protection === 'true' }),
      ...(tags ? { Tags: tags } : {}),
    };
    if (!withInstance(v)) return { cluster };
    const instance: CreateInstanceInput = {
      DBInstanceIdentifier: (v[restoreKeys.instance] ?? '').toLowerCase(),
      DBInstanceClass: v[restoreKeys.instanceClass] ?? '',
      Engine: spec.engine,
      DBClusterIdentifier: clusterId,
      ...(tags ? { Tags: tags } : {}),
    };
    return { cluster, instance };
  }

  const form: OperationForm = {
    fields,
    tags: rules.tags,
    defaultTags: spec.defaultTags,
    nameField: restoreKeys.cluster,
    calls(input) {
      const { cluster, instance } = requests(input);
      return [
        { operation: 'RestoreDBClusterFromSnapshot', input: cluster },
        ...(instance ? [{ operation: 'CreateDBInstance', input: instance }] : []),
      ];
    },
    async send(input, signal): Promise<FormResult> {
      const [restoreCall, instanceCall] = form.calls(input);
      if (!restoreCall) throw new Error(l10n.t('A restore makes at least one call'));
      // calls() built these inputs as RestoreClusterInput and CreateInstanceInput (see `requests`); ApiCall
      // erases their types to one record type for every service.
      const clusterInput = restoreCall.input as unknown as RestoreClusterInput;
      const answered = await spec.restoreCluster(clusterInput, signal);
      const id = (answered?.DBClusterIdentifier ?? clusterInput.DBClusterIdentifier).toLowerCase();
      if (instanceCall) {
        const instanceInput = instanceCall.input as unknown as CreateInstanceInput;
        try {
          // Not cancelled once the cluster exists: a cancelled instance call would leave it serving nothing.
          await spec.createInstance(instanceInput);
        } catch (error) {
          throw new RdsInstanceNotCreatedError(label, id, instanceInput.DBInstanceIdentifier, error);
        }
      }
      const status = answered?.Status ?? 'creating';
      return { id, name: id, state: clusterState(status), status };
    },
  };
  return form;
}
