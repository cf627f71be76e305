// The Storage Gateway restore form: a new iSCSI volume from an EBS snapshot on a gateway of the region. Its fields
// (gateway, target name, size for a cached gateway, local disk and PreserveExistingData for a stored one, network
// interface), their defaults and where they came from, and the one request (CreateCachediSCSIVolume or
// CreateStorediSCSIVolume) the values make. The form closes over the gateways read when it was prepared, so the
// request knows the chosen gateway's type. No SDK here: the reads and the send are passed in.
import type { CreateCachediSCSIVolumeInput, CreateStorediSCSIVolumeInput, Disk } from '@aws-sdk/client-storage-gateway';
import {
  diskRefusal,
  GIB,
  MAX_CACHED_VOLUME_GIB,
  MAX_STORED_VOLUME_GIB,
  restoreTagRules,
  targetNameLength,
  validateCachedSizeGiB,
  validatePreserveExistingData,
  validateTargetName,
} from '../validation/storageGatewayRestore';
import { issue } from '../validation/text';
import type { Issue, Tag } from '../validation/types';
import { formatBytes, tagList } from './common';
import type { ApiCall, FormChoice, FormDefault, FormField, OperationForm, FormInput } from './forms';
import type { FormResult } from './forms';
import type { RestoreGateway } from './storageGatewayRestoreReads';
import * as l10n from '../l10n';

type Values = Readonly<Record<string, string>>;

/** What the form is built from (read by `prepare`). */
export interface RestoreFormFacts {
  readonly snapshotId: string;
  /** The snapshot's volume size, whole GiB: the least a new volume may hold. */
  readonly minGiB: number;
  readonly gateways: readonly RestoreGateway[];
  readonly defaultGateway?: FormDefault;
  readonly defaultTargetName: FormDefault;
  /** The default gateway's smallest free disk that holds the snapshot, when that gateway is a stored one. */
  readonly defaultDisk?: FormDefault;
  readonly defaultTags: readonly Tag[];
}

/** The one create request of a restore, typed by its operation. */
export type VolumeRequest =
  | { readonly operation: 'CreateCachediSCSIVolume'; readonly input: CreateCachediSCSIVolumeInput }
  | { readonly operation: 'CreateStorediSCSIVolume'; readonly input: CreateStorediSCSIVolumeInput };

/** The calls the form makes to AWS (reads for choices and checks, and the create call). */
export interface RestoreFormIo {
  localDisks(gatewayArn: string, signal: AbortSignal): Promise<readonly Disk[]>;
  targetNames(gateway: RestoreGateway, signal: AbortSignal): Promise<ReadonlySet<string>>;
  send(request: VolumeRequest, signal?: AbortSignal): Promise<{ readonly VolumeARN?: string }>;
}

/** Why a gateway cannot take the new volume, or undefined. */
export function gatewayRefusal(gateway: RestoreGateway, minGiB: number): string | undefined {
  if (gateway.type !== 'CACHED' && gateway.type !== 'STORED') {
    return l10n.t(
      'a {0} gateway takes no iSCSI volumes (only cached and stored volume gateways do)',
      gateway.type ?? 'non-volume',
    );
  }
  if (!gateway.online) return l10n.t('the gateway is {0}: it must be running and connected to AWS', gateway.state);
  if (gateway.type === 'STORED' && minGiB > MAX_STORED_VOLUME_GIB) {
    return l10n.t("a stored volume holds at most 16 TiB; the snapshot's volume is {0} GiB", minGiB);
  }
  return undefined;
}

/** The default gateway: the source volume's when it can take the volume, else the first that can. */
export function chooseDefaultGateway(
  gateways: readonly RestoreGateway[],
  sourceGatewayArn: string | undefined,
  minGiB: number,
): FormDefault | undefined {
  const usable = (g: RestoreGateway) => !gatewayRefusal(g, minGiB);
  const source = gateways.find((g) => g.arn === sourceGatewayArn);
  if (source && usable(source)) return { value: source.arn, source: l10n.t("the source volume's gateway") };
  const first = gateways.find(usable);
  if (!first) return undefined;
  return {
    value: first.arn,
    source: source
      ? l10n.t("the first that can take it (the source volume's cannot)")
      : l10n.t('the first volume gateway that can take it'),
  };
}

