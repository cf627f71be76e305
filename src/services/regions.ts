// AWS region names, for region pickers and labels. Which service is offered where lives in each service module.
import * as l10n from '../l10n';

/** Every region this extension knows by name (commercial, China and GovCloud partitions). */
export const regionNames: Readonly<Record<string, string>> = {
  get 'us-east-1'(): string {
    return l10n.t('US East (N. Virginia)');
  },
  get 'us-east-2'(): string {
    return l10n.t('US East (Ohio)');
  },
  get 'us-west-1'(): string {
    return l10n.t('US West (N. California)');
  },
  get 'us-west-2'(): string {
    return l10n.t('US West (Oregon)');
  },
  get 'af-south-1'(): string {
    return l10n.t('Africa (Cape Town)');
  },
  get 'ap-east-1'(): string {
    return l10n.t('Asia Pacific (Hong Kong)');
  },
  get 'ap-south-1'(): string {
    return l10n.t('Asia Pacific (Mumbai)');
  },
  get 'ap-south-2'(): string {
    return l10n.t('Asia Pacific (Hyderabad)');
  },
  get 'ap-northeast-1'(): string {
    return l10n.t('Asia Pacific (Tokyo)');
  },
  get 'ap-northeast-2'(): string {
    return l10n.t('Asia Pacific (Seoul)');
  },
  get 'ap-northeast-3'(): string {
    return l10n.t('Asia Pacific (Osaka)');
  },
  get 'ap-southeast-1'(): string {
    return l10n.t('Asia Pacific (Singapore)');
  },
  get 'ap-southeast-2'(): string {
    return l10n.t('Asia Pacific (Sydney)');
  },
  get 'ap-southeast-3'(): string {
    return l10n.t('Asia Pacific (Jakarta)');
  },
  get 'ap-southeast-4'(): string {
    return l10n.t('Asia Pacific (Melbourne)');
  },
  get 'ap-southeast-5'(): string {
    return l10n.t('Asia Pacific (Malaysia)');
  },
  get 'ca-central-1'(): string {
    return l10n.t('Canada (Central)');
  },
  get 'ca-west-1'(): string {
    return l10n.t('Canada West (Calgary)');
  },
  get 'eu-central-1'(): string {
    return l10n.t('Europe (Frankfurt)');
  },
  get 'eu-central-2'(): string {
    return l10n.t('Europe (Zurich)');
  },
  get 'eu-west-1'(): string {
    return l10n.t('Europe (Ireland)');
  },
  get 'eu-west-2'(): string {
    return l10n.t('Europe (London)');
  },
  get 'eu-west-3'(): string {
    return l10n.t('Europe (Paris)');
  },
  get 'eu-south-1'(): string {
    return l10n.t('Europe (Milan)');
  },
  get 'eu-south-2'(): string {
    return l10n.t('Europe (Spain)');
  },
  get 'eu-north-1'(): string {
    return l10n.t('Europe (Stockholm)');
  },
  get 'il-central-1'(): string {
    return l10n.t('Israel (Tel Aviv)');
  },
  get 'me-south-1'(): string {
    return l10n.t('Middle East (Bahrain)');
  },
  get 'me-central-1'(): string {
    return l10n.t('Middle East (UAE)');
  },
  get 'sa-east-1'(): string {
    return l10n.t('South America (São Paulo)');
  },
  get 'cn-north-1'(): string {
    return l10n.t('China (Beijing)');
  },
  get 'cn-northwest-1'(): string {
    return l10n.t('China (Ningxia)');
  },
  get 'us-gov-east-1'(): string {
    return l10n.t('AWS GovCloud (US-East)');
  },
  get 'us-gov-west-1'(): string {
    return l10n.t('AWS GovCloud (US-West)');
  },
};

/** The region's display name, e.g. "Europe (Ireland)", or the code itself when unknown. */
export function regionName(region: string): string {
  return regionNames[region] ?? region;
}

/** Regions in a stable order: the order of `regionNames`, then unknown codes alphabetically. */
export function sortRegions(regions: Iterable<string>): string[] {
  const order = Object.keys(regionNames);
  const rank = (r: string): number => {
    const i = order.indexOf(r);
    return i < 0 ? order.length : i;
  };
  return [...new Set(regions)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
