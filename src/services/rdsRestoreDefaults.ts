// The RDS family's restore defaults (DocumentDB, Neptune Database): what a user sees prefilled when restoring a
// cluster snapshot, each with where it came from: the snapshot's engine version and port, the source cluster's DB
// subnet group, VPC security groups and deletion protection, its primary instance's class. Pure.
import { identifierDefault } from '../validation/defaults';
import type { Tag } from '../validation/types';
import type { FormDefault } from './forms';
import * as l10n from '../l10n';

/** What the defaults are read from: the snapshot, its source cluster and the source's primary instance. */
export interface RdsRestoreSources {
  readonly snapshotId: string;
  /** The source cluster's identifier (named in the default new identifier). */
  readonly sourceClusterId: string;
  readonly snapshot?: { readonly EngineVersion?: string; readonly Port?: number };
  /** Undefined when the source cluster no longer exists. */
  readonly cluster?: {
    readonly EngineVersion?: string;
    readonly Port?: number;
    readonly DBSubnetGroup?: string;
    readonly VpcSecurityGroups?: ReadonlyArray<{ readonly VpcSecurityGroupId?: string }>;
    readonly DeletionProtection?: boolean;
  };
  /** The source cluster's primary (writer) instance's class, when it was read. */
  readonly primaryClass?: string;
  /** The source cluster's tags, prefilled for the new cluster. */
  readonly tags?: readonly Tag[];
}

export interface RdsRestoreDefaults {
  readonly cluster: FormDefault;
  readonly instance: FormDefault;
  readonly instanceClass: FormDefault;
  readonly engineVersion?: FormDefault;
  readonly port?: FormDefault;
  readonly subnetGroup?: FormDefault;
  readonly securityGroups?: FormDefault;
  readonly deletionProtection: FormDefault;
}

const snapshotWord = (): string => l10n.t("the snapshot's");
const sourceWord = (): string => l10n.t("the source cluster's");

function from(value: string | number | undefined, source: string): FormDefault | undefined {
  return value === undefined || value === '' ? undefined : { value: String(value), source };
}

/** The defaults a user sees: the snapshot's engine version and port, the source cluster's network and class. */
export function rdsRestoreDefaults(s: RdsRestoreSources, fallbackClass: string, now: Date): RdsRestoreDefaults {
  // Room for the instance's `-1` suffix, so both defaults are valid identifiers.
  const cluster = identifierDefault(s.sourceClusterId || s.snapshotId, now, { max: 61, reservedPrefixes: [] });
  const groups = (s.cluster?.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId).filter(Boolean);
  return {
    cluster: { value: cluster, source: l10n.t("the source cluster's name and the time") },
    instance: { value: `${cluster}-1`, source: l10n.t("the default cluster identifier's") },
    instanceClass: from(s.primaryClass, l10n.t("the source cluster's primary instance's")) ?? {
      value: fallbackClass,
      source: l10n.t('a small default class (the source primary was not found)'),
    },
    engineVersion: from(s.snapshot?.EngineVersion, snapshotWord()) ?? from(s.cluster?.EngineVersion, sourceWord()),
    port: from(s.snapshot?.Port, snapshotWord()) ?? from(s.cluster?.Port, sourceWord()),
    subnetGroup: from(s.cluster?.DBSubnetGroup, sourceWord()),
    securityGroups: from(groups.join(', '), sourceWord()),
    deletionProtection:
      s.cluster?.DeletionProtection === undefined
        ? { value: 'false', source: "AWS's default" }
        : { value: String(s.cluster.DeletionProtection), source: sourceWord() },
  };
}
