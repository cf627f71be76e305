// The SimSpace Weaver endpoint, per the model's endpoint-rule-set-1.json: a custom endpoint wins (and then
// neither FIPS nor dual-stack is allowed); otherwise a region is required and the endpoint is
// https://simspaceweaver.{Region}.{PartitionResult#dnsSuffix}. FIPS and dual-stack variants are not used here.

/** `aws.partition` reduced to what the rule set reads: the DNS suffix per partition, by region pattern. */
const PARTITIONS: ReadonlyArray<{ readonly regionRegex: RegExp; readonly dnsSuffix: string }> = [
  { regionRegex: /^cn-\w+-\d+$/, dnsSuffix: 'amazonaws.com.cn' },
  { regionRegex: /^us-gov-\w+-\d+$/, dnsSuffix: 'amazonaws.com' },
  { regionRegex: /^us-iso-\w+-\d+$/, dnsSuffix: 'c2s.ic.gov' },
  { regionRegex: /^us-isob-\w+-\d+$/, dnsSuffix: 'sc2s.sgov.gov' },
  { regionRegex: /^eu-isoe-\w+-\d+$/, dnsSuffix: 'cloud.adc-e.uk' },
  { regionRegex: /^us-isof-\w+-\d+$/, dnsSuffix: 'csp.hci.ic.gov' },
  { regionRegex: /^eusc-(de)-\w+-\d+$/, dnsSuffix: 'amazonaws.eu' },
];
/** The `aws` partition, also the fallback for a region no partition claims (as aws.partition does). */
const DEFAULT_DNS_SUFFIX = 'amazonaws.com';

export function resolveSimSpaceWeaverEndpoint(params: { region?: string; endpoint?: string }): URL {
  if (params.endpoint !== undefined && params.endpoint !== '') {
    try {
      return new URL(params.endpoint);
    } catch {
      throw new Error(`Invalid Configuration: the endpoint "${params.endpoint}" is not a valid URL`);
    }
  }
  const region = params.region;
  if (region === undefined || region === '') throw new Error('Invalid Configuration: Missing Region');
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(region)) {
    throw new Error(`Invalid Configuration: "${region}" is not a valid region name`);
  }
  const dnsSuffix = PARTITIONS.find((p) => p.regionRegex.test(region))?.dnsSuffix ?? DEFAULT_DNS_SUFFIX;
  return new URL(`https://simspaceweaver.${region}.${dnsSuffix}`);
}