/** The smallest free local disk that holds the snapshot, as a default. */
export function chooseDefaultDisk(disks: readonly Disk[], minGiB: number): FormDefault | undefined {
  const fits = disks
    .filter((d) => d.DiskId && !diskRefusal(toDiskFacts(d), minGiB))
    .sort((a, b) => (a.DiskSizeInBytes ?? 0) - (b.DiskSizeInBytes ?? 0));
  const best = fits[0];
  return best?.DiskId
    ? { value: best.DiskId, source: l10n.t('the smallest free disk that holds the snapshot') }
    : undefined;
}

const toDiskFacts = (d: Disk) => ({
  allocation: d.DiskAllocationType,
  status: d.DiskStatus,
  sizeInBytes: d.DiskSizeInBytes,
});

export function buildRestoreForm(facts: RestoreFormFacts, io: RestoreFormIo): OperationForm {
  const { gateways, minGiB, snapshotId } = facts;
  const gatewayOf = (values: Values) => gateways.find((g) => g.arn === values.GatewayARN);
  const typeOf = (values: Values) => gatewayOf(values)?.type;

  const gateway: FormField = {
    key: 'GatewayARN',
    kind: 'choice',
    label: l10n.t('Gateway'),
    prompt: l10n.t('The volume gateway to make the volume on: a cached or stored gateway that is running'),
    placeholder: 'office-cache-gateway',
    required: true,
    defaultValue: facts.defaultGateway,
    validate(value) {
      if (value === '') return [issue('error', l10n.t('Choose a gateway.'))];
      const chosen = gateways.find((g) => g.arn === value);
      if (!chosen) return [issue('error', l10n.t("Gateway {0} is not in this region's list.", value))];
      const refusal = gatewayRefusal(chosen, minGiB);
      return refusal ? [issue('error', l10n.t('{0} cannot take the volume: {1}.', chosen.name, refusal))] : [];
    },
    choices: async () =>
      gateways.map((g): FormChoice => ({
        label: g.name,
        value: g.arn,
        description: [g.type === 'CACHED' || g.type === 'STORED' ? g.type.toLowerCase() : g.type, g.state]
          .filter(Boolean)
          .join(' · '),
        detail: g.arn,
        disabledReason: gatewayRefusal(g, minGiB),
      })),
  };

  const targetName: FormField = {
    key: 'TargetName',
    kind: 'text',
    label: l10n.t('Target name'),
    prompt: l10n.t(
      'The iSCSI target name, unique on the gateway: {0}–{1} lowercase letters, digits, - . ;',
      targetNameLength.min,
      targetNameLength.max,
    ),
    placeholder: 'office-shares-restored',
    required: true,
    defaultValue: facts.defaultTargetName,
    validate: (value) => validateTargetName(value),
    async accept(value, signal, values) {
      const chosen = gatewayOf(values);
      if (!chosen) return undefined;
      const taken = await io.targetNames(chosen, signal);
      return taken.has(value)
        ? l10n.t('Target name {0} is taken on {1}: a volume there already uses it. Choose another.', value, chosen.name)
        : undefined;
    },
  };

  const size: FormField = {
    key: 'VolumeSizeInBytes',
    kind: 'number',
    label: l10n.t('Volume size (GiB)'),
    prompt: l10n.t(
      "Whole GiB, {0}–{1}: at least the snapshot's volume size, at most a cached volume's 32 TiB",
      minGiB,
      MAX_CACHED_VOLUME_GIB,
    ),
    placeholder: String(minGiB),
    required: true,
    defaultValue: { value: String(minGiB), source: l10n.t("the snapshot's volume size") },
    when: (values) => typeOf(values) === 'CACHED',
    validate: (value) => validateCachedSizeGiB(value, minGiB),
  };

  const disk: FormField = {
    key: 'DiskId',
    kind: 'choice',
    label: l10n.t('Local disk'),
    prompt: l10n.t(
      "The gateway's free local disk for the stored volume (its size is the volume's); it must hold the snapshot",
    ),
    placeholder: 'pci-0000:03:00.0-scsi-0:0:2:0',
    required: true,
    defaultValue: facts.defaultDisk,
    when: (values) => typeOf(values) === 'STORED',
    validate: (value) => (value === '' ? [issue('error', l10n.t('Choose a local disk.'))] : []),
    async choices(values, signal) {
      const chosen = gatewayOf(values);
      if (!chosen) return [];
      return (await io.localDisks(chosen.arn, signal)).flatMap((d): FormChoice[] =>
        d.DiskId
          ? [
              {
                label: [d.DiskPath, formatBytes(d.DiskSizeInBytes)].filter(Boolean).join(' · ') || d.DiskId,
                value: d.DiskId,
                description: [d.DiskAllocationType, d.DiskStatus].filter(Boolean).join(' · '),
                detail: d.DiskId,
                disabledReason: diskRefusal(toDiskFacts(d), minGiB),
              },
            ]
          : [],
      );
    },
  };

  const preserve: FormField = {
    key: 'PreserveExistingData',
    kind: 'toggle',
    label: l10n.t('Preserve existing data'),
    prompt: l10n.t("Keep the data already on the disk (No: the snapshot's data replaces it)"),
    placeholder: l10n.t('No'),
    required: true,
    defaultValue: { value: 'false', source: l10n.t("a restored volume takes the snapshot's data") },
    when: (values) => typeOf(values) === 'STORED',
    validate: validatePreserveExistingData,
  };

  const networkInterface: FormField = {
    key: 'NetworkInterfaceId',
    kind: 'choice',
    label: l10n.t('Network interface'),
    prompt: l10n.t("The gateway's network interface (IPv4 address) to expose the iSCSI target on"),
    placeholder: '10.0.0.10',
    required: true,
    defaultValue: defaultInterface(facts),
    validate(value, values): Issue[] {
      if (value === '') return [issue('error', l10n.t('Choose a network interface.'))];
      const chosen = gatewayOf(values);
      return chosen && chosen.interfaces.length > 0 && !chosen.interfaces.includes(value)
        ? [issue('error', l10n.t('{0} is not a network interface of {1}.', value, chosen.name))]
        : [];
    },
    choices: async (values) =>
      (gatewayOf(values)?.interfaces ?? []).map((ip, i) => ({
        label: ip,
        value: ip,
        description: i === 0 ? l10n.t('first interface') : undefined,
      })),
  };

  function request(input: FormInput): VolumeRequest {
    const values = input.values;
    const chosen = gatewayOf(values);
    if (!chosen) throw new Error(l10n.t('Gateway {0} is not one the form read', values.GatewayARN ?? '(none)'));
    const tags = tagList(input.tags);
    const common = {
      GatewayARN: chosen.arn,
      SnapshotId: snapshotId,
      TargetName: values.TargetName ?? '',
      NetworkInterfaceId: values.NetworkInterfaceId ?? '',
      ...(tags ? { Tags: tags } : {}),
    };
    if (chosen.type === 'CACHED') {
      return {
        operation: 'CreateCachediSCSIVolume',
        input: {
          ...common,
          VolumeSizeInBytes: Number(values.VolumeSizeInBytes ?? minGiB) * GIB,
          // The restore's one token: a retried request returns the volume the first one made.
          ClientToken: input.clientToken,
        },
      };
    }
    // CreateStorediSCSIVolume takes no ClientToken; a repeat fails on the disk or target the first one took.
    return {
      operation: 'CreateStorediSCSIVolume',
      input: { ...common, DiskId: values.DiskId ?? '', PreserveExistingData: values.PreserveExistingData === 'true' },
    };
  }

  const calls = (input: FormInput): ApiCall[] => {
    const { operation, input: members } = request(input);
    return [{ operation, input: { ...members } }];
  };

  return {
    fields: [gateway, targetName, size, disk, preserve, networkInterface],
    tags: restoreTagRules,
    defaultTags: facts.defaultTags,
    nameField: 'TargetName',
    calls,
    async send(input, signal): Promise<FormResult> {
      // The very request calls() shows.
      const call = request(input);
      const out = await io.send(call, signal);
      if (!out.VolumeARN) throw new Error(l10n.t('{0} returned no volume ARN', call.operation));
      const name = input.values.TargetName || out.VolumeARN.split('/').pop() || out.VolumeARN;
      return { id: out.VolumeARN, name, state: 'creating', status: 'CREATING' };
    },
  };
}

function defaultInterface(facts: RestoreFormFacts): FormDefault | undefined {
  const first = facts.gateways.find((g) => g.arn === facts.defaultGateway?.value)?.interfaces[0];
  return first ? { value: first, source: l10n.t("the gateway's first network interface") } : undefined;
}
