// The SDK surface of DocumentDB, bundled into the lazily loaded dist/aws-sdk.js as `sdk.docdb` (see src/awsSdk.ts).
// Re-exports only; never import this module statically (use `loadSdk()`).
export {
  DocDBClient,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  ListTagsForResourceCommand,
  DescribeDBInstancesCommand,
  RestoreDBClusterFromSnapshotCommand,
  CreateDBInstanceCommand,
  CopyDBClusterSnapshotCommand,
} from '@aws-sdk/client-docdb';
