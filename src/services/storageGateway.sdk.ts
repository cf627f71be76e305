// The SDK surface of Storage Gateway, bundled into the lazily loaded dist/aws-sdk.js as `sdk.storageGateway` (see
// src/awsSdk.ts; its EBS snapshots are read with the shared EC2 client). Re-exports only; never import this module
// statically (use `loadSdk()`).
export {
  StorageGatewayClient,
  ListGatewaysCommand,
  ListVolumesCommand,
  DescribeGatewayInformationCommand,
  DescribeCachediSCSIVolumesCommand,
  DescribeStorediSCSIVolumesCommand,
  CreateSnapshotCommand as CreateVolumeSnapshotCommand,
  CreateCachediSCSIVolumeCommand,
  CreateStorediSCSIVolumeCommand,
  ListLocalDisksCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-storage-gateway';
