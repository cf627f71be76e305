// The SDK surface of Neptune Database, bundled into the lazily loaded dist/aws-sdk.js as `sdk.neptune` (see
// src/awsSdk.ts). Re-exports only; never import this module statically (use `loadSdk()`).
export {
  NeptuneClient,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  ListTagsForResourceCommand,
  DescribeDBInstancesCommand,
  RestoreDBClusterFromSnapshotCommand,
  CreateDBInstanceCommand,
  CopyDBClusterSnapshotCommand,
} from '@aws-sdk/client-neptune';
