// Amazon Neptune Database: DB clusters of engine neptune (the API is the RDS cluster API, shared with DocumentDB and
// RDS) and their cluster snapshots, through the RDS family's cluster service (./rdsClusters) with Neptune's client,
// regions, rules, error sentences and console.
import { loadSdk } from '../aws/sdkLoader';
import { neptuneRestoreRules, neptuneRules, validateNeptuneIdentifier } from '../validation/neptune';
import { consoleHome } from './common';
import { neptuneClient } from './neptuneClient';
import { explainNeptuneError } from './neptuneErrors';
import { rdsClusterService } from './rdsClusters';
import { rdsCopyErrorExplainer } from './rdsCopyErrors';
import { rdsRestoreErrorExplainer } from './rdsRestoreErrors';
import type { SnapshotService } from './service';

/** Neptune regions (commercial, China and GovCloud; the Neptune user guide's "Amazon Neptune Limits", Regions). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'eu-north-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-south-1',
  'ap-south-2',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-west-1',
  'us-gov-east-1',
] as const;

export const neptuneService: SnapshotService = rdsClusterService({
  id: 'neptune',
  label: 'Neptune Database',
  engine: 'neptune',
  icon: 'circuit-board',
  regions,
  rules: neptuneRules,
  explainError: explainNeptuneError,
  client: (ctx) => ctx.clients.get(neptuneClient, ctx.profile, ctx.region),
  commands: async () => (await loadSdk()).neptune,
  restore: {
    rules: neptuneRestoreRules,
    // The smallest class the engine's current versions offer (the source cluster's primary's is preferred).
    fallbackInstanceClass: 'db.t3.medium',
    explainError: rdsRestoreErrorExplainer('Neptune'),
  },
  // CopyDBClusterSnapshot to another region: the family's identifier rules and Neptune's snapshot tag rules.
  copy: {
    validateIdentifier: validateNeptuneIdentifier,
    tags: neptuneRules.tags!,
    explainError: rdsCopyErrorExplainer('Neptune'),
  },
  // The Neptune console has the RDS console's routes: a cluster's page is #database:id=<id>;is-cluster=true. No
  // console URL of one cluster snapshot could be confirmed (the RDS console's #db-snapshot:id= is an instance
  // snapshot's), so a snapshot opens the snapshot list, #snapshots-list: (the RDS console's route for it).
  consoleUrl: (region, resource) =>
    consoleHome(region, 'neptune', `#database:id=${encodeURIComponent(resource.id)};is-cluster=true`),
  snapshotConsoleUrl: (region) => consoleHome(region, 'neptune', '#snapshots-list:'),
});
