// Amazon DocumentDB: clusters (engine docdb only; the API shares its back end with RDS and Neptune) and their
// cluster snapshots, through the RDS family's cluster service (./rdsClusters) with DocumentDB's client, regions,
// rules, error sentences and console.
import { loadSdk } from '../aws/sdkLoader';
import { docdbRules } from '../validation/index';
import { docdbRestoreRules, validateDocDbIdentifier } from '../validation/docdb';
import { consoleHome } from './common';
import { docdbClient } from './docdbClient';
import { explainDocDbError } from './docdbErrors';
import { rdsClusterService } from './rdsClusters';
import { rdsCopyErrorExplainer } from './rdsCopyErrors';
import { rdsRestoreErrorExplainer } from './rdsRestoreErrors';
import type { SnapshotService } from './service';

/** DocumentDB regions (commercial, China and GovCloud; the DocumentDB developer guide's region table). */
const regions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-central-1',
  'sa-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

export const docdbService: SnapshotService = rdsClusterService({
  id: 'docdb',
  label: 'DocumentDB',
  engine: 'docdb',
  icon: 'database',
  regions,
  rules: docdbRules,
  explainError: explainDocDbError,
  client: (ctx) => ctx.clients.get(docdbClient, ctx.profile, ctx.region),
  commands: async () => (await loadSdk()).docdb,
  restore: {
    rules: docdbRestoreRules,
    // The smallest class the engine's current versions offer (the source cluster's primary's is preferred).
    fallbackInstanceClass: 'db.t3.medium',
    explainError: rdsRestoreErrorExplainer('DocumentDB'),
  },
  // CopyDBClusterSnapshot to another region: the family's identifier rules and DocumentDB's snapshot tag rules.
  copy: {
    validateIdentifier: validateDocDbIdentifier,
    tags: docdbRules.tags!,
    explainError: rdsCopyErrorExplainer('DocumentDB'),
  },
  // The DocumentDB console's own pages: docdb/home?region=…#cluster-details/<id> and #snapshot-details/<id>.
  consoleUrl: (region, resource) => consoleHome(region, 'docdb', `#cluster-details/${encodeURIComponent(resource.id)}`),
  snapshotConsoleUrl: (region, snapshot) =>
    consoleHome(region, 'docdb', `#snapshot-details/${encodeURIComponent(snapshot.id)}`),
});
