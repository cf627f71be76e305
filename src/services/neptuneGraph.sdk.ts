// The SDK surface of Neptune Analytics, bundled into the lazily loaded dist/aws-sdk.js as `sdk.neptuneGraph` (see
// src/awsSdk.ts). Re-exports only; never import this module statically (use `loadSdk()`).
export {
  NeptuneGraphClient,
  ListGraphsCommand,
  GetGraphCommand,
  ListGraphSnapshotsCommand,
  GetGraphSnapshotCommand,
  CreateGraphSnapshotCommand,
  DeleteGraphSnapshotCommand,
  ListTagsForResourceCommand,
  RestoreGraphFromSnapshotCommand,
} from '@aws-sdk/client-neptune-graph';
