// The AWS SDK surface the extension uses, bundled on its own as dist/aws-sdk.js.
// Never import this module statically: use `loadSdk()` from ./sdkLoader, so that activation
// neither parses nor evaluates the SDK (the build fails on a static import).
export {
  NeptuneGraphClient,
  ListGraphsCommand,
  GetGraphCommand,
  ListGraphSnapshotsCommand,
  GetGraphSnapshotCommand,
  CreateGraphSnapshotCommand,
} from '@aws-sdk/client-neptune-graph';
export {
  StorageGatewayClient,
  ListGatewaysCommand,
  ListVolumesCommand,
  DescribeGatewayInformationCommand,
  DescribeCachediSCSIVolumesCommand,
  DescribeStorediSCSIVolumesCommand,
  CreateSnapshotCommand as CreateVolumeSnapshotCommand,
} from '@aws-sdk/client-storage-gateway';
export {
  DocDBClient,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  CreateDBClusterSnapshotCommand,
} from '@aws-sdk/client-docdb';
export { EC2Client, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
export { S3Client, ListBucketsCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
export { fromIni, fromEnv } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
export { SignatureV4 } from '@smithy/signature-v4';
export { Sha256 } from '@aws-crypto/sha256-js';
export { ConfiguredRetryStrategy, StandardRetryStrategy, AdaptiveRetryStrategy } from '@smithy/util-retry';
export {
  SimSpaceWeaverClient,
  SimSpaceWeaverServiceException,
  AccessDeniedException as SimSpaceWeaverAccessDeniedException,
  ConflictException as SimSpaceWeaverConflictException,
  InternalServerException as SimSpaceWeaverInternalServerException,
  ResourceNotFoundException as SimSpaceWeaverResourceNotFoundException,
  ServiceQuotaExceededException as SimSpaceWeaverServiceQuotaExceededException,
  TooManyTagsException as SimSpaceWeaverTooManyTagsException,
  ValidationException as SimSpaceWeaverValidationException,
} from './simspaceweaver/client';
