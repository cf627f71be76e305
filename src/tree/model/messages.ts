// The tree's user-visible words (this module runs without `vscode`): each one a getter or a function, so it is
// translated (src/l10n) when it is read, never at module load.
import * as l10n from '../../l10n';

export const messages = {
  get loadMore(): string {
    return l10n.t('Load more…');
  },
  get loadingMore(): string {
    return l10n.t('Loading…');
  },
  get loadMoreTooltip(): string {
    return l10n.t('Load the next page');
  },
  get notOffered(): string {
    return l10n.t('not offered in this region');
  },
  notOfferedTooltip: (label: string, region: string) => l10n.t('{0} is not offered in {1}.', label, region),
  noneInRegion: (many: string) => l10n.t('No {0} in this region', many),
  noneMatch: (many: string, filter: string) => l10n.t('No {0} match “{1}”', many, filter),
  get noSnapshots(): string {
    return l10n.t('No snapshots');
  },
  get noRegions(): string {
    return l10n.t('No regions chosen: use Choose Regions…');
  },
  get noServices(): string {
    return l10n.t('No services chosen for this profile: use Choose Services…');
  },
  unreachable: (label: string, regions: readonly string[]) =>
    regions.length === 1
      ? l10n.t('{0}: not reachable in {1}', label, regions[0] ?? '')
      : l10n.t('{0}: not reachable in any region', label),
  unreachableWhy: (label: string, endOfSupport: string | undefined) =>
    endOfSupport
      ? l10n.t('the service reached end of support on {0}', endOfSupport)
      : l10n.t('its endpoint does not answer as {0}', label),
  /** The unreachable service's sentence in the tooltip: its one line, then why. */
  unreachableSentence: (label: string, why: string) => l10n.t('{0} ({1})', label, why),
  unreachableDescription: (endOfSupport: string | undefined) =>
    endOfSupport ? l10n.t('end of support {0}', endOfSupport) : l10n.t('endpoint does not answer'),
  get unreachableHint(): string {
    return l10n.t('Hide Service removes it from this profile (snapshotExplorer.services); Refresh tries again.');
  },
  get allProfilesHidden(): string {
    return l10n.t('Every profile is hidden by the snapshotExplorer.profiles settings');
  },
  get noProfiles(): string {
    return l10n.t('No AWS profiles found');
  },
  get inProgress(): string {
    return l10n.t('snapshot in progress');
  },
  cannotSnapshot: (reason: string) => l10n.t('cannot snapshot: {0}', reason),
  get unattachedDescription(): string {
    return l10n.t('copies from other regions');
  },
  unattachedTooltip: (many: string) =>
    l10n.t(
      'Snapshots in this region whose {0} are not here: copies from another region, or snapshots of {0} since deleted.',
      many,
    ),
  /** The name of a region's group of snapshots whose resource is not in the region. */
  unattachedName: (one: string) => l10n.t('Snapshots without a {0} here', one),
  unattachedReason: (many: string) => l10n.t("these snapshots' {0} are in another region or gone", many),
  get noTags(): string {
    return l10n.t('none');
  },
  tagsFailed: (message: string) => l10n.t('could not be read ({0})', message),
  get notEncrypted(): string {
    return l10n.t('Not encrypted');
  },
  get encrypted(): string {
    return l10n.t('Encrypted');
  },
  encryptedWithKms: (key: string) => l10n.t('Encrypted (KMS key {0})', key),
  get encryptedAwsOwned(): string {
    return l10n.t('Encrypted (AWS owned key)');
  },
  get encryptedS3Managed(): string {
    return l10n.t('Encrypted (Amazon S3 managed key, SSE-S3)');
  },
  get couldNotListProfiles(): string {
    return l10n.t('Could not read the AWS profiles');
  },
  profileUnusable: (profile: string) => l10n.t('Profile {0} cannot be used', profile),
  couldNotSignIn: (profile: string) => l10n.t('Could not get credentials for {0}', profile),
  couldNotList: (many: string) => l10n.t('Could not list {0}', many),
  get couldNotListSnapshots(): string {
    return l10n.t('Could not list snapshots');
  },
  get couldNotLoadMore(): string {
    return l10n.t('Could not load more');
  },
  get noAnswer(): string {
    return l10n.t('No answer within the request timeout (setting snapshotExplorer.requestTimeoutSeconds)');
  },
  /** An error node's label: where the call failed, then what it failed with. */
  errorLabel: (context: string, message: string) => l10n.t('{0}: {1}', context, message),
  /** How many resources of a kind (`noun`, translated by its service): "3 graphs", "1 graph", "100+ graphs". */
  count: (n: number, noun: { readonly one: string; readonly many: string }, more: boolean) =>
    more
      ? l10n.t('{0}+ {1}', n, noun.many)
      : n === 1
        ? l10n.t('{0} {1}', n, noun.one)
        : l10n.t('{0} {1}', n, noun.many),
  /** How many snapshots a resource has, as a whole phrase per plural form. */
  snapshotCount: (n: number, more: boolean) =>
    more ? l10n.t('{0}+ snapshots', n) : n === 1 ? l10n.t('1 snapshot') : l10n.t('{0} snapshots', n),
  matchCount: (shown: number, loaded: number) => l10n.t('{0} of {1} match', shown, loaded),
  field: {
    get arn(): string {
      return l10n.t('ARN');
    },
    get id(): string {
      return l10n.t('ID');
    },
    get created(): string {
      return l10n.t('Created');
    },
    get status(): string {
      return l10n.t('Status');
    },
    get state(): string {
      return l10n.t('State');
    },
    get progress(): string {
      return l10n.t('Progress');
    },
    get region(): string {
      return l10n.t('Region');
    },
    get profile(): string {
      return l10n.t('Profile');
    },
    get service(): string {
      return l10n.t('Service');
    },
    get gateway(): string {
      return l10n.t('Gateway');
    },
    get resource(): string {
      return l10n.t('Resource');
    },
    get authKind(): string {
      return l10n.t('Credentials');
    },
    get defaultRegion(): string {
      return l10n.t('Default region');
    },
    get code(): string {
      return l10n.t('Error code');
    },
    get requestId(): string {
      return l10n.t('Request ID');
    },
    get snapshot(): string {
      return l10n.t('Snapshot');
    },
    get tags(): string {
      return l10n.t('Tags');
    },
    get size(): string {
      return l10n.t('Size');
    },
    get encryption(): string {
      return l10n.t('Encryption');
    },
    get kind(): string {
      return l10n.t('Type');
    },
    get notSnapshottable(): string {
      return l10n.t('Cannot snapshot now');
    },
    get regionName(): string {
      return l10n.t('Name');
    },
    get regions(): string {
      return l10n.t('Regions');
    },
    get endOfSupport(): string {
      return l10n.t('End of support');
    },
    get error(): string {
      return l10n.t('Error');
    },
  },
  /** How a profile gets its credentials, in a word or two (the row's description). */
  authKinds: {
    get static(): string {
      return l10n.t('keys');
    },
    get sso(): string {
      return l10n.t('SSO');
    },
    get role(): string {
      return l10n.t('role');
    },
    get process(): string {
      return l10n.t('process');
    },
    get webIdentity(): string {
      return l10n.t('web identity');
    },
    get env(): string {
      return l10n.t('environment');
    },
  },
  errorHints: {
    get reauthenticate(): string {
      return l10n.t('Sign in again with Reauthenticate, then Retry.');
    },
    get other(): string {
      return l10n.t('Retry, or Show Logs for details.');
    },
  },
};
